// Importing into a data-set file that already exists, such as the group file `rapportverk
// init` wrote with last year's names: only the group's list under `mottagare:` is replaced
// (or added); the group's definition, the other groups, comments and layout stay as they
// were, byte for byte.
#include <yaml-cpp/yaml.h>

#include "import/import.hpp"

namespace rv::import {

namespace {

int indent_of(const std::string& line) {
  int n = 0;
  while (n < static_cast<int>(line.size()) && line[n] == ' ') ++n;
  return n;
}

bool blank_or_comment(const std::string& line) {
  size_t i = line.find_first_not_of(' ');
  return i == std::string::npos || line[i] == '#';
}

// Not load::split_lines: that drops a line's '\r', and the lines kept here must come back
// byte for byte (a CRLF file stays CRLF).
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The last line of the block that starts with a key at `line` and column `col`: every
// following line indented deeper, or a list item at the key's own indentation ("- …").
size_t block_end(const std::vector<std::string>& lines, size_t line, int col) {
  size_t last = line;
  for (size_t i = line + 1; i < lines.size(); ++i) {
    if (blank_or_comment(lines[i])) continue;
    int ind = indent_of(lines[i]);
    bool item = ind == col && lines[i].compare(ind, 1, "-") == 0;
    if (ind < col || (ind == col && !item)) break;
    last = i;
  }
  return last;
}

std::string shifted(const std::string& block, int by) {
  std::string out;
  for (const auto& l : lines_of(block)) out += std::string(static_cast<size_t>(by), ' ') + l + "\n";
  return out;
}

// The generated group block ("  kommuner:   # 2 mottagare\n    - {…}\n…") without the
// header comments and the `mottagare:` line, and with `base` spaces of indentation removed.
std::string group_block(const std::string& generated, const std::string& source_label) {
  size_t at = generated.find("\nmottagare:\n");
  std::string block = generated.substr(at + 12);
  std::string out;
  bool first = true;
  for (auto l : lines_of(block)) {
    l = l.substr(std::min<size_t>(2, l.size()));
    if (first) l += ", importerade ur " + source_label;
    first = false;
    out += l + "\n";
  }
  return out;
}

}  // namespace

std::vector<std::string> names_in_file(const std::string& text, const std::string& group) {
  std::vector<std::string> names;
  try {
    YAML::Node root = YAML::Load(text);
    if (!root.IsMap() || !root["mottagare"].IsMap()) return names;
    YAML::Node list = root["mottagare"][group];
    if (!list.IsSequence()) return names;
    for (const auto& r : list)
      if (r.IsMap() && r["namn"].IsScalar()) names.push_back(r["namn"].Scalar());
  } catch (const YAML::Exception&) {
  }
  return names;
}

std::optional<std::string> merge_recipients(const std::string& path, const std::string& text,
                                            const std::string& group, const std::string& generated,
                                            const std::string& source_label, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    diags.error(Span{path, e.mark.line + 1, e.mark.column + 1},
                "utfilen finns redan men går inte att läsa som YAML, så mottagarna kan inte "
                "föras in i den; rätta den eller skriv till en ny fil");
    return std::nullopt;
  }
  if (root.IsNull()) return generated;  // an empty file: write it anew
  if (!root.IsMap()) {
    diags.error(Span{path, 1, 1},
                "utfilen finns redan och är inte en datafil (nyckel: värde); "
                "skriv till en ny fil");
    return std::nullopt;
  }
  YAML::Node recipients = root["mottagare"];
  // A file with nothing but this group's recipients (an earlier import): written anew, so
  // that its comments name the new source.
  if (root.size() == 1 && recipients.IsMap() && recipients.size() == 1 && recipients[group])
    return generated;
  std::vector<std::string> lines = lines_of(text);
  std::string before, after;
  auto join = [&](size_t from, size_t to) {
    std::string s;
    for (size_t i = from; i < to && i < lines.size(); ++i) s += lines[i] + "\n";
    return s;
  };
  if (recipients && recipients.IsNull()) {  // `mottagare:` with nothing under it yet
    for (size_t i = 0; i < lines.size(); ++i)
      if (lines[i].rfind("mottagare:", 0) == 0)
        return join(0, i) + "mottagare:\n" + shifted(group_block(generated, source_label), 2) +
               join(i + 1, lines.size());
  }
  if (!recipients) {
    std::string out = text;
    if (!out.empty() && out.back() != '\n') out += "\n";
    return out + "\nmottagare:\n" + shifted(group_block(generated, source_label), 2);
  }
  if (!recipients.IsMap() || recipients.Style() == YAML::EmitterStyle::Flow) {
    diags.error(Span{path, recipients.Mark().line + 1, recipients.Mark().column + 1},
                "'mottagare' i utfilen är inte skriven som ett block (grupp: lista på egna "
                "rader), så mottagarna kan inte föras in; skriv till en ny fil");
    return std::nullopt;
  }
  // The group's key in the file, if it is there: its line and column.
  for (const auto& kv : recipients) {
    if (kv.first.Scalar() != group) continue;
    const YAML::Mark k = kv.first.Mark();
    size_t end = block_end(lines, static_cast<size_t>(k.line), k.column);
    return join(0, static_cast<size_t>(k.line)) +
           shifted(group_block(generated, source_label), k.column) + join(end + 1, lines.size());
  }
  // Not there: added as the last group under `mottagare:`, indented like the others.
  YAML::Node first_key = recipients.begin()->first;
  const int col = recipients.size() > 0 ? first_key.Mark().column : 2;
  size_t key_line = 0;
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].rfind("mottagare:", 0) == 0) key_line = i;
  size_t end = block_end(lines, key_line, 0);
  return join(0, end + 1) + shifted(group_block(generated, source_label), col) +
         join(end + 1, lines.size());
}

}  // namespace rv::import
