#include "stats/consistency.hpp"

#include <map>
#include <set>

#include "load/reader.hpp"
#include "load/suggest.hpp"
#include "stats/allocate.hpp"

namespace rv::stats {

namespace {

// "172 971 kr", as the loader's diagnostics write amounts (plain spaces).
using load::kr;

// Names in the allocation that no recipient of the data set has.
void check_names(const AllocationSpec& spec, const std::vector<std::string_view>& known,
                 const std::set<std::string, std::less<>>& register_, Diagnostics& diags) {
  auto check = [&](const std::string& name, const Span& span) {
    if (register_.count(name)) return;
    auto s = load::closest_name(name, known);
    diags.error(span, "'" + name + "' finns inte bland datasetets mottagare" +
                          (s ? " (menade du '" + *s + "'?)" : "") +
                          "; en fördelning kan bara ge belopp till mottagare som finns i "
                          "mottagarfilerna");
  };
  for (const auto& e : spec.recipients) check(e.name, e.span);
  for (const auto& f : spec.fixed) check(f.name, f.span);
}

}  // namespace

void check_allocations(const GrantYear& year, Diagnostics& diags) {
  std::set<std::string> group_specs;
  for (const auto& [group, file] : year.key_specs) group_specs.insert(file);
  std::set<std::string, std::less<>> register_;
  std::vector<std::string_view> known;
  // Recipients in groups funded by this allocation (sätt: fördelning, the city's
  // committees): their stated amounts are the allocation's. A data set without such a group
  // holds an allocation only as an example of `fördela` (data/exempel).
  std::map<std::string, const Recipient*> by_name;
  for (const auto& r : year.recipients) {
    if (register_.insert(r.name).second) known.push_back(r.name);
    const Group* g = year.find_group(r.group);
    if (g && g->mode == Mode::Allocation) by_name.emplace(r.name, &r);
  }
  const bool passes_on = !by_name.empty();
  for (const auto& file : year.allocation_spec_files) {
    if (group_specs.count(file)) continue;
    SpecRead read = read_allocation_spec(file);
    if (!read.ok()) continue;  // its own errors are reported where it is read
    const AllocationSpec& spec = *read.spec;
    if (!year.recipients.empty()) check_names(spec, known, register_, diags);

    // The amount to allocate is what the city requisitioned, less what it keeps.
    const auto& req = year.grant.requisitioned_total;
    if (passes_on && req) {
      Amount expected = *req - year.grant.undistributed.value_or(0);
      if (spec.amount != expected)
        diags.error(spec.amount_span,
                    "fördelningen fördelar " + kr(spec.amount) + ", men rekvirerat totalt är " +
                        kr(*req) + " (" + span_text(year.grant.requisitioned_span) + ")" +
                        (year.grant.undistributed
                             ? " och det ej fördelade beloppet " + kr(*year.grant.undistributed)
                             : std::string()) +
                        "; dokumentets tabell och text skulle visa olika summor");
    }

    // The recipients' files state the amounts the memo's table shows (beviljat).
    if (!passes_on) continue;
    AllocationOutcome out = allocate(spec);
    if (!out.allocation) continue;
    std::map<std::string, Span> spans;
    for (const auto& e : spec.recipients) spans[e.name] = e.span;
    for (const auto& f : spec.fixed) spans[f.name] = f.span;
    for (const auto& line : out.allocation->lines) {
      auto it = by_name.find(line.name);
      if (it == by_name.end() || !it->second->granted) continue;
      Amount stated = *it->second->granted;
      if (stated == line.amount) continue;
      Amount diff = stated - line.amount;
      diags.warning(it->second->span,
                    line.name + ": beviljat är " + kr(stated) + ", " + kr(diff < 0 ? -diff : diff) +
                        (diff < 0 ? " mindre" : " mer") + " än fördelningens " + kr(line.amount) +
                        " (" + span_text(spans[line.name]) + ")");
    }
  }
}

}  // namespace rv::stats
