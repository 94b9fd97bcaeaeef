// Exact arithmetic and the single rounding step (docs/statistik.md, "Avrundning").
#include <stdexcept>

#include "stats/stats.hpp"

namespace rv::stats {

int64_t round_half_up(__int128 num, __int128 den) {
  if (den <= 0) throw std::invalid_argument("round_half_up: nämnaren måste vara positiv");
  bool negative = num < 0;
  __int128 a = negative ? -num : num;
  // floor((2a + den) / 2den) rounds a/den half up; the sign is applied afterwards so
  // that −0,5 becomes −1 (away from zero), as sv::round_half_up does.
  __int128 q = (2 * a + den) / (2 * den);
  return static_cast<int64_t>(negative ? -q : q);
}

int64_t percent(Fraction share) {
  return round_half_up(static_cast<__int128>(share.num) * 100, share.den);
}

std::string decimal_point(Fraction share, int decimals) {
  __int128 scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  int64_t v = round_half_up(static_cast<__int128>(share.num) * scale, share.den);
  bool negative = v < 0;
  uint64_t a = negative ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v);
  std::string digits = std::to_string(a);
  if (decimals == 0) return (negative ? "-" : "") + digits;
  if (digits.size() <= static_cast<size_t>(decimals))
    digits.insert(0, static_cast<size_t>(decimals) + 1 - digits.size(), '0');
  digits.insert(digits.size() - static_cast<size_t>(decimals), ".");
  return (negative ? "-" : "") + digits;
}

}  // namespace rv::stats
