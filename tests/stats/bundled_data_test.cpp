// Acceptance on the bundled data sets (data/…), loaded as a user would load them.
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <map>
#include <memory>

#include "load/load.hpp"
#include "stats/allocate.hpp"
#include "stats/group_allocation.hpp"
#include "stats/output.hpp"
#include "stats/stats.hpp"

using namespace rv;
using namespace rv::stats;

namespace {

const GrantYear& national() {
  static const LoadResult r = [] {
    LoadResult l = load_data_set({std::string(RV_SOURCE_DIR) + "/data/nationell-2019"});
    apply_group_allocations(l.data, l.diags);  // the keys come from the specifications
    return l;
  }();
  REQUIRE(r.ok());
  return r.data;
}

const GroupSummary& group(const Summary& s, const std::string& id) {
  for (const auto& g : s.groups)
    if (g.id == id) return g;
  throw std::runtime_error("no group " + id);
}

std::map<std::string, int64_t> percents(const QuestionSummary& q) {
  std::map<std::string, int64_t> out;
  for (const auto& o : q.options) out[o.id] = percent(o.share);
  return out;
}
std::map<std::string, int> counts(const QuestionSummary& q) {
  std::map<std::string, int> out;
  for (const auto& o : q.options) out[o.id] = o.count;
  return out;
}

struct Run {
  int status;
  std::string out;
};
Run run(const std::string& args) {
  std::string cmd = std::string(RV_BINARY) + " " + args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p.get())) > 0) out.append(buf.data(), n);
  int status = pclose(p.release());
  return {WEXITSTATUS(status), out};
}

}  // namespace

TEST_CASE("bundled national 2019: statistik --format csv gives Tabell 1 exactly") {
  Run r = run("statistik --format csv " + std::string(RV_SOURCE_DIR) + "/data/nationell-2019");
  CHECK(r.status == 0);
  CHECK(r.out ==
        "grupp,antal_mottagare,fordelat,forbrukat,oforbrukat,andel_forbrukat\r\n"
        "kommuner,290,79999893,74949127,5050766,0.9369\r\n"
        "regioner,21,39249986,30806636,8443350,0.7849\r\n"
        "lansstyrelser_nck,7,5000000,4582363,417637,0.9165\r\n"
        "ideella,24,10000000,9727811,272189,0.9728\r\n"
        "Summa,342,134249879,120065937,14183942,0.8943\r\n");
  Run alias = run("stats --format csv " + std::string(RV_SOURCE_DIR) + "/data/nationell-2019");
  CHECK(alias.out == r.out);
}

TEST_CASE("bundled national 2019: the counts the report states") {
  Summary s = summarize(national());
  const auto& k = group(s, "kommuner");
  CHECK(k.with_unspent.size() == 51);  // the running text says 52
  REQUIRE(k.spent_nothing.size() == 4);
  // Named, in Swedish order; each spent nothing according to its own row.
  for (const auto& f : k.rows_detail) {
    bool nothing = f.spent == 0;
    bool listed =
        std::find(k.spent_nothing.begin(), k.spent_nothing.end(), f.name) != k.spent_nothing.end();
    CHECK(nothing == listed);
  }
  CHECK(std::is_sorted(
      k.spent_nothing.begin(), k.spent_nothing.end(),
      [](const std::string& a, const std::string& b) { return sv::collate_less(a, b); }));
  CHECK(k.not_reported == std::vector<std::string>{"Boxholms kommun"});
  CHECK(group(s, "regioner").with_unspent.size() == 13);
  CHECK(group(s, "ideella").organisations == 23);
  CHECK(group(s, "lansstyrelser_nck").rows == 9);
  CHECK(k.key_total == 79999998);
  CHECK(k.over_key == std::vector<std::string>{"Överkalix kommun", "Övertorneå kommun"});
}

TEST_CASE("bundled national 2019: Diagram 1 and Tabell 3–5 from the reconstructed answers") {
  const GrantYear& y = national();
  CHECK(respondents(y, "kommuner") == 286);
  QuestionSummary d1 = summarize_question(y, "kommuner_omraden");
  CHECK(d1.n == 286);
  auto c = counts(d1);
  CHECK(c["kompetenshojande_insatser"] == 269);
  CHECK(c["socialnamndens_langsiktiga_arbete"] == 262);
  CHECK(c["samverkan"] == 259);
  CHECK(c["valdsutsatta_kvinnor_sarskilt_utsatta_grupper"] == 202);
  CHECK(c["barn_som_bevittnat_eller_utsatts"] == 160);
  CHECK(c["ledningssystem"] == 120);
  CHECK(c["valdsutovare"] == 116);
  CHECK(c["forebyggande"] == 106);
  CHECK(c["prostitution_manniskohandel"] == 54);
  auto p = percents(d1);
  CHECK(p["kompetenshojande_insatser"] == 94);
  CHECK(p["socialnamndens_langsiktiga_arbete"] == 92);
  CHECK(p["samverkan"] == 91);
  CHECK(p["ledningssystem"] == 42);
  CHECK(p["valdsutovare"] == 41);

  QuestionSummary t3 = summarize_question(y, "kommuner_socialnamnden");
  CHECK(t3.n == 262);
  auto p3 = percents(t3);
  CHECK(p3["information_om_stod"] == 69);
  CHECK(p3["mal_och_ansvarsfordelning"] == 65);
  CHECK(p3["kunskap_om_omfattning"] == 58);
  CHECK(p3["kontroll_och_uppfoljning_overlamnad_verksamhet"] == 20);

  QuestionSummary sam = summarize_question(y, "kommuner_samordning");
  CHECK(sam.yes == 128);
  CHECK(percent(yes_share(sam)) == 45);
  QuestionSummary t4 = summarize_question(y, "kommuner_samordning_placering");
  CHECK(t4.n == 128);
  auto p4 = percents(t4);
  CHECK(p4["enhetsniva"] == 35);
  CHECK(p4["handlaggarniva"] == 30);
  CHECK(p4["forvaltning_stabsniva"] == 27);
  CHECK(p4["lansgemensam"] == 2);
  CHECK(p4["annan"] == 5);

  QuestionSummary t5 = summarize_question(y, "kommuner_sarskilt_utsatta");
  CHECK(t5.n == 202);
  auto p5 = percents(t5);
  CHECK(p5["hedersrelaterat_vald"] == 71);
  CHECK(p5["utlandsk_bakgrund"] == 47);
  CHECK(p5["missbruk"] == 41);
  CHECK(p5["funktionsnedsattning"] == 36);
  CHECK(p5["aldre_over_65"] == 35);
  CHECK(p5["unga_kvinnor"] == 26);
  CHECK(p5["hbtq"] == 14);
  CHECK(p5["annan_grupp"] == 13);

  QuestionSummary samv = summarize_question(y, "kommuner_samverkan");
  CHECK(percents(samv)["intern"] == 85);
  CHECK(percents(samv)["extern"] == 58);
}

TEST_CASE("bundled national 2019: ratings, yes/no, Tabell 10 and the other groups") {
  const GrantYear& y = national();
  TopSteps b = top_steps(summarize_question(y, "kommuner_bidragit"), 2);
  CHECK(b.count == 240);
  CHECK(b.n == 286);
  CHECK(percent(b.share) == 84);
  QuestionSummary utan = summarize_question(y, "kommuner_inte_skett_utan_medel");
  CHECK(utan.yes == 243);
  CHECK(percent(yes_share(utan)) == 85);

  QuestionSummary t10 = summarize_question(y, "lansstyrelser_nck_omraden");
  auto c10 = counts(t10);
  CHECK(c10["information_och_utbildning"] == 5);
  CHECK(c10["riktade_insatser"] == 2);
  CHECK(c10["pilot_och_utvecklingsprojekt"] == 4);

  QuestionSummary reg = summarize_question(y, "regioner_omraden");
  CHECK(reg.n == 21);
  auto cr = counts(reg);
  CHECK(cr["systematiskt_kvalitetsarbete"] == 21);
  CHECK(cr["samordningsfunktion"] == 15);
  CHECK(top_steps(summarize_question(y, "regioner_bidragit"), 2).count == 20);

  QuestionSummary ide = summarize_question(y, "ideella_omraden");
  CHECK(ide.n == 24);
  auto ci = counts(ide);
  CHECK(ci["kvalitetsutveckling_eget_arbete"] == 18);
  CHECK(ci["barn"] == 5);
  CHECK(summarize_question(y, "ideella_samarbete").yes == 19);
  CHECK(top_steps(summarize_question(y, "ideella_uppnatt_resultat"), 2).count == 22);
}

TEST_CASE("bundled national 2019: the reallocation follows from vill_ha_mer and the rule") {
  const GrantYear& y = national();
  // Build the specification from the data: the unclaimed amount over those who asked.
  AllocationSpec s;
  s.rule = AllocationRule::Equal;
  std::map<std::string, Amount> published;
  for (const auto& r : y.recipients)
    if (r.group == "kommuner" && r.wants_more.value_or(false)) {
      s.recipients.push_back({r.name, r.key, "", {}});
      s.amount += r.reallocated.value_or(0);
      published[r.name] = r.reallocated.value_or(0);
    }
  CHECK(s.recipients.size() == 190);
  CHECK(s.amount == 2613111);
  AllocationOutcome o = allocate(s);
  REQUIRE(o.allocation);
  for (const auto& l : o.allocation->lines) {
    INFO(l.name);
    CHECK(l.amount == published[l.name]);
  }
}

TEST_CASE("bundled national 2019: year series with the current year from the rows") {
  auto k = year_series(national(), "kommuner");
  REQUIRE(k.size() == 4);
  CHECK(k.back().computed);
  CHECK(k.back().spent == 74949127);
  CHECK(k.back().share_pct() == 94);
  CHECK(k[1].share_pct() == 89);
}

TEST_CASE("bundled Stockholm 2017: what the city kept counts in its totals") {
  LoadResult r = load_data_set({std::string(RV_SOURCE_DIR) + "/data/stockholm-2017"});
  REQUIRE(r.ok());
  Summary s = summarize(r.data);
  CHECK(s.grant.total == 2945873);
  CHECK(s.grant.spent == 2368405);
  CHECK(s.grant.unspent == 577468);
  CHECK(s.total.spent_nothing.size() == 2);  // Bromma and Kungsholmen
}

TEST_CASE("bundled Stockholm 2022: the allocation spec sums exactly, the comparison with 2021") {
  LoadResult r = load_data_set({std::string(RV_SOURCE_DIR) + "/data/stockholm-2022"});
  REQUIRE(r.ok());
  REQUIRE(r.data.allocation_spec_files.size() == 1);
  SpecRead spec = read_allocation_spec(r.data.allocation_spec_files[0]);
  REQUIRE(spec.ok());
  AllocationOutcome o = allocate(*spec.spec);
  REQUIRE(o.allocation);
  CHECK(o.allocation->total() == 5394915);
  auto c = compare_with_previous(r.data);
  REQUIRE(c);
  CHECK(c->year_before == 2021);
  CHECK(c->all_more());  // "en större summa för alla nämnder jämfört med förra året"

  Run csv = run("fördela --format csv " + r.data.allocation_spec_files[0]);
  CHECK(csv.status == 0);
  CHECK(csv.out.rfind("namn,belopp,nyckel\r\n", 0) == 0);
  CHECK(run("allocate " + std::string(RV_SOURCE_DIR) + "/data/stockholm-2022").status == 0);
}

TEST_CASE("CLI exit codes: 2 for invalid input") {
  CHECK(run("fördela " + std::string(RV_TEST_DIR) + "/stats/fixtures/does-not-exist.yaml").status ==
        2);
  CHECK(run("statistik " + std::string(RV_TEST_DIR) + "/stats/fixtures/does-not-exist").status ==
        2);
  Run ok = run("fördela --format csv " + std::string(RV_TEST_DIR) +
               "/stats/fixtures/omfordelning-2019.yaml");
  CHECK(ok.status == 0);
  CHECK(ok.out.rfind("namn,belopp,nyckel\r\nAle kommun,13754,283502\r\n", 0) == 0);
}
