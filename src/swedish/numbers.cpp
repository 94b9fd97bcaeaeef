// Numbers, amounts, hedged approximations and percent as Swedish official documents print
// them. Every presented figure comes from an exact fraction rounded once, half up, with
// integer arithmetic (128-bit where products can pass int64), so the same data always
// gives the same text and no binary floating point decides a rounding.
#include <stdexcept>

#include "swedish/swedish.hpp"

namespace rv::sv {
namespace {

// __int128 is a GCC/Clang extension; the typedefs keep -Wpedantic quiet.
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

// Half up = away from zero at exactly .5, on 128-bit operands.
i128 round_half_up_wide(i128 num, i128 den) {
  if (den == 0) throw std::invalid_argument("round_half_up: nämnaren är noll");
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const i128 q = num / den;
  const i128 r = num % den;  // same sign as num (or zero)
  if (r >= 0) return (r >= den - r) ? q + 1 : q;
  return (-r >= den + r) ? q - 1 : q;
}

int64_t narrow(i128 v) {
  if (v > INT64_MAX || v < INT64_MIN) throw std::overflow_error("talet är för stort");
  return static_cast<int64_t>(v);
}

i128 pow10(int n) {
  if (n < 0 || n > 18) throw std::invalid_argument("antal decimaler utanför 0–18");
  i128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::string digits_of(u128 magnitude) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  return digits;
}

// Magnitude grouped in threes with NBSP ("5 394 915").
std::string grouped(u128 magnitude) {
  const std::string digits = digits_of(magnitude);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += NBSP;
    out.push_back(digits[i]);
  }
  return out;
}

u128 magnitude(i128 v) { return v < 0 ? static_cast<u128>(-(v + 1)) + 1 : static_cast<u128>(v); }

// `scaled` is the value times 10^decimals, already rounded. "74,9", "−1 234,50".
// With drop_zero_decimals a whole number loses its ",0" ("80" rather than "80,0").
std::string fixed_point(i128 scaled, int decimals, bool drop_zero_decimals) {
  const i128 p = pow10(decimals);
  const u128 m = magnitude(scaled);
  std::string out = scaled < 0 ? MINUS : "";
  out += grouped(m / static_cast<u128>(p));
  const auto frac = static_cast<uint64_t>(m % static_cast<u128>(p));
  if (decimals > 0 && !(drop_zero_decimals && frac == 0)) {
    std::string digits = std::to_string(frac);
    out += ',';
    out += std::string(static_cast<size_t>(decimals) - digits.size(), '0') + digits;
  }
  return out;
}

std::string hedge_word(Hedge hedge, i128 rounded_scaled, i128 exact_scaled) {
  switch (hedge) {
    case Hedge::None:
      return "";
    case Hedge::Cirka:
      return "cirka ";
    case Hedge::Auto:
      break;
  }
  if (rounded_scaled < exact_scaled) return "drygt ";
  if (rounded_scaled > exact_scaled) return "knappt ";
  return "";
}

}  // namespace

int64_t round_half_up(int64_t num, int64_t den) { return narrow(round_half_up_wide(num, den)); }

std::string integer(int64_t value) { return fixed_point(value, 0, false); }

std::string plain(int64_t value) { return (value < 0 ? MINUS : "") + digits_of(magnitude(value)); }

std::string decimal(Fraction value, int decimals) {
  const i128 scaled = round_half_up_wide(static_cast<i128>(value.num) * pow10(decimals), value.den);
  return fixed_point(scaled, decimals, false);
}

std::string amount(int64_t kronor, AmountStyle style, int decimals, bool keep_zero_decimal) {
  switch (style) {
    case AmountStyle::Kr:
      return integer(kronor) + NBSP + "kr";
    case AmountStyle::Kronor:
      return integer(kronor) + NBSP + "kronor";
    case AmountStyle::Tkr:
      return integer(round_half_up(kronor, 1000)) + NBSP + "tkr";
    case AmountStyle::Mnkr:
    case AmountStyle::Miljoner: {
      const i128 scaled =
          round_half_up_wide(static_cast<i128>(kronor) * pow10(decimals), 1'000'000);
      const std::string number = fixed_point(scaled, decimals, !keep_zero_decimal);
      if (style == AmountStyle::Mnkr) return number + NBSP + "mnkr";
      // "1 miljon kronor" but "1,5 miljoner kronor".
      const bool one = scaled == pow10(decimals) && !keep_zero_decimal;
      return number + NBSP + (one ? "miljon" : "miljoner") + " kronor";
    }
  }
  throw std::invalid_argument("okänd beloppsstil");
}

std::string approx(int64_t kronor, Unit unit, Hedge hedge, int decimals) {
  if (unit == Unit::Thousands || unit == Unit::TenThousands) {
    // To whole thousands (or ten thousands): "drygt 272 000 kronor" (the figure stays in kronor).
    const int64_t step = unit == Unit::Thousands ? 1000 : 10000;
    const int64_t rounded = round_half_up(kronor, step);
    const std::string word = hedge_word(hedge, static_cast<i128>(rounded) * step, kronor);
    return word + integer(narrow(static_cast<i128>(rounded) * step)) + NBSP + "kronor";
  }
  // Millions with `decimals` decimals; compare rounded and exact on the same scale
  // (kronor × 10^decimals) so the hedge is exact.
  const i128 exact_scaled = static_cast<i128>(kronor) * pow10(decimals);
  const i128 rounded = round_half_up_wide(exact_scaled, 1'000'000);
  const std::string word = hedge_word(hedge, rounded * 1'000'000, exact_scaled);
  const bool one = rounded == pow10(decimals);
  return word + fixed_point(rounded, decimals, true) + NBSP + (one ? "miljon" : "miljoner") +
         " kronor";
}

std::string percent_table(Fraction share, int decimals, bool space_before_sign) {
  const i128 scaled =
      round_half_up_wide(static_cast<i128>(share.num) * 100 * pow10(decimals), share.den);
  return fixed_point(scaled, decimals, false) + (space_before_sign ? NBSP : "") + "%";
}

std::string percent_prose(Fraction share, int word_limit) {
  const int64_t whole = narrow(round_half_up_wide(static_cast<i128>(share.num) * 100, share.den));
  if (whole >= 0 && whole <= word_limit)
    return number_words(whole, Gender::Common, word_limit) + " procent";
  return integer(whole) + NBSP + "procent";
}

}  // namespace rv::sv
