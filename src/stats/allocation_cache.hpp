// A group's specification, read and allocated, kept between runs in rapportverk's cache
// folder (src/cache): parsing 290 rows of YAML costs more than the rest of loading a
// cached data set, and every render of the national report needs the keys.
#pragma once

#include <optional>
#include <string>

#include "diag/diag.hpp"
#include "stats/group_allocation.hpp"

namespace rv::stats {

struct ComputedAllocation {
  std::optional<GroupAllocation> result;
  Diagnostics diags;  // the specification's own errors and warnings
};

// The entry for exactly this path and text, or nothing.
std::optional<ComputedAllocation> read_cached_allocation(const std::string& path,
                                                         const std::string& text);
void write_cached_allocation(const std::string& path, const std::string& text,
                             const ComputedAllocation& c);

}  // namespace rv::stats
