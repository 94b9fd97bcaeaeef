// Importing into a file that exists: the group file `rapportverk init` wrote keeps its
// group definition and comments, and only the group's list is replaced; its names (last
// year's) are what the spreadsheet's names are checked against.
#include <catch2/catch.hpp>

#include "../support/shell.hpp"
#include "import/import.hpp"

namespace fs = std::filesystem;
using rvtest::Run;
using rvtest::sh;

namespace {

std::string cmd(const std::string& args) {
  return "RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' " + args;
}
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

const char* const kGroupFile =
    "# Regionerna 2020.\n"
    "grupper:\n"
    "  - {id: regioner, etikett: Regioner, singular: region, plural: regioner, "
    "bestämd_plural: regionerna}\n"
    "\n"
    "# Beloppen fylls i senare.\n"
    "mottagare:\n"
    "  regioner:   # 2 mottagare\n"
    "    - {namn: Region Blekinge}\n"
    "    # en kommentar i listan\n"
    "    - {namn: Region Dalarna}\n"
    "  andra:\n"
    "    - {namn: Något annat}\n"
    "# Slut.\n";

}  // namespace

TEST_CASE("merge_recipients replaces only the group's list and keeps the rest byte for byte") {
  const std::string generated =
      "# Mottagare i gruppen regioner, importerade ur r.csv med 'rapportverk importera'.\n"
      "mottagare:\n"
      "  regioner:   # 2 mottagare\n"
      "    - {namn: Region Blekinge, rekvirerat: 10}\n"
      "    - {namn: Region Dalarna, rekvirerat: 20}\n";
  rv::Diagnostics d;
  auto merged =
      rv::import::merge_recipients("r.yaml", kGroupFile, "regioner", generated, "r.csv", d);
  REQUIRE(merged);
  CHECK(*merged ==
        "# Regionerna 2020.\n"
        "grupper:\n"
        "  - {id: regioner, etikett: Regioner, singular: region, plural: regioner, "
        "bestämd_plural: regionerna}\n"
        "\n"
        "# Beloppen fylls i senare.\n"
        "mottagare:\n"
        "  regioner:   # 2 mottagare, importerade ur r.csv\n"
        "    - {namn: Region Blekinge, rekvirerat: 10}\n"
        "    - {namn: Region Dalarna, rekvirerat: 20}\n"
        "  andra:\n"
        "    - {namn: Något annat}\n"
        "# Slut.\n");
  // A group the file lacks is added under mottagare:, after the others.
  auto added = rv::import::merge_recipients("r.yaml", kGroupFile, "kommuner",
                                            "mottagare:\n  kommuner:   # 1 mottagare\n"
                                            "    - {namn: Ale kommun, rekvirerat: 5}\n",
                                            "k.csv", d);
  REQUIRE(added);
  CHECK(added->find("    - {namn: Något annat}\n  kommuner:   # 1 mottagare, importerade ur "
                    "k.csv\n    - {namn: Ale kommun, rekvirerat: 5}\n# Slut.\n") !=
        std::string::npos);
  CHECK(rv::import::names_in_file(kGroupFile, "regioner") ==
        std::vector<std::string>{"Region Blekinge", "Region Dalarna"});
  CHECK(d.error_count() == 0);
}

TEST_CASE("init, then importera into the group file: kontrollera accepts the year") {
  fs::path dir = rvtest::temp_dir("merge-init");
  REQUIRE(sh(cmd("init " + q(dir / "2020") + " --från data/nationell-2019")).code == 0);
  const std::string before = rvtest::read(dir / "2020/regioner.yaml");
  REQUIRE(sh(cmd("exportera bilaga data/nationell-2019 -t bilaga2 -o " + q(dir / "r.xlsx"))).code ==
          0);
  Run i = sh(
      cmd("importera " + q(dir / "r.xlsx") + " -g regioner -o " + q(dir / "2020/regioner.yaml")));
  REQUIRE(i.code == 0);
  CHECK(i.out.find("Förde in 21 mottagare i gruppen regioner ur r.xlsx (blad bilaga2) i ") !=
        std::string::npos);
  const std::string after = rvtest::read(dir / "2020/regioner.yaml");
  // The group's definition and the file's head are unchanged.
  const size_t head = before.find("\nmottagare:");
  REQUIRE(head != std::string::npos);
  CHECK(after.substr(0, head) == before.substr(0, head));
  CHECK(after.find("- {namn: Region Blekinge, fördelningsnyckel: ") != std::string::npos);
  Run k = sh(cmd("kontrollera " + q(dir / "2020")));
  CHECK(k.code == 0);
  CHECK(k.out.find("regioner: 21 mottagare saknar belopp") == std::string::npos);
  CHECK(k.out.find("kommuner: 290 mottagare saknar belopp") != std::string::npos);
}

TEST_CASE("a name the init file does not have is an error with a suggestion, file untouched") {
  fs::path dir = rvtest::temp_dir("merge-name");
  REQUIRE(sh(cmd("init " + q(dir / "2020") + " --från data/nationell-2019")).code == 0);
  const std::string before = rvtest::read(dir / "2020/regioner.yaml");
  rvtest::write(dir / "r.csv",
                "Region;Rekvirerat;Fördelat\nRegion Blekinge;10;10\n"
                "Region Dalarana;20;20\n");
  Run i =
      sh(cmd("importera " + q(dir / "r.csv") + " -g regioner -o " + q(dir / "2020/regioner.yaml")));
  CHECK(i.code == 2);
  CHECK(i.out.find("menade du 'Region Dalarna'?") != std::string::npos);
  CHECK(rvtest::read(dir / "2020/regioner.yaml") == before);
}
