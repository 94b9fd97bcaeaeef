// Checks between the files of a data set that need the allocation engine, so that a memo
// cannot contradict itself: a stand-alone allocation (a file with `fördelning:` and no
// `grupp:`) is compared with the recipient register, the grant's requisitioned total and
// the amounts the recipients' files state. kontrollera and skapa both run them.
#pragma once

#include "diag/diag.hpp"
#include "model/model.hpp"

namespace rv::stats {

// Reports, each with both positions: a name in the allocation that no recipient has
// (an error, with "menade du …?"); an amount to allocate other than what was requisitioned
// less what is kept centrally (an error); a recipient whose stated amount differs from the
// allocation's (a warning). The specification's own problems are not repeated here.
void check_allocations(const GrantYear& year, Diagnostics& diags);

}  // namespace rv::stats
