// YAML's well-known surprises, explained. Each function looks at what the parser made of
// a value and, when it recognises a pitfall, returns a Swedish sentence saying what YAML did
// and how to write the value instead (for the loader's messages).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rv::load {

// `{…, fördelat: 1,5e6, …}`: inside a flow mapping the comma ends the value, so YAML read
// `fördelat: 1` and a key `5e6` without a value. `key` is the field before the comma,
// `before` its value ("1"), `after` the key-without-value that followed ("5e6").
std::string split_number_hint(std::string_view key, std::string_view before,
                              std::string_view after);

// True when `text` is what a flow-mapping comma leaves of a number: digits, possibly with a
// decimal part or an exponent ("5", "000", "5e6").
bool looks_like_number_tail(std::string_view text);

// "200 000 kr", "1,5 mnkr", "300 tkr", "2 500:-": an amount written with its unit or with
// spaces. The whole kronor it means, if it means a whole number of kronor.
std::optional<long long> amount_with_unit(std::string_view text);

// "30/6 2023", "2023-6-30", "30.6.2023", "1 mars 2023", "den 1 mars 2023", "20230630": a
// date written another way. The ISO date it means read the Swedish way (day before month),
// with that reading in words so that the user can see whether it is the one meant.
struct DateHint {
  std::string iso;    // "2023-06-30"
  std::string words;  // "30 juni 2023"
};
std::optional<DateHint> date_hint(std::string_view text);

// "yes", "no", "on", "off", "y", "n" (any case): YAML 1.1's English booleans. ja or nej.
std::optional<std::string> english_boolean(std::string_view text);

}  // namespace rv::load
