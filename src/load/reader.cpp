#include "load/reader.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <charconv>
#include <cstdio>
#include <map>
#include <sstream>
#include <string_view>

#include "load/pitfalls.hpp"
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

Span SourceFile::span(const YAML::Node& n) const {
  if (n.IsNull() && empty_value.IsDefined() && n.is(empty_value)) return span(empty_value_key);
  return span(n.Mark());
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

void normalise_line_ends(std::string& text) {
  for (size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1))
    if (i + 1 == text.size() || text[i + 1] != '\n') text[i] = '\n';
}

namespace {

// yaml-cpp's parser messages (yaml-cpp/exceptions.h, ErrorMsg), in Swedish. Matched by
// prefix: some carry a detail after a colon.
std::string translate_yaml_error(const std::string& msg) {
  static const std::pair<const char*, const char*> table[] = {
      {"end of sequence flow not found", "listan saknar avslutande ']'"},
      {"end of map flow not found", "mappningen saknar avslutande '}'"},
      {"illegal map value", "otillåtet värde: kontrollera indrag och kolon"},
      {"end of sequence not found", "listan tar inte slut där den borde: kontrollera indraget"},
      {"end of map not found", "mappningen tar inte slut där den borde: kontrollera indraget"},
      {"unknown escape character", "okänd escape-sekvens i text inom citattecken"},
      {"end of string not found", "text inom citattecken saknar avslutande citattecken"},
      {"block sequence entries are not allowed in this context",
       "listpunkter ('- ') är inte tillåtna här: kontrollera indraget"},
      {"illegal tab when looking for indentation", "tabbtecken i indraget; använd mellanslag"},
      {"did not find expected key", "förväntade en nyckel här: kontrollera indraget"},
      {"invalid character in anchor", "ogiltigt tecken i ett ankare (&)"},
      {"unknown anchor", "okänt ankare (*)"},
      {"the referenced anchor is not defined",
       "ankaret som '*' hänvisar till är inte definierat (skriv '&namn' före '*namn')"},
      {"cannot assign the same alias to multiple nodes", "samma ankare används för flera värden"},
      {"YAML directives must have exactly one argument",
       "direktivet %YAML ska ha exakt ett argument"},
      {"bad YAML version", "okänd YAML-version i %YAML"},
      {"YAML major version too large", "YAML-versionen i %YAML är för hög"},
      {"repeated YAML directive", "direktivet %YAML förekommer två gånger"},
      {"TAG directives must have exactly two arguments", "direktivet %TAG ska ha två argument"},
      {"repeated TAG directive", "direktivet %TAG förekommer två gånger"},
      {"illegal character found while scanning tag handle", "otillåtet tecken i en tagg (!)"},
      {"tag handle with no suffix", "taggen (!) saknar namn"},
      {"end of verbatim tag not found", "taggen '!<' saknar avslutande '>'"},
      {"cannot assign multiple tags to the same node", "ett värde kan bara ha en tagg (!)"},
      {"cannot assign multiple anchors to the same node", "ett värde kan bara ha ett ankare (&)"},
      {"cannot assign multiple aliases to the same node",
       "ett värde kan bara vara en hänvisning (*)"},
      {"aliases can't have any content", "en hänvisning (*) kan inte ha eget innehåll"},
      {"bad character found while scanning hex number",
       "ogiltig hexadecimal siffra i en escape-sekvens"},
      {"invalid unicode", "ogiltigt Unicode-tecken i en escape-sekvens"},
      {"unknown token", "oväntat tecken"},
      {"illegal document indicator in scalar", "'---' eller '...' mitt i en text"},
      {"illegal EOF in scalar", "filen tar slut mitt i en text"},
      {"illegal character in scalar", "otillåtet tecken i en text"},
      {"illegal flow end", "oväntat ']' eller '}'"},
      {"illegal block entry", "oväntad listpunkt ('- ')"},
      {"illegal map key", "otillåten nyckel: kontrollera indrag och kolon"},
      {"alias not found after *", "'*' saknar namnet på ett ankare"},
      {"anchor not found after &", "'&' saknar namnet på ankaret"},
      {"illegal character found while scanning alias", "otillåtet tecken i en hänvisning (*)"},
      {"illegal character found while scanning anchor", "otillåtet tecken i ett ankare (&)"},
      {"cannot set zero indentation for a block scalar", "ett textblock kan inte ha indrag 0"},
      {"unexpected character in block scalar", "oväntat tecken i ett textblock ('|' eller '>')"},
      {"invalid anchor", "ogiltigt ankare (&)"},
      {"invalid alias", "ogiltig hänvisning (*)"},
      {"invalid tag", "ogiltig tagg (!)"},
      {"unexpected end sequence token", "oväntat slut på en lista"},
      {"unexpected end map token", "oväntat slut på en mappning"},
  };
  for (const auto& [en, sv] : table)
    if (msg.find(en) != std::string::npos) return sv;
  return "ogiltig YAML";
}

// The line of the `---` that starts the document whose content begins at `content`.
YAML::Mark document_start(const std::string& text, const YAML::Mark& content) {
  YAML::Mark m = content;
  std::vector<std::string> lines = split_lines(text);
  for (int l = std::min<int>(content.line, static_cast<int>(lines.size()) - 1); l >= 0; --l)
    if (lines[l].rfind("---", 0) == 0) {
      m.line = l, m.column = 0;
      break;
    }
  return m;
}

}  // namespace

// True when a line after the first starts a new document (`---`) or ends one (`...`):
// only then can the text hold more than one document.
bool has_document_markers(const std::string& text) {
  for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
    const std::string_view rest = std::string_view(text).substr(at + 1);
    if (rest.starts_with("---") || rest.starts_with("...")) return true;
  }
  return false;
}

// Walks a text's documents as events, building nothing. yaml-cpp's LoadAll loops for
// ever on a stray ',' after a document (its parser reports an empty document without
// consuming the comma, again and again), so a document that ends where the previous one
// did is reported as a syntax error here instead.
class DocumentWalker : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& m) override { see(m); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t) override { see(m); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { content(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                const std::string&) override {
    content(m);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    content(m);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    content(m);
  }
  void OnMapEnd() override {}

  void next_document() { content_at_.reset(); }
  const std::optional<YAML::Mark>& content_at() const { return content_at_; }
  const YAML::Mark& furthest() const { return furthest_; }

 private:
  void see(const YAML::Mark& m) {
    if (m.pos > furthest_.pos) furthest_ = m;
  }
  void content(const YAML::Mark& m) {
    see(m);
    if (!content_at_) content_at_ = m;
  }
  YAML::Mark furthest_ = YAML::Mark::null_mark();
  std::optional<YAML::Mark> content_at_;  // the current document's first content
};

// Checks that `text` holds one document with content at the most; sets doc's error if not.
void check_single_document(const std::string& text, YamlDocument& doc) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentWalker walker;
  for (int documents = 1;; ++documents) {
    const int before = walker.furthest().pos;
    walker.next_document();
    if (!parser.HandleNextDocument(walker)) return;
    if (documents == 1) continue;
    if (walker.content_at()) {
      doc.error_at = document_start(text, *walker.content_at());
      doc.error =
          "filen innehåller mer än ett YAML-dokument ('---'); allt i en fil ska vara ett "
          "dokument (dela upp det på flera filer i samma mapp)";
      return;
    }
    if (walker.furthest().pos <= before) {
      doc.error_at = walker.furthest();
      doc.error = "oväntat ',' (ett kommatecken hör hemma mellan [ ] eller { })";
      return;
    }
  }
}

YamlDocument parse_yaml(const std::string& text) {
  YamlDocument doc;
  try {
    // One document is read with Load (LoadAll cannot be trusted, see DocumentCounter);
    // a file with document markers is walked as events first.
    if (has_document_markers(text)) {
      check_single_document(text, doc);
      if (doc.error_at) return doc;
    }
    doc.root = YAML::Load(text);
    // An empty result may hide a document that is only a stray ',' (see DocumentWalker).
    if (doc.root.IsNull()) check_single_document(text, doc);
  } catch (const YAML::DeepRecursion& e) {
    doc.error_at = e.mark;
    doc.error = "för djupt nästlade listor eller mappningar (högst " +
                std::to_string(e.depth() - 1) + " nivåer går)";
  } catch (const YAML::Exception& e) {
    doc.error_at = e.mark;
    doc.error = translate_yaml_error(e.msg);
  }
  return doc;
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

namespace {

std::string code_point(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

// The first problem in `s` as (byte offset, description), if any.
std::optional<std::pair<size_t, std::string>> text_problem(const std::string& s, bool one_line) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if ((c < 0x20 && !(!one_line && (c == '\n' || c == '\t'))) || c == 0x7F) {
        if (c == '\n' || c == '\t')
          return std::pair{i, std::string("radbrytning eller tabbtecken")};
        return std::pair{i, "styrtecken " + code_point(c)};
      }
      ++i;
      continue;
    }
    // Strict UTF-8: no stray continuation bytes, overlong forms, surrogates or > U+10FFFF.
    int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool ok = len > 0 && i + len <= s.size();
    for (int k = 1; ok && k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      ok = (cc & 0xC0) == 0x80;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02X", c);
      return std::pair{i, std::string("ogiltig UTF-8 (byte ") + buf + ")"};
    }
    if (cp >= 0x80 && cp <= 0x9F) return std::pair{i, "styrtecken " + code_point(cp)};
    if (cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2066 && cp <= 0x2069))
      return std::pair{i, "osynligt tecken för skrivriktning " + code_point(cp)};
    i += len;
  }
  return std::nullopt;
}

// Where byte `offset` of a scalar's value is in the file: exact when the value is written
// as is on its line (plain or quoted without escapes), else the scalar's start.
Span span_in_scalar(const SourceFile& f, const YAML::Node& n, const std::string& value,
                    size_t offset) {
  const YAML::Mark m = n.Mark();
  if (!m.is_null() && m.line >= 0 && m.line < static_cast<int>(f.lines.size())) {
    const std::string& line = f.lines[m.line];
    for (size_t quote : {0, 1}) {
      size_t at = static_cast<size_t>(m.column) + quote;
      if (at <= line.size() && line.compare(at, offset, value, 0, offset) == 0 &&
          at + offset <= line.size()) {
        YAML::Mark p = m;
        p.column = static_cast<int>(at + offset);
        return f.span(p);
      }
    }
  }
  return f.span(n);
}

}  // namespace

bool check_text(const SourceFile& f, const YAML::Node& n, Diagnostics& d, std::string_view what,
                bool one_line) {
  const std::string& s = n.Scalar();
  auto problem = text_problem(s, one_line);
  if (!problem) return true;
  d.error(span_in_scalar(f, n, s, problem->first), "'" + std::string(what) + "' innehåller " +
                                                       problem->second +
                                                       "; skriv texten utan det tecknet");
  return false;
}

std::optional<std::string> as_text(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                                   std::string_view what) {
  if (!n.IsScalar()) {
    d.error(f.span(n), "'" + std::string(what) + "' ska vara text, men är " + describe(n));
    return std::nullopt;
  }
  if (!check_text(f, n, d, what, false)) return std::nullopt;
  return n.Scalar();
}

std::optional<std::string> as_name(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                                   std::string_view what) {
  if (!n.IsScalar()) {
    d.error(f.span(n), "'" + std::string(what) + "' ska vara text, men är " + describe(n));
    return std::nullopt;
  }
  if (!check_text(f, n, d, what, true)) return std::nullopt;
  const std::string& s = n.Scalar();
  auto space = [](unsigned char c) { return c == ' '; };
  bool nbsp_front = s.rfind("\xC2\xA0", 0) == 0;
  bool nbsp_back = s.size() >= 2 && s.compare(s.size() - 2, 2, "\xC2\xA0") == 0;
  if (!s.empty() && (space(s.front()) || space(s.back()) || nbsp_front || nbsp_back)) {
    d.error(f.span(n), "'" + std::string(what) + "' har mellanslag i början eller slutet ('" + s +
                           "'); ta bort dem, annars ser två olika namn likadana ut");
    return std::nullopt;
  }
  return s;
}

std::string name_key(const std::string& name) {
  bool ascii = true;
  for (char c : name) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return name;  // already NFC, and most names are
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return name;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(name);
  if (nfc->quickCheck(u, status) == UNORM_YES && U_SUCCESS(status)) return name;
  status = U_ZERO_ERROR;
  icu::UnicodeString normal = nfc->normalize(u, status);
  if (U_FAILURE(status)) return name;
  std::string out;
  normal.toUTF8String(out);
  return out;
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
    if (ec != std::errc() || p != body.data() + body.size() || v > kMaxAmount) {
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
  if (auto kr = amount_with_unit(s)) {
    d.error(f.span(n), "'" + w + ": " + s +
                           "' är text för YAML, inte ett tal; skriv beloppet i hela kronor "
                           "utan mellanrum och enhet: " +
                           w + ": " + std::to_string(*kr));
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
    if (auto sv = english_boolean(s)) {
      d.error(f.span(n), "'" + std::string(what) + ": " + s +
                             "': YAML 1.1 läser engelskans yes/no/on/off som sant och falskt, "
                             "men här skrivs ja eller nej: " +
                             std::string(what) + ": " + *sv);
      return std::nullopt;
    }
  }
  d.error(f.span(n), "'" + std::string(what) + "' ska vara ja eller nej, men är " + describe(n));
  return std::nullopt;
}

namespace {
bool has_letters(const std::string& s) {
  for (unsigned char c : s)
    if (std::isalpha(c) || c >= 0x80) return true;
  return false;
}
}  // namespace

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
          !(dt.month == 2 && dt.day == 29 && !leap)) {
        // Year 0000 or 9999 is a typo or a placeholder, never a date in a grant year.
        if (dt.year >= kFirstYear && dt.year <= kLastYear) return dt;
        d.error(f.span(n), "'" + std::string(what) + "' har ett orimligt årtal: " + s +
                               " (årtalet ska ligga mellan " + std::to_string(kFirstYear) +
                               " och " + std::to_string(kLastYear) + ")");
        return std::nullopt;
      }
      d.error(f.span(n), "'" + std::string(what) + "' är inget giltigt datum: " + s);
      return std::nullopt;
    }
  }
  if (n.IsScalar())
    if (auto h = date_hint(n.Scalar())) {
      d.error(f.span(n), "'" + std::string(what) + ": " + n.Scalar() +
                             "': skriv datum som år-månad-dag med fyra, två och två siffror: " +
                             std::string(what) + ": " + h->iso +
                             (has_letters(n.Scalar()) ? "" : " (om det betyder " + h->words + ")"));
      return std::nullopt;
    }
  d.error(f.span(n),
          "'" + std::string(what) + "' ska vara ett datum som 2022-05-18, men är " + describe(n));
  return std::nullopt;
}

MapReader::MapReader(const SourceFile& file, const YAML::Node& node, std::string what,
                     Diagnostics& diags, std::vector<std::string_view> known,
                     std::string_view unknown_hint)
    : file_(file), node_(node), what_(std::move(what)), diags_(diags) {
  if (!node.IsMap()) {
    diags_.error(file_.span(node),
                 what_ + " ska vara en mappning (nyckel: värde), men är " + describe(node));
    return;
  }
  is_map_ = true;
  std::map<std::string, int> first_line;
  const bool flow = node.Style() == YAML::EmitterStyle::Flow;
  std::string prev_key;
  YAML::Node prev_value;
  bool prev_split = false;
  for (const auto& kv : node) {
    const YAML::Node& k = kv.first;
    std::string key = k.IsScalar() ? k.Scalar() : "";
    Span ks = file_.span(k);
    // What a comma inside {…} leaves behind: a key without a colon, after a value.
    if (flow && !prev_key.empty() && comma_split(k, kv.second, prev_value)) {
      if (!prev_split) diags_.error(ks, comma_split_message(prev_key, prev_value, key));
      prev_split = true;  // "1,000,000": the second '000' is part of the same mistake
      comma_split_seen_ = true;
      continue;
    }
    prev_split = false;
    prev_key = key;
    prev_value.reset(kv.second);  // rebinds; `=` would overwrite the previous value's node
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
      diags_.error(ks, msg + std::string(unknown_hint));
    }
  }
}

// A key with no value and no colon right after the value before it, on the same line:
// `fördelat: 1,5` or `namn: Malmö, stad` inside {…}.
bool MapReader::comma_split(const YAML::Node& key, const YAML::Node& value,
                            const YAML::Node& before) const {
  if (!key.IsScalar() || !value.IsNull() || !before.IsScalar() || key.Tag() != "?") return false;
  const YAML::Mark k = key.Mark(), b = before.Mark();
  if (k.is_null() || b.is_null() || k.line != b.line ||
      k.line >= static_cast<int>(file_.lines.size()))
    return false;
  const std::string& line = file_.lines[k.line];
  size_t end = static_cast<size_t>(k.column) + key.Scalar().size();
  while (end < line.size() && line[end] == ' ') ++end;
  return end >= line.size() || line[end] == ',' || line[end] == '}';
}

std::string MapReader::comma_split_message(const std::string& field, const YAML::Node& before,
                                           const std::string& tail) const {
  const std::string& value = before.Scalar();
  bool number = !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
  if (number && looks_like_number_tail(tail)) return split_number_hint(field, value, tail);
  return "'" + tail + "' utan värde efter '" + field + ": " + value +
         "': inom {…} skiljer ett komma fälten åt, så texten delades vid kommat. Sätt den inom "
         "citattecken: " +
         field + ": \"" + value + ", " + tail + "\"";
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
  if (is_empty(*e)) return file_.span(e->key_node);
  return file_.span(e->value);
}

// An empty value (`nyckel:` and nothing) has no mark of its own, or the next token's.
bool MapReader::is_empty(const Entry& e) {
  if (!e.value.IsNull()) return false;
  const YAML::Mark v = e.value.Mark(), k = e.key_node.Mark();
  return v.is_null() || v.line != k.line;
}

void MapReader::missing(std::string_view key) {
  diags_.error(span(), "nyckeln '" + std::string(key) + "' saknas i " + what_);
}

std::optional<YAML::Node> MapReader::node(std::string_view key, bool required) {
  if (!present(key)) {
    if (required && is_map_) missing(key);
    return std::nullopt;
  }
  const Entry* e = entry(key);
  if (is_empty(*e)) {
    file_.empty_value = e->value;
    file_.empty_value_key = e->key_node.Mark();
  }
  return e->value;
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

std::optional<std::string> MapReader::name(std::string_view key, bool required) {
  auto n = node(key, required);
  if (!n) return std::nullopt;
  if (n->IsNull()) {
    if (required) diags_.error(value_span(key), "'" + std::string(key) + "' är tomt i " + what_);
    return required ? std::nullopt : std::optional<std::string>("");
  }
  return as_name(file_, *n, diags_, key);
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
std::string date_text(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string kr(Amount a) {
  std::string digits = std::to_string(a < 0 ? -a : a), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return (a < 0 ? "-" : "") + out + " kr";
}
}  // namespace rv::load
