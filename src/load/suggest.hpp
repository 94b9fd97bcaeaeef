// "menade du …?": the closest known word to a misspelt key.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rv::load {

// Edit distance over Unicode code points (so "å" vs "a" counts as one edit).
int edit_distance(std::string_view a, std::string_view b);

// The known word closest to `word` if it is close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string_view>& known);

}  // namespace rv::load

namespace rv::load {

// A name as compared for a suggestion (never for a match): Unicode NFC, case folded,
// spaces and dashes removed.
std::string name_key(std::string_view name);

// The known name that is the same as `name` but for case, spaces, dashes or Unicode form,
// else the closest likely typo, else nothing.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string_view>& known);

}  // namespace rv::load
