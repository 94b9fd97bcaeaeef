#include "load/pitfalls.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace rv::load {

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!digit(c)) return false;
  return true;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool strip_suffix(std::string& s, std::string_view suffix) {
  if (s.size() < suffix.size() || s.compare(s.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  s.resize(s.size() - suffix.size());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return true;
}

// Digits with an optional decimal part ("1,5", "1.5") and exponent ("1,5e6") → the value
// as units × 10^-decimals; nothing if it is not such a number or too large.
struct Decimal {
  int64_t units = 0;
  int decimals = 0;
};
std::optional<Decimal> parse_decimal(std::string_view s) {
  Decimal d;
  int exponent = 0;
  bool in_fraction = false, any = false;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (digit(c)) {
      if (d.units > (INT64_MAX - 9) / 10) return std::nullopt;
      d.units = d.units * 10 + (c - '0');
      if (in_fraction) ++d.decimals;
      any = true;
    } else if ((c == ',' || c == '.') && !in_fraction && any) {
      in_fraction = true;
    } else {
      break;
    }
  }
  if (!any) return std::nullopt;
  if (i < s.size()) {
    if (s[i] != 'e' && s[i] != 'E') return std::nullopt;
    std::string_view e = s.substr(i + 1);
    if (!e.empty() && e[0] == '+') e.remove_prefix(1);
    if (!all_digits(e) || e.size() > 2) return std::nullopt;
    exponent = std::stoi(std::string(e));
  }
  for (; exponent > 0 && d.decimals > 0; --exponent) --d.decimals;
  for (; exponent > 0; --exponent) {
    if (d.units > INT64_MAX / 10) return std::nullopt;
    d.units *= 10;
  }
  return d;
}

// Whole kronor from units × 10^-decimals × multiplier, if whole.
std::optional<long long> whole(Decimal d, int64_t multiplier) {
  for (; d.decimals > 0 && multiplier % 10 == 0; --d.decimals) multiplier /= 10;
  if (d.decimals > 0) {
    for (int k = 0; k < d.decimals; ++k)
      if (d.units % 10 != 0)
        return std::nullopt;
      else
        d.units /= 10;
  }
  if (d.units > INT64_MAX / multiplier) return std::nullopt;
  return d.units * multiplier;
}

const std::array<const char*, 12> kMonths = {"januari",   "februari", "mars",     "april",
                                             "maj",       "juni",     "juli",     "augusti",
                                             "september", "oktober",  "november", "december"};

std::string iso(int y, int m, int d) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days[m - 1] ||
      (m == 2 && d == 29 && !leap))
    return "";
  auto two = [](int v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(y) + "-" + two(m) + "-" + two(d);
}

}  // namespace

bool looks_like_number_tail(std::string_view text) {
  return !text.empty() && digit(text[0]) && parse_decimal(text).has_value();
}

std::string split_number_hint(std::string_view key, std::string_view before,
                              std::string_view after) {
  const std::string written = std::string(before) + "," + std::string(after);
  std::string msg = "'" + std::string(key) + ": " + written +
                    "' delades vid kommat: inom {…} skiljer ett komma fälten åt, så YAML läste '" +
                    std::string(key) + ": " + std::string(before) + "' och en nyckel '" +
                    std::string(after) + "' utan värde. ";
  if (after.size() == 3 && all_digits(after) && all_digits(before))
    return msg + "Skriv talet utan tusentalsavgränsare: " + std::string(key) + ": " +
           std::string(before) + std::string(after) + " (skriv 1 000 000 som 1000000)";
  auto d = parse_decimal(written);
  if (d) {
    if (auto kr = whole(*d, 1))
      return msg + "Skriv beloppet i hela kronor: " + std::string(key) + ": " + std::to_string(*kr);
  }
  return msg +
         "Belopp skrivs i hela kronor utan decimaler; en andel eller annan text med "
         "komma sätts inom citattecken (\"" +
         written + "\")";
}

std::optional<long long> amount_with_unit(std::string_view text) {
  std::string s = lower_ascii(trim(text));
  // Spaces of every width Swedish text uses between thousands.
  for (const char* space : {"\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"})
    for (size_t p = s.find(space); p != std::string::npos; p = s.find(space))
      s.replace(p, std::string_view(space).size(), " ");
  int64_t multiplier = 1;
  bool unit = strip_suffix(s, "mnkr")              ? (multiplier = 1'000'000, true)
              : strip_suffix(s, "miljoner kronor") ? (multiplier = 1'000'000, true)
              : strip_suffix(s, "tkr")             ? (multiplier = 1'000, true)
                                       : strip_suffix(s, "kronor") || strip_suffix(s, "kr") ||
                                             strip_suffix(s, "sek") || strip_suffix(s, ":-");
  std::string digits;
  bool spaced = false;
  for (char c : s) {
    if (c == ' ') {
      spaced = true;
      continue;
    }
    digits += c;
  }
  if (!unit && !spaced) return std::nullopt;
  auto d = parse_decimal(digits);
  if (!d || digits.find_first_of("eE") != std::string::npos) return std::nullopt;
  return whole(*d, multiplier);
}

namespace {

std::optional<std::string> iso_from(std::string_view text) {
  std::string s = lower_ascii(trim(text));
  if (s.rfind("den ", 0) == 0) s = s.substr(4);
  auto num = [](std::string_view v) {
    return all_digits(v) && v.size() <= 4 ? std::stoi(std::string(v)) : -1;
  };
  // 20230630
  if (s.size() == 8 && all_digits(s)) {
    std::string r = iso(num(s.substr(0, 4)), num(s.substr(4, 2)), num(s.substr(6, 2)));
    return r.empty() ? std::nullopt : std::optional(r);
  }
  // Split on the separators people use: - / . and space.
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == '-' || c == '/' || c == '.' || c == ' ') {
      if (!cur.empty()) parts.push_back(cur), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  // The time of day YAML's timestamps allow ("2023-06-30T00:00:00") is not part of a date.
  if (parts.size() == 3 && parts[2].size() > 2 && parts[2].find('t') == 2)
    parts[2] = parts[2].substr(0, 2);
  if (parts.size() != 3) return std::nullopt;
  std::string r;
  int month_word = -1;
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (parts[1] == kMonths[m] ||
        (parts[1].size() >= 3 && std::string(kMonths[m]).rfind(parts[1], 0) == 0))
      month_word = static_cast<int>(m) + 1;
  if (month_word > 0)
    r = iso(num(parts[2]), month_word, num(parts[0]));  // 1 mars 2023
  else if (parts[0].size() == 4)
    r = iso(num(parts[0]), num(parts[1]), num(parts[2]));  // 2023-6-30
  else if (parts[2].size() == 4)
    r = iso(num(parts[2]), num(parts[1]), num(parts[0]));  // 30/6 2023, 30.6.2023 (Swedish order)
  if (r.empty()) return std::nullopt;
  return r;
}

}  // namespace

std::optional<DateHint> date_hint(std::string_view text) {
  auto r = iso_from(text);
  if (!r) return std::nullopt;
  int m = std::stoi(r->substr(5, 2)), d = std::stoi(r->substr(8, 2));
  return DateHint{*r, std::to_string(d) + " " + kMonths[m - 1] + " " + r->substr(0, 4)};
}

std::optional<std::string> english_boolean(std::string_view text) {
  std::string s = lower_ascii(trim(text));
  if (s == "yes" || s == "y" || s == "on") return "ja";
  if (s == "no" || s == "n" || s == "off") return "nej";
  if (s == "true") return "ja";
  if (s == "false") return "nej";
  return std::nullopt;
}

}  // namespace rv::load
