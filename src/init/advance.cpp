// Last year's model → next year's: what carries over, what is emptied (docs/init.md).
#include <set>

#include "init/init.hpp"
#include "stats/stats.hpp"

namespace rv::init {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A dash joining two years ("2020–2022", "2020-2022"): the year is part of a range.
bool dash_before(const std::string& s, size_t pos) {
  if (pos >= 1 && s[pos - 1] == '-') return true;
  return pos >= 3 && s.compare(pos - 3, 3, "\u2013") == 0;
}
bool dash_after(const std::string& s, size_t end) {
  if (end < s.size() && s[end] == '-') return true;
  return s.compare(end, 3, "\u2013") == 0;
}

std::optional<Date> next_year_if_set(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return rv::init::next_year(*d);
}

// Last year's totals of one group as a history row, from the same year series the
// reports print (stats::year_series); nothing when the group had no money at all.
std::optional<HistoryRow> totals_row(const GrantYear& last, const Group& g) {
  for (const stats::YearPoint& p : stats::year_series(last, g.id)) {
    if (!p.computed) continue;
    const stats::GroupSummary s = stats::summarize_group(last, g.id);
    if (s.allocated == 0 && !g.available) return std::nullopt;
    HistoryRow h;
    h.group = g.id;
    h.year = last.grant.year;
    h.available = p.available;
    h.recipients = p.recipients;
    if (g.mode == Mode::Application) h.applicants = p.applicants;
    // Spending is known only where someone reported it (a year with allocations only has
    // none); then the share the report printed goes along, so next year shows the same.
    if (s.unknown_use < s.allocated) {
      h.spent = p.spent;
      h.unspent = p.unspent;
      if (p.share_spent) h.share_spent_pct = static_cast<int>(stats::percent(*p.share_spent));
      // The history allows no more spent than available (a group whose declared
      // tillgängligt is below what it allocated): record what was allocated instead.
      if (h.available && h.spent && *h.spent > *h.available) h.available = s.allocated;
    }
    return h;
  }
  return std::nullopt;
}

// What each funded recipient was allocated last year, as next year's tidigare_fördelning
// (the names and amounts stats::compare_with_previous will compare with).
PreviousAllocation allocation_of(const GrantYear& last) {
  PreviousAllocation p;
  p.year = last.grant.year;
  for (const Recipient& r : last.recipients) {
    const stats::RecipientFigures f = stats::figures_for(r);
    if (!f.funded) continue;
    if (p.per_recipient.emplace(f.name, f.allocated).second)
      p.total = checked_add(p.total, f.allocated);
  }
  return p;
}

}  // namespace

Date next_year(const Date& d) {
  Date n = d;
  ++n.year;
  if (n.month == 2 && n.day == 29) n.day = 28;  // only leap years have it
  return n;
}

std::string advance_year_in_text(const std::string& text, int from, int to) {
  const std::string old_year = std::to_string(from), new_year = std::to_string(to);
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t pos = text.find(old_year, i);
    if (pos == std::string::npos) break;
    size_t end = pos + old_year.size();
    bool whole =
        (pos == 0 || !is_digit(text[pos - 1])) && (end == text.size() || !is_digit(text[end]));
    out.append(text, i, pos - i);
    out += whole && !dash_before(text, pos) && !dash_after(text, end) ? new_year : old_year;
    i = end;
  }
  out.append(text, i, std::string::npos);
  return out;
}

GrantYear advance(const GrantYear& last) {
  GrantYear next;
  const int from = last.grant.year, to = last.grant.year + 1;

  // bidrag: the same grant a year later; the city's totals are the new year's to find out.
  Grant& g = next.grant;
  g.name = last.grant.name;
  g.authority = last.grant.authority;
  g.year = to;
  g.period_start = next_year_if_set(last.grant.period_start);
  g.period_end = next_year_if_set(last.grant.period_end);
  for (Deadline d : last.grant.deadlines) {
    d.date = next_year(d.date);
    g.deadlines.push_back(d);
  }
  g.span = last.grant.span;

  // grupper: who they are stays; what they had to give and the printed totals do not.
  for (Group grp : last.groups) {
    grp.available.reset();
    grp.declared_key_total.reset();
    grp.declared_allocated_total.reset();
    grp.declared_unspent_total.reset();
    grp.applications_received.reset();
    grp.applied_total_declared.reset();
    grp.per_round.clear();
    next.groups.push_back(grp);
  }

  // mottagare: the name (and which application), the postal address and the organisation's
  // own fields (egna_fält: a county, a size class), which outlive the year; every other
  // field is this year's.
  next.field_decls = last.field_decls;
  for (const Recipient& r : last.recipients) {
    Recipient n;
    n.name = r.name;
    n.group = r.group;
    n.application = r.application;
    n.span = r.span;
    n.addressee = r.addressee;
    n.street = r.street;
    n.postcode = r.postcode;
    n.town = r.town;
    n.fields = r.fields;
    next.recipients.push_back(n);
  }

  // The questionnaire is asked again ("… under 2019?" now of 2020); no answers yet.
  next.questions = last.questions;
  for (Question& q : next.questions) {
    q.text = advance_year_in_text(q.text, from, to);
    for (Option& o : q.options) o.label = advance_year_in_text(o.label, from, to);
  }

  // historik: last year's totals join the series, unless it already has them as printed.
  next.history = last.history;
  std::set<std::string> recorded;
  std::string history_file;
  for (const HistoryRow& h : last.history) {
    if (h.year == from) recorded.insert(h.group);
    history_file = h.span.file;
  }
  for (const Group& grp : last.groups) {
    if (recorded.count(grp.id)) continue;
    if (auto row = totals_row(last, grp)) {
      row->span.file = history_file;
      next.history.push_back(*row);
    }
  }

  // tidigare_fördelning: what was compared with last year is last year's own allocation now.
  // A year that allocated nothing (itself just started) leaves nothing to compare with.
  if (!last.previous.empty()) {
    PreviousAllocation p = allocation_of(last);
    p.span = last.previous.back().span;
    if (!p.per_recipient.empty()) next.previous.push_back(p);
  }

  // dokument: the same settings, dated a year on, and the year in its texts advanced.
  DocumentMeta d = last.document;
  d.title = advance_year_in_text(d.title, from, to);
  d.subtitle = advance_year_in_text(d.subtitle, from, to);
  for (auto& [key, value] : d.extra) value = advance_year_in_text(value, from, to);
  d.date = next_year_if_set(d.date);
  d.meeting_date = next_year_if_set(d.meeting_date);
  d.preparation_date = next_year_if_set(d.preparation_date);
  d.council_date = next_year_if_set(d.council_date);
  for (auto& c : d.consultations) c.date = rv::init::next_year(c.date);
  for (auto& a : d.appendices) a = advance_year_in_text(a, from, to);
  d.background = advance_year_in_text(d.background, from, to);
  next.document = d;

  next.files = last.files;
  next.allocation_spec_files = last.allocation_spec_files;
  next.key_specs = last.key_specs;  // a group's key rule is carried over with its file
  return next;
}

}  // namespace rv::init
