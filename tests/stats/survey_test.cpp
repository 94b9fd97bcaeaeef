// Questionnaire figures on an answer set constructed in the test so that its aggregates
// are those of the 2019 report (enkatsvar2019-aggregat.yaml); the printed percentages of
// Diagram 1 and Tabell 3–5 and 10 must follow.
#include <catch2/catch.hpp>
#include <map>

#include "fixtures.hpp"
#include "stats/stats.hpp"

using namespace rv;
using namespace rv::stats;

namespace {

Question make_question(const std::string& id, const std::string& group, QuestionKind kind,
                       const std::vector<std::string>& options,
                       std::optional<Condition> cond = {}) {
  Question q;
  q.id = id;
  q.group = group;
  q.kind = kind;
  q.condition = cond;
  for (const auto& o : options) q.options.push_back({o, "Etikett " + o, {}});
  return q;
}

using Counts = std::vector<std::pair<std::string, int>>;

// The first `count` of `who` choose each option (multiple choice).
void choose(std::vector<Response>& rs, const std::vector<size_t>& who, const std::string& question,
            const Counts& counts) {
  for (size_t i : who) rs[i].answers.push_back({question, {}, std::nullopt, "", {}});
  for (const auto& [option, count] : counts)
    for (int k = 0; k < count; ++k)
      rs[who[static_cast<size_t>(k)]].answers.back().chosen.push_back(option);
}
// Answer j of `who` is the option whose block contains j (single choice, blocks in order).
void choose_one(std::vector<Response>& rs, const std::vector<size_t>& who,
                const std::string& question, const Counts& counts) {
  size_t j = 0;
  for (const auto& [option, count] : counts)
    for (int k = 0; k < count; ++k)
      rs[who[j++]].answers.push_back({question, {option}, std::nullopt, "", {}});
}

std::vector<size_t> range(size_t n) {
  std::vector<size_t> v(n);
  for (size_t i = 0; i < n; ++i) v[i] = i;
  return v;
}

const Counts kAreas = {{"kompetenshojande_insatser", 269},
                       {"socialnamndens_langsiktiga_arbete", 262},
                       {"samverkan", 259},
                       {"valdsutsatta_kvinnor_sarskilt_utsatta_grupper", 202},
                       {"barn_som_bevittnat_eller_utsatts", 160},
                       {"ledningssystem", 120},
                       {"valdsutovare", 116},
                       {"forebyggande", 106},
                       {"prostitution_manniskohandel", 54},
                       {"sexualbrottsutsatta", 25},
                       {"konsstympade", 24}};
const Counts kTable3 = {{"information_om_stod", 181},
                        {"mal_och_ansvarsfordelning", 170},
                        {"kunskap_om_omfattning", 152},
                        {"kontroll_och_uppfoljning_overlamnad_verksamhet", 52}};
const Counts kTable4 = {{"enhetsniva", 45},
                        {"handlaggarniva", 38},
                        {"forvaltning_stabsniva", 35},
                        {"lansgemensam", 3},
                        {"annan", 7}};
const Counts kTable5 = {{"hedersrelaterat_vald", 143},
                        {"utlandsk_bakgrund", 95},
                        {"missbruk", 83},
                        {"funktionsnedsattning", 73},
                        {"aldre_over_65", 71},
                        {"unga_kvinnor", 53},
                        {"hbtq", 28},
                        {"annan_grupp", 26}};
const Counts kTable10 = {{"information_och_utbildning", 5},
                         {"riktade_insatser", 2},
                         {"pilot_och_utvecklingsprojekt", 4}};

std::vector<std::string> ids(const Counts& c) {
  std::vector<std::string> v;
  for (const auto& [id, n] : c) v.push_back(id);
  return v;
}

GrantYear survey_2019() {
  GrantYear y = test::national_2019_from_tables();
  y.questions = {
      make_question("omraden", "kommuner", QuestionKind::MultipleChoice, ids(kAreas)),
      make_question("socialnamnden", "kommuner", QuestionKind::MultipleChoice, ids(kTable3),
                    Condition{"omraden", "socialnamndens_langsiktiga_arbete"}),
      make_question("samordning", "kommuner", QuestionKind::YesNo, {}),
      make_question("placering", "kommuner", QuestionKind::MultipleChoice, ids(kTable4),
                    Condition{"samordning", "ja"}),
      make_question("utsatta_grupper", "kommuner", QuestionKind::MultipleChoice, ids(kTable5),
                    Condition{"omraden", "valdsutsatta_kvinnor_sarskilt_utsatta_grupper"}),
      make_question("bidragit", "kommuner", QuestionKind::Rating,
                    {"inte_alls", "lag", "ganska_hog", "hog"}),
      make_question("lst_omraden", "lansstyrelser_nck", QuestionKind::MultipleChoice,
                    ids(kTable10)),
  };
  // 286 municipal respondents: the 290 minus the one that did not report and the three
  // that spent nothing (here: the last four rows, whoever they are).
  std::vector<std::string> kommuner;
  for (const auto& r : y.recipients)
    if (r.group == "kommuner") kommuner.push_back(r.display_name());
  kommuner.resize(286);
  std::vector<Response> rs;
  for (const auto& name : kommuner) rs.push_back(Response{name, "", true, {}, {}});
  choose(rs, range(286), "omraden", kAreas);
  // Those who chose an option are the first `count` respondents, so the condition groups
  // are prefixes too.
  choose(rs, range(262), "socialnamnden", kTable3);
  for (size_t i = 0; i < 286; ++i) rs[i].answers.push_back({"samordning", {}, i < 128, "", {}});
  choose_one(rs, range(128), "placering", kTable4);
  choose(rs, range(202), "utsatta_grupper", kTable5);
  choose_one(rs, range(286), "bidragit",
             {{"hog", 130}, {"ganska_hog", 110}, {"lag", 40}, {"inte_alls", 6}});
  // County boards and NCK: the seven funded.
  std::vector<std::string> lst = {"Länsstyrelsen i Dalarnas län",
                                  "Länsstyrelsen i Kalmar län",
                                  "Länsstyrelsen i Västmanlands län – ansökan 1",
                                  "Länsstyrelsen Skåne",
                                  "Länsstyrelsen Stockholm – ansökan 1",
                                  "Länsstyrelsen Värmland",
                                  "Nationellt centrum för kvinnofrid, NCK"};
  for (const auto& name : lst) rs.push_back(Response{name, "", true, {}, {}});
  std::vector<size_t> lst_idx;
  for (size_t i = 286; i < rs.size(); ++i) lst_idx.push_back(i);
  choose(rs, lst_idx, "lst_omraden", kTable10);
  y.responses = rs;
  return y;
}

std::map<std::string, int64_t> percents(const QuestionSummary& q) {
  std::map<std::string, int64_t> out;
  for (const auto& o : q.options) out[o.id] = percent(o.share);
  return out;
}

}  // namespace

TEST_CASE("Diagram 1: shares of the 286 municipal respondents") {
  GrantYear y = survey_2019();
  CHECK(respondents(y, "kommuner") == 286);
  QuestionSummary q = summarize_question(y, "omraden");
  CHECK(q.n == 286);
  CHECK(q.answered == 286);
  auto p = percents(q);
  CHECK(p["kompetenshojande_insatser"] == 94);  // "94 procent (269 kommuner)"
  CHECK(p["socialnamndens_langsiktiga_arbete"] == 92);
  CHECK(p["samverkan"] == 91);
  CHECK(p["ledningssystem"] == 42);
  CHECK(p["valdsutovare"] == 41);
  CHECK(p["valdsutsatta_kvinnor_sarskilt_utsatta_grupper"] > 70);  // "mer än 70 procent"
  CHECK(p["prostitution_manniskohandel"] < 20);                    // "knappt 20 procent"
  CHECK(q.options[0].count == 269);
  auto sorted = by_count(q);
  CHECK(sorted.front().id == "kompetenshojande_insatser");
  CHECK(sorted.back().id == "konsstympade");
}

TEST_CASE("Tabell 3: a conditional question is shared over those who chose the condition (N=262)") {
  QuestionSummary q = summarize_question(survey_2019(), "socialnamnden");
  CHECK(q.n == 262);
  auto p = percents(q);
  CHECK(p["information_om_stod"] == 69);
  CHECK(p["mal_och_ansvarsfordelning"] == 65);
  CHECK(p["kunskap_om_omfattning"] == 58);
  CHECK(p["kontroll_och_uppfoljning_overlamnad_verksamhet"] == 20);
}

TEST_CASE("Tabell 4: condition on a yes/no question (N=128), yes/no counts") {
  GrantYear y = survey_2019();
  QuestionSummary yn = summarize_question(y, "samordning");
  CHECK(yn.yes == 128);
  CHECK(yn.no == 158);
  CHECK(percent(yes_share(yn)) == 45);
  QuestionSummary q = summarize_question(y, "placering");
  CHECK(q.n == 128);
  auto p = percents(q);
  CHECK(p["enhetsniva"] == 35);
  CHECK(p["handlaggarniva"] == 30);
  CHECK(p["forvaltning_stabsniva"] == 27);
  CHECK(p["lansgemensam"] == 2);
  CHECK(p["annan"] == 5);
}

TEST_CASE("Tabell 5: N=202") {
  QuestionSummary q = summarize_question(survey_2019(), "utsatta_grupper");
  CHECK(q.n == 202);
  auto p = percents(q);
  CHECK(p["hedersrelaterat_vald"] == 71);
  CHECK(p["utlandsk_bakgrund"] == 47);
  CHECK(p["missbruk"] == 41);
  CHECK(p["funktionsnedsattning"] == 36);
  CHECK(p["aldre_over_65"] == 35);
  CHECK(p["unga_kvinnor"] == 26);
  CHECK(p["hbtq"] == 14);
  CHECK(p["annan_grupp"] == 13);
}

TEST_CASE("Tabell 10: counts among the county boards and NCK") {
  QuestionSummary q = summarize_question(survey_2019(), "lst_omraden");
  CHECK(q.n == 7);
  CHECK(q.options[0].count == 5);
  CHECK(q.options[1].count == 2);
  CHECK(q.options[2].count == 4);
}

TEST_CASE("rating: 'i ganska hög eller hög utsträckning' is the top two steps (240 of 286)") {
  QuestionSummary q = summarize_question(survey_2019(), "bidragit");
  TopSteps t = top_steps(q, 2);
  CHECK(t.count == 240);
  CHECK(t.n == 286);
  CHECK(percent(t.share) == 84);
  CHECK(t.labels == std::vector<std::string>{"Etikett ganska_hog", "Etikett hog"});
}

TEST_CASE("respondents without an answer still count in N, answered tells them apart") {
  GrantYear y;
  y.groups = {test::make_group("k", "K")};
  y.recipients = {test::make_recipient("k", "A", 1, 0), test::make_recipient("k", "B", 1, 0)};
  y.questions = {make_question("q", "k", QuestionKind::MultipleChoice, {"x"})};
  y.responses = {Response{"A", "", false, {{"q", {"x"}, std::nullopt, "", {}}}, {}},
                 Response{"B", "", false, {}, {}}};
  QuestionSummary q = summarize_question(y, "q");
  CHECK(q.n == 2);
  CHECK(q.answered == 1);
  CHECK(q.options[0].count == 1);
  CHECK(percent(q.options[0].share) == 50);
}

TEST_CASE("rating answers as the loader stores them (the step in text), group from the response") {
  GrantYear y;
  y.groups = {test::make_group("k", "K"), test::make_group("r", "R")};
  // One name in two groups (Region Gotland): the response's group decides.
  y.recipients = {test::make_recipient("k", "Gotland", 1, 0),
                  test::make_recipient("r", "Gotland", 1, 0),
                  test::make_recipient("k", "Ale", 1, 0)};
  y.questions = {
      make_question("b", "k", QuestionKind::Rating, {"lag", "hog"}),
      make_question("f", "k", QuestionKind::MultipleChoice, {"x"}, Condition{"b", "hog"})};
  Answer hog{"b", {}, std::nullopt, "hog", {}};
  Answer lag{"b", {}, std::nullopt, "lag", {}};
  Answer fx{"f", {"x"}, std::nullopt, "", {}};
  y.responses = {Response{"Gotland", "k", false, {hog, fx}, {}},
                 Response{"Ale", "k", false, {lag}, {}},
                 Response{"Gotland", "r", false, {hog}, {}}};
  QuestionSummary q = summarize_question(y, "b");
  CHECK(q.n == 2);
  CHECK(q.options[0].count == 1);
  CHECK(q.options[1].count == 1);
  CHECK(top_steps(q, 1).count == 1);
  QuestionSummary f = summarize_question(y, "f");
  CHECK(f.n == 1);  // the condition on a rating step, written as text
  CHECK(f.options[0].count == 1);
  CHECK(respondents(y, "r") == 1);
}
