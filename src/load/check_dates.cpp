// Dates against the data set's year, and the order of the process: a data set copied from
// last year with only the year changed is caught here, before anything renders with last
// year's dates in it.
#include <cstdio>
#include <string>
#include <vector>

#include "load/state.hpp"

namespace rv::load {

namespace {

std::string years_text(int from, int to) {
  return from == to ? std::to_string(from) : std::to_string(from) + " eller " + std::to_string(to);
}

// A single-valued field's date and where it is written, if the data set has it.
struct Dated {
  const char* field;  // as the user writes it: "dokument.datum"
  std::optional<Date> date;
  Span span;
};

Dated dated(const LoadState& st, const char* field, const std::optional<Date>& d) {
  auto it = st.claimed.find(field);
  return {field, d, it == st.claimed.end() ? Span{} : it->second.second};
}

// Which years a deadline of a kind may fall in, for a grant year y: applications may be
// due the year before, the follow-up and the report to the government the year after.
std::pair<int, int> deadline_years(const std::string& kind, int y) {
  if (kind == "ansökan") return {y - 1, y};
  if (kind == "rekvisition" || kind == "omfördelning" || kind == "användning") return {y, y};
  if (kind == "återrapportering" || kind == "redovisning") return {y, y + 1};
  return {y - 1, y + 1};
}

void check_in_years(LoadState& st, const Dated& d, int from, int to, const std::string& why) {
  if (!d.date || (d.date->year >= from && d.date->year <= to)) return;
  st.diags.error(d.span, "'" + std::string(d.field) + "' är " + date_text(*d.date) + ", men " +
                             why + " ska ligga " + years_text(from, to) + " (bidragsåret är " +
                             std::to_string(st.year.grant.year) +
                             "); är datasetet kopierat från ett annat år?");
}

// `earlier` must not come after `later`: reports at `later`, naming both positions.
void check_order(LoadState& st, const Dated& earlier, const Dated& later, const std::string& why) {
  if (!earlier.date || !later.date || *earlier.date <= *later.date) return;
  st.diags.error(later.span, "'" + std::string(later.field) + "' (" + date_text(*later.date) +
                                 ") ligger före '" + earlier.field + "' (" +
                                 date_text(*earlier.date) + ", " + span_text(earlier.span) +
                                 "): " + why);
}

// Whole four-digit years (1900–2099) in a text: "… 2022", "SOF 2022/0000".
std::vector<int> years_in(const std::string& text) {
  std::vector<int> out;
  auto digit = [&](size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((i > 0 && digit(i - 1)) || !digit(i) || !digit(i + 1) || !digit(i + 2) || !digit(i + 3) ||
        digit(i + 4))
      continue;
    int v = std::stoi(text.substr(i, 4));
    if (v >= 1900 && v <= 2099) out.push_back(v);
    i += 3;
  }
  return out;
}

// A title or Dnr naming another year than the document's (a copy of last year's memo).
void check_text_years(LoadState& st, const char* field, const std::string& text, int y) {
  if (text.empty()) return;
  auto it = st.claimed.find(field);
  Span span = it == st.claimed.end() ? st.year.document.span : it->second.second;
  for (int v : years_in(text))
    if (v != y && v != y + 1) {
      st.diags.warning(span, "'" + std::string(field) + "' nämner " + std::to_string(v) +
                                 ", men datasetet gäller " + std::to_string(y) +
                                 "; är det förra årets?");
      return;
    }
}

// The process in order: apply, requisition, reallocate what was not requisitioned, use the
// funds, report on them, report to the government. A later step dated before an earlier
// one (for the same group, or for every group) is an error naming both deadlines.
int process_step(const std::string& kind) {
  static const char* order[] = {"ansökan",    "rekvisition",      "omfördelning",
                                "användning", "återrapportering", "redovisning"};
  for (int i = 0; i < 6; ++i)
    if (kind == order[i]) return i;
  return -1;
}

void check_deadline_order(LoadState& st) {
  const auto& all = st.year.grant.deadlines;
  for (const auto& later : all) {
    const int step = process_step(later.kind);
    if (step < 0) continue;
    for (const auto& earlier : all) {
      const int before = process_step(earlier.kind);
      if (before < 0 || before >= step || earlier.date <= later.date) continue;
      if (!earlier.group.empty() && !later.group.empty() && earlier.group != later.group) continue;
      st.diags.error(later.span, "tidsfristen '" + later.label + "' (" + later.kind + ", " +
                                     date_text(later.date) + ") ligger före '" + earlier.label +
                                     "' (" + earlier.kind + ", " + date_text(earlier.date) + ", " +
                                     span_text(earlier.span) + "): stegen kommer i ordningen " +
                                     "ansökan, rekvisition, omfördelning, användning, "
                                     "återrapportering, redovisning");
      break;
    }
  }
}

}  // namespace

void check_dates(LoadState& st) {
  const int y = st.year.grant.year;
  if (y == 0) return;
  const Grant& g = st.year.grant;
  check_in_years(st, dated(st, "bidrag.period.från", g.period_start), y, y, "periodens början");
  check_in_years(st, dated(st, "bidrag.period.till", g.period_end), y, y, "periodens slut");
  for (const auto& d : g.deadlines) {
    auto [from, to] = deadline_years(d.kind, y);
    if (d.date.year >= from && d.date.year <= to) continue;
    st.diags.error(d.span, "tidsfristen '" + d.label + "' är " + date_text(d.date) + ", men en " +
                               (d.kind.empty() ? "tidsfrist" : "frist av typen " + d.kind) +
                               " ska ligga " + years_text(from, to) + " (bidragsåret är " +
                               std::to_string(y) + "); är datasetet kopierat från ett annat år?");
  }
  for (const auto& b : g.decisions)
    if (b.date && (b.date->year < y - 1 || b.date->year > y))
      st.diags.error(b.span, "beslutet '" + b.description + "' är daterat " + date_text(*b.date) +
                                 ", men besluten om ett års medel fattas " + years_text(y - 1, y) +
                                 " (bidragsåret är " + std::to_string(y) + ")");

  // The document is written in the grant year (an allocation) or the year after (the
  // follow-up); its meetings come before the committee's.
  const DocumentMeta& doc = st.year.document;
  const Dated memo = dated(st, "dokument.datum", doc.date);
  const Dated meeting = dated(st, "dokument.sammanträdesdatum", doc.meeting_date);
  const Dated group = dated(st, "dokument.beredningsdatum", doc.preparation_date);
  const Dated council = dated(st, "dokument.rådsdatum", doc.council_date);
  for (const Dated* d : {&memo, &meeting, &group, &council})
    check_in_years(st, *d, y, y + 1, "dokumentets datum");
  // The memos say the group and the council "har behandlat" the matter: before the memo.
  check_order(st, group, memo,
              "tjänsteutlåtandet säger att förvaltningsgruppen redan har behandlat ärendet");
  check_order(st, council, memo,
              "tjänsteutlåtandet säger att rådet redan har fått ta del av "
              "ärendet");
  check_order(st, memo, meeting,
              "nämnden kan inte besluta om ett tjänsteutlåtande som ännu "
              "inte är skrivet");
  check_order(st, group, meeting, "ärendet bereds innan nämnden sammanträder");
  check_order(st, council, meeting, "rådet får ta del av ärendet innan nämnden sammanträder");
  // Likewise every body in dokument.beredning: the memo says it already took part.
  for (const auto& c : doc.consultations) {
    const Dated body{"dokument.beredning", c.date, c.span};
    check_in_years(st, body, y, y + 1, "dokumentets datum");
    check_order(st, body, memo,
                "tjänsteutlåtandet säger att " + c.name + " redan har tagit del av ärendet");
    check_order(st, body, meeting, "ärendet bereds innan nämnden sammanträder");
  }

  check_deadline_order(st);
  check_text_years(st, "dokument.titel", doc.title, y);
  check_text_years(st, "dokument.dnr", doc.dnr, y);

  // Last year's allocation, that the memo compares with "förra året", is the year before.
  if (!st.year.previous.empty()) {
    const PreviousAllocation& p = st.year.previous.back();
    if (p.year != 0 && p.year != y - 1)
      st.diags.error(p.span, "den tidigare fördelningen gäller " + std::to_string(p.year) +
                                 ", men året före bidragsåret " + std::to_string(y) + " är " +
                                 std::to_string(y - 1) +
                                 "; tjänsteutlåtandet jämför med förra året");
  }
}

}  // namespace rv::load
