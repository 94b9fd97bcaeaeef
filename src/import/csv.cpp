// CSV as Swedish Excel and other programs write it: ',' or ';', RFC 4180 quotes, CRLF or
// LF, UTF-8 (with or without BOM) or Windows-1252.
#include <string>

#include "import/import.hpp"

namespace rv::import {

namespace {

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || (len == 2 && c < 0xC2) || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

// Windows-1252's 0x80–0x9F; the rest of the upper half is Latin-1.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string from_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const char32_t cp = c < 0x80 ? c : c < 0xA0 ? kCp1252High[c - 0x80] : c;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// ';' when the first lines (outside quotes) have at least as many of them as of ','. More
// than one line, since a title row above the table may have neither.
char guess_separator(std::string_view s) {
  size_t commas = 0, semicolons = 0, lines = 0;
  bool quoted = false;
  for (char c : s) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' && ++lines == 20) break;
    commas += c == ',';
    semicolons += c == ';';
  }
  return semicolons > 0 && semicolons >= commas ? ';' : ',';
}

int chars_between(std::string_view s, size_t from, size_t to) {
  int n = 0;
  for (size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::optional<Sheet> read_csv(const std::string& file, std::string_view bytes, Diagnostics& diags) {
  Sheet sheet;
  sheet.file = file;
  std::string converted;
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    diags.error(Span{file, 0, 0},
                "filen är UTF-16 (Excels \"Unicode-text\"); spara den som \"CSV UTF-8\" eller "
                "som .xlsx");
    return std::nullopt;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    sheet.encoding = "UTF-8 med BOM";
  } else if (valid_utf8(bytes)) {
    sheet.encoding = "UTF-8";
  } else {
    converted = from_cp1252(bytes);
    bytes = converted;
    sheet.encoding = "Windows-1252";
  }
  if (bytes.find('\0') != std::string_view::npos) {
    diags.error(
        Span{file, 0, 0},
        "filen innehåller nolltecken och är ingen textfil (en XLSX-fil ska sluta på .xlsx)");
    return std::nullopt;
  }
  const char sep = guess_separator(bytes);
  sheet.separator = sep;
  int line = 1;
  size_t line_start = 0;
  std::vector<Cell> row;
  size_t i = 0;
  bool ok = true;
  const size_t n = bytes.size();
  while (i < n || !row.empty()) {
    Cell cell;
    cell.at = Span{file, line, chars_between(bytes, line_start, i) + 1};
    std::string text;
    bool quoted = false;
    if (i < n && bytes[i] == '"') {
      quoted = true;
      ++i;
      for (;;) {
        if (i >= n) {
          diags.error(cell.at, "citattecknet som börjar här avslutas aldrig");
          return std::nullopt;
        }
        const char c = bytes[i];
        if (c == '"') {
          if (i + 1 < n && bytes[i + 1] == '"') {
            text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (c == '\n') {
          ++line;
          line_start = i + 1;
        }
        text += c;
        ++i;
      }
      // After the closing quote only the separator or the end of the line may follow.
      if (i < n && bytes[i] != sep && bytes[i] != '\r' && bytes[i] != '\n') {
        diags.error(Span{file, line, chars_between(bytes, line_start, i) + 1},
                    "efter ett citerat fält ska det komma '" + std::string(1, sep) +
                        "' eller radslut, inte '" + std::string(1, bytes[i]) + "'");
        ok = false;
        while (i < n && bytes[i] != sep && bytes[i] != '\n') ++i;
      }
    } else {
      while (i < n && bytes[i] != sep && bytes[i] != '\n' && bytes[i] != '\r') text += bytes[i++];
    }
    if (quoted || !text.empty()) {
      cell.kind = Cell::Kind::Text;
      cell.text = std::move(text);
    }
    row.push_back(std::move(cell));
    if (i < n && bytes[i] == sep) {
      ++i;
      if (i >= n) continue;  // a separator last: one more empty field on this row
      continue;
    }
    if (i < n && bytes[i] == '\r') ++i;
    if (i < n && bytes[i] == '\n') ++i;
    sheet.rows.push_back(std::move(row));
    row.clear();
    ++line;
    line_start = i;
    if (i >= n) break;
  }
  if (!ok) return std::nullopt;
  return sheet;
}

}  // namespace rv::import
