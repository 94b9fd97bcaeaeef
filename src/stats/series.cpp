// Year series: the history as published, and the current year computed from the rows.
#include <algorithm>

#include "stats/stats.hpp"

namespace rv::stats {

std::optional<int64_t> YearPoint::share_pct() const {
  if (published_share_pct) return *published_share_pct;
  if (share_spent) return percent(*share_spent);
  return std::nullopt;
}

std::vector<YearPoint> year_series(const GrantYear& year, const std::string& group) {
  std::vector<YearPoint> out;
  std::string current_text;
  for (const HistoryRow& h : year.history) {
    if (h.group != group) continue;
    if (h.year == year.grant.year) {
      current_text = h.recipients_text;
      continue;
    }
    YearPoint p;
    p.year = h.year;
    p.available = h.available;
    p.spent = h.spent;
    p.unspent = h.unspent;
    if (!p.unspent && h.available && h.spent) p.unspent = *h.available - *h.spent;
    if (!p.spent && h.available && h.unspent) p.spent = *h.available - *h.unspent;
    p.applicants = h.applicants;
    p.recipients = h.recipients;
    p.published_share_pct = h.share_spent_pct;
    p.recipients_text = h.recipients_text;
    p.shares_pct = h.shares_pct;
    if (p.available && p.spent && *p.available > 0)
      p.share_spent = Fraction{*p.spent, *p.available};
    out.push_back(p);
  }
  if (year.find_group(group)) {
    GroupSummary s = summarize_group(year, group);
    YearPoint p;
    p.year = year.grant.year;
    p.computed = true;
    p.available = s.available.value_or(s.allocated);
    p.spent = s.spent;
    p.unspent = s.unspent;
    p.recipients = s.recipients;
    p.applicants = s.applications;
    p.share_spent = s.share_spent;
    p.recipients_text = current_text;
    out.push_back(p);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const YearPoint& a, const YearPoint& b) { return a.year < b.year; });
  return out;
}

}  // namespace rv::stats
