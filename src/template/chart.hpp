// Charts of amounts and counts (issue 16): the value axis computed from the largest value,
// and the Swedish labels of its ticks, of the bars and of the alternative text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "doc/doc.hpp"

namespace rv::tmpl {

// A value axis from 0 to `top` in steps of `step` (both in the value's own unit: kronor
// for amounts). The step is the smallest of 1, 2, 2,5 and 5 × 10^k (a whole number) that
// reaches the largest value in at most six steps, so the axis has three to six steps and
// ends at the first tick at or above the largest value.
struct ValueAxis {
  int64_t top = 1;
  int64_t step = 1;
};
ValueAxis nice_axis(int64_t largest);

// The unit a chart format shows its axis in: 1 (kr, heltal), 1 000 (tkr), 1 000 000 (mnkr).
int64_t format_divisor(const std::string& format);
// The axis title naming the unit: "kr", "tkr", "mnkr"; "" for heltal.
std::string axis_title(const std::string& format);
// The ticks 0, step, …, top, labelled in the format's unit with the decimals the step
// needs: kr "0", "500 000", "1 000 000"; mnkr "0", "0,5", "1,0", …
std::vector<doc::Tick> axis_ticks(const ValueAxis& axis, const std::string& format);
// A bar's value as the chart prints it: "773 332 kr", "773 tkr", "0,8 mnkr", "773 332".
std::string chart_value_label(int64_t value, const std::string& format);
// The same value as a sentence of the alternative text reads it: "773 332 kronor",
// "0,8 miljoner kronor", "773 332".
std::string chart_value_prose(int64_t value, const std::string& format);

}  // namespace rv::tmpl
