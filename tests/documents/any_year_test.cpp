// Every bundled template over every kind of data set a year can bring: the four bundled
// ones, a year with allocations but no follow-up, one lacking groups, one followed up but
// lacking groups, and the shape `rapportverk init` gives for next year
// (tests/documents/fixtures, made by make_fixtures.py). Each renders without an error and
// says in words what is absent; the two memos whose subject the data set lacks (an
// allocation memo without an allocation, a city follow-up without stadsdelsnämnder) say so
// in a short document, with the technical part as a warning (kräver: in mall.yaml).
#include <catch2/catch.hpp>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "../support/shell.hpp"
#include "../support/trace_text.hpp"

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTemplates = {"uppfoljning-nationell", "uppfoljning-stad",
                                             "fordelning-beslut", "bilaga"};
const std::string kFixtures = "tests/documents/fixtures/";
const std::vector<std::string> kDataSets = {
    "data/nationell-2019",          "data/stockholm-2017",
    "data/stockholm-2022",          "data/exempel",
    kFixtures + "utan-uppfoljning", kFixtures + "tva-grupper",
    kFixtures + "utan-ideella",     kFixtures + "nasta-ar-2020"};

struct Rendered {
  rvtest::Run run;
  std::string text;
  bool written;
};

Rendered render(const std::string& templ, const std::string& data, const std::string& extra = "") {
  const fs::path dir = rvtest::temp_dir("any_year");
  const fs::path out = dir / "spår.txt";
  Rendered r;
  r.run = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa templates/" +
                     templ + " " + data + extra + " --format spår -o '" + out.string() + "'");
  r.written = fs::exists(out);
  if (r.written) r.text = rvtest::trace_text(rvtest::read(out));
  fs::remove_all(dir);
  return r;
}

bool says(const Rendered& r, const std::string& words) {
  return r.text.find(words) != std::string::npos;
}

// The memos whose subject the data set lacks (kräver: in mall.yaml): what the document
// says, and what the warning says.
struct Lacking {
  std::string says, warns;
};
std::optional<Lacking> lacking(const std::string& templ, const std::string& data) {
  const bool city = data.find("stockholm") != std::string::npos;
  if (templ == "uppfoljning-stad" && !city)
    return Lacking{"omfattar inga stadsdelsnämnder",
                   "datasetet har ingen mottagargrupp 'stadsdelsnamnder'; tjänsteutlåtandet"};
  if (templ == "fordelning-beslut" && data != "data/stockholm-2022" && data != "data/exempel")
    return Lacking{"Förvaltningen kan ännu inte lämna något förslag till fördelning",
                   "saknar fördelning (en fil med 'fördelning:', se docs/fordelning.md); "
                   "tjänsteutlåtandet säger att inget förslag kan lämnas"};
  return std::nullopt;
}

}  // namespace

TEST_CASE("every bundled template renders for every year's data set, and says what is missing",
          "[any_year]") {
  for (const auto& templ : kTemplates)
    for (const auto& data : kDataSets) {
      CAPTURE(templ, data);
      Rendered r = render(templ, data);
      CAPTURE(r.run.out);
      CHECK(r.run.code == 0);
      CHECK(r.run.out.find("fel:") == std::string::npos);
      CHECK(r.written);
      if (auto l = lacking(templ, data)) {
        CHECK(says(r, l->says));
        CHECK(r.run.out.find(data + ": varning: mallen '" + templ + "': ") != std::string::npos);
        CHECK(r.run.out.find(l->warns) != std::string::npos);
      } else {
        CHECK(r.run.out.find("varning: mallen") == std::string::npos);
      }
    }
}

TEST_CASE("a year with allocations but no follow-up says so instead of failing", "[any_year]") {
  const std::string data = kFixtures + "utan-uppfoljning";
  Rendered report = render("uppfoljning-nationell", data);
  REQUIRE(report.run.code == 0);
  CHECK(says(report,
             "Någon uppföljning av hur medlen har använts har ännu inte gjorts, eftersom "
             "mottagarna ännu inte har återrapporterat."));
  CHECK(says(report, "Någon uppföljning av hur kommunerna har använt medlen har ännu inte gjorts"));
  CHECK(says(report, "Någon uppföljning av hur regionerna har använt medlen har ännu inte gjorts"));
  // The allocation is still reported, and unknown use is "–", never "0 mnkr".
  CHECK(says(report, "Samtliga 290 kommuner rekvirerade utvecklingsmedel"));
  CHECK(says(report, "Kommuner 80\u00A0mnkr 290 – – –"));
  CHECK_FALSE(says(report, " 0\u00A0mnkr"));
  // The authority's comments on the follow-up are left out, the appendices kept.
  CHECK_FALSE(says(report, "Socialstyrelsens kommentarer"));
  CHECK(says(report, "Bilaga 3. Fördelning av utvecklingsmedel till ideella föreningar"));

  Rendered appendix = render("bilaga", data);
  REQUIRE(appendix.run.code == 0);
  CHECK(says(appendix,
             "Någon uppföljning har ännu inte gjorts: kommunerna har inte "
             "återrapporterat hur medlen för 2019 har använts."));
}

TEST_CASE("groups the data set lacks get no chapter and no appendix", "[any_year]") {
  for (const std::string& data : {kFixtures + "tva-grupper", kFixtures + "utan-ideella"}) {
    CAPTURE(data);
    Rendered report = render("uppfoljning-nationell", data);
    REQUIRE(report.run.code == 0);
    CHECK(says(report, "Utvecklingsmedel till kommuner"));
    CHECK(says(report, "Bilaga 2. Fördelning av utvecklingsmedel till regioner"));
    CHECK_FALSE(says(report, "Bilaga 3"));
    CHECK_FALSE(says(report, "Utvecklingsmedel till ideella föreningar och stiftelser"));
    CHECK_FALSE(says(report, "Stimulansmedel till länsstyrelserna"));
    Rendered appendix = render("bilaga", data);
    REQUIRE(appendix.run.code == 0);
    CHECK(says(appendix, "Bilaga 2. Regioner"));
    CHECK_FALSE(says(appendix, "Bilaga 3"));
  }
  // Asking for the one group the data set lacks is a mistake on the command line: an
  // error naming the groups there are (tests/cli/parameters_test.cpp), not an empty document.
  Rendered one = render("bilaga", kFixtures + "tva-grupper", " -p grupp=ideella");
  CHECK(one.run.code == 2);
  CHECK(one.run.out.find("datasetet har ingen grupp 'ideella'") != std::string::npos);
  // A city data set has none of the national report's groups, nor of the appendix's.
  Rendered national = render("uppfoljning-nationell", "data/stockholm-2017");
  CHECK(national.run.code == 0);
  CHECK(says(national, "De kapitlen utelämnas därför."));
  Rendered city = render("bilaga", "data/stockholm-2017");
  CHECK(city.run.code == 0);
  CHECK(says(city,
             "har ingen av grupperna kommuner, regioner eller ideella föreningar och "
             "stiftelser"));
}

TEST_CASE("next year's data set from init: nothing allocated yet, said per group", "[any_year]") {
  const std::string data = kFixtures + "nasta-ar-2020";
  CHECK(rvtest::sh("'" + std::string(RV_BINARY) + "' kontrollera " + data).code == 0);
  Rendered report = render("uppfoljning-nationell", data);
  REQUIRE(report.run.code == 0);
  CHECK(says(report, "Inga medel för 2020 har ännu fördelats."));
  CHECK(says(report, "Inga utvecklingsmedel har ännu fördelats till kommunerna för 2020."));
  CHECK(says(report,
             "Inga stimulansmedel har ännu fördelats till länsstyrelserna och NCK för "
             "2020."));
  Rendered appendix = render("bilaga", data);
  REQUIRE(appendix.run.code == 0);
  CHECK(says(appendix, "Inga medel har ännu fördelats till regionerna för 2020."));
}

TEST_CASE("a city year with an allocation but no follow-up: a short memo that says so",
          "[any_year]") {
  Rendered memo = render("uppfoljning-stad", "data/stockholm-2022");
  REQUIRE(memo.run.code == 0);
  CHECK(says(memo, "Förvaltningen har ännu inget förslag till beslut: någon uppföljning av hur"));
  CHECK(says(memo, "Någon uppföljning av hur medlen har använts har ännu inte gjorts"));
}

TEST_CASE("export of an appendix table works for a year without follow-up (issue 12)",
          "[any_year]") {
  const fs::path dir = rvtest::temp_dir("any_year_export");
  const fs::path out = dir / "b1.csv";
  auto r = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' exportera bilaga " +
                      kFixtures + "tva-grupper --tabell bilaga1 -o '" + out.string() + "'");
  CAPTURE(r.out);
  CHECK(r.code == 0);
  const std::string csv = rvtest::read(out);
  CHECK(csv.find("Ale kommun,283502,283502,13754,297256,,") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("exporting a table the document leaves out for this data set says why", "[any_year]") {
  const fs::path dir = rvtest::temp_dir("any_year_left_out");
  auto r =
      rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' exportera bilaga " +
                 kFixtures + "tva-grupper --tabell bilaga3 -o '" + (dir / "b3.csv").string() + "'");
  CAPTURE(r.out);
  CHECK_FALSE(fs::exists(dir / "b3.csv"));
  fs::remove_all(dir);
  CHECK(r.code == 2);
  CHECK(r.out.find("rapportverk: fel: mallen tar inte med tabellen 'bilaga3' för det här "
                   "datasetet (t.ex. för att gruppen den redovisar saknas); tabeller som visas: "
                   "bilaga1, bilaga2") != std::string::npos);
}
