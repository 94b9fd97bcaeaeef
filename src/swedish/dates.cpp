// Dates as Swedish documents write them: ISO 8601 in header blocks and tables, "den 9 maj
// 2018" in running text, year ranges with an unspaced en dash. A month table rather than
// ICU's date formatter: no time zone or calendar can shift a date by a day.
#include <array>
#include <charconv>
#include <stdexcept>

#include "swedish/swedish.hpp"

namespace rv::sv {
namespace {

constexpr std::array<const char*, 12> kMonths = {"januari",   "februari", "mars",     "april",
                                                 "maj",       "juni",     "juli",     "augusti",
                                                 "september", "oktober",  "november", "december"};

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[static_cast<size_t>(month - 1)];
}

bool valid(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

std::string two_digits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

// ASCII digits only (from_chars alone would accept a leading minus).
bool read_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

}  // namespace

std::string month_name(int month) {
  if (month < 1 || month > 12)
    throw std::invalid_argument("ogiltig månad: " + std::to_string(month));
  return kMonths[static_cast<size_t>(month - 1)];
}

std::string date_iso(const Date& d) {
  std::string year = std::to_string(d.year);
  if (year.size() < 4) year.insert(0, 4 - year.size(), '0');
  return year + "-" + two_digits(d.month) + "-" + two_digits(d.day);
}

std::string date_prose(const Date& d, bool with_den) {
  // Years are never grouped ("2018", not "2 018"); the day has no leading zero.
  return (with_den ? "den " : "") + std::to_string(d.day) + " " + month_name(d.month) + " " +
         std::to_string(d.year);
}

std::string year_range(int from, int to) {
  if (from == to) return std::to_string(from);
  return std::to_string(from) + "\u2013" + std::to_string(to);
}

std::optional<Date> parse_iso_date(std::string_view text) {
  // Only the full form YYYY-MM-DD: documents never use two-digit years.
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date d;
  if (!read_digits(text.substr(0, 4), d.year) || !read_digits(text.substr(5, 2), d.month) ||
      !read_digits(text.substr(8, 2), d.day))
    return std::nullopt;
  if (!valid(d)) return std::nullopt;
  return d;
}

}  // namespace rv::sv
