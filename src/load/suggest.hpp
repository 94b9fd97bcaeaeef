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
