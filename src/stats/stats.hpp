// The statistics stage: every figure a document prints, computed from a GrantYear.
//
// Rounding policy (docs/statistik.md): everything here is exact. Amounts are whole
// kronor in 64-bit integers, shares are exact fractions (sv::Fraction, numerator and
// denominator as the raw counts or amounts), and nothing is rounded until a figure is
// presented, once, half up (rv::stats::round_half_up, sv::percent_table …).
//
// Entry functions, one per kind of figure:
//   summarize()            per group and in total (Tabell 1), with per-recipient rows
//   summarize_group()      one group
//   summarize_question()   one questionnaire question: counts, N and shares
//   summarize_survey()     every question (of a group)
//   year_series()          earlier years from the history plus the current year
//   compare_allocations()  who gets more, who less, by how much
// Allocation (whole-krona apportionment and specification files) is in allocate.hpp;
// readable tables and CSV in output.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "swedish/swedish.hpp"

namespace rv::stats {

using sv::Fraction;

// ---- exact arithmetic and the one rounding step --------------------------------------

// num/den rounded to the nearest integer, halves away from zero; den > 0. Exact (128-bit).
int64_t round_half_up(__int128 num, __int128 den);
// A share as whole percent, rounded half up: 74949127/79999893 → 94.
int64_t percent(Fraction share);
// A share as a decimal fraction with `decimals` digits and a decimal point, for CSV:
// decimal_point({74949127, 79999893}, 4) → "0.9369".
std::string decimal_point(Fraction share, int decimals);

// ---- recipients, groups, totals -------------------------------------------------------

// One row of an appendix table: one grant to one recipient.
struct RecipientFigures {
  const Recipient* source = nullptr;  // the model row (points into the GrantYear)
  std::string name;                   // display name: "Länsstyrelsen Stockholm – ansökan 1"
  std::string group;
  std::optional<Amount> key, applied, granted, reallocated;
  Amount allocated = 0;                  // granted + reallocated
  std::optional<Amount> spent, unspent;  // unknown when the recipient has not reported
  std::optional<Fraction> share_spent;   // spent / allocated (allocated > 0, spent known)
  std::optional<Fraction> share_unspent;
  bool funded = false;  // counts as a recipient: allocated > 0 and no status (avslagen …)
};

RecipientFigures figures_for(const Recipient& r);

// A recipient group's totals (one row of Tabell 1), or all groups together.
struct GroupSummary {
  std::string id;                   // group id; "summa" for the total
  std::string label;                // "Kommuner"; "Summa" for the total
  std::optional<Amount> available;  // tillgängligt (total: when every group states it)
  Amount key_total = 0;             // sum of fördelningsnyckel over the rows
  Amount applied_total = 0;         // sum of sökt over all rows (also rejected ones)
  Amount granted_total = 0;         // rekvirerat/beviljat
  Amount reallocated_total = 0;     // omfördelat
  Amount allocated = 0;             // fördelat = granted + reallocated over funded rows
  int recipients = 0;               // funded grants ("Antal mottagare": 24 NGO grants)
  int organisations = 0;            // distinct names among the funded (23 NGOs)
  int rows = 0;                     // all rows, also rejected and withdrawn applications
  int applications = 0;             // antal_ansökningar when declared, else rows
  Amount spent = 0;                 // over funded recipients whose use is known
  Amount unspent = 0;
  Amount unknown_use = 0;               // allocated to recipients that did not report
  std::optional<Fraction> share_spent;  // spent / (spent + unspent)
  std::optional<Fraction> share_unspent;
  // Display names, in Swedish alphabetical order.
  std::vector<std::string> with_unspent;      // unspent > 0 (nothing + part)
  std::vector<std::string> spent_nothing;     // spent == 0
  std::vector<std::string> spent_part;        // 0 < spent < allocated
  std::vector<std::string> not_reported;      // återrapporterat: nej, or use unknown
  std::vector<std::string> not_funded;        // rejected, withdrawn or granted 0
  std::vector<std::string> wants_more;        // vill_ha_mer: ja
  std::vector<std::string> over_key;          // granted more than the key offered
  std::vector<RecipientFigures> rows_detail;  // every row, in data order
};

// What the authority (or the city) received in total, when it kept part centrally:
// Stockholm 2017 requisitioned 2 945 873 kr and passed 22 953 kr on to nobody.
struct GrantTotals {
  Amount total = 0;  // rekvirerat_totalt, else allocated + ej_fördelat
  Amount spent = 0;  // spent by recipients + ej_fördelat_förbrukat
  Amount unspent = 0;
  std::optional<Fraction> share_spent;
  Amount undistributed = 0;        // ej_fördelat
  Amount undistributed_spent = 0;  // ej_fördelat_förbrukat
};

struct Summary {
  std::vector<GroupSummary> groups;  // in the data set's group order
  GroupSummary total;                // id "summa", label "Summa"
  GrantTotals grant;
};

GroupSummary summarize_group(const GrantYear& year, const std::string& group);
Summary summarize(const GrantYear& year);

// ---- questionnaire --------------------------------------------------------------------

struct OptionCount {
  std::string id;
  std::string label;
  int count = 0;
  Fraction share;  // count / N
};

struct QuestionSummary {
  std::string id;
  std::string group;
  QuestionKind kind = QuestionKind::MultipleChoice;
  std::string text;
  std::optional<Condition> condition;
  // N: the respondents the question was put to — everyone in the group who answered the
  // questionnaire, or, for a conditional question, those who chose the condition's option
  // ("Andel av de som svarat att de har insatser inom detta område. N=262").
  int n = 0;
  int answered = 0;                  // of those, how many gave an answer to this question
  std::vector<OptionCount> options;  // multiple choice: per option; rating: per step (low → high)
  int yes = 0, no = 0;               // yes/no questions
  std::vector<std::string> texts;    // free text answers, in response order
};

QuestionSummary summarize_question(const GrantYear& year, const std::string& question);
// Every question (of one group, or all when group is empty), in data order.
std::vector<QuestionSummary> summarize_survey(const GrantYear& year, const std::string& group = {});

// Respondents in a group: responses whose recipient belongs to it ("286 kommuner").
int respondents(const GrantYear& year, const std::string& group);

// A rating question summarised as "in the top k steps": "i ganska hög eller hög
// utsträckning" = top 2 of 4 → 240 of 286.
struct TopSteps {
  int count = 0;
  int n = 0;
  Fraction share;
  std::vector<std::string> labels;  // the steps counted, low → high
};
TopSteps top_steps(const QuestionSummary& q, int k);
// The yes share of a yes/no question (yes / N).
Fraction yes_share(const QuestionSummary& q);
// Options by count, largest first; equal counts keep the question's order (Diagram 1).
std::vector<OptionCount> by_count(const QuestionSummary& q);

// ---- year series ----------------------------------------------------------------------

struct YearPoint {
  int year = 0;
  bool computed = false;  // the current year, computed from the rows
  std::optional<Amount> available, spent, unspent;
  std::optional<int> applicants, recipients;
  std::optional<Fraction>
      share_spent;  // spent / available (or spent / allocated for the current year)
  std::optional<int> published_share_pct;  // andel_förbrukat_procent, when given
  std::string recipients_text;             // "Sex länsstyrelser och NCK"
  std::map<std::string, int> shares_pct;   // andelar_procent: question id → published %
  // The whole percent to print: the published one when given, else computed.
  std::optional<int64_t> share_pct() const;
};

// Earlier years from the history (as published) and the data set's own year computed
// from its rows (replacing a history row for the same year, but keeping its
// recipients_text). Sorted by year.
std::vector<YearPoint> year_series(const GrantYear& year, const std::string& group);

// ---- comparing two allocations ----------------------------------------------------------

struct ComparisonRow {
  std::string name;
  std::optional<Amount> before, after;   // missing: not in that allocation
  Amount change = 0;                     // after - before (missing counts as 0)
  std::optional<Fraction> change_share;  // change / before, when before > 0
};

struct Comparison {
  int year_before = 0, year_after = 0;
  Amount total_before = 0, total_after = 0;   // sums of the rows
  std::optional<Amount> stated_total_before;  // tidigare_fördelning.totalt, as published
  std::vector<ComparisonRow> rows;            // the new allocation's order, then names only before
  int more = 0, less = 0, same = 0, only_before = 0, only_after = 0;
  bool all_more() const { return !rows.empty() && more == static_cast<int>(rows.size()); }
  bool none_less() const { return less == 0 && only_before == 0; }
};

// Both maps are name → amount; `after_order` gives the row order (names missing from it
// follow in Swedish order).
Comparison compare_allocations(const std::map<std::string, Amount>& before,
                               const std::map<std::string, Amount>& after,
                               const std::vector<std::string>& after_order = {});
// The data set's allocation (allocated per funded recipient of `group`, or of every group
// when empty) against tidigare_fördelning for `previous_year` (0: the latest).
// nullopt when the data set has no such previous allocation.
std::optional<Comparison> compare_with_previous(const GrantYear& year,
                                                const std::string& group = {},
                                                int previous_year = 0);

}  // namespace rv::stats
