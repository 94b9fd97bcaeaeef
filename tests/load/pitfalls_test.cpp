// YAML's surprises explained (issue 12, point 5): a comma inside {…} splitting a number or a
// text, an amount with its unit, a date in another format and English booleans each get a
// message that says what YAML did and how to write the value.
#include "load/pitfalls.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "data_header.hpp"
#include "load/load.hpp"

using namespace rv;

namespace {

std::vector<std::string> errors(const std::string& recipients) {
  std::string text = std::string(test::kHeader) + "mottagare:\n  kommuner:\n" + recipients;
  LoadResult r = load_data_text("d.yaml", text);
  std::vector<std::string> out;
  for (const auto& d : r.diags.sorted())
    if (d.severity == Severity::Error)
      out.push_back(std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + ": " +
                    d.message);
  return out;
}

}  // namespace

TEST_CASE("a comma inside {…} that split a number says what YAML read and the number meant") {
  // The figures as read (fördelat 1 kr against rekvirerat 1 500 000 kr) are not checked:
  // that would report a mismatch the user never wrote.
  auto e = errors("    - {namn: Ale kommun, rekvirerat: 1500000, fördelat: 1,5e6}\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "6:59: 'fördelat: 1,5e6' delades vid kommat: inom {…} skiljer ett komma fälten åt, så "
        "YAML läste 'fördelat: 1' och en nyckel '5e6' utan värde. Skriv beloppet i hela kronor: "
        "fördelat: 1500000");
  auto d = errors("    - {namn: Ale kommun, rekvirerat: 100, fördelat: 100, oförbrukat: 1,5}\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].find("YAML läste 'oförbrukat: 1' och en nyckel '5' utan värde. Belopp skrivs i "
                  "hela kronor utan decimaler") != std::string::npos);
  // Thousands separators: one message for the whole number, not one per group.
  auto t = errors("    - {namn: Ale kommun, rekvirerat: 1000000, fördelat: 1,000,000}\n");
  REQUIRE(t.size() == 1);
  CHECK(t[0].find("Skriv talet utan tusentalsavgränsare: fördelat: 1000") != std::string::npos);
}

TEST_CASE("a comma inside {…} that split a name asks for quotes") {
  auto e = errors("    - {namn: Malmö, stad, rekvirerat: 100, fördelat: 100}\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "6:21: 'stad' utan värde efter 'namn: Malmö': inom {…} skiljer ett komma "
        "fälten åt, så texten delades vid kommat. Sätt den inom citattecken: namn: "
        "\"Malmö, stad\"");
}

TEST_CASE("a misspelt key with a value is still an unknown key, not a split") {
  auto e = errors("    - {namn: Ale kommun, rekvirerat: 100, fördelt: 100}\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].find("okänd nyckel 'fördelt' i mottagaren (menade du 'fördelat'?)") !=
        std::string::npos);
}

TEST_CASE("an amount with a unit or spaces says which whole kronor to write") {
  auto e = errors(
      "    - {namn: Ale kommun, fördelat: 200 000 kr}\n"
      "    - {namn: Alvesta kommun, fördelat: '1,5 mnkr'}\n");
  REQUIRE(e.size() == 2);
  CHECK(e[0] ==
        "6:36: 'fördelat: 200 000 kr' är text för YAML, inte ett tal; skriv beloppet i "
        "hela kronor utan mellanrum och enhet: fördelat: 200000");
  CHECK(e[1].find("fördelat: 1500000") != std::string::npos);
}

TEST_CASE("an English boolean asks for ja or nej") {
  auto e = errors("    - {namn: Ale kommun, rekvirerat: 100, fördelat: 100, vill_ha_mer: yes}\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].find("'vill_ha_mer: yes': YAML 1.1 läser engelskans yes/no/on/off som sant och "
                  "falskt, men här skrivs ja eller nej: vill_ha_mer: ja") != std::string::npos);
}

TEST_CASE("dates written another way get the ISO form and the reading in words") {
  using load::date_hint;
  CHECK(date_hint("30/6 2023")->iso == "2023-06-30");
  CHECK(date_hint("30/6 2023")->words == "30 juni 2023");
  CHECK(date_hint("2023-6-30")->iso == "2023-06-30");
  CHECK(date_hint("30.6.2023")->iso == "2023-06-30");
  CHECK(date_hint("den 1 mars 2023")->iso == "2023-03-01");
  CHECK(date_hint("1 mar 2023")->iso == "2023-03-01");
  CHECK(date_hint("20230630")->iso == "2023-06-30");
  CHECK(date_hint("2023-06-30T00:00:00")->iso == "2023-06-30");
  CHECK_FALSE(date_hint("6/30/2023"));  // month 30: the American order is not guessed
  CHECK_FALSE(date_hint("30 februari 2023"));
  CHECK_FALSE(date_hint("Socialnämnden"));
  std::string text = std::string(test::kHeader) + "dokument: {titel: T, datum: 18/5 2022}\n";
  LoadResult r = load_data_text("d.yaml", text);
  bool found = false;
  for (const auto& d : r.diags.all())
    found |= d.message ==
             "'datum: 18/5 2022': skriv datum som år-månad-dag med fyra, två och "
             "två siffror: datum: 2022-05-18 (om det betyder 18 maj 2022)";
  CHECK(found);
}

TEST_CASE("amount_with_unit reads what officials write and nothing else") {
  using load::amount_with_unit;
  CHECK(amount_with_unit("5 394 915 kr") == 5394915);
  CHECK(amount_with_unit("2 500:-") == 2500);
  CHECK(amount_with_unit("300 tkr") == 300000);
  CHECK(amount_with_unit("74,9 mnkr") == 74900000);
  CHECK(amount_with_unit("12 SEK") == 12);
  CHECK_FALSE(amount_with_unit("12,5 kr"));  // not whole kronor
  CHECK_FALSE(amount_with_unit("många kr"));
  CHECK_FALSE(amount_with_unit("100"));  // a plain number is not a pitfall
}
