// Deadlines with a kind and a group (bidrag.tidsfrister: typ, grupp) and the grant's
// decisions (bidrag.beslut): what templates use to find "the requisition deadline".
#include <catch2/catch.hpp>
#include <string>

#include "load/load.hpp"

using namespace rv;

namespace {

std::string data(const std::string& grant_tail) {
  return "bidrag:\n"
         "  namn: Utvecklingsmedel\n"
         "  år: 2019\n"
         "  myndighet: Socialstyrelsen\n" +
         grant_tail +
         "grupper:\n"
         "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner, "
         "bestämd_plural: kommunerna}\n";
}

}  // namespace

TEST_CASE("deadlines keep their kind and group, decisions their reference") {
  auto r = load_data_text("b.yaml", data("  tidsfrister:\n"
                                         "    - {beskrivning: Sista dag, datum: 2019-06-30, "
                                         "typ: rekvisition, grupp: kommuner}\n"
                                         "    - {beskrivning: Svar, datum: 2020-03-31, typ: "
                                         "återrapportering}\n"
                                         "  beslut:\n"
                                         "    - {beskrivning: regleringsbrevet}\n"
                                         "    - {beskrivning: ändringen, referens: S2019/02785/FS, "
                                         "datum: 2019-06-13}\n"));
  for (const auto& d : r.diags.all()) UNSCOPED_INFO(d.message);
  REQUIRE(r.ok());
  REQUIRE(r.data.grant.deadlines.size() == 2);
  CHECK(r.data.grant.deadlines[0].kind == "rekvisition");
  CHECK(r.data.grant.deadlines[0].group == "kommuner");
  CHECK(r.data.grant.deadlines[1].kind == "återrapportering");
  CHECK(r.data.grant.deadlines[1].group.empty());
  REQUIRE(r.data.grant.decisions.size() == 2);
  CHECK(r.data.grant.decisions[0].reference.empty());
  CHECK(r.data.grant.decisions[1].reference == "S2019/02785/FS");
  CHECK(r.data.grant.decisions[1].date == Date{2019, 6, 13});
}

TEST_CASE("an unknown kind of deadline is an error listing the kinds, at its value") {
  auto r = load_data_text("b.yaml", data("  tidsfrister:\n"
                                         "    - {beskrivning: Sista dag, datum: 2019-06-30, "
                                         "typ: rekvistion}\n"));
  REQUIRE(r.diags.error_count() == 1);
  const auto& d = r.diags.all().at(0);
  CHECK(d.span.line == 6);
  CHECK(d.span.col == 56);  // the value, after "typ: "
  CHECK(d.message.find("okänd typ av tidsfrist 'rekvistion'") != std::string::npos);
  CHECK(d.message.find("rekvisition, omfördelning") != std::string::npos);
}

TEST_CASE("a deadline for a group the data set lacks is a warning with a suggestion") {
  auto r = load_data_text("b.yaml", data("  tidsfrister:\n"
                                         "    - {beskrivning: Sista dag, datum: 2019-06-30, "
                                         "typ: rekvisition, grupp: kommunr}\n"));
  CHECK(r.diags.error_count() == 0);
  REQUIRE(r.diags.all().size() == 1);
  const auto& d = r.diags.all().at(0);
  CHECK(d.span.line == 6);
  CHECK(d.message.find("tidsfristen gäller gruppen 'kommunr'") != std::string::npos);
  CHECK(d.message.find("'kommuner'") != std::string::npos);
}

TEST_CASE("decisions must be a list of descriptions") {
  auto r = load_data_text("b.yaml", data("  beslut:\n"
                                         "    - {referens: S2019/02785/FS}\n"));
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all().at(0).span.line == 6);
  CHECK(r.diags.all().at(0).message.find("beskrivning") != std::string::npos);
}

TEST_CASE("a reporting deadline before the requisition deadline is an error naming both") {
  auto r = load_data_text("b.yaml", data("  tidsfrister:\n"
                                         "    - {beskrivning: Rekvisition, datum: 2019-09-01, typ: "
                                         "rekvisition, grupp: kommuner}\n"
                                         "    - {beskrivning: Svar, datum: 2019-08-31, typ: "
                                         "återrapportering}\n"));
  REQUIRE(r.diags.error_count() == 1);
  const auto& d = r.diags.all().at(0);
  CHECK(d.span.line == 7);
  CHECK(d.message.find("tidsfristen 'Svar' (återrapportering, 2019-08-31) ligger före "
                       "'Rekvisition' (rekvisition, 2019-09-01, b.yaml:6:7)") != std::string::npos);
}

TEST_CASE("deadlines of different groups are not compared with each other") {
  auto r = load_data_text("b.yaml", data("  tidsfrister:\n"
                                         "    - {beskrivning: A, datum: 2019-10-01, typ: "
                                         "rekvisition, grupp: kommuner}\n"
                                         "    - {beskrivning: B, datum: 2019-06-01, typ: "
                                         "omfördelning, grupp: regioner}\n"));
  CHECK(r.diags.error_count() == 0);
}
