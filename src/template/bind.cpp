// The data context templates see: the grant year and every figure of the statistics
// engine, under Swedish names (documented in docs/mallar.md).
#include "template/bind.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "stats/allocate.hpp"
#include "stats/group_allocation.hpp"
#include "stats/stats.hpp"

namespace rv::tmpl {

namespace {

// One entry of a record. `value` is mutable so that it can be moved out of the
// initializer list (whose elements are const): a data set binds thousands of records,
// and copying every entry (strings included) was a good part of the cost.
struct Field {
  const char* key;
  mutable Value value;
};

Map fields(std::initializer_list<Field> list) {
  Map m;
  // Hinted at the end: a record listed in key order is built without searching.
  for (const Field& f : list) m.emplace_hint(m.end(), f.key, std::move(f.value));
  return m;
}

Value record(std::initializer_list<Field> list) { return Value(fields(list)); }

Value names(const std::vector<std::string>& v) {
  List l;
  l.reserve(v.size());
  for (const auto& s : v) l.push_back(Value(s));
  return Value(std::move(l));
}

Value share(const std::optional<sv::Fraction>& f) { return f ? Value(*f) : Value(); }

// An optional text of the record: null when not given, so `| finns` tells.
Value optional_text(const Recipient* src, std::string Recipient::*field) {
  return src && !(src->*field).empty() ? Value(src->*field) : Value();
}

Value field_value(const FieldValue& v) {
  switch (v.type) {
    case FieldType::Text:
    case FieldType::Choice:
      return Value(v.text);
    case FieldType::Integer:
    case FieldType::Money:
      return Value(v.number);
    case FieldType::CalendarDate:
      return Value(v.date);
    case FieldType::YesNo:
      return Value(v.yes);
  }
  return Value();
}

// `own`: the own fields (egna_fält) declared for the recipient's group; one the recipient
// does not give is null, so that `rad.län | finns` tells and a condition sees `inget`.
Value recipient_value(const stats::RecipientFigures& r, const std::vector<const FieldDecl*>& own) {
  const Recipient* src = r.source;
  // In key (byte) order: there is one of these per recipient.
  Map m = fields({
      {"adressat", optional_text(src, &Recipient::addressee)},
      {"andel_förbrukat", share(r.share_spent)},
      {"andel_oförbrukat", share(r.share_unspent)},
      {"anmärkning", Value(src ? src->note : std::string())},
      {"ansökan", Value(src ? src->application : std::string())},
      {"beviljad", Value(r.funded)},
      {"beviljat", Value(r.granted)},
      {"förbrukat", Value(r.spent)},
      {"fördelat", Value(r.allocated)},
      {"fördelningsnyckel", Value(r.key)},
      {"grupp", Value(r.group)},
      {"namn", Value(r.name)},
      {"oförbrukat", Value(r.unspent)},
      {"omfördelat", Value(r.reallocated)},
      {"organisation", Value(src ? src->name : r.name)},
      {"postnummer", optional_text(src, &Recipient::postcode)},
      {"postort", optional_text(src, &Recipient::town)},
      {"rekvirerat", Value(r.granted)},
      {"status", Value(src ? src->status : std::string())},
      {"sökt", Value(r.applied)},
      {"utdelningsadress", optional_text(src, &Recipient::street)},
      {"vill_ha_mer", Value(src && src->wants_more.value_or(false))},
      {"återrapporterat", Value(src ? src->reported.value_or(true) : true)},
  });
  for (const FieldDecl* d : own) {
    auto it = src ? src->fields.find(d->name) : std::map<std::string, FieldValue>::const_iterator();
    m.emplace(d->name, src && it != src->fields.end() ? field_value(it->second) : Value());
  }
  return Value(std::move(m));
}

Value option_value(const stats::OptionCount& o, int n) {
  return record({{"id", Value(o.id)},
                 {"etikett", Value(o.label)},
                 {"antal", Value(o.count)},
                 {"andel", Value(o.share)},
                 {"N", Value(n)}});
}

bool same_option(const stats::OptionCount& a, const stats::OptionCount& b) {
  return a.id == b.id && a.label == b.label && a.count == b.count && a.share.num == b.share.num &&
         a.share.den == b.share.den;
}

std::string kind_word(QuestionKind k) {
  switch (k) {
    case QuestionKind::MultipleChoice:
      return "flerval";
    case QuestionKind::YesNo:
      return "ja_nej";
    case QuestionKind::Rating:
      return "skala";
    case QuestionKind::FreeText:
      return "fritext";
  }
  return "";
}

Value question_value(const stats::QuestionSummary& q) {
  List options, sorted;
  Map per_id;
  for (const auto& o : q.options) {
    options.push_back(option_value(o, q.n));
    per_id[o.id] = options.back();
  }
  // The same options again, by count: share the records already made (an option with
  // equal fields makes an equal record).
  for (const auto& o : stats::by_count(q)) {
    size_t i = 0;
    while (i < q.options.size() && !same_option(q.options[i], o)) ++i;
    sorted.push_back(i < q.options.size() ? options[i] : option_value(o, q.n));
  }
  Map m = fields({{"id", Value(q.id)},
                  {"text", Value(q.text)},
                  {"typ", Value(kind_word(q.kind))},
                  {"N", Value(q.n)},
                  {"besvarat", Value(q.answered)},
                  {"alternativ", Value(std::move(options))},
                  {"efter_antal", Value(std::move(sorted))},
                  {"svar", Value(std::move(per_id))},
                  {"ja", Value(q.yes)},
                  {"nej", Value(q.no)},
                  {"andel_ja", q.n > 0 ? Value(stats::yes_share(q)) : Value()},
                  {"texter", names(q.texts)}});
  if (q.kind == QuestionKind::Rating) {
    for (int k : {1, 2}) {
      auto top = stats::top_steps(q, k);
      m["topp" + std::to_string(k)] = record({{"antal", Value(top.count)},
                                              {"N", Value(top.n)},
                                              {"andel", top.n > 0 ? Value(top.share) : Value()},
                                              {"steg", names(top.labels)}});
    }
  }
  return Value(std::move(m));
}

// Spent, unspent and their shares: unknown until the recipients have reported.
void forget_use(Map& g) {
  for (const char* k : {"förbrukat", "oförbrukat", "andel_förbrukat", "andel_oförbrukat"})
    g[k] = Value();
}

Map group_core(const stats::GroupSummary& g) {
  return fields({
      {"id", Value(g.id)},
      {"etikett", Value(g.label)},
      {"tillgängligt", Value(g.available)},
      {"nyckel_summa", Value(g.key_total)},
      {"sökt_summa", Value(g.applied_total)},
      {"rekvirerat", Value(g.granted_total)},
      {"beviljat", Value(g.granted_total)},
      {"omfördelat", Value(g.reallocated_total)},
      {"fördelat", Value(g.allocated)},
      {"antal_mottagare", Value(g.recipients)},
      {"antal_organisationer", Value(g.organisations)},
      {"antal_rader", Value(g.rows)},
      {"antal_ansökningar", Value(g.applications)},
      {"förbrukat", Value(g.spent)},
      {"oförbrukat", Value(g.unspent)},
      {"okänd_användning", Value(g.unknown_use)},
      {"andel_förbrukat", share(g.share_spent)},
      {"andel_oförbrukat", share(g.share_unspent)},
      {"med_oförbrukat", names(g.with_unspent)},
      {"utan_förbrukning", names(g.spent_nothing)},
      {"delvis_förbrukat", names(g.spent_part)},
      {"ej_återrapporterat", names(g.not_reported)},
      {"ej_beviljade", names(g.not_funded)},
      {"vill_ha_mer", names(g.wants_more)},
      {"över_nyckeln", names(g.over_key)},
  });
}

Value year_value(const stats::YearPoint& y) {
  auto pct = y.share_pct();
  Map shares;
  for (const auto& [q, p] : y.shares_pct) shares[q] = Value(static_cast<int64_t>(p));
  return record({{"andelar_procent", Value(std::move(shares))},
                 {"år", Value(y.year)},
                 {"beräknat", Value(y.computed)},
                 {"tillgängligt", Value(y.available)},
                 {"förbrukat", Value(y.spent)},
                 {"oförbrukat", Value(y.unspent)},
                 {"antal_sökande", Value(y.applicants)},
                 {"antal_mottagare", Value(y.recipients)},
                 {"andel_förbrukat", share(y.share_spent)},
                 {"procent_förbrukat", pct ? Value(*pct) : Value()},
                 {"mottagare_text", Value(y.recipients_text)}});
}

Value comparison_value(const stats::Comparison& c) {
  List rows, more, less;
  for (const auto& r : c.rows) {
    Value v = record({{"namn", Value(r.name)},
                      {"före", Value(r.before)},
                      {"efter", Value(r.after)},
                      {"förändring", Value(r.change)},
                      {"minskning", Value(-r.change)},
                      {"andel_förändring", share(r.change_share)}});
    if (r.change > 0) more.push_back(v);
    if (r.change < 0) less.push_back(v);
    rows.push_back(std::move(v));
  }
  return record({{"år_före", Value(c.year_before)},
                 {"år_efter", Value(c.year_after)},
                 {"totalt_före", Value(c.total_before)},
                 {"totalt_efter", Value(c.total_after)},
                 {"angivet_totalt_före", Value(c.stated_total_before)},
                 {"rader", Value(std::move(rows))},
                 {"ökar", Value(std::move(more))},
                 {"minskar", Value(std::move(less))},
                 {"antal_ökar", Value(c.more)},
                 {"antal_minskar", Value(c.less)},
                 {"antal_oförändrade", Value(c.same)},
                 {"alla_ökar", Value(c.all_more())},
                 {"ingen_minskar", Value(c.none_less())}});
}

// The amount a recipient was decided, where the data set states one (beviljat in the
// recipients' files, as the decision printed it). An official document prints what was
// decided; the rule's figure is kept beside it so that a table or note can show both.
using Decided = std::map<std::string, Amount>;

Decided decided_amounts(const GrantYear& year) {
  Decided out;
  for (const auto& r : year.recipients)
    if (r.granted) out.emplace(r.name, *r.granted);
  return out;
}

Value allocation_value(const stats::Allocation& a, const Decided& decided) {
  List rows, differences;
  Amount printed_total = 0;
  for (const auto& l : a.lines) {
    auto it = decided.find(l.name);
    const Amount printed = it != decided.end() ? it->second : l.amount;
    printed_total += printed;
    rows.push_back(record({{"namn", Value(l.name)},
                           {"belopp", Value(printed)},
                           {"beräknat", Value(l.amount)},
                           {"beslutat", it != decided.end() ? Value(it->second) : Value()},
                           {"nyckel", Value(l.key_text)},
                           {"fast", Value(l.fixed)},
                           {"minimibelopp", Value(l.raised_to_minimum)}}));
    if (printed != l.amount)
      differences.push_back(record({{"namn", Value(l.name)},
                                    {"beslutat", Value(printed)},
                                    {"beräknat", Value(l.amount)},
                                    {"skillnad", Value(printed - l.amount)}}));
  }
  return record({{"rubrik", Value(a.title)},
                 {"nyckelns_namn", Value(a.key_name)},
                 {"regel", Value(stats::rule_name(a.rule))},
                 {"belopp", Value(a.amount)},
                 {"totalt", Value(a.total())},               // the rule's rows: always belopp
                 {"beslutat_totalt", Value(printed_total)},  // the rows as printed
                 {"avvikelser", Value(std::move(differences))},
                 {"rader", Value(std::move(rows))}});
}

// A key or threshold as a number: scaled keys (12,13 → 1213 with 2 decimals) as a fraction.
Value scaled_number(std::optional<Amount> v, int decimals) {
  if (!v) return Value();
  if (decimals == 0) return Value(*v);
  Amount den = 1;
  for (int i = 0; i < decimals; ++i) den *= 10;
  return Value(sv::Fraction{*v, den});
}

// grupper.<g>.fördelning: the rule that computes the group's keys, its inputs and results.
Value group_allocation_value(const stats::GroupAllocation& ga) {
  const stats::AllocationSpec& s = ga.spec;
  const stats::Allocation& a = ga.allocation;
  List rows;
  Amount key_sum = 0;
  for (const auto& l : a.lines) {
    key_sum += l.key.value_or(0);
    rows.push_back(record({{"namn", Value(l.name)},
                           {"belopp", Value(l.amount)},
                           {"nyckel", scaled_number(l.key, a.key_decimals)},
                           {"nyckel_text", Value(l.key_text)},
                           {"fast", Value(l.fixed)},
                           {"minimibelopp", Value(l.raised_to_minimum)},
                           {"grundbelopp", Value(l.base_part)}}));
  }
  return record({{"rubrik", Value(a.title)},
                 {"nyckelns_namn", Value(a.key_name)},
                 {"regel", Value(stats::rule_name(a.rule))},
                 {"belopp", Value(a.amount)},
                 {"totalt", Value(a.total())},
                 {"grundbelopp", Value(s.base)},
                 {"minimibelopp", Value(s.minimum)},
                 {"tröskel", scaled_number(s.threshold, s.key_decimals)},
                 {"grund", Value(s.basis)},
                 {"nyckel_summa", scaled_number(key_sum, a.key_decimals)},
                 {"antal", Value(a.lines.size())},
                 {"rader", Value(std::move(rows))}});
}

// A text the data set leaves out is no value, not "": printed, it is reported where it
// belongs in the data set instead of leaving a gap in a sentence ("utarbetats inom , …").
Value text_or_none(const std::string& s) { return s.empty() ? Value() : Value(s); }

Value document_value(const DocumentMeta& d) {
  List signatories;
  for (const auto& s : d.signatories)
    signatories.push_back(record({{"namn", Value(s.name)}, {"titel", Value(s.title)}}));
  Map extra;
  for (const auto& [k, v] : d.extra) extra[k] = text_or_none(v);
  List consultations;
  for (const auto& c : d.consultations)
    consultations.push_back(
        record({{"namn", Value(c.name)}, {"datum", Value(c.date)}, {"sätt", Value(c.kind)}}));
  Map headings;
  for (const auto& [role, heading] : d.column_headings) headings[role] = Value(heading);
  List appendices;
  for (const auto& a : d.appendices) appendices.push_back(Value(a));
  return record({{"titel", text_or_none(d.title)},
                 {"undertitel", text_or_none(d.subtitle)},
                 {"dnr", text_or_none(d.dnr)},
                 {"förvaltning", text_or_none(d.organisation)},
                 {"avdelning", text_or_none(d.department)},
                 {"handläggare", text_or_none(d.officer)},
                 {"telefon", text_or_none(d.phone)},
                 {"datum", Value(d.date)},
                 {"nämnd", text_or_none(d.committee)},
                 {"sammanträdesdatum", Value(d.meeting_date)},
                 {"beredningsdatum", Value(d.preparation_date)},
                 {"rådsdatum", Value(d.council_date)},
                 {"undertecknare", Value(std::move(signatories))},
                 {"författare", text_or_none(d.author)},
                 {"artikelnummer", text_or_none(d.article_number)},
                 {"övrigt", Value(std::move(extra))},
                 // The memo wording stays "" when left out: the templates give defaults.
                 {"kommun", Value(d.municipality)},
                 {"kommun_i_text", Value(d.municipality_in_text)},
                 {"förvaltning_i_text", Value(d.organisation_in_text)},
                 {"beredning", Value(std::move(consultations))},
                 {"bakgrund", Value(d.background)},
                 {"kolumnrubriker", Value(std::move(headings))},
                 {"bilagor", Value(std::move(appendices))},
                 {"fiktiva_uppgifter", text_or_none(d.fictitious)}});
}

// tidsfrist.<typ>: the date of each kind of deadline, for one group (its own deadline of that
// kind, else the one for every group) or, with group empty, for every group. The first in the
// data wins: the first requisition round is the requisition deadline.
Value deadlines_by_kind(const std::vector<Deadline>& all, const std::string& group) {
  Map out;
  for (bool own : {true, false})
    for (const auto& d : all) {
      if (d.kind.empty() || out.count(d.kind)) continue;
      if (own ? (!group.empty() && d.group == group) : d.group.empty()) out[d.kind] = Value(d.date);
    }
  return Value(std::move(out));
}

Value grant_value(const Grant& g) {
  List deadlines;
  for (const auto& d : g.deadlines)
    deadlines.push_back(record({{"beskrivning", Value(d.label)},
                                {"datum", Value(d.date)},
                                {"typ", d.kind.empty() ? Value() : Value(d.kind)},
                                {"grupp", d.group.empty() ? Value() : Value(d.group)}}));
  List decisions;
  for (const auto& d : g.decisions)
    decisions.push_back(record({{"beskrivning", Value(d.description)},
                                {"referens", d.reference.empty() ? Value() : Value(d.reference)},
                                {"datum", d.date ? Value(*d.date) : Value()}}));
  return record({{"namn", Value(g.name)},
                 {"år", Value(g.year)},
                 {"myndighet", Value(g.authority)},
                 {"period_från", Value(g.period_start)},
                 {"period_till", Value(g.period_end)},
                 {"tidsfrister", Value(std::move(deadlines))},
                 {"tidsfrist", deadlines_by_kind(g.deadlines, "")},
                 {"beslut", Value(std::move(decisions))},
                 {"rekvirerat_totalt", Value(g.requisitioned_total)},
                 {"ej_fördelat", Value(g.undistributed)},
                 {"ej_fördelat_förbrukat", Value(g.undistributed_spent)}});
}

Value quote_value(const Quote& q) {
  List bullets;
  for (const auto& b : q.bullets) bullets.push_back(Value(b));
  return record({{"rubrik", Value(q.heading)},
                 {"punkter", Value(std::move(bullets))},
                 {"grupp", Value(q.group)},
                 {"mottagare", Value(q.recipient)},
                 {"område", Value(q.area)},
                 {"text", Value(q.text)}});
}

}  // namespace

Value bind_context(const GrantYear& year, Diagnostics& diags) {
  stats::Summary summary = stats::summarize(year);
  Map groups;
  List group_list;
  bool any_followed_up = false, all_followed_up = true;
  size_t respondents = 0;
  for (size_t gi = 0; gi < summary.groups.size(); ++gi) {
    const auto& gs = summary.groups[gi];
    Map g = group_core(gs);
    const Group* model = year.find_group(gs.id);
    if (model) {
      g["singular"] = Value(model->noun.singular);
      g["plural"] = Value(model->noun.plural);
      g["bestämd_plural"] = Value(model->noun.definite_plural);
      g["genus"] = Value(model->noun.gender == Gender::Neuter ? "neutrum" : "utrum");
      // Figures the data declares for the group as a whole (as printed in the source).
      g["sökt_totalt"] = Value(model->applied_total_declared);
      g["ansökningar_inkomna"] = Value(model->applications_received);
      List rounds;
      for (Amount a : model->per_round) rounds.push_back(Value(a));
      g["belopp_per_omgång"] = Value(std::move(rounds));
      g["deklarerad_nyckel_summa"] = Value(model->declared_key_total);
      g["deklarerat_fördelat"] = Value(model->declared_allocated_total);
      g["deklarerat_oförbrukat"] = Value(model->declared_unspent_total);
    }
    // Recipients in Swedish alphabetical order, as every appendix lists them.
    std::vector<const stats::RecipientFigures*> rows;
    for (const auto& r : gs.rows_detail) rows.push_back(&r);
    std::stable_sort(rows.begin(), rows.end(),
                     [](auto* a, auto* b) { return sv::collate_less(a->name, b->name); });
    List recipients, funded;
    recipients.reserve(rows.size());
    std::vector<const FieldDecl*> own;
    for (const auto& d : year.field_decls)
      if (d.group.empty() || d.group == gs.id) own.push_back(&d);
    for (const auto* r : rows) {
      recipients.push_back(recipient_value(*r, own));
      if (r->funded) funded.push_back(recipients.back());  // shared, not built twice
    }
    g["alla_rader"] = Value(std::move(recipients));
    g["mottagare"] = Value(std::move(funded));
    g["svarande"] = Value(stats::respondents(year, gs.id));
    // Whether any funded recipient has reported its use: a year whose data set has only
    // the allocation (no follow-up yet) says so instead of printing empty figures.
    bool followed_up = false;
    for (const auto& r : gs.rows_detail) followed_up |= r.funded && (r.spent || r.unspent);
    g["uppföljd"] = Value(followed_up);
    if (!followed_up) forget_use(g);  // unknown, not 0 kr and not 100 %
    any_followed_up |= followed_up;
    // A group given money that has not reported yet leaves the national total unknown.
    all_followed_up &= followed_up || gs.allocated == 0;
    respondents += stats::respondents(year, gs.id);
    Map questions;
    List question_list;
    for (const auto& q : stats::summarize_survey(year, gs.id)) {
      question_list.push_back(question_value(q));
      questions[q.id] = question_list.back();
    }
    g["frågor"] = Value(std::move(questions));
    g["frågelista"] = Value(std::move(question_list));
    List history;
    for (const auto& y : stats::year_series(year, gs.id)) {
      history.push_back(year_value(y));
      // This year's use is unknown until the recipients report it: not 0 kr, not 0 %.
      if (y.computed && !followed_up) {
        Map m = history.back().as_map();
        for (const char* k : {"förbrukat", "oförbrukat", "andel_förbrukat", "procent_förbrukat"})
          m[k] = Value();
        history.back() = Value(std::move(m));
      }
    }
    g["historik"] = Value(std::move(history));
    List quotes;
    for (const auto& q : year.quotes)
      if (q.group == gs.id) quotes.push_back(quote_value(q));
    g["citat"] = Value(std::move(quotes));
    auto ga = stats::group_allocation(year, gs.id);
    g["fördelning"] = ga ? group_allocation_value(*ga) : Value();
    g["tidsfrist"] = deadlines_by_kind(year.grant.deadlines, gs.id);
    const Value& gv = groups.emplace(gs.id, Value(std::move(g))).first->second;
    group_list.push_back(gv);
  }

  Map ctx;
  ctx["bidrag"] = grant_value(year.grant);
  ctx["dokument"] = document_value(year.document);
  ctx["grupper"] = Value(std::move(groups));
  ctx["grupplista"] = Value(std::move(group_list));
  Map total = group_core(summary.total);
  total["uppföljd"] = Value(any_followed_up);
  total["alla_uppföljda"] = Value(any_followed_up && all_followed_up);
  total["svarande"] = Value(static_cast<int64_t>(respondents));
  // The share unspent of all groups is known only when every group given money has
  // reported: counting the others as fully spent would print a share that is wrong.
  if (!any_followed_up || !all_followed_up) forget_use(total);
  ctx["summa"] = Value(std::move(total));
  // What was requisitioned is unknown until the data set says it (rekvirerat_totalt) or
  // something has been allocated: next year's data set from `init` must not read "0 kronor".
  const bool total_known = year.grant.requisitioned_total || summary.grant.total != 0;
  ctx["totalt"] = record({{"belopp", total_known ? Value(summary.grant.total) : Value()},
                          {"förbrukat", Value(summary.grant.spent)},
                          {"oförbrukat", Value(summary.grant.unspent)},
                          {"andel_förbrukat", share(summary.grant.share_spent)},
                          {"ej_fördelat", Value(summary.grant.undistributed)},
                          {"ej_fördelat_förbrukat", Value(summary.grant.undistributed_spent)}});
  List quotes;
  for (const auto& q : year.quotes) quotes.push_back(quote_value(q));
  ctx["citat"] = Value(std::move(quotes));

  auto cmp = stats::compare_with_previous(year);
  List allocations;
  std::set<std::string> group_specs;
  for (const auto& [group, file] : year.key_specs) group_specs.insert(file);
  const Decided decided = decided_amounts(year);
  for (const auto& file : year.allocation_spec_files) {
    // A group's specification is under grupper.<g>.fördelning; it was applied on loading.
    if (group_specs.count(file)) continue;
    stats::SpecRead read = stats::read_allocation_spec(file);
    diags.append(read.diags);
    if (!read.ok()) continue;
    stats::AllocationOutcome out = stats::allocate(*read.spec);
    diags.append(out.diags);
    if (!out.allocation) continue;
    allocations.push_back(allocation_value(*out.allocation, decided));
    // The proposed allocation is what the memo compares with last year's.
    if (!year.previous.empty()) {
      std::map<std::string, Amount> before = year.previous.back().per_recipient, after;
      std::vector<std::string> order;
      // What the memo prints (the decided amount where there is one) is what it compares.
      for (const auto& l : out.allocation->lines) {
        auto it = decided.find(l.name);
        after[l.name] = it != decided.end() ? it->second : l.amount;
        order.push_back(l.name);
      }
      auto c = stats::compare_allocations(before, after, order);
      c.year_before = year.previous.back().year;
      c.year_after = year.grant.year;
      c.stated_total_before = year.previous.back().total;
      cmp = c;
    }
  }
  ctx["fördelning"] = allocations.empty() ? Value() : allocations.front();
  ctx["fördelningar"] = Value(std::move(allocations));
  ctx["jämförelse"] = cmp ? comparison_value(*cmp) : Value();
  return Value(std::move(ctx));
}

}  // namespace rv::tmpl

namespace rv::tmpl {

DataPositions data_positions(const GrantYear& year) {
  DataPositions positions;
  positions.find = [&year](const std::string& path) -> std::optional<DataPlace> {
    auto split = [](const std::string& p) {
      std::vector<std::string> parts;
      size_t start = 0;
      for (size_t dot; (dot = p.find('.', start)) != std::string::npos; start = dot + 1)
        parts.push_back(p.substr(start, dot - start));
      parts.push_back(p.substr(start));
      return parts;
    };
    const std::vector<std::string> parts = split(path);
    if (parts.size() < 2) return std::nullopt;
    // A file of its own when the data set has no such section yet: the grant's file.
    const Span fallback{year.grant.span.file, 0, 0};
    auto rest = [&](size_t from) {
      std::string out;
      for (size_t i = from; i < parts.size(); ++i) out += (i == from ? "" : ": ") + parts[i];
      return out;
    };
    if (parts[0] == "dokument") {
      bool has = !year.document.span.file.empty();
      return DataPlace{has ? year.document.span : fallback,
                       has ? "'dokument'" : "'dokument' (ett nytt avsnitt)", rest(1)};
    }
    if (parts[0] == "bidrag") {
      if (parts[1] == "tidsfrist" && parts.size() == 3)
        return DataPlace{year.grant.span, "'bidrag'",
                         "tidsfrister: en tidsfrist med typ: " + parts[2]};
      if (parts[1] == "period_från" || parts[1] == "period_till")
        return DataPlace{year.grant.span, "'bidrag'",
                         std::string("period: ") + (parts[1] == "period_från" ? "från" : "till")};
      return DataPlace{year.grant.span, "'bidrag'", rest(1)};
    }
    if (parts[0] == "grupper" && parts.size() >= 3) {
      const Group* g = year.find_group(parts[1]);
      if (!g) return std::nullopt;
      if (parts[2] == "tidsfrist" && parts.size() == 4)
        return DataPlace{year.grant.span, "'bidrag'",
                         "tidsfrister: en tidsfrist med typ: " + parts[3] + " och grupp: " + g->id};
      static const std::set<std::string> written = {"tillgängligt", "antal_ansökningar",
                                                    "sökt_totalt", "ansökningar_inkomna",
                                                    "deklarerad_nyckel_summa"};
      if (parts.size() == 3 && written.count(parts[2]))
        return DataPlace{g->span, "gruppen '" + g->id + "'",
                         parts[2] == "ansökningar_inkomna" ? "antal_ansökningar" : parts[2]};
    }
    return std::nullopt;
  };
  return positions;
}

}  // namespace rv::tmpl
