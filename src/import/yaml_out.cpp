#include "import/yaml_out.hpp"

#include <algorithm>

namespace rv::import {

namespace {

bool is_amount_or_flag(const std::string& key) {
  return key != "namn" && key != "ansökan" && key != "status" && key != "anmärkning";
}

int chars(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string yaml_scalar(const std::string& text) {
  bool plain = !text.empty();
  if (plain) {
    const auto first = static_cast<unsigned char>(text[0]);
    plain = first >= 0x80 || std::isalpha(first);
    for (unsigned char c : text)
      if (!(c >= 0x80 || std::isalnum(c) || c == ' ' || c == '-' || c == '.' || c == '(' ||
            c == ')' || c == '/' || c == '&'))
        plain = false;
    if (text.back() == ' ' || text.find("  ") != std::string::npos) plain = false;
    std::string lower;
    for (unsigned char c : text) lower += static_cast<char>(std::tolower(c));
    for (const char* word :
         {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "ja", "nej", "nan", "inf"})
      if (lower == word) plain = false;
  }
  if (plain) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '\r') continue;
    if (c == '\t') {
      out += "\\t";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string YamlOut::text() {
  std::string out;
  out += "# Mottagare i gruppen " + opt_.group + ", importerade ur " + opt_.source_label +
         " med 'rapportverk importera'.\n";
  out += "# Kolumner: ";
  for (size_t i = 0; i < used_.size(); ++i) out += (i ? ", " : "") + used_[i];
  out += ".\n# Belopp i hela kronor. Ändra i kalkylbladet och importera igen, eller här.\n";
  out += "mottagare:\n  " + yaml_scalar(opt_.group) + ":   # " + std::to_string(rows_.size()) +
         (rows_.size() == 1 ? " mottagare\n" : " mottagare\n");
  int line = 6;
  placed_.clear();
  for (const auto& r : rows_) {
    Placed p;
    p.line = line++;
    std::string l = "    - {";
    for (size_t i = 0; i < r.fields.size(); ++i) {
      const auto& f = r.fields[i];
      if (i) l += ", ";
      p.starts.emplace_back(chars(l) + 1, f.at);
      l += f.key + ": " + (is_amount_or_flag(f.key) ? f.value : yaml_scalar(f.value));
    }
    out += l + "}\n";
    placed_.push_back(std::move(p));
  }
  return out;
}

std::optional<Span> YamlOut::cell_for(int line, int col) const {
  auto it = std::find_if(placed_.begin(), placed_.end(),
                         [line](const Placed& p) { return p.line == line; });
  if (it == placed_.end() || it->starts.empty()) return std::nullopt;
  Span best = it->starts.front().second;
  for (const auto& [start, span] : it->starts)
    if (start <= col) best = span;
  return best;
}

}  // namespace rv::import
