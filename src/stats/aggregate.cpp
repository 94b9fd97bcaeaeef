// Per-recipient, per-group and total figures (Tabell 1 and the appendix tables).
#include <set>

#include "stats/stats.hpp"

namespace rv::stats {

namespace {

std::optional<Fraction> share_of(Amount part, Amount whole) {
  if (whole <= 0) return std::nullopt;
  return Fraction{part, whole};
}

// Adds one row's figures to a running summary (a group's or the total's).
void add_row(GroupSummary& s, const RecipientFigures& f, std::set<std::string>& names) {
  const Recipient& r = *f.source;
  ++s.rows;
  s.key_total = checked_add(s.key_total, r.key.value_or(0));
  s.applied_total = checked_add(s.applied_total, r.applied.value_or(0));
  s.granted_total = checked_add(s.granted_total, r.granted.value_or(0));
  s.reallocated_total = checked_add(s.reallocated_total, r.reallocated.value_or(0));
  if (r.wants_more.value_or(false)) s.wants_more.push_back(f.name);
  if (r.key && r.granted && *r.granted > *r.key) s.over_key.push_back(f.name);
  if (!f.funded) {
    s.not_funded.push_back(f.name);
    return;
  }
  ++s.recipients;
  names.insert(r.name);
  s.allocated = checked_add(s.allocated, f.allocated);
  bool reported = r.reported.value_or(true);
  if (!reported || !f.spent) s.not_reported.push_back(f.name);
  if (!f.spent) {
    s.unknown_use = checked_add(s.unknown_use, f.allocated);
    return;
  }
  s.spent = checked_add(s.spent, *f.spent);
  s.unspent = checked_add(s.unspent, *f.unspent);
  if (*f.unspent > 0) s.with_unspent.push_back(f.name);
  if (*f.spent == 0) {
    s.spent_nothing.push_back(f.name);
  } else if (*f.spent < f.allocated) {
    s.spent_part.push_back(f.name);
  }
}

void finish(GroupSummary& s, const std::set<std::string>& names) {
  s.organisations = static_cast<int>(names.size());
  s.share_spent = share_of(s.spent, checked_add(s.spent, s.unspent));
  s.share_unspent = share_of(s.unspent, checked_add(s.spent, s.unspent));
  for (auto* list : {&s.with_unspent, &s.spent_nothing, &s.spent_part, &s.not_reported,
                     &s.not_funded, &s.wants_more, &s.over_key})
    sv::sort_swedish(*list);
}

}  // namespace

RecipientFigures figures_for(const Recipient& r) {
  RecipientFigures f;
  f.source = &r;
  f.name = r.display_name();
  f.group = r.group;
  f.key = r.key;
  f.applied = r.applied;
  f.granted = r.granted;
  f.reallocated = r.reallocated;
  f.allocated = r.allocated();
  f.funded = r.status.empty() && f.allocated > 0;
  // Figures given in the data count even without a report: a recipient that did not
  // report repays everything, and the data says so (Bilaga 1: Boxholm 96 168 unspent).
  f.spent = r.spent_or_derived();
  f.unspent = r.unspent_or_derived();
  if (f.spent && f.unspent) {
    f.share_spent = share_of(*f.spent, f.allocated);
    f.share_unspent = share_of(*f.unspent, f.allocated);
  }
  return f;
}

GroupSummary summarize_group(const GrantYear& year, const std::string& group) {
  GroupSummary s;
  s.id = group;
  std::set<std::string> names;
  if (const Group* g = year.find_group(group)) {
    s.label = g->label;
    s.available = g->available;
  } else {
    s.label = group;
  }
  for (const Recipient* r : year.recipients_in(group)) {
    s.rows_detail.push_back(figures_for(*r));
    add_row(s, s.rows_detail.back(), names);
  }
  s.applications = s.rows;
  if (const Group* g = year.find_group(group); g && g->applications_received)
    s.applications = *g->applications_received;
  finish(s, names);
  return s;
}

Summary summarize(const GrantYear& year) {
  Summary out;
  GroupSummary& t = out.total;
  t.id = "summa";
  t.label = "Summa";
  bool all_available = !year.groups.empty();
  Amount available = 0;
  for (const Group& g : year.groups) {
    out.groups.push_back(summarize_group(year, g.id));
    const GroupSummary& s = out.groups.back();
    if (s.available)
      available = checked_add(available, *s.available);
    else
      all_available = false;
    t.key_total = checked_add(t.key_total, s.key_total);
    t.applied_total = checked_add(t.applied_total, s.applied_total);
    t.granted_total = checked_add(t.granted_total, s.granted_total);
    t.reallocated_total = checked_add(t.reallocated_total, s.reallocated_total);
    t.allocated = checked_add(t.allocated, s.allocated);
    t.recipients += s.recipients;
    t.organisations += s.organisations;
    t.rows += s.rows;
    t.applications += s.applications;
    t.spent = checked_add(t.spent, s.spent);
    t.unspent = checked_add(t.unspent, s.unspent);
    t.unknown_use = checked_add(t.unknown_use, s.unknown_use);
    for (auto [from, to] : {std::pair{&s.with_unspent, &t.with_unspent},
                            {&s.spent_nothing, &t.spent_nothing},
                            {&s.spent_part, &t.spent_part},
                            {&s.not_reported, &t.not_reported},
                            {&s.not_funded, &t.not_funded},
                            {&s.wants_more, &t.wants_more},
                            {&s.over_key, &t.over_key}})
      to->insert(to->end(), from->begin(), from->end());
    t.rows_detail.insert(t.rows_detail.end(), s.rows_detail.begin(), s.rows_detail.end());
  }
  if (all_available) t.available = available;
  // Organisations are counted per group: the same name in two groups is two recipients.
  std::set<std::string> none;
  Amount organisations = t.organisations;
  finish(t, none);
  t.organisations = static_cast<int>(organisations);

  GrantTotals& g = out.grant;
  g.undistributed = year.grant.undistributed.value_or(0);
  g.undistributed_spent = year.grant.undistributed_spent.value_or(0);
  g.total = year.grant.requisitioned_total.value_or(checked_add(t.allocated, g.undistributed));
  g.spent = checked_add(t.spent, g.undistributed_spent);
  g.unspent = checked_sub(checked_sub(g.total, g.spent), t.unknown_use);
  g.share_spent = share_of(g.spent, checked_add(g.spent, g.unspent));
  return out;
}

}  // namespace rv::stats
