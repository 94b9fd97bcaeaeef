// A group's key amounts computed from a specification in the data set
// (stats/group_allocation.hpp): computed where the data does not state them, compared
// where it does, one warning per difference naming both positions.
#include "stats/group_allocation.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "fixtures.hpp"
#include "load/load.hpp"

using namespace rv;
using namespace rv::stats;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& tag) {
  fs::path d = fs::temp_directory_path() / ("rv_grpalloc_" + tag + "_" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

const std::string kData =
    "bidrag: {namn: Medel, år: 2024, myndighet: Verket}\n"
    "grupper:\n"
    "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner,\n"
    "     bestämd_plural: kommunerna, genus: utrum, sätt: rekvisition}\n"
    "mottagare:\n"
    "  kommuner:\n"
    "    - {namn: Aby kommun, rekvirerat: 100000}\n"
    "    - {namn: Bby kommun, rekvirerat: 250000}\n"
    "    - {namn: Cby kommun, fördelningsnyckel: 350001, rekvirerat: 300000}\n";

const std::string kSpec =
    "fördelning:\n"
    "  grupp: kommuner\n"
    "  belopp: 700000\n"
    "  regel: minimibelopp\n"
    "  minimibelopp: 100000\n"
    "  mottagare:\n"
    "    - {namn: Aby kommun, nyckel: 1000}\n"
    "    - {namn: Bby kommun, nyckel: 5000}\n"
    "    - {namn: Cby kommun, nyckel: 7000}\n";

std::vector<std::string> warnings(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.all())
    if (x.severity == Severity::Warning) out.push_back(format_diagnostic(x));
  return out;
}

}  // namespace

TEST_CASE("a group's keys are computed from its specification, a stated one is compared") {
  fs::path dir = scratch("basic");
  put(dir / "data.yaml", kData);
  put(dir / "fordelning.yaml", kSpec);
  LoadResult r = load_data_set({dir.string()});
  REQUIRE(r.ok());
  REQUIRE(r.data.key_specs.at("kommuner") == (dir / "fordelning.yaml").string());
  auto applied = apply_group_allocations(r.data, r.diags);
  REQUIRE(applied.size() == 1);
  std::map<std::string, Amount> key;
  for (const auto& rec : r.data.recipients) key[rec.name] = rec.key.value_or(-1);
  // 700 000 over keys 1000/5000/7000 with a minimum of 100 000: Aby is raised to it and
  // the other two share 600 000 as 5:7.
  CHECK(key["Aby kommun"] == 100000);
  CHECK(key["Bby kommun"] == 250000);
  CHECK(key["Cby kommun"] == 350001);  // the decided figure is kept …
  auto w = warnings(r.diags);
  REQUIRE(w.size() == 1);  // … and its difference from the rule is the only warning
  CHECK(w[0] == (dir / "data.yaml").string() +
                    ":9:7: varning: Cby kommun: fördelningsnyckeln är 350 001 kr, men regeln i " +
                    (dir / "fordelning.yaml").string() + ":9:7 ger 350 000 kr (1 kr mer)");
  fs::remove_all(dir);
}

TEST_CASE("recipients on one side only, an unknown group and two specs for one group") {
  fs::path dir = scratch("sides");
  put(dir / "data.yaml", kData + "    - {namn: Dby kommun, rekvirerat: 1}\n");
  std::string spec = kSpec + "    - {namn: Eby kommun, nyckel: 1}\n";
  put(dir / "fordelning.yaml", spec);
  LoadResult r = load_data_set({dir.string()});
  REQUIRE(r.ok());
  apply_group_allocations(r.data, r.diags);
  CHECK(r.diags.has_errors());  // Eby is not a recipient: a typo would give a wrong key
  std::string all;
  for (const auto& d : r.diags.all()) all += format_diagnostic(d) + "\n";
  CHECK(all.find("fel: 'Eby kommun' finns inte bland kommuner i datasetet") != std::string::npos);
  CHECK(all.find("varning: Dby kommun saknas i fördelningsspecifikationen") != std::string::npos);

  put(dir / "fordelning.yaml",
      "fördelning:\n  grupp: kommunr\n  belopp: 1\n  regel: lika\n"
      "  mottagare: [Aby kommun]\n");
  put(dir / "data.yaml", kData);
  LoadResult u = load_data_set({dir.string()});
  REQUIRE(u.ok());
  apply_group_allocations(u.data, u.diags);
  REQUIRE(u.diags.has_errors());
  CHECK(format_diagnostic(u.diags.all().back()).find(":2:10: fel: okänd grupp 'kommunr'") !=
        std::string::npos);

  put(dir / "fordelning.yaml", kSpec);
  put(dir / "fordelning2.yaml", kSpec);
  LoadResult twice = load_data_set({dir.string()});
  CHECK_FALSE(twice.ok());
  fs::remove_all(dir);
}

TEST_CASE("bundled national 2019: the key amounts are the rule's and reproduce Bilaga 1 and 2") {
  LoadResult r = load_data_set({std::string(RV_SOURCE_DIR) + "/data/nationell-2019"});
  REQUIRE(r.ok());
  for (const auto& rec : r.data.recipients) CHECK_FALSE(rec.key);  // none typed
  auto applied = apply_group_allocations(r.data, r.diags);
  REQUIRE(r.ok());
  REQUIRE(applied.size() == 2);
  std::map<std::string, Amount> rule;
  for (const auto& ga : applied)
    for (const auto& l : ga.allocation.lines) rule[ga.spec.group + "/" + l.name] = l.amount;
  std::map<std::string, Amount> key;
  for (const auto& rec : r.data.recipients)
    if (rec.key) key[rec.group + "/" + rec.name] = *rec.key;
  CHECK(key == rule);
  CHECK(key.size() == 290 + 21);

  // The published key columns (tests/stats/fixtures, copies of the report's tables).
  size_t compared = 0;
  for (const auto& [file, group] :
       {std::pair{"kommuner2019.csv", "kommuner"}, std::pair{"regioner2019.csv", "regioner"}}) {
    auto rows = rv::test::read_csv(rv::test::fixture_path(file));
    REQUIRE(rows.size() > 1);
    REQUIRE(rows[0][1] == "fordelningsnyckel");
    for (size_t i = 1; i < rows.size(); ++i) {
      std::string name = rows[i][0];
      if (!key.count(std::string(group) + "/" + name)) continue;  // renamed (Gotland)
      INFO(name);
      CHECK(key.at(std::string(group) + "/" + name) == std::stoll(rows[i][1]));
      ++compared;
    }
  }
  CHECK(compared >= 290 + 21 - 1);

  // The record's known differences between key and requisitioned amounts: warnings.
  std::string all;
  for (const auto& d : r.diags.all()) all += format_diagnostic(d) + "\n";
  CHECK(all.find("varning: Melleruds kommun fick del av omfördelningen (13 753 kr) men "
                 "rekvirerade 172 864 kr, mindre än fördelningsnyckelns 172 971 kr") !=
        std::string::npos);
  CHECK(all.find("varning: Överkalix kommun har rekvirerat 136 558 kr, mer än "
                 "fördelningsnyckelns 136 557 kr") != std::string::npos);
  CHECK(all.find("varning: Övertorneå kommun har rekvirerat 140 812 kr, mer än "
                 "fördelningsnyckelns 140 811 kr") != std::string::npos);
  CHECK(all.find("varning: summan av fördelningsnyckeln för kommuner är 79 999 998 kr, men den "
                 "deklarerade summan är 80 000 000 kr") != std::string::npos);
  CHECK(all.find("fel:") == std::string::npos);
}
