// The command line as a user meets it: bundled data checks, a broken template, exports.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

using rvtest::Run;
using rvtest::sh;
fs::path temp_dir() { return rvtest::temp_dir("cli"); }

std::string rv(const std::string& args) { return std::string("'") + RV_BINARY + "' " + args; }

}  // namespace

TEST_CASE("every bundled data set passes kontrollera") {
  for (const char* set :
       {"data/nationell-2019", "data/stockholm-2017", "data/stockholm-2022", "data/exempel"}) {
    INFO(set);
    Run r = sh(rv(std::string("kontrollera ") + set));
    CHECK(r.code == 0);
    CHECK(r.out.find("Kontrollerat:") != std::string::npos);
    CHECK(r.out.find(": fel: ") == std::string::npos);
  }
}

TEST_CASE("the national set warns that the key column does not add up to the printed total") {
  Run r = sh(rv("kontrollera data/nationell-2019"));
  CHECK(r.code == 0);
  CHECK(r.out.find("varning: summan av fördelningsnyckeln för kommuner är 79 999 998 kr, men den "
                   "deklarerade summan är 80 000 000 kr") != std::string::npos);
}

TEST_CASE("a template with an unknown variable fails with file:line:col, exit 2 and no PDF") {
  fs::path out = temp_dir() / "ska-inte-finnas.pdf";
  Run r =
      sh(rv("skapa tests/cli/mallar/okand-variabel data/nationell-2019 -o '" + out.string() + "'"));
  CHECK(r.code == 2);
  CHECK(
      r.out.find("tests/cli/mallar/okand-variabel/mall.md:4:21: fel: 'grupper.kommuner' har inget "
                 "fält 'förbrukt' (menade du 'förbrukat'?)") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK_FALSE(fs::exists(out.string() + ".tmp"));
}

TEST_CASE("export of Bilaga 1: CSV with 290 rows plus the header, XLSX that reads back") {
  fs::path dir = temp_dir();
  fs::path csv = dir / "bilaga1.csv", xlsx = dir / "bilaga1.xlsx";
  Run c = sh(rv("exportera bilaga data/nationell-2019 --tabell bilaga1 -o '" + csv.string() + "'"));
  REQUIRE(c.code == 0);
  std::ifstream in(csv);
  std::string line, first, last;
  int lines = 0;
  while (std::getline(in, line)) {
    if (lines == 0) first = line;
    last = line;
    ++lines;
  }
  CHECK(lines == 291);
  CHECK(first.rfind("Kommun,Fördelningsnyckel (kr),", 0) == 0);
  CHECK(last.rfind("Övertorneå kommun,140811,140812,", 0) == 0);

  Run x =
      sh(rv("exportera bilaga data/nationell-2019 --tabell bilaga1 -o '" + xlsx.string() + "'"));
  REQUIRE(x.code == 0);
  Run read = sh("python3 tests/cli/read_xlsx.py '" + xlsx.string() + "'");
  REQUIRE(read.code == 0);
  // Title row, header row, 290 rows, the total row, the source line and the note: the
  // total row prints the key total as published (80 000 000), and the note says that the
  // rows sum to 2 kr less.
  CHECK(read.out.find("\nfrozen:A4\n") != std::string::npos);
  CHECK(read.out.find("Kommun|Fördelningsnyckel (kr)|Rekvirerade medel (kr)") != std::string::npos);
  CHECK(read.out.rfind("295\n", 0) == 0);
  CHECK(
      read.out.find("det fastställda totalbeloppet 80\u00A0000\u00A0000\u00A0kr, 2\u00A0kr mer än "
                    "radernas summa på 79\u00A0999\u00A0998\u00A0kr") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("export names the tables a template has when asked for an unknown one") {
  Run r = sh(rv("exportera bilaga data/nationell-2019 --tabell bilaga9 -o /tmp/x.csv"));
  CHECK(r.code == 2);
  CHECK(r.out.find("mallen visar ingen tabell 'bilaga9' (tabeller: bilaga1, bilaga2, bilaga3)") !=
        std::string::npos);
}

TEST_CASE("kontrollera on a generated 5 000-recipient file finishes and reports correctly") {
  fs::path dir = temp_dir();
  fs::path file = dir / "stor.yaml";
  {
    std::ofstream out(file);
    out << "bidrag: {namn: Test, år: 2030, myndighet: Socialstyrelsen}\n"
           "grupper:\n"
           "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner, "
           "bestämd_plural: kommunerna}\n"
           "mottagare:\n"
           "  kommuner:\n";
    for (int i = 0; i < 5000; ++i) {
      long key = 80000 + i * 37;
      // Row 2500 is impossible (unspent > allocated), row 4000 misspells a key.
      long unspent = i == 2500 ? key + 1 : i % 11;
      out << "    - {namn: Kommun " << i << ", fördelningsnyckel: " << key
          << ", rekvirerat: " << key << (i == 4000 ? ", oförbrukad: " : ", oförbrukat: ") << unspent
          << "}\n";
    }
  }
  Run r = sh(rv("kontrollera '" + file.string() + "'"));
  CHECK(r.code == 2);
  const std::string f = file.string();
  CHECK(r.out.find(f + ":2506:86: fel: oförbrukat belopp (172 501 kr) är större än fördelat belopp "
                       "(172 500 kr) för Kommun 2500") != std::string::npos);
  CHECK(r.out.find(f + ":4006:74: fel: okänd nyckel 'oförbrukad' i mottagaren (menade du "
                       "'oförbrukat'?)") != std::string::npos);
  CHECK(r.out.find("2 fel, 0 varningar") != std::string::npos);
  fs::remove_all(dir);
}
