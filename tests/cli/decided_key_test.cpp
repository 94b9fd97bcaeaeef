// Acceptance (issue 13): one decided key amount changed by one krona in the bundled 2019
// data set gives exactly one new warning from kontrollera, naming the data line, the
// specification line and the difference.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
std::string rv(const std::string& args) { return std::string("'") + RV_BINARY + "' " + args; }

// The warnings kontrollera prints, with the data set's folder left out of the positions.
std::multiset<std::string> warnings_of(const fs::path& folder) {
  rvtest::Run r = rvtest::sh(rv("kontrollera " + q(folder)));
  INFO(r.out);
  REQUIRE(r.code == 0);
  std::multiset<std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (line.find(": varning: ") == std::string::npos) continue;
    for (size_t at; (at = line.find(folder.string() + "/")) != std::string::npos;)
      line.erase(at, folder.string().size() + 1);
    out.insert(line);
  }
  return out;
}

size_t line_of(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + at, '\n'));
}

}  // namespace

TEST_CASE("a decided key amount one krona off the rule: exactly one warning, both positions") {
  fs::path dir = rvtest::temp_dir("decided_key");
  fs::copy(fs::path(RV_SOURCE_DIR) / "data/nationell-2019", dir / "a");
  fs::copy(fs::path(RV_SOURCE_DIR) / "data/nationell-2019", dir / "b");
  // Aneby kommun: the rule gives 162 336 kr; the data now states a decided 162 337 kr.
  const std::string row = "{namn: Aneby kommun, rekvirerat: 162336";
  std::string text = rvtest::read(dir / "b/kommuner.yaml");
  size_t at = text.find(row);
  REQUIRE(at != std::string::npos);
  text.replace(at, row.size(),
               "{namn: Aneby kommun, fördelningsnyckel: 162337, rekvirerat: 162336");
  rvtest::write(dir / "b/kommuner.yaml", text);

  auto before = warnings_of(dir / "a");
  auto after = warnings_of(dir / "b");
  std::vector<std::string> added;
  for (const auto& w : after)
    if (before.count(w) < after.count(w) && (added.empty() || added.back() != w))
      added.push_back(w);
  REQUIRE(after.size() == before.size() + 1);
  REQUIRE(added.size() == 1);
  const size_t data_line = line_of(text, "{namn: Aneby kommun,");
  const size_t spec_line =
      line_of(rvtest::read(dir / "b/kommuner-fordelning.yaml"), "{namn: Aneby kommun,");
  CHECK(added[0] == "kommuner.yaml:" + std::to_string(data_line) +
                        ":7: varning: Aneby kommun: fördelningsnyckeln är 162 337 kr, men regeln i "
                        "kommuner-fordelning.yaml:" +
                        std::to_string(spec_line) + ":7 ger 162 336 kr (1 kr mer)");
  fs::remove_all(dir);
}
