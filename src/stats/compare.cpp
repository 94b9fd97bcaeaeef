// Comparing two allocations per recipient: who gets more, who less, by how much.
#include <set>

#include "stats/stats.hpp"

namespace rv::stats {

Comparison compare_allocations(const std::map<std::string, Amount>& before,
                               const std::map<std::string, Amount>& after,
                               const std::vector<std::string>& after_order) {
  Comparison c;
  std::vector<std::string> order;
  std::set<std::string> seen;
  for (const auto& name : after_order)
    if (after.count(name) && seen.insert(name).second) order.push_back(name);
  std::vector<std::string> rest_after, rest_before;
  for (const auto& [name, amount] : after)
    if (!seen.count(name)) rest_after.push_back(name);
  sv::sort_swedish(rest_after);
  for (const auto& name : rest_after) seen.insert(name), order.push_back(name);
  for (const auto& [name, amount] : before)
    if (!seen.count(name)) rest_before.push_back(name);
  sv::sort_swedish(rest_before);
  order.insert(order.end(), rest_before.begin(), rest_before.end());

  for (const auto& name : order) {
    ComparisonRow r;
    r.name = name;
    if (auto it = before.find(name); it != before.end()) r.before = it->second;
    if (auto it = after.find(name); it != after.end()) r.after = it->second;
    r.change = checked_sub(r.after.value_or(0), r.before.value_or(0));
    if (r.before && *r.before > 0) r.change_share = Fraction{r.change, *r.before};
    if (!r.before) ++c.only_after;
    if (!r.after) ++c.only_before;
    if (r.change > 0)
      ++c.more;
    else if (r.change < 0)
      ++c.less;
    else
      ++c.same;
    c.total_before = checked_add(c.total_before, r.before.value_or(0));
    c.total_after = checked_add(c.total_after, r.after.value_or(0));
    c.rows.push_back(r);
  }
  return c;
}

std::optional<Comparison> compare_with_previous(const GrantYear& year, const std::string& group,
                                                int previous_year) {
  const PreviousAllocation* prev = nullptr;
  for (const PreviousAllocation& p : year.previous)
    if (previous_year ? p.year == previous_year : (!prev || p.year > prev->year)) prev = &p;
  if (!prev) return std::nullopt;
  std::map<std::string, Amount> after;
  std::vector<std::string> order;
  for (const Recipient& r : year.recipients) {
    if (!group.empty() && r.group != group) continue;
    RecipientFigures f = figures_for(r);
    if (!f.funded) continue;
    if (after.emplace(f.name, f.allocated).second) order.push_back(f.name);
  }
  Comparison c = compare_allocations(prev->per_recipient, after, order);
  c.year_before = prev->year;
  c.year_after = year.grant.year;
  // The published previous total can include amounts not split per recipient.
  if (prev->total > 0) c.stated_total_before = prev->total;
  return c;
}

}  // namespace rv::stats
