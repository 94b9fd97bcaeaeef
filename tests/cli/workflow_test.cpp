// The yearly workflow exactly as the README shows it (init → importera → kontrollera →
// statistik → skapa → exportera), run on the bundled example spreadsheets: if the README's
// commands stop working, this fails. Also: the example spreadsheets are what the project's
// own export makes of its data today.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "../support/shell.hpp"
#include "../support/trace_text.hpp"

namespace fs = std::filesystem;

namespace {

using rvtest::Run;
using rvtest::sh;

// The command lines between the README's "årsflöde" markers.
std::vector<std::string> readme_workflow() {
  const std::string readme = rvtest::read(fs::path(RV_SOURCE_DIR) / "README.md");
  const size_t from = readme.find("<!-- årsflöde: början -->");
  const size_t to = readme.find("<!-- årsflöde: slut -->");
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  std::vector<std::string> out;
  std::istringstream in(readme.substr(from, to - from));
  for (std::string line; std::getline(in, line);)
    if (line.rfind("build/rapportverk ", 0) == 0) out.push_back(line);
  return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("the README's yearly workflow runs as written, and each step does its part") {
  const fs::path dir = rvtest::temp_dir("workflow");
  const std::vector<std::string> steps = readme_workflow();
  REQUIRE(steps.size() >= 9);
  std::vector<Run> runs;
  for (std::string cmd : steps) {
    // The user's folders become the test's own; the binary is the one under test.
    cmd = replace_all(cmd, " arbete/", " '" + (dir / "arbete").string() + "'/");
    cmd = replace_all(cmd, " output/", " '" + (dir / "output").string() + "'/");
    cmd = "RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "'" + cmd.substr(17);
    INFO(cmd);
    runs.push_back(sh(cmd));
    REQUIRE(runs.back().code == 0);
    CHECK(runs.back().out.find("fel:") == std::string::npos);
  }
  // The spring's instructions, from the new year's data as init left it.
  CHECK(runs[1].out.find("anvisningar.pdf") != std::string::npos);
  CHECK(runs[2].out.find("Förde in 290 mottagare i gruppen kommuner") != std::string::npos);
  CHECK(runs[3].out.find("Inga fel") != std::string::npos);
  // The municipalities have their amounts; the other groups are still empty, and said to be.
  CHECK(runs[3].out.find("kommuner: 290 mottagare saknar belopp") == std::string::npos);
  CHECK(runs[3].out.find("regioner: 21 mottagare saknar belopp") != std::string::npos);
  for (const char* f :
       {"output/2020/rapport.pdf", "output/2020/bilaga1.pdf", "output/2020/bilaga1.xlsx",
        "output/2020/bilaga1.csv", "output/2020/anvisningar.pdf"})
    CHECK(fs::file_size(dir / f) > 0);
  // The 2020 appendix shows the imported figures: the total row of Bilaga 1 sums the rows
  // (79 999 998 kr; the 80 000 000 printed in 2019 was a declared total, not carried over).
  const std::string csv = rvtest::read(dir / "output/2020/bilaga1.csv");
  CHECK(csv.find("Totalt;79999998;77386782;2613111;79999893;5050766;") != std::string::npos);
  // A year part-way through: only the municipalities have reported. Their share is theirs,
  // not "every group's", and the groups without money are not listed as recipients.
  const fs::path trace = dir / "rapport.txt";
  REQUIRE(sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa uppfoljning-nationell '" +
             (dir / "arbete/2020").string() + "' -o '" + trace.string() + "'")
              .code == 0);
  const std::string text = rvtest::trace_text(rvtest::read(trace));
  CHECK(text.find("Andelen använda medel är 94\u00a0procent för kommunerna.") != std::string::npos);
  CHECK(text.find("i samtliga mottagargrupper") == std::string::npos);
  CHECK(text.find("totalt fördelat cirka 80\u00a0miljoner kronor i utvecklings- och stimulansmedel "
                  "till kommuner.") != std::string::npos);
}

TEST_CASE("the example spreadsheets are today's export of the project's own data") {
  const fs::path dir = rvtest::temp_dir("sheets");
  const std::string rv = "RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' ";
  REQUIRE(sh(rv + "exportera bilaga data/exempel -t bilaga1 --excel -o '" +
             (dir / "e.csv").string() + "'")
              .code == 0);
  REQUIRE(sh(rv + "exportera bilaga data/nationell-2019 -t bilaga1 -o '" +
             (dir / "k.xlsx").string() + "'")
              .code == 0);
  CHECK(rvtest::read(dir / "e.csv") ==
        rvtest::read(fs::path(RV_SOURCE_DIR) / "data/kalkylblad/exempel-kommuner.csv"));
  CHECK(rvtest::read(dir / "k.xlsx") ==
        rvtest::read(fs::path(RV_SOURCE_DIR) / "data/kalkylblad/kommuner-2019.xlsx"));
}
