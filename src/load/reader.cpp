#include "load/reader.hpp"

#include <charconv>
#include <map>

#include "load/suggest.hpp"

namespace rv::load {

Span SourceFile::span(const YAML::Mark& m) const {
  if (m.is_null() || m.line < 0) return Span{path, 0, 0};
  int n = static_cast<int>(lines.size());
  if (m.line >= n && n > 0) {
    // The parser noticed the problem at the end of the file: point at the last line's end.
    return Span{path, n,
                byte_to_char_column(lines[n - 1], static_cast<int>(lines[n - 1].size())) + 1};
  }
  int col = m.column;
  if (m.line < n) col = byte_to_char_column(lines[m.line], m.column);
  return Span{path, m.line + 1, col + 1};
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    size_t len = end - start;
    if (len > 0 && text[start + len - 1] == '\r') --len;
    lines.emplace_back(text, start, len);
    start = end + 1;
  }
  return lines;
}

std::string describe(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence:
      return "en lista";
    case YAML::NodeType::Map:
      return "en mappning";
    case YAML::NodeType::Null:
      return "tomt";
    case YAML::NodeType::Scalar:
      return "'" + n.Scalar() + "'";
    default:
      return "odefinierat";
  }
}

namespace {

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "5 394 915" or "5\u00A0394\u00A0915" (groups of three after the first) → "5394915".
std::optional<std::string> ungrouped(const std::string& s) {
  std::string digits, group;
  std::vector<std::string> groups;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ' ') {
      groups.push_back(group), group.clear(), ++i;
    } else if (s.compare(i, 2, "\xC2\xA0") == 0) {
      groups.push_back(group), group.clear(), i += 2;
    } else {
      group += s[i++];
    }
  }
  groups.push_back(group);
  if (groups.size() < 2) return std::nullopt;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!is_digits(groups[g])) return std::nullopt;
    if (g > 0 && groups[g].size() != 3) return std::nullopt;
    if (g == 0 && groups[g].size() > 3) return std::nullopt;
    digits += groups[g];
  }
  return digits;
}

}  // namespace

std::optional<std::string> as_text(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                                   std::string_view what) {
  if (!n.IsScalar()) {
    d.error(f.span(n), "'" + std::string(what) + "' ska vara text, men är " + describe(n));
    return std::nullopt;
  }
  return n.Scalar();
}

std::optional<Amount> as_amount(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                                std::string_view what) {
  std::string w(what);
  if (!n.IsScalar()) {
    d.error(f.span(n), "'" + w + "' ska vara ett belopp i hela kronor, men är " + describe(n));
    return std::nullopt;
  }
  const std::string& s = n.Scalar();
  std::string_view body = s;
  bool negative = !body.empty() && body.front() == '-';
  if (negative) body.remove_prefix(1);
  if (n.Tag() == "?" && is_digits(body)) {
    Amount v = 0;
    auto [p, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
    if (ec != std::errc() || p != body.data() + body.size() || v > 1'000'000'000'000'000) {
      d.error(f.span(n), "'" + w + "' är för stort: " + s);
      return std::nullopt;
    }
    if (negative) {
      d.error(f.span(n), "'" + w + "' får inte vara negativt (" + s + ")");
      return std::nullopt;
    }
    return v;
  }
  auto dot = body.find_first_of(".,");
  if (dot != std::string_view::npos && is_digits(body.substr(0, dot)) &&
      is_digits(body.substr(dot + 1))) {
    d.error(f.span(n), "'" + w + "' ska vara ett helt antal kronor, inte " + s);
    return std::nullopt;
  }
  if (auto digits = ungrouped(s)) {
    d.error(f.span(n), "skriv '" + w + "' utan mellanrum mellan siffrorna: " + *digits);
    return std::nullopt;
  }
  d.error(f.span(n), "'" + w + "' ska vara ett belopp i hela kronor, men är " + describe(n));
  return std::nullopt;
}

std::optional<bool> as_yes_no(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                              std::string_view what) {
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    if (s == "ja" || s == "Ja" || s == "true" || s == "sant") return true;
    if (s == "nej" || s == "Nej" || s == "false" || s == "falskt") return false;
  }
  d.error(f.span(n), "'" + std::string(what) + "' ska vara ja eller nej, men är " + describe(n));
  return std::nullopt;
}

std::optional<Date> as_date(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                            std::string_view what) {
  if (n.IsScalar()) {
    const std::string& s = n.Scalar();
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && is_digits(s.substr(0, 4)) &&
        is_digits(s.substr(5, 2)) && is_digits(s.substr(8, 2))) {
      Date dt{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
      static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      bool leap = (dt.year % 4 == 0 && dt.year % 100 != 0) || dt.year % 400 == 0;
      if (dt.month >= 1 && dt.month <= 12 && dt.day >= 1 && dt.day <= days[dt.month - 1] &&
          !(dt.month == 2 && dt.day == 29 && !leap))
        return dt;
      d.error(f.span(n), "'" + std::string(what) + "' är inget giltigt datum: " + s);
      return std::nullopt;
    }
  }
  d.error(f.span(n),
          "'" + std::string(what) + "' ska vara ett datum som 2022-05-18, men är " + describe(n));
  return std::nullopt;
}

MapReader::MapReader(const SourceFile& file, const YAML::Node& node, std::string what,
                     Diagnostics& diags, std::vector<std::string_view> known)
    : file_(file), node_(node), what_(std::move(what)), diags_(diags) {
  if (!node.IsMap()) {
    diags_.error(file_.span(node),
                 what_ + " ska vara en mappning (nyckel: värde), men är " + describe(node));
    return;
  }
  is_map_ = true;
  std::map<std::string, int> first_line;
  for (const auto& kv : node) {
    const YAML::Node& k = kv.first;
    std::string key = k.IsScalar() ? k.Scalar() : "";
    Span ks = file_.span(k);
    if (auto [pos, inserted] = first_line.emplace(key, ks.line); !inserted) {
      diags_.error(ks, "nyckeln '" + key + "' förekommer två gånger i " + what_ +
                           " (första gången på rad " + std::to_string(pos->second) + ")");
      continue;
    }
    entries_.push_back({key, k, kv.second});
    bool ok = false;
    for (auto kk : known)
      if (kk == key) ok = true;
    if (!ok) {
      std::string msg = "okänd nyckel '" + key + "' i " + what_;
      if (auto sug = closest(key, known)) msg += " (menade du '" + *sug + "'?)";
      diags_.error(ks, msg);
    }
  }
}

const MapReader::Entry* MapReader::entry(std::string_view key) const {
  for (const auto& e : entries_)
    if (e.key == key) return &e;
  return nullptr;
}

bool MapReader::present(std::string_view key) const { return entry(key) != nullptr; }

YAML::Node MapReader::find(std::string_view key) const {
  // First occurrence wins, as in yaml-cpp; later duplicates were reported.
  const Entry* e = entry(key);
  return e ? e->value : YAML::Node();
}

Span MapReader::key_span(std::string_view key) const {
  const Entry* e = entry(key);
  return e ? file_.span(e->key_node) : span();
}

Span MapReader::value_span(std::string_view key) const {
  const Entry* e = entry(key);
  if (!e) return span();
  // An empty value has no mark of its own: point at the key.
  if (e->value.IsNull() && e->value.Mark().is_null()) return file_.span(e->key_node);
  return file_.span(e->value);
}

void MapReader::missing(std::string_view key) {
  diags_.error(span(), "nyckeln '" + std::string(key) + "' saknas i " + what_);
}

std::optional<YAML::Node> MapReader::node(std::string_view key, bool required) {
  if (!present(key)) {
    if (required && is_map_) missing(key);
    return std::nullopt;
  }
  return find(key);
}

std::optional<std::string> MapReader::text(std::string_view key, bool required) {
  auto n = node(key, required);
  if (!n) return std::nullopt;
  if (n->IsNull()) {
    if (required) diags_.error(value_span(key), "'" + std::string(key) + "' är tomt i " + what_);
    return required ? std::nullopt : std::optional<std::string>("");
  }
  return as_text(file_, *n, diags_, key);
}

std::optional<Amount> MapReader::amount(std::string_view key, bool required) {
  auto n = node(key, required);
  if (!n) return std::nullopt;
  if (n->IsNull()) {
    diags_.error(value_span(key), "'" + std::string(key) + "' saknar belopp i " + what_);
    return std::nullopt;
  }
  return as_amount(file_, *n, diags_, key);
}

std::optional<int> MapReader::integer(std::string_view key, bool required, int min, int max) {
  auto n = node(key, required);
  if (!n) return std::nullopt;
  std::string k(key);
  if (!n->IsScalar() || n->Tag() != "?") {
    diags_.error(value_span(key), "'" + k + "' ska vara ett heltal, men är " + describe(*n));
    return std::nullopt;
  }
  const std::string& s = n->Scalar();
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) {
    diags_.error(value_span(key), "'" + k + "' ska vara ett heltal, men är " + describe(*n));
    return std::nullopt;
  }
  if (v < min || v > max) {
    diags_.error(value_span(key), "'" + k + "' ska ligga mellan " + std::to_string(min) + " och " +
                                      std::to_string(max) + ", men är " + s);
    return std::nullopt;
  }
  return v;
}

std::optional<bool> MapReader::yes_no(std::string_view key, bool required) {
  auto n = node(key, required);
  if (!n) return std::nullopt;
  return as_yes_no(file_, *n, diags_, key);
}

std::optional<Date> MapReader::date(std::string_view key, bool required) {
  auto n = node(key, required);
  if (!n) return std::nullopt;
  return as_date(file_, *n, diags_, key);
}

void MapReader::error_at(std::string_view key, std::string message) {
  diags_.error(value_span(key), std::move(message));
}

void MapReader::warning_at(std::string_view key, std::string message) {
  diags_.warning(value_span(key), std::move(message));
}

}  // namespace rv::load

namespace rv::load {
std::string kr(Amount a) {
  std::string digits = std::to_string(a < 0 ? -a : a), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return (a < 0 ? "-" : "") + out + " kr";
}
}  // namespace rv::load
