// templates/fordelningsnyckel: a group's key as an appendix table, computed from the data
// set's specification; its total is the allocated amount exactly, and it exports.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "../support/shell.hpp"

namespace {

std::string rv(const std::string& args) {
  return "RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' " + args;
}

}  // namespace

TEST_CASE("fordelningsnyckel: the municipal key, its total exactly the allocated sum") {
  const auto dir = rvtest::temp_dir("fordelningsnyckel");
  const auto csv = dir / "nyckel.csv";
  rvtest::Run r =
      rvtest::sh(rv("exportera fordelningsnyckel data/nationell-2019 --tabell nyckel "
                    "-o '" +
                    csv.string() + "'"));
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("mall") == std::string::npos);  // no warnings from the template
  std::istringstream in(rvtest::read(csv));
  std::string line;
  std::getline(in, line);
  CHECK(line.rfind("Kommun,", 0) == 0);
  long long total = 0;
  int rows = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto amount = std::stoll(line.substr(line.rfind(',') + 1));
    total += amount;
    ++rows;
    if (line.rfind("Ale kommun,", 0) == 0) CHECK(line == "Ale kommun,283502,283502");
  }
  CHECK(rows == 290);
  CHECK(total == 79999998);

  const auto trace = dir / "regioner.spår";
  rvtest::Run g =
      rvtest::sh(rv("skapa fordelningsnyckel data/nationell-2019 -p grupp=regioner "
                    "--format spår -o '" +
                    trace.string() + "'"));
  INFO(g.out);
  REQUIRE(g.code == 0);
  const std::string t = rvtest::read(trace);
  CHECK(t.find("Fördelningsnyckel 2019: Regioner") != std::string::npos);
  CHECK(t.find("\"39\u00a0249\u00a0987\"") != std::string::npos);  // the Totalt row
}

TEST_CASE("fordelningsnyckel: a data set without the group or without a rule says so") {
  const auto dir = rvtest::temp_dir("fordelningsnyckel_utan");
  for (const auto& [data, says] :
       {std::pair{"data/stockholm-2022", "har ingen grupp kommuner"},
        std::pair{"data/exempel", "har ingen fördelningsspecifikation för kommunerna"}}) {
    const auto out = dir / "ut.spår";
    rvtest::Run r = rvtest::sh(rv(std::string("skapa fordelningsnyckel ") + data +
                                  " --format spår -o '" + out.string() + "'"));
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK(rvtest::read(out).find(says) != std::string::npos);
  }
}
