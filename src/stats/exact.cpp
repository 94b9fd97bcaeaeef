// Exact arithmetic and the single rounding step (docs/statistik.md, "Avrundning").
#include <cstdint>
#include <stdexcept>

#include "stats/stats.hpp"

namespace rv::stats {

namespace {

// num/den rounded half up (away from zero at .5), in 128 bits. A negative denominator
// is a sign like any other; only 0 is no number (callers never divide by it).
__int128 round_half_up_wide(__int128 num, __int128 den) {
  if (den == 0) throw std::invalid_argument("round_half_up: nämnaren är 0");
  if (den < 0) num = -num, den = -den;
  bool negative = num < 0;
  __int128 a = negative ? -num : num;
  // floor((2a + den) / 2den) rounds a/den half up; the sign is applied afterwards so
  // that −0,5 becomes −1 (away from zero), as sv::round_half_up does. a/den + 1/2 as
  // a/den + (a%den·2 ≥ den) avoids 2a overflowing for the largest a.
  __int128 q = a / den + (2 * (a % den) >= den ? 1 : 0);
  return negative ? -q : q;
}

std::string digits_of(__int128 v) {
  if (v == 0) return "0";
  std::string out;
  for (; v > 0; v /= 10) out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
  return out;
}

}  // namespace

int64_t round_half_up(__int128 num, __int128 den) {
  __int128 q = round_half_up_wide(num, den);
  // A rounded figure that does not fit is an error, never a wrapped number.
  if (q > INT64_MAX || q < INT64_MIN) throw AmountOverflow();
  return static_cast<int64_t>(q);
}

int64_t percent(Fraction share) {
  return round_half_up(static_cast<__int128>(share.num) * 100, share.den);
}

std::string decimal_point(Fraction share, int decimals) {
  __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  // 128 bits throughout: share.num · 10^decimals may be far beyond int64 (a ratio of 10^18).
  __int128 v = round_half_up_wide(static_cast<__int128>(share.num) * scale, share.den);
  bool negative = v < 0;
  std::string digits = digits_of(negative ? -v : v);
  if (decimals == 0) return (negative ? "-" : "") + digits;
  if (digits.size() <= static_cast<size_t>(decimals))
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  return (negative ? "-" : "") + digits;
}

}  // namespace rv::stats
