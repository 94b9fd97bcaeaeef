// exportera --excel / --summarad from the command line.
#include <catch2/catch.hpp>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {
std::string rv(const std::string& args) { return std::string("'") + RV_BINARY + "' " + args; }
}  // namespace

TEST_CASE("exportera with the excel option writes semicolon CSV with BOM and the total row") {
  fs::path dir = rvtest::temp_dir("export_excel");
  rvtest::Run r =
      rvtest::sh(rv("exportera bilaga data/nationell-2019 -t bilaga2 --excel --summarad -o '" +
                    (dir / "b2.csv").string() + "'"));
  REQUIRE(r.code == 0);
  CHECK(r.out.find("(21 rader och en summarad, för svenska Excel)") != std::string::npos);
  const std::string csv = rvtest::read(dir / "b2.csv");
  CHECK(csv.starts_with("\xEF\xBB\xBFRegion;Fördelningsnyckel (kr);Rekvirerade medel (kr);"));
  CHECK(csv.find("\r\nRegion Blekinge;1869047;1869047;;1869047;769387;0,4116\r\n") !=
        std::string::npos);
  // The total row last.
  const auto total = csv.rfind("\r\nTotalt;39249987;");
  REQUIRE(total != std::string::npos);
  CHECK(csv.find("\r\n", total + 2) == csv.size() - 2);
  fs::remove_all(dir);
}

TEST_CASE("the excel option with an .xlsx file is an error before any work") {
  rvtest::Run r =
      rvtest::sh(rv("exportera bilaga data/nationell-2019 -t bilaga2 --excel -o /tmp/rv_x.xlsx"));
  CHECK(r.code == 2);
  CHECK(r.out.find("--excel gäller CSV; en XLSX-fil har alltid summaraden") != std::string::npos);
}
