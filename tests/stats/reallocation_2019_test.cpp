// Acceptance: the 2019 reallocation of unclaimed municipal funds (Bilaga 1, omfördelat)
// reproduced from tests/stats/fixtures/omfordelning-2019.yaml.
#include <catch2/catch.hpp>
#include <map>

#include "fixtures.hpp"
#include "stats/allocate.hpp"
#include "stats/output.hpp"

using namespace rv;
using namespace rv::stats;

TEST_CASE("2 613 111 kr split equally among 190 municipalities gives Bilaga 1's omfördelat") {
  SpecRead r = read_allocation_spec(test::fixture_path("omfordelning-2019.yaml"));
  for (const auto& d : r.diags.all()) INFO(format_diagnostic(d));
  REQUIRE(r.ok());
  CHECK(r.spec->order == TieOrder::Swedish);
  AllocationOutcome o = allocate(*r.spec);
  REQUIRE(o.allocation);
  REQUIRE(o.diags.empty());
  const Allocation& a = *o.allocation;
  CHECK(a.total() == 2613111);
  REQUIRE(a.lines.size() == 190);

  std::map<std::string, Amount> published;
  auto rows = test::read_csv(test::fixture_path("kommuner2019.csv"));
  for (size_t i = 1; i < rows.size(); ++i)
    if (std::stoll(rows[i][3]) > 0) published[rows[i][0]] = std::stoll(rows[i][3]);
  REQUIRE(published.size() == 190);
  int extra = 0;
  for (const auto& l : a.lines) {
    INFO(l.name);
    REQUIRE(published.count(l.name));
    CHECK(l.amount == published[l.name]);
    if (l.amount == 13754) ++extra;
  }
  CHECK(extra == 41);
  std::string csv = allocation_csv(a);
  CHECK(csv.rfind("namn,belopp,nyckel\r\nAle kommun,13754,283502\r\n", 0) == 0);
}

TEST_CASE("the extra kronor follow Swedish alphabetical order, not the list order") {
  SpecRead r = read_allocation_spec(test::fixture_path("omfordelning-2019.yaml"));
  REQUIRE(r.ok());
  AllocationSpec s = *r.spec;
  std::reverse(s.recipients.begin(), s.recipients.end());
  AllocationOutcome o = allocate(s);
  REQUIRE(o.allocation);
  for (const auto& l : o.allocation->lines)
    if (l.name == "Ale kommun")
      CHECK(l.amount == 13754);
    else if (l.name == "Övertorneå kommun")
      CHECK(l.amount == 13753);
  s.order = TieOrder::Listed;  // now the reversed list decides
  o = allocate(s);
  for (const auto& l : o.allocation->lines)
    if (l.name == "Övertorneå kommun") CHECK(l.amount == 13754);
}
