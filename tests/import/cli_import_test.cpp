// `rapportverk importera` end to end: the 2019 appendix tables exported and imported back
// give the same Bilaga 1 and 2; each broken spreadsheet gets one precise error, exit 2 and
// no file.
#include <catch2/catch.hpp>

#include "../support/shell.hpp"
#include "make_xlsx.hpp"

namespace fs = std::filesystem;
using rvtest::Run;
using rvtest::sh;

namespace {

// A cache of these tests' own: the user's may belong to another build.
std::string rv(const std::string& args) {
  static const std::string cache = (fs::temp_directory_path() / "rv_test_import_cache").string();
  return "RAPPORTVERK_CACHE='" + cache + "' '" + RV_BINARY + "' " + args;
}
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

// data/nationell-2019 with the recipients of `groups` cut out of their files (the group
// definitions stay), for the imported ones to take their place.
fs::path data_set_without(const fs::path& dir, const std::vector<std::string>& groups) {
  fs::path out = dir / "dataset";
  fs::create_directories(dir);
  fs::copy(fs::path(RV_SOURCE_DIR) / "data/nationell-2019", out, fs::copy_options::recursive);
  for (const auto& g : groups) {
    const fs::path f = out / (g + ".yaml");
    std::string text = rvtest::read(f);
    const auto cut = text.find("\nmottagare:");
    REQUIRE(cut != std::string::npos);
    rvtest::write(f, text.substr(0, cut + 1));
  }
  return out;
}

}  // namespace

TEST_CASE("Bilaga 1 and 2 exported as XLSX and as Excel CSV and imported back are identical") {
  fs::path dir = rvtest::temp_dir("import_rundtur");
  Run original = sh(rv("skapa bilaga data/nationell-2019 --format spår -o " + q(dir / "a.spår")));
  REQUIRE(original.code == 0);
  for (const std::string kind : {"xlsx", "csv"}) {
    INFO(kind);
    fs::path set = data_set_without(dir / kind, {"kommuner", "regioner"});
    for (const auto& [table, group] : {std::pair{"bilaga1", "kommuner"}, {"bilaga2", "regioner"}}) {
      const fs::path sheet = dir / kind / (std::string(group) + "." + kind);
      Run e = sh(rv("exportera bilaga data/nationell-2019 -t " + std::string(table) + " -o " +
                    q(sheet) + (kind == "csv" ? " --excel --summarad" : "")));
      REQUIRE(e.code == 0);
      if (kind == "csv")
        CHECK(rvtest::read(sheet).starts_with("\xEF\xBB\xBF"
                                              "Kommun;") == (group == std::string("kommuner")));
      Run i = sh(rv("importera " + q(sheet) + " --jämför-med data/nationell-2019 -o " +
                    q(set / (std::string(group) + "-import.yaml"))));
      INFO(i.out);
      REQUIRE(i.code == 0);
      CHECK(count(i.out, ": fel: ") == 0);
    }
    Run again = sh(rv("skapa bilaga " + q(set) + " --format spår -o " + q(dir / kind / "b.spår")));
    REQUIRE(again.code == 0);
    CHECK(rvtest::read(dir / kind / "b.spår") == rvtest::read(dir / "a.spår"));
  }
  fs::remove_all(dir);
}

namespace {

const char* kNames[] = {
    "Ale kommun",        "Alingsås kommun",  "Alvesta kommun",     "Aneby kommun",
    "Arboga kommun",     "Arjeplogs kommun", "Arvidsjaurs kommun", "Arvika kommun",
    "Askersunds kommun", "Avesta kommun",    "Bengtsfors kommun",  "Bergs kommun",
    "Bjurholms kommun",  "Bjuvs kommun",     "Bodens kommun",      "Bollebygds kommun"};

// Rows 2–17: 16 municipalities with a key, what they requisitioned and left unspent.
rvtest::XlsxSpec good_sheet() {
  rvtest::XlsxSpec s;
  s.rows.push_back({"'Kommun", "'Fördelningsnyckel", "'Rekvirerat belopp", "'Oförbrukade medel"});
  for (const char* n : kNames) s.rows.push_back({std::string("'") + n, "200000", "150000", "0"});
  return s;
}

struct Broken {
  const char* what;
  std::function<void(rvtest::XlsxSpec&)> edit;
  std::string extra_args;
  std::string error;  // the start of the one error line
};

}  // namespace

TEST_CASE("a sound generated workbook imports") {
  fs::path dir = rvtest::temp_dir("import_hel");
  rvtest::write(dir / "kommuner.xlsx", rvtest::xlsx_bytes(good_sheet()));
  Run r = sh("cd " + q(dir) + " && " +
             rv("importera kommuner.xlsx --jämför-med '" + std::string(RV_SOURCE_DIR) +
                "/data/nationell-2019' -o ut.yaml"));
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(rvtest::read(dir / "ut.yaml")
            .find("    - {namn: Bollebygds kommun, fördelningsnyckel: "
                  "200000, rekvirerat: 150000, oförbrukat: 0}\n") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("each broken spreadsheet: one precise Swedish error, exit 2, no file written") {
  const std::string previous =
      " --jämför-med '" + std::string(RV_SOURCE_DIR) + "/data/nationell-2019'";
  const std::vector<Broken> cases = {
      {"missing column", [](auto& s) { s.rows[0][0] = "'Ort"; }, "",
       "kommuner.xlsx:Blad1!A1: fel: kolumnen med mottagarnas namn saknas"},
      {"text in a number column", [](auto& s) { s.rows[16][2] = "'ungefär 150 000"; }, "",
       "kommuner.xlsx:Blad1!C17: fel: 'ungefär 150 000' i kolumnen 'Rekvirerat belopp' är inget "
       "belopp"},
      {"duplicate name", [](auto& s) { s.rows[9][0] = "'Ale kommun"; }, "",
       "kommuner.xlsx:Blad1!A10: fel: 'Ale kommun' finns redan i tabellen "
       "(kommuner.xlsx:Blad1!A2)"},
      {"misspelt municipality", [](auto& s) { s.rows[4][0] = "'Aneby komun"; }, previous,
       "kommuner.xlsx:Blad1!A5: fel: 'Aneby komun' finns inte bland förra årets mottagare i "
       "gruppen 'kommuner' (menade du 'Aneby kommun'?)"},
      {"empty rows",
       [](auto& s) {
         s.rows[7] = {"", "", "", ""};
       },
       "", "kommuner.xlsx:Blad1!A8: fel: tom rad mitt i tabellen"},
      {"merged header cells",
       [](auto& s) {
         s.rows[0][2] = "";
         s.merges = {"B1:C1"};
       },
       "", "kommuner.xlsx:Blad1!B1: fel: rubrikcellerna B1:C1 är sammanfogade"},
      {"formula without a cached value", [](auto& s) { s.rows[16][3] = "=B17-C17"; }, "",
       "kommuner.xlsx:Blad1!D17: fel: cellen har en formel (=B17-C17) men inget sparat värde"},
  };
  fs::path dir = rvtest::temp_dir("import_trasig");
  for (const auto& c : cases) {
    INFO(c.what);
    auto spec = good_sheet();
    c.edit(spec);
    rvtest::write(dir / "kommuner.xlsx", rvtest::xlsx_bytes(spec));
    Run r = sh("cd " + q(dir) + " && " + rv("importera kommuner.xlsx -o ut.yaml" + c.extra_args));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(count(r.out, ": fel: ") == 1);
    CHECK(r.out.rfind(c.error, 0) == 0);
    CHECK(r.out.find("Ingen fil skrevs.") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "ut.yaml"));
  }
  fs::remove_all(dir);
}

TEST_CASE("broken CSV from Swedish Excel points at line and column") {
  fs::path dir = rvtest::temp_dir("import_trasig_csv");
  std::string csv = "\xEF\xBB\xBFKommun;Rekvirerat belopp;Oförbrukade medel\r\n";
  for (const char* n : kNames) csv += std::string(n) + ";150 000;0\r\n";
  csv.replace(csv.rfind("150 000"), 7, "ca 150 000");
  rvtest::write(dir / "kommuner.csv", csv);
  Run r = sh("cd " + q(dir) + " && " + rv("importera kommuner.csv -o ut.yaml"));
  CHECK(r.code == 2);
  CHECK(r.out.rfind("kommuner.csv:17:19: fel: 'ca 150 000' i kolumnen 'Rekvirerat belopp' är "
                    "inget belopp",
                    0) == 0);
  CHECK_FALSE(fs::exists(dir / "ut.yaml"));
  fs::remove_all(dir);
}

TEST_CASE("importera: unknown file type, missing file, unknown group in last year's data set") {
  Run xls = sh(rv("importera kommuner.xls -o /tmp/rv_import_x.yaml"));
  CHECK(xls.code == 2);
  CHECK(xls.out.find("kommuner.xls: fel: filformatet .xls läses inte; spara om filen som .xlsx "
                     "eller .csv") != std::string::npos);
  Run missing = sh(rv("importera finns-inte.csv -o /tmp/rv_import_x.yaml"));
  CHECK(missing.code == 2);
  CHECK(missing.out.find("finns-inte.csv: fel: filen finns inte") != std::string::npos);
  fs::path dir = rvtest::temp_dir("import_grupp");
  rvtest::write(dir / "stadsdelar.csv", "Namn,Beviljat\nBromma,5\n");
  Run group = sh(rv("importera " + q(dir / "stadsdelar.csv") +
                    " --jämför-med data/nationell-2019 -o " + q(dir / "ut.yaml")));
  CHECK(group.code == 2);
  CHECK(group.out.find("förra årets dataset har ingen grupp 'stadsdelar' (grupper: kommuner, "
                       "regioner, lansstyrelser_nck, ideella); ange --grupp") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "ut.yaml"));
  fs::remove_all(dir);
}

TEST_CASE("importera: a file name that is no group id asks for --grupp, -o - writes to stdout") {
  fs::path dir = rvtest::temp_dir("import_namn");
  rvtest::write(dir / "Kommuner 2020.csv", "Kommun;Rekvirerat\nAle kommun;5\n");
  Run bad = sh(rv("importera " + q(dir / "Kommuner 2020.csv") + " -o " + q(dir / "ut.yaml")));
  CHECK(bad.code == 2);
  CHECK(bad.out.find("fel: ange gruppens id med --grupp (filnamnet ger 'kommuner 2020', som inte "
                     "duger som id)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "ut.yaml"));
  Run out = sh(rv("importera " + q(dir / "Kommuner 2020.csv") + " -g kommuner -o - 2>/dev/null"));
  CHECK(out.code == 0);
  CHECK(out.out.find("mottagare:\n  kommuner:   # 1 mottagare\n    - {namn: Ale kommun, "
                     "rekvirerat: 5}\n") != std::string::npos);
  fs::remove_all(dir);
}
