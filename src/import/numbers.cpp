// Numbers as Swedish officials write them in a spreadsheet or a CSV file.
#include <string>

#include "import/import.hpp"

namespace rv::import {

namespace {

// Spaces that may stand between thousands (or before "kr"/"%"): ASCII space, NBSP,
// thin space, narrow no-break space, figure space; as UTF-8.
size_t space_at(std::string_view s, size_t i) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  for (std::string_view sp : {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF", "\xE2\x80\x87"})
    if (s.substr(i, sp.size()) == sp) return sp.size();
  return 0;
}

std::string_view trim(std::string_view s) {
  for (;;) {
    if (s.empty()) return s;
    if (size_t n = space_at(s, 0)) {
      s.remove_prefix(n);
      continue;
    }
    bool cut = false;
    for (size_t n : {size_t{1}, size_t{2}, size_t{3}})
      if (s.size() >= n && space_at(s, s.size() - n) == n) {
        s.remove_suffix(n);
        cut = true;
        break;
      }
    if (!cut) return s;
  }
}

bool ends_with_unit(std::string_view& s, std::string_view unit) {
  if (s.size() < unit.size()) return false;
  std::string tail(s.substr(s.size() - unit.size()));
  for (auto& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (tail != unit) return false;
  s.remove_suffix(unit.size());
  return true;
}

}  // namespace

bool is_none_marker(std::string_view text) {
  text = trim(text);
  return text.empty() || text == "-" || text == "\xE2\x80\x93" || text == "\xE2\x80\x94";
}

std::optional<SwedishNumber> parse_swedish_number(std::string_view text) {
  std::string_view s = trim(text);
  SwedishNumber n;
  if (!s.empty() && s.back() == '%') {
    n.percent = true;
    s = trim(s.substr(0, s.size() - 1));
  } else if (ends_with_unit(s, "kr") || ends_with_unit(s, "sek") || ends_with_unit(s, ":-")) {
    s = trim(s);
  }
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  } else if (s.starts_with("\xE2\x88\x92")) {  // minus sign U+2212
    negative = true;
    s.remove_prefix(3);
  }
  if (s.empty()) return std::nullopt;
  // Digits with single spaces between groups of three; then one decimal comma or point.
  long long units = 0;
  int digits_in_group = 0, groups = 0, decimals = -1, total_digits = 0;
  bool spaced = false;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++total_digits > 17) return std::nullopt;
      units = units * 10 + (c - '0');
      if (decimals >= 0)
        ++decimals;
      else
        ++digits_in_group;
      ++i;
    } else if (size_t sp = decimals < 0 ? space_at(s, i) : 0) {
      // A thousands separator: the group before it is 1–3 digits first, 3 later.
      if (digits_in_group == 0 || digits_in_group > 3 || (groups > 0 && digits_in_group != 3))
        return std::nullopt;
      ++groups;
      spaced = true;
      digits_in_group = 0;
      i += sp;
    } else if ((c == ',' || c == '.') && decimals < 0 && digits_in_group > 0 &&
               (!spaced || digits_in_group == 3)) {
      decimals = 0;
      ++i;
    } else {
      return std::nullopt;
    }
  }
  if (spaced && digits_in_group != 3 && decimals < 0) return std::nullopt;
  if (decimals == 0) return std::nullopt;  // "12," is not a number
  n.units = negative ? -units : units;
  n.decimals = decimals < 0 ? 0 : decimals;
  return n;
}

}  // namespace rv::import
