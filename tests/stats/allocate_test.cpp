#include "stats/allocate.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "fixtures.hpp"
#include "stats/output.hpp"

using namespace rv;
using namespace rv::stats;

namespace {
Amount sum(const std::vector<Amount>& v) {
  Amount s = 0;
  for (Amount a : v) s += a;
  return s;
}
}  // namespace

TEST_CASE("largest remainder: floors, then the largest remainders get a krona each") {
  // 100 over 1:1:1 → 33,33 each; one krona left, to the first in priority order.
  CHECK(apportion_largest_remainder(100, {1, 1, 1}) == std::vector<Amount>{34, 33, 33});
  CHECK(apportion_largest_remainder(100, {1, 1, 1}, {2, 0, 1}) == std::vector<Amount>{33, 33, 34});
  // 10 over 5:3:2 exact; 11 over 5:3:2 → 5,5 1,65 … remainders .5,.3,.2 → first.
  CHECK(apportion_largest_remainder(10, {5, 3, 2}) == std::vector<Amount>{5, 3, 2});
  CHECK(apportion_largest_remainder(11, {5, 3, 2}) == std::vector<Amount>{6, 3, 2});
  // remainders 0,4 / 0,6 → the larger remainder wins regardless of order
  CHECK(apportion_largest_remainder(1, {2, 3}) == std::vector<Amount>{0, 1});
  CHECK(apportion_largest_remainder(0, {0, 0}) == std::vector<Amount>{0, 0});
  CHECK_THROWS_AS(apportion_largest_remainder(5, {0, 0}), std::invalid_argument);
  CHECK_THROWS_AS(apportion_largest_remainder(5, {1, -1}), std::invalid_argument);
}

TEST_CASE("huge amounts and keys stay exact (128-bit products)") {
  Amount big = 4'000'000'000'000'000'000;
  auto out = allocate_proportional(big, {3'000'000'000'000'000'000, 1'000'000'000'000'000'000, 7});
  CHECK(sum(out) == big);
  CHECK(out[0] > out[1]);
}

TEST_CASE("equal split: leftover kronor in priority order") {
  auto out = split_equally(2613111, 190);
  CHECK(sum(out) == 2613111);
  CHECK(std::count(out.begin(), out.end(), 13754) == 41);
  CHECK(std::count(out.begin(), out.end(), 13753) == 149);
  CHECK(out[40] == 13754);
  CHECK(out[41] == 13753);
}

TEST_CASE("base amount: everyone (or those at most the threshold) first gets the base") {
  auto out = allocate_with_base(1000, 100, {1, 1, 2});
  CHECK(out == std::vector<Amount>{275, 275, 450});
  // threshold: only keys ≤ 1 get the base; the rest 800 by key 1:1:2
  auto t = allocate_with_base(1000, 100, {1, 1, 2}, {}, 1);
  CHECK(t == std::vector<Amount>{300, 300, 400});
  CHECK_THROWS_AS(allocate_with_base(250, 100, {1, 1, 2}), std::invalid_argument);
}

TEST_CASE("minimum: recipients below the minimum are raised and the rest re-apportioned") {
  // 1000 by 1:9 → 100/900; minimum 300 → 300 and the remaining 700 to the other.
  CHECK(allocate_with_minimum(1000, 300, {1, 9}) == std::vector<Amount>{300, 700});
  // Raising one pushes another below: 1000 by 1:2:7 min 250 → 100,200,700 → raise 1 →
  // rest 750 over 2:7 = 166,67 < 250 → raise 2 → 500 to the last.
  CHECK(allocate_with_minimum(1000, 250, {1, 2, 7}) == std::vector<Amount>{250, 250, 500});
  // threshold 1: only the first is eligible
  CHECK(allocate_with_minimum(1000, 250, {1, 2, 7}, {}, 1) == std::vector<Amount>{250, 167, 583});
  // nobody below: plain proportional
  CHECK(allocate_with_minimum(1000, 10, {1, 1}) == std::vector<Amount>{500, 500});
  CHECK_THROWS_AS(allocate_with_minimum(100, 60, {1, 1}), std::invalid_argument);
  auto d = allocate_with_minimum_detail(1000, 300, {1, 9});
  CHECK(d.raised == std::vector<bool>{true, false});
}

TEST_CASE("spec: fixed amount first, then proportional (the Stockholm 2022 shape)") {
  std::string text =
      "fördelning:\n"
      "  rubrik: Fördelning 2022\n"
      "  belopp: 5394915\n"
      "  regel: proportionell\n"
      "  nyckelns_namn: Resursfördelningsnyckel (%)\n"
      "  fasta_belopp:\n"
      "    - {namn: Äldrenämnden, belopp: 250000}\n"
      "  mottagare:\n"
      "    - {namn: Rinkeby-Kista, nyckel: \"12,13\"}\n"
      "    - namn: Bromma\n"
      "      nyckel: 5,4\n"
      "    - {namn: Skärholmen, nyckel: 7}\n";
  SpecRead r = parse_allocation_spec("s.yaml", text);
  for (const auto& d : r.diags.all()) INFO(format_diagnostic(d));
  REQUIRE(r.ok());
  CHECK(r.spec->key_decimals == 2);
  CHECK(r.spec->recipients[0].key == 1213);
  CHECK(r.spec->recipients[1].key == 540);
  CHECK(r.spec->recipients[2].key == 700);
  AllocationOutcome o = allocate(*r.spec);
  REQUIRE(o.allocation);
  const Allocation& a = *o.allocation;
  CHECK(a.total() == 5394915);
  REQUIRE(a.lines.size() == 4);
  CHECK(a.lines[3].name == "Äldrenämnden");
  CHECK(a.lines[3].amount == 250000);
  CHECK(a.lines[3].fixed);
  // 5 144 915 by 1213:540:700
  auto expect = allocate_proportional(5144915, {1213, 540, 700}, {1, 0, 2});
  CHECK(a.lines[0].amount == expect[0]);
  CHECK(a.lines[1].amount == expect[1]);
  CHECK(a.lines[2].amount == expect[2]);
  CHECK(allocation_csv(a).rfind("namn,belopp,nyckel\r\nRinkeby-Kista,", 0) == 0);
  CHECK(allocation_csv(a).find("Rinkeby-Kista," + std::to_string(expect[0]) + ",\"12,13\"\r\n") !=
        std::string::npos);
  std::string table = allocation_table(a);
  CHECK(table.find("Resursfördelningsnyckel (%)") != std::string::npos);
  CHECK(table.find("12,13") != std::string::npos);
  CHECK(table.find("5\u00A0394\u00A0915") != std::string::npos);
}

TEST_CASE("spec: minimum with threshold, display in Swedish order") {
  std::string text =
      "fördelning:\n"
      "  belopp: 1000\n"
      "  regel: minimibelopp\n"
      "  minimibelopp: 250\n"
      "  tröskel: 1\n"
      "  visning: svensk\n"
      "  mottagare:\n"
      "    - {namn: Östra, nyckel: 1}\n"
      "    - {namn: Adam, nyckel: 2}\n"
      "    - {namn: Bertil, nyckel: 7}\n";
  SpecRead r = parse_allocation_spec("m.yaml", text);
  REQUIRE(r.ok());
  AllocationOutcome o = allocate(*r.spec);
  REQUIRE(o.allocation);
  const auto& l = o.allocation->lines;
  CHECK(l[0].name == "Adam");
  CHECK(l[1].name == "Bertil");
  CHECK(l[2].name == "Östra");
  CHECK(l[2].amount == 250);
  CHECK(l[2].raised_to_minimum);
  CHECK(l[0].amount == 167);
  // Adam has a larger key than Östra but gets less: the author is warned.
  CHECK(o.diags.warning_count() == 1);
}

TEST_CASE("impossible allocations are errors pointing at the spec") {
  std::string text =
      "fördelning:\n"
      "  belopp: 100\n"
      "  regel: grundbelopp\n"
      "  grundbelopp: 60\n"
      "  mottagare: [{namn: A, nyckel: 1}, {namn: B, nyckel: 1}]\n";
  SpecRead r = parse_allocation_spec("g.yaml", text);
  REQUIRE(r.ok());
  AllocationOutcome o = allocate(*r.spec);
  CHECK_FALSE(o.allocation);
  REQUIRE(o.diags.error_count() == 1);
  CHECK(o.diags.all()[0].span.line == 4);
}
