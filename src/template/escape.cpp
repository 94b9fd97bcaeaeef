#include "template/escape.hpp"

namespace rv::tmpl {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }

// Characters that may start or end inline markup wherever they stand.
bool always_escaped(char c) {
  switch (c) {
    case '*':
    case '_':
    case '[':
    case ']':
    case '<':
    case '>':
    case '#':
    case '|':
    case '~':
    case '&':
    case '!':
    case '{':  // heading attributes "{#id .ej-innehåll}"
    case '}':
    case '`':
    case '\\':
      return true;
    default:
      return false;
  }
}

// Characters that start markup only at the start of the value: a list item ("- x", "+ x"), a
// setext underline ("==="), a table's delimiter row (":--", where a paragraph line above
// becomes a one-column table), and a footnote reference when the template's "[" precedes.
bool starts_block(char c) { return c == '-' || c == '+' || c == '=' || c == ':' || c == '^'; }

bool needs_work(std::string_view s) {
  for (char c : s)
    if (always_escaped(c) || is_break(c)) return true;
  if (s.empty()) return false;
  // What only matters at the start or the end of the value.
  char first = s.front();
  return starts_block(first) || first == '.' || first == ')' || is_digit(first) ||
         is_blank(first) || is_blank(s.back());
}

// Every line break with the blanks around it → one space.
std::string join_lines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_break(s[i])) {
      out.push_back(s[i]);
      continue;
    }
    while (!out.empty() && is_blank(out.back())) out.pop_back();
    while (i + 1 < s.size() && (is_break(s[i + 1]) || is_blank(s[i + 1]))) ++i;
    out.push_back(' ');
  }
  return out;
}

const char* blank_entity(char c) { return c == '\t' ? "&#9;" : "&#32;"; }

}  // namespace

std::string escape_markdown(std::string_view value, char before) {
  if (!needs_work(value)) return std::string(value);
  std::string joined;
  if (value.find_first_of("\r\n") != std::string_view::npos) {
    joined = join_lines(value);
    value = joined;
  }
  // Where a list marker "1." / "1)" would end if the value starts a block.
  size_t digits = 0;
  while (digits < value.size() && is_digit(value[digits])) ++digits;
  size_t marker_end =
      digits > 0 && digits < value.size() && (value[digits] == '.' || value[digits] == ')')
          ? digits
          : std::string_view::npos;

  std::string out;
  out.reserve(value.size() + value.size() / 8 + 8);
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    bool first = i == 0, last = i + 1 == value.size();
    if (is_blank(c) && (first || last)) {
      out += blank_entity(c);
    } else if (c == '\\') {
      out += "&#92;";
    } else if (always_escaped(c) || i == marker_end || (first && starts_block(c)) ||
               (first && (c == '.' || c == ')') && is_digit(before))) {
      out.push_back('\\');
      out.push_back(c);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace rv::tmpl
