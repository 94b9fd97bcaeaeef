#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "stats/output.hpp"
#include "stats/stats.hpp"

using namespace rv;
using namespace rv::stats;

namespace {

const GroupSummary& group(const Summary& s, const std::string& id) {
  for (const auto& g : s.groups)
    if (g.id == id) return g;
  FAIL("no group " << id);
  throw;
}

}  // namespace

TEST_CASE("figures per recipient: allocated = granted + reallocated, spent derived from unspent") {
  Recipient r = test::make_recipient("kommuner", "Ale kommun", 283502, 109021, 13754);
  RecipientFigures f = figures_for(r);
  CHECK(f.allocated == 297256);
  CHECK(f.spent == 188235);
  CHECK(f.unspent == 109021);
  REQUIRE(f.share_spent);
  CHECK(f.share_spent->num == 188235);
  CHECK(f.share_spent->den == 297256);
  CHECK(percent(*f.share_unspent) == 37);  // Bilaga 1 prints 37 %
  CHECK(f.funded);
}

TEST_CASE("rejected, withdrawn and zero grants are rows but not recipients") {
  GrantYear y;
  y.groups = {test::make_group("l", "Länsstyrelser")};
  y.recipients = {test::make_recipient("l", "A", 100, 0),
                  test::make_recipient("l", "B", 0, std::nullopt),
                  test::make_recipient("l", "C", 50, 10)};
  y.recipients[1].status = "avslagen";
  y.recipients[1].applied = 70;
  y.recipients[0].applied = 100;
  GroupSummary g = summarize_group(y, "l");
  CHECK(g.rows == 3);
  CHECK(g.recipients == 2);
  CHECK(g.applied_total == 170);
  CHECK(g.allocated == 150);
  CHECK(g.spent == 140);
  CHECK(g.unspent == 10);
  CHECK(g.not_funded == std::vector<std::string>{"B"});
  CHECK(g.spent_part == std::vector<std::string>{"C"});
}

TEST_CASE("a recipient that did not report: its use is unknown, not zero") {
  GrantYear y;
  y.groups = {test::make_group("k", "Kommuner")};
  y.recipients = {test::make_recipient("k", "A", 100, 20),
                  test::make_recipient("k", "B", 50, std::nullopt)};
  GroupSummary g = summarize_group(y, "k");
  CHECK(g.recipients == 2);
  CHECK(g.allocated == 150);
  CHECK(g.spent == 80);
  CHECK(g.unknown_use == 50);
  CHECK(g.not_reported == std::vector<std::string>{"B"});
  REQUIRE(g.share_spent);
  CHECK(g.share_spent->num == 80);
  CHECK(g.share_spent->den == 100);
}

TEST_CASE("national 2019 appendix rows give Tabell 1 exactly") {
  GrantYear y = test::national_2019_from_tables();
  Summary s = summarize(y);
  const auto& k = group(s, "kommuner");
  CHECK(k.recipients == 290);
  CHECK(k.allocated == 79999893);
  CHECK(k.spent == 74949127);
  CHECK(k.unspent == 5050766);
  CHECK(percent(*k.share_spent) == 94);
  CHECK(k.key_total == 79999998);  // the printed Totalt says 80 000 000
  CHECK(k.granted_total == 77386782);
  CHECK(k.reallocated_total == 2613111);
  CHECK(k.with_unspent.size() == 51);  // the running text says 52
  CHECK(k.spent_nothing.size() == 4);
  CHECK(k.spent_part.size() == 47);
  CHECK(k.wants_more.size() == 190);

  const auto& r = group(s, "regioner");
  CHECK(r.recipients == 21);
  CHECK(r.allocated == 39249986);
  CHECK(r.spent == 30806636);
  CHECK(r.unspent == 8443350);
  CHECK(r.with_unspent.size() == 13);
  CHECK(percent(*r.share_spent) == 78);

  const auto& l = group(s, "lansstyrelser_nck");
  CHECK(l.rows == 9);
  CHECK(l.recipients == 7);
  CHECK(l.applied_total == 6140920);
  CHECK(l.allocated == 5000000);
  CHECK(l.spent == 4582363);
  CHECK(l.unspent == 417637);
  CHECK(percent(*l.share_spent) == 92);
  CHECK(l.not_funded.size() == 2);

  const auto& i = group(s, "ideella");
  CHECK(i.recipients == 24);
  CHECK(i.organisations == 23);
  CHECK(i.applied_total == 21500018);
  CHECK(i.allocated == 10000000);
  CHECK(i.spent == 9727811);
  CHECK(i.unspent == 272189);
  CHECK(percent(*i.share_spent) == 97);

  CHECK(s.total.recipients == 342);
  CHECK(s.total.allocated == 134249879);
  CHECK(s.total.spent == 120065937);
  CHECK(s.total.unspent == 14183942);
  CHECK(percent(*s.total.share_spent) == 89);
  CHECK(percent(*s.total.share_unspent) == 11);  // "cirka 11 procent"
}

TEST_CASE("the four municipalities that spent nothing are named, in Swedish order") {
  Summary s = summarize(test::national_2019_from_tables());
  const auto& k = group(s, "kommuner");
  // Derived from the rows: oförbrukat == fördelat.
  std::vector<std::string> expected;
  for (const auto& f : k.rows_detail)
    if (f.unspent == f.allocated) expected.push_back(f.name);
  sv::sort_swedish(expected);
  CHECK(k.spent_nothing == expected);
  CHECK(k.spent_nothing.size() == 4);
  for (size_t i = 1; i < k.with_unspent.size(); ++i)
    CHECK(sv::collate_less(k.with_unspent[i - 1], k.with_unspent[i]));
}

TEST_CASE("changing one recipient's unspent amount moves every derived figure") {
  GrantYear y = test::national_2019_from_tables();
  Summary before = summarize(y);
  for (auto& r : y.recipients)
    if (r.name == "Alingsås kommun") {
      REQUIRE(r.unspent == 0);
      r.unspent = 1000;
    }
  Summary after = summarize(y);
  const auto& kb = group(before, "kommuner");
  const auto& ka = group(after, "kommuner");
  CHECK(ka.allocated == kb.allocated);
  CHECK(ka.unspent == kb.unspent + 1000);
  CHECK(ka.spent == kb.spent - 1000);
  CHECK(ka.with_unspent.size() == kb.with_unspent.size() + 1);
  CHECK(ka.spent_part.size() == kb.spent_part.size() + 1);
  CHECK(decimal_point(*ka.share_spent, 6) != decimal_point(*kb.share_spent, 6));
  CHECK(after.total.unspent == before.total.unspent + 1000);
  CHECK(after.total.spent == before.total.spent - 1000);
  CHECK(decimal_point(*after.total.share_spent, 6) != decimal_point(*before.total.share_spent, 6));
  CHECK(summary_csv(after) != summary_csv(before));
}

TEST_CASE("summary CSV: header, one record per group, Summa last, four decimals, CRLF") {
  Summary s = summarize(test::national_2019_from_tables());
  CHECK(summary_csv(s) ==
        "grupp,antal_mottagare,fordelat,forbrukat,oforbrukat,andel_forbrukat\r\n"
        "kommuner,290,79999893,74949127,5050766,0.9369\r\n"
        "regioner,21,39249986,30806636,8443350,0.7849\r\n"
        "lansstyrelser_nck,7,5000000,4582363,417637,0.9165\r\n"
        "ideella,24,10000000,9727811,272189,0.9728\r\n"
        "Summa,342,134249879,120065937,14183942,0.8943\r\n");
}

TEST_CASE("city level: what was kept centrally counts in the grant totals") {
  GrantYear y;
  y.grant.requisitioned_total = 1000;
  y.grant.undistributed = 100;
  y.grant.undistributed_spent = 0;
  y.groups = {test::make_group("sdn", "Stadsdelsnämnder")};
  y.recipients = {test::make_recipient("sdn", "Bromma", 500, 500),
                  test::make_recipient("sdn", "Farsta", 400, 0)};
  Summary s = summarize(y);
  CHECK(s.total.allocated == 900);
  CHECK(s.grant.total == 1000);
  CHECK(s.grant.spent == 400);
  CHECK(s.grant.unspent == 600);
  CHECK(s.total.spent_nothing == std::vector<std::string>{"Bromma"});
}

TEST_CASE("rounding happens once, half up, exactly") {
  CHECK(round_half_up(5, 10) == 1);
  CHECK(round_half_up(-5, 10) == -1);
  CHECK(round_half_up(4999999, 10000000) == 0);
  CHECK(percent({1, 8}) == 13);  // 12,5 → 13
  CHECK(percent({269, 286}) == 94);
  CHECK(decimal_point({1, 3}, 4) == "0.3333");
  CHECK(decimal_point({2, 3}, 4) == "0.6667");
  CHECK(decimal_point({1, 1}, 4) == "1.0000");
  CHECK(decimal_point({0, 7}, 4) == "0.0000");
  CHECK(decimal_point({-1, 8}, 2) == "-0.13");
  // Products that overflow 64 bits stay exact.
  CHECK(round_half_up(static_cast<__int128>(INT64_MAX) * 100, INT64_MAX) == 100);
}
