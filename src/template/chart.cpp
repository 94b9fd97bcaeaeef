#include "template/chart.hpp"

#include <limits>

#include "swedish/swedish.hpp"

namespace rv::tmpl {

ValueAxis nice_axis(int64_t largest) {
  if (largest <= 0) return ValueAxis{1, 1};
  // Steps in tenths, so that 2,5 × 10^k stays whole: 10, 20, 25, 50 per power of ten.
  static const int64_t kMantissa[] = {10, 20, 25, 50};
  for (int64_t power = 1;; power *= 10) {
    for (int64_t m : kMantissa) {
      if (m == 25 && power == 1) continue;  // 2,5 is not a whole step
      const int64_t step = m * power / 10;
      if (step == 0) continue;
      const int64_t steps = largest / step + (largest % step != 0);
      if (steps <= 6) return ValueAxis{steps * step, step};
    }
    if (power > std::numeric_limits<int64_t>::max() / 100) break;
  }
  return ValueAxis{largest, largest};  // never reached for int64 values
}

int64_t format_divisor(const std::string& format) {
  if (format == "tkr") return 1000;
  if (format == "mnkr") return 1000000;
  return 1;
}

std::string axis_title(const std::string& format) {
  if (format == "kr" || format == "tkr" || format == "mnkr") return format;
  return "";
}

namespace {

// value / divisor with exactly `decimals` decimals (the value is a whole multiple of
// divisor / 10^decimals), the whole part grouped: "2 500", "0,5".
std::string scaled(int64_t value, int64_t divisor, int decimals) {
  const int64_t whole = value / divisor;
  std::string s = sv::integer(whole);
  if (decimals == 0) return s;
  int64_t rest = value % divisor, scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  std::string digits = std::to_string(rest * scale / divisor);
  while (static_cast<int>(digits.size()) < decimals) digits.insert(0, "0");
  return s + "," + digits;
}

}  // namespace

std::vector<doc::Tick> axis_ticks(const ValueAxis& axis, const std::string& format) {
  const int64_t divisor = format_divisor(format);
  int decimals = 0;
  for (int64_t unit = divisor; decimals < 6 && axis.step % unit != 0; unit /= 10) ++decimals;
  std::vector<doc::Tick> ticks;
  for (int64_t v = 0; v <= axis.top; v += axis.step)
    ticks.push_back({doc::Fraction{v, axis.top}, v == 0 ? "0" : scaled(v, divisor, decimals)});
  return ticks;
}

std::string chart_value_label(int64_t value, const std::string& format) {
  if (format == "kr") return sv::amount(value, sv::AmountStyle::Kr);
  if (format == "tkr") return sv::amount(value, sv::AmountStyle::Tkr);
  if (format == "mnkr") return sv::amount(value, sv::AmountStyle::Mnkr);
  return sv::integer(value);
}

std::string chart_value_prose(int64_t value, const std::string& format) {
  if (format == "kr" || format == "tkr") return sv::amount(value, sv::AmountStyle::Kronor);
  if (format == "mnkr") return sv::amount(value, sv::AmountStyle::Miljoner);
  return sv::integer(value);
}

}  // namespace rv::tmpl
