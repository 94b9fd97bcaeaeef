// `rapportverk init` end to end: each bundled data set starts its next year, which
// `kontrollera` accepts; a used folder or a broken source writes nothing.
#include <catch2/catch.hpp>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::Run;
using rvtest::sh;

namespace {

// A cache of these tests' own; the date in the files' header pinned.
std::string rv(const std::string& args) {
  static const std::string cache = (fs::temp_directory_path() / "rv_test_init_cache").string();
  return "SOURCE_DATE_EPOCH=1606694400 RAPPORTVERK_CACHE='" + cache + "' '" + RV_BINARY + "' " +
         args;
}
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(folder))
    out.push_back(e.path().lexically_relative(folder).string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("init of nationell-2019: a 2020 data set that kontrollera accepts") {
  fs::path dir = rvtest::temp_dir("init_nationell");
  const fs::path out = dir / "2020";
  Run r = sh(rv("init " + q(out) + " --från data/nationell-2019"));
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("Skapade") != std::string::npos);
  // The same files, by name.
  CHECK(names_in(out) == names_in(fs::path(RV_SOURCE_DIR) / "data/nationell-2019"));
  Run check = sh(rv("kontrollera " + q(out)));
  INFO(check.out);
  CHECK(check.code == 0);
  CHECK(check.out.find("Utvecklings- och stimulansmedel för att kvalitetsutveckla arbetet mot "
                       "våld i nära relationer 2020") != std::string::npos);
  // One warning per group for the missing amounts, not one per recipient.
  CHECK(count(check.out, "varning:") == 4);
  CHECK(check.out.find("kommuner: 290 mottagare saknar belopp ('rekvirerat')") !=
        std::string::npos);
  CHECK(check.out.find("regioner: 21 mottagare saknar belopp") != std::string::npos);
  CHECK(check.out.find("0 svarande (0 svar)") != std::string::npos);

  const std::string bidrag = rvtest::read(out / "bidrag.yaml");
  CHECK(bidrag.find("  år: 2020\n") != std::string::npos);
  CHECK(bidrag.find("period: {från: 2020-01-01, till: 2020-12-31}") != std::string::npos);
  CHECK(bidrag.find("datum: 2021-03-31, typ: återrapportering}") !=
        std::string::npos);  // svarsdag a year on
  CHECK(bidrag.find("2019-") == std::string::npos);
  CHECK(
      bidrag.starts_with("# 2020 års dataset, skapat 2020-11-30 med 'rapportverk init' ur "
                         "data/nationell-2019 (2019).\n"));
  // No amounts left anywhere, no answers, no quotes.
  const std::string kommuner = rvtest::read(out / "kommuner.yaml");
  CHECK(kommuner.find("    - {namn: Ale kommun}\n") != std::string::npos);
  for (const char* key : {"fördelningsnyckel", "rekvirerat:", "omfördelat", "fördelat:",
                          "oförbrukat", "tillgängligt", "vill_ha_mer", "deklarerad_summa"})
    CHECK(kommuner.find(key) == std::string::npos);
  CHECK(rvtest::read(out / "ideella.yaml").find("beviljat") == std::string::npos);
  CHECK(rvtest::read(out / "svar-kommuner.yaml").find("\nsvar: []\n") != std::string::npos);
  CHECK(rvtest::read(out / "citat.yaml").find("\ncitat: []\n") != std::string::npos);
  // The 2019 totals are in the history (as printed there already), with the earlier years.
  const std::string historik = rvtest::read(out / "historik.yaml");
  CHECK(historik.find("{grupp: kommuner, år: 2019, tillgängligt: 80000000") != std::string::npos);
  CHECK(historik.find("{grupp: kommuner, år: 2016,") != std::string::npos);
  // The questionnaire is the same.
  CHECK(count(rvtest::read(out / "enkat.yaml"), "  - id: ") == 15);
  fs::remove_all(dir);
}

TEST_CASE("every bundled data set starts a next year that kontrollera accepts") {
  fs::path dir = rvtest::temp_dir("init_alla");
  for (const auto& [set, year] : {std::pair{"exempel", 2024},
                                  {"stockholm-2017", 2018},
                                  {"stockholm-2022", 2023},
                                  {"nationell-2019", 2020}}) {
    INFO(set);
    const fs::path out = dir / set;
    Run r = sh(rv("init " + q(out) + " --från data/" + set));
    INFO(r.out);
    REQUIRE(r.code == 0);
    Run check = sh(rv("kontrollera " + q(out)));
    INFO(check.out);
    CHECK(check.code == 0);
    CHECK(check.out.find(" " + std::to_string(year) + " – ") != std::string::npos);
    CHECK(check.out.find("fel:") == std::string::npos);
    // Started again from the new year, the year after follows (the output is valid input).
    const fs::path again = dir / (std::string(set) + "-igen");
    Run r2 = sh(rv("init " + q(again) + " --från " + q(out)));
    INFO(r2.out);
    CHECK(r2.code == 0);
  }
  fs::remove_all(dir);
}

TEST_CASE("a data set without history gets last year's totals in historik.yaml") {
  fs::path dir = rvtest::temp_dir("init_historik");
  const fs::path out = dir / "2018";
  REQUIRE(sh(rv("init " + q(out) + " --from data/stockholm-2017")).code == 0);  // English
  const std::string historik = rvtest::read(out / "historik.yaml");
  // Fördelat 2 922 920 kr to 15 recipients, 2 368 405 kr used (docs/data.md).
  CHECK(historik.find("{grupp: stadsdelsnamnder, år: 2017, tillgängligt: 2845000, "
                      "antal_mottagare: 14, förbrukat: 2290485, oförbrukat: 554515") !=
        std::string::npos);
  CHECK(historik.find("{grupp: facknamnder, år: 2017, tillgängligt: 77920, antal_mottagare: 1, "
                      "förbrukat: 77920, oförbrukat: 0, andel_förbrukat_procent: 100}") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("stockholm-2022's allocation becomes the 2023 data set's previous allocation") {
  fs::path dir = rvtest::temp_dir("init_tidigare");
  const fs::path out = dir / "2023";
  REQUIRE(sh(rv("init " + q(out) + " --från data/stockholm-2022")).code == 0);
  const std::string prev = rvtest::read(out / "tidigare-fordelning.yaml");
  CHECK(
      prev.find("  - år: 2022\n    totalt: 5394916\n    belopp:\n      Rinkeby-Kista: 624090\n") !=
      std::string::npos);
  CHECK(prev.find("2021") == std::string::npos);
  CHECK(prev.find("      Äldrenämnden: 250000\n") != std::string::npos);
  // The allocation specification is kept (its heading a year on) and still allocates.
  const std::string spec = rvtest::read(out / "fordelning.yaml");
  CHECK(spec.find("rubrik: Utvecklingsmedel för arbete mot våld i nära relationer, fördelning "
                  "2023\n") != std::string::npos);
  CHECK(spec.find("  belopp: 5394915\n") != std::string::npos);
  // A 2022 allocation without a follow-up: the history knows what was given, not what was used.
  const std::string historik = rvtest::read(out / "historik.yaml");
  CHECK(historik.find("{grupp: stadsdelsnamnder, år: 2022, tillgängligt: 5144916, "
                      "antal_mottagare: 13}") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a folder with something in it is refused and left as it was") {
  fs::path dir = rvtest::temp_dir("init_finns");
  const fs::path out = dir / "2020";
  fs::create_directories(out);
  rvtest::write(out / "anteckningar.txt", "mina anteckningar\n");
  Run r = sh(rv("init " + q(out) + " --från data/exempel"));
  CHECK(r.code == 2);
  CHECK(r.out.find("fel: mappen finns redan och är inte tom") != std::string::npos);
  CHECK(names_in(out) == std::vector<std::string>{"anteckningar.txt"});
  CHECK(rvtest::read(out / "anteckningar.txt") == "mina anteckningar\n");
  // A file where the folder should be: refused too.
  rvtest::write(dir / "fil", "x");
  Run f = sh(rv("init " + q(dir / "fil") + " --från data/exempel"));
  CHECK(f.code == 2);
  CHECK(rvtest::read(dir / "fil") == "x");
  // An empty folder is taken, and nothing else is left beside it.
  fs::create_directories(dir / "tom");
  CHECK(sh(rv("init " + q(dir / "tom") + " --från data/exempel")).code == 0);
  CHECK(fs::exists(dir / "tom" / "bidrag.yaml"));
  CHECK(names_in(dir) == std::vector<std::string>{"2020", "2020/anteckningar.txt", "fil", "tom",
                                                  "tom/bidrag.yaml", "tom/dokument.yaml",
                                                  "tom/enkat.yaml", "tom/fordelning.yaml",
                                                  "tom/historik.yaml"});
  fs::remove_all(dir);
}

TEST_CASE("a broken source data set: the loader's errors, exit 2, nothing written") {
  fs::path dir = rvtest::temp_dir("init_trasig");
  const fs::path src = dir / "2019";
  fs::copy(fs::path(RV_SOURCE_DIR) / "data/exempel", src, fs::copy_options::recursive);
  std::string text = rvtest::read(src / "bidrag.yaml");
  text.replace(text.find("oförbrukat: 50000"), 17, "oförbrukad: 50000");
  rvtest::write(src / "bidrag.yaml", text);
  const fs::path out = dir / "2020";
  Run r = sh(rv("init " + q(out) + " --från " + q(src)));
  CHECK(r.code == 2);
  CHECK(r.out.find("bidrag.yaml:56:132: fel: okänd nyckel 'oförbrukad' i mottagaren (menade du "
                   "'oförbrukat'?)") != std::string::npos);
  CHECK(r.out.find("Ingen mapp skapades.") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(names_in(dir).size() == names_in(src).size() + 1);  // 2019 and its files, nothing new
  fs::remove_all(dir);
}

TEST_CASE("the new folder may not lie inside last year's") {
  fs::path dir = rvtest::temp_dir("init_inuti");
  const fs::path src = dir / "2023";
  fs::copy(fs::path(RV_SOURCE_DIR) / "data/exempel", src, fs::copy_options::recursive);
  Run r = sh(rv("init " + q(src / "2024") + " --från " + q(src)));
  CHECK(r.code == 2);
  CHECK(r.out.find("ligger i förra årets mapp") != std::string::npos);
  CHECK_FALSE(fs::exists(src / "2024"));
  fs::remove_all(dir);
}
