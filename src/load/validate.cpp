// Checks that need the whole data set: references between sections and files,
// declared totals against the rows, answers against the questionnaire.
#include <algorithm>
#include <map>
#include <set>

#include "load/state.hpp"
#include "load/suggest.hpp"

namespace rv::load {

namespace {

// Each suggestion compares the word with every known one; the comparisons of one load are
// bounded in total, so that 100 000 unknown names against 100 000 known ones stay fast.
// Past the bound the messages simply carry no "menade du …?".
constexpr size_t kSuggestionBudget = 2'000'000;

std::string suggestion(LoadState& st, const std::string& word,
                       const std::vector<std::string>& known) {
  if (st.suggestion_work + known.size() > kSuggestionBudget) return "";
  st.suggestion_work += known.size();
  std::vector<std::string_view> views(known.begin(), known.end());
  if (auto s = closest(word, views)) return " (menade du '" + *s + "'?)";
  return "";
}

// Every total the statistics form must be representable: amounts are capped one by one,
// but 9 300 recipients under the cap once summed past int64 and printed a negative
// total. Sums run in 128 bits; the first row that takes a total past kMaxTotal is
// reported. False when some total is too large (later checks would overflow).
bool check_totals(LoadState& st) {
  using Get = std::optional<Amount> (*)(const Recipient&);
  static const std::pair<const char*, Get> fields[] = {
      {"fördelningsnyckel", [](const Recipient& r) { return r.key; }},
      {"sökt", [](const Recipient& r) { return r.applied; }},
      {"rekvirerat/beviljat", [](const Recipient& r) { return r.granted; }},
      {"omfördelat", [](const Recipient& r) { return r.reallocated; }},
      {"fördelat", [](const Recipient& r) { return std::optional<Amount>(r.allocated()); }},
      {"förbrukat", [](const Recipient& r) { return r.spent_or_derived(); }},
      {"oförbrukat", [](const Recipient& r) { return r.unspent_or_derived(); }},
  };
  const std::string limit = kr(kMaxTotal);
  bool ok = true;
  for (const auto& [field, get] : fields) {
    __int128 sum = 0;
    for (const auto& r : st.year.recipients) {
      sum += get(r).value_or(0);
      if (sum > kMaxTotal) {
        st.diags.error(r.span, "summan av '" + std::string(field) + "' blir större än " + limit +
                                   " med mottagaren '" + r.display_name() +
                                   "'; så stora summor kan inte räknas");
        ok = false;
        break;
      }
    }
  }
  __int128 available = 0;
  for (const auto& g : st.year.groups) {
    available += g.available.value_or(0);
    if (available > kMaxTotal) {
      st.diags.error(g.span, "summan av 'tillgängligt' blir större än " + limit + " med gruppen '" +
                                 g.id + "'; så stora summor kan inte räknas");
      ok = false;
      break;
    }
  }
  return ok;
}

void check_group_refs(LoadState& st) {
  std::vector<std::string> ids;
  for (const auto& g : st.year.groups) ids.push_back(g.id);
  std::set<std::string> known(ids.begin(), ids.end());
  for (const auto& [id, span] : st.group_refs)
    if (!known.count(id))
      st.diags.error(span, "okänd grupp '" + id + "'" + suggestion(st, id, ids) +
                               "; grupper definieras under 'grupper'");
  for (const auto& [id, span] : st.deadline_group_refs)
    if (!known.count(id))
      st.diags.warning(span, "tidsfristen gäller gruppen '" + id + "'" + suggestion(st, id, ids) +
                                 ", som inte finns i datasetet; mallarna ser den inte");
}

void check_declared_totals(LoadState& st) {
  std::map<std::string, std::vector<const Recipient*>> by_group;  // one pass, not one per group
  for (const auto& r : st.year.recipients) by_group[r.group].push_back(&r);
  for (const auto& g : st.year.groups) {
    Amount key = 0, allocated = 0, unspent = 0;
    bool any_key = false;
    for (const auto* r : by_group[g.id]) {
      if (r->key) key += *r->key, any_key = true;
      allocated += r->allocated();
      unspent += r->unspent_or_derived().value_or(0);
    }
    auto compare = [&](const std::optional<Amount>& declared, Amount sum, const char* what) {
      std::string field = std::string(what) == "fördelningsnyckeln" ? "fördelningsnyckel"
                          : std::string(what) == "fördelade belopp" ? "fördelat"
                                                                    : "oförbrukat";
      Span at = st.declared_spans.count(g.id + "/" + field) ? st.declared_spans[g.id + "/" + field]
                                                            : g.span;
      if (declared && *declared != sum)
        st.diags.warning(at, std::string("summan av ") + what + " för " + g.id + " är " + kr(sum) +
                                 ", men den deklarerade summan är " + kr(*declared) +
                                 " (skillnad " + kr(*declared - sum) + ")");
    };
    // A group whose keys a specification computes is compared once they are computed.
    if (any_key && !st.year.key_specs.count(g.id))
      compare(g.declared_key_total, key, "fördelningsnyckeln");
    compare(g.declared_allocated_total, allocated, "fördelade belopp");
    compare(g.declared_unspent_total, unspent, "oförbrukade belopp");
  }
}

void check_conditions(LoadState& st) {
  std::map<std::string, const Question*> by_id;
  std::vector<std::string> ids;
  for (const auto& q : st.year.questions) by_id.emplace(q.id, &q), ids.push_back(q.id);
  for (const auto& q : st.year.questions) {
    if (!q.condition) continue;
    auto found_base = by_id.find(q.condition->question);
    const Question* base = found_base == by_id.end() ? nullptr : found_base->second;
    if (!base) {
      st.diags.error(q.span, "frågan '" + q.id + "' hänvisar till okänd fråga '" +
                                 q.condition->question + "'" +
                                 suggestion(st, q.condition->question, ids));
      continue;
    }
    if (base->kind == QuestionKind::YesNo) {
      if (q.condition->option != "ja" && q.condition->option != "nej")
        st.diags.error(q.span, "villkoret för '" + q.id + "' ska vara ja eller nej");
      continue;
    }
    bool found = false;
    std::vector<std::string> options;
    for (const auto& o : base->options)
      options.push_back(o.id), found |= o.id == q.condition->option;
    if (!found)
      st.diags.error(q.span, "frågan '" + q.id + "' hänvisar till okänt alternativ '" +
                                 q.condition->option + "' i frågan '" + base->id + "'" +
                                 suggestion(st, q.condition->option, options));
  }
}

bool chose(const Response& r, const Condition& c) {
  for (const auto& a : r.answers) {
    if (a.question != c.question) continue;
    if (a.yes) return *a.yes == (c.option == "ja");
    for (const auto& o : a.chosen)
      if (o == c.option) return true;
    return a.text == c.option;
  }
  return false;
}

void check_answer(LoadState& st, const Response& r, const Answer& a, const Question& q) {
  auto known = [&](const std::string& id) {
    for (const auto& o : q.options)
      if (o.id == id) return true;
    return false;
  };
  std::vector<std::string> ids;
  for (const auto& o : q.options) ids.push_back(o.id);
  switch (q.kind) {
    case QuestionKind::MultipleChoice:
      if (a.chosen.empty() && !a.text.empty()) {
        st.diags.error(a.span,
                       "svaret på flervalsfrågan '" + q.id + "' ska vara en lista av alternativ");
        return;
      }
      for (const auto& o : a.chosen)
        if (!known(o))
          st.diags.error(a.span, "okänt alternativ '" + o + "' i svaret på '" + q.id + "' från " +
                                     r.recipient + suggestion(st, o, ids));
      break;
    case QuestionKind::YesNo:
      if (!a.yes) st.diags.error(a.span, "svaret på '" + q.id + "' ska vara ja eller nej");
      break;
    case QuestionKind::Rating:
      if (!a.chosen.empty() || !known(a.text))
        st.diags.error(
            a.span, "svaret på skalfrågan '" + q.id + "' ska vara ett av " + [&] {
              std::string s;
              for (size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + ids[i];
              return s;
            }() + suggestion(st, a.text, ids));
      break;
    case QuestionKind::FreeText:
      if (!a.chosen.empty()) st.diags.error(a.span, "svaret på '" + q.id + "' ska vara text");
      break;
  }
  if (q.condition) {
    if (!chose(r, *q.condition))
      st.diags.error(a.span, r.recipient + " besvarar '" + q.id +
                                 "', som bara ställdes till dem som svarat '" +
                                 q.condition->option + "' på '" + q.condition->question + "'");
  }
}

void check_responses(LoadState& st) {
  // Display name (or plain name, when the organisation holds one grant) → candidates.
  std::multimap<std::string, const Recipient*> by_name;
  std::map<std::string, int> name_count;
  std::vector<std::string> names;
  for (const auto& r : st.year.recipients) name_count[name_key(r.name) + "\n" + r.group]++;
  for (const auto& r : st.year.recipients) {
    by_name.emplace(name_key(r.display_name()), &r);
    if (!r.application.empty() && name_count[name_key(r.name) + "\n" + r.group] == 1)
      by_name.emplace(name_key(r.name), &r);
    names.push_back(r.display_name());
  }
  // Looked up once per answer: a map, not a scan of every question each time.
  std::map<std::string, const Question*> question_by_id;
  std::vector<std::string> question_ids;
  for (const auto& q : st.year.questions) {
    question_by_id.emplace(q.id, &q);
    question_ids.push_back(q.id);
  }
  auto find_question = [&](const std::string& id) -> const Question* {
    auto it = question_by_id.find(id);
    return it == question_by_id.end() ? nullptr : it->second;
  };
  // Pass 1: each response's recipient and group. Answers for one recipient may come from
  // several files (one question's answers in a file of their own): they are merged into
  // the first response, as long as no question is answered twice.
  std::map<const Recipient*, size_t> response_at;  // → index in responses
  std::vector<bool> merged(st.year.responses.size(), false);
  std::vector<const Recipient*> recipient_of(st.year.responses.size(), nullptr);
  for (size_t i = 0; i < st.year.responses.size(); ++i) {
    Response& resp = st.year.responses[i];
    auto [first, last] = by_name.equal_range(name_key(resp.recipient));
    if (first == last) {
      st.diags.error(resp.span, "svar från okänd mottagare '" + resp.recipient + "'" +
                                    suggestion(st, resp.recipient, names));
      continue;
    }
    // A name in several groups: the group of the questions answered decides.
    const Recipient* chosen = first->second;
    if (std::next(first) != last) {
      const Question* q = resp.answers.empty() ? nullptr : find_question(resp.answers[0].question);
      for (auto it = first; it != last; ++it)
        if (q && it->second->group == q->group) chosen = it->second;
    }
    resp.group = chosen->group;
    recipient_of[i] = chosen;
    auto [pos, ins] = response_at.emplace(chosen, i);
    if (ins) continue;
    Response& into = st.year.responses[pos->second];
    // Twice in one file is a slip (a row copied), not a file of its own.
    if (into.span.file == resp.span.file) {
      st.diags.error(resp.span, "svar för '" + resp.recipient + "' finns redan i " +
                                    into.span.file + ":" + std::to_string(into.span.line));
      merged[i] = true;
      continue;
    }
    for (auto& a : resp.answers) {
      auto twice = std::find_if(into.answers.begin(), into.answers.end(),
                                [&](const Answer& b) { return b.question == a.question; });
      if (twice != into.answers.end()) {
        st.diags.error(a.span, "frågan '" + a.question + "' besvaras redan för '" + resp.recipient +
                                   "' i " + twice->span.file + ":" +
                                   std::to_string(twice->span.line) + ":" +
                                   std::to_string(twice->span.col));
        continue;
      }
      into.answers.push_back(std::move(a));
    }
    into.reconstructed = into.reconstructed || resp.reconstructed;
    merged[i] = true;
  }
  if (std::find(merged.begin(), merged.end(), true) != merged.end()) {
    size_t out = 0;
    for (size_t i = 0; i < st.year.responses.size(); ++i)
      if (!merged[i]) {
        if (out != i) st.year.responses[out] = std::move(st.year.responses[i]);
        recipient_of[out++] = recipient_of[i];
      }
    st.year.responses.resize(out);
  }
  // Pass 2: the answers, each response whole (a condition may be answered in another file).
  for (size_t i = 0; i < st.year.responses.size(); ++i) {
    const Response& resp = st.year.responses[i];
    if (!recipient_of[i]) continue;  // unknown recipient, reported above
    for (const auto& a : resp.answers) {
      const Question* q = find_question(a.question);
      if (!q) {
        st.diags.error(
            a.span, "okänd fråga '" + a.question + "'" + suggestion(st, a.question, question_ids));
        continue;
      }
      if (q->group != resp.group) {
        st.diags.error(a.span, "frågan '" + q->id + "' ställdes till gruppen '" + q->group +
                                   "', men " + recipient_of[i]->display_name() + " hör till '" +
                                   resp.group + "'");
        continue;
      }
      check_answer(st, resp, a, *q);
    }
  }
}

// A year started with `rapportverk init` has its recipients before their amounts are known:
// valid, but said once per group (not once for each of 290 rows), at the first such row.
void check_missing_amounts(LoadState& st) {
  struct Missing {
    size_t count = 0, rows = 0;
    const Recipient* first = nullptr;
  };
  std::map<std::string, Missing> by_group;
  std::vector<std::string> order;
  for (size_t i : st.without_amount) {
    const Recipient& r = st.year.recipients[i];
    Missing& m = by_group[r.group];
    if (m.count++ == 0) m.first = &r, order.push_back(r.group);
  }
  if (order.empty()) return;
  for (const auto& r : st.year.recipients)
    if (auto it = by_group.find(r.group); it != by_group.end()) ++it->second.rows;
  for (const auto& id : order) {
    const Missing& m = by_group[id];
    const Group* g = nullptr;
    for (const auto& candidate : st.year.groups)
      if (candidate.id == id) g = &candidate;
    const char* field = g && g->mode == Mode::Requisition ? "rekvirerat" : "beviljat";
    std::string how_many = m.count == m.rows
                               ? std::to_string(m.count)
                               : std::to_string(m.count) + " av " + std::to_string(m.rows);
    st.diags.warning(m.first->span, id + ": " + how_many + " mottagare saknar belopp ('" + field +
                                        "'), den första är " + m.first->display_name());
  }
}

}  // namespace

// A city passes on what it requisitioned: recipients + the undistributed part should add
// up to rekvirerat_totalt (Stockholm 2022's printed table is 1 kr over its own total).
void check_grant_total(LoadState& st) {
  const Grant& g = st.year.grant;
  if (!g.requisitioned_total) return;
  Amount sum = g.undistributed.value_or(0);
  for (const auto& r : st.year.recipients)
    if (r.status.empty()) sum += r.allocated();
  if (sum != *g.requisitioned_total && sum != g.undistributed.value_or(0))
    st.diags.warning(g.span,
                     "mottagarnas belopp" +
                         std::string(g.undistributed ? " och det ej fördelade beloppet" : "") +
                         " blir " + kr(sum) + ", men rekvirerat totalt är " +
                         kr(*g.requisitioned_total));
}

// Last year's allocation names this year's recipients: a name written another way would
// compare as one recipient dropped and another added, and the memo would say so.
void check_previous_names(LoadState& st) {
  if (st.year.recipients.empty()) return;
  std::set<std::string, std::less<>> names;
  std::vector<std::string> known;
  // A recipient with two applications is named with its application ("… – ansökan 1").
  for (const auto& r : st.year.recipients)
    for (const std::string& n : {r.name, r.display_name()})
      if (names.insert(n).second) known.push_back(n);
  std::vector<std::string_view> views(known.begin(), known.end());
  for (const auto& [name, span] : st.previous_names) {
    if (names.count(name)) continue;
    auto s = closest_name(name, views);
    st.diags.error(span, "'" + name +
                             "' i den tidigare fördelningen finns inte bland "
                             "datasetets mottagare" +
                             (s ? " (menade du '" + *s + "'?)" : "") +
                             "; jämförelsen med förra året skulle annars läsa det som två "
                             "olika mottagare");
  }
}

void validate(LoadState& st) {
  bool totals_fit = check_totals(st);
  if (totals_fit) check_grant_total(st);
  check_group_refs(st);
  if (totals_fit) check_declared_totals(st);
  check_conditions(st);
  check_responses(st);
  check_missing_amounts(st);
  check_previous_names(st);
  check_dates(st);
}

}  // namespace rv::load
