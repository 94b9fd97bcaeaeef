// A group's key amounts computed from a specification in the data set (docs/fordelning.md,
// "En grupps fördelningsnyckel"): a file with `fördelning:` and `grupp: kommuner` gives every
// recipient of the group its `fördelningsnyckel` by the rule, so the amounts are never
// copied by hand. An amount the data also states (a decided figure) is kept and compared
// with the rule: each difference is a warning naming both positions.
#pragma once

#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "model/model.hpp"
#include "stats/allocate.hpp"

namespace rv::stats {

struct GroupAllocation {
  AllocationSpec spec;    // spec.group is the group's id
  Allocation allocation;  // the rule's result, one line per recipient
};

// Applies every specification in year.key_specs: sets Recipient::key where the data does
// not state it and reports differences, recipients missing on either side and the checks
// that need the key (requisitioned more than the key; a share of the reallocation after
// requisitioning less). The specifications' own errors and warnings are reported too.
std::vector<GroupAllocation> apply_group_allocations(GrantYear& year, Diagnostics& diags);

// The result for one group without changing the data (the templates), or nothing.
std::optional<GroupAllocation> group_allocation(const GrantYear& year, const std::string& group);

}  // namespace rv::stats
