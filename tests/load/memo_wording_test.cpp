// The organisation's own wording for a memo under dokument: (kommun, förvaltning_i_text,
// beredning, bakgrund, kolumnrubriker, bilagor): read into the model, and validated like the
// rest of the data set, with positions and "menade du …?".
#include <catch2/catch.hpp>
#include <string>

#include "data_header.hpp"
#include "load/load.hpp"

using namespace rv;

using test::kHeader;

namespace {

LoadResult load_document(const std::string& body) {
  return load_data_text("d.yaml", std::string(kHeader) + "dokument:\n" + body);
}

// The one error of a load, as "line:col: message".
std::string only_error(const LoadResult& r) {
  REQUIRE(r.diags.error_count() == 1);
  const auto& d = r.diags.all().at(0);
  return std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + ": " + d.message;
}

}  // namespace

TEST_CASE("dokument: the municipality's wording, consultations and appendices") {
  auto r = load_document(
      "  kommun: Exempelby kommun\n"
      "  kommun_i_text: kommunen\n"
      "  förvaltning_i_text: välfärdsförvaltningen\n"
      "  beredning:\n"
      "    - {namn: Ledningsgruppen, datum: 2019-04-09, sätt: behandlat}\n"
      "    - {namn: rådet, datum: 2019-04-11, sätt: tagit_del}\n"
      "    - {namn: brottsförebyggande rådet, datum: 2019-04-15, sätt: yttrat}\n"
      "  bakgrund: |\n"
      "    Egen text.\n"
      "\n"
      "    - en punkt\n"
      "  kolumnrubriker: {mottagare: Mottagande nämnd, belopp: Belopp}\n"
      "  bilagor:\n"
      "    - Anvisningarna\n"
      "    - Handlingsplanen\n");
  for (const auto& d : r.diags.all()) UNSCOPED_INFO(d.message);
  REQUIRE(r.ok());
  const DocumentMeta& d = r.data.document;
  CHECK(d.municipality == "Exempelby kommun");
  CHECK(d.municipality_in_text == "kommunen");
  CHECK(d.organisation_in_text == "välfärdsförvaltningen");
  REQUIRE(d.consultations.size() == 3);
  CHECK(d.consultations[0].name == "Ledningsgruppen");
  CHECK(d.consultations[1].kind == "tagit_del");
  CHECK(d.consultations[2].date == Date{2019, 4, 15});
  CHECK(d.consultations[2].span.line == 11);
  CHECK(d.background == "Egen text.\n\n- en punkt\n");
  CHECK(d.column_headings.at("mottagare") == "Mottagande nämnd");
  CHECK(d.column_headings.at("belopp") == "Belopp");
  CHECK(d.appendices == std::vector<std::string>{"Anvisningarna", "Handlingsplanen"});
}

TEST_CASE("dokument: no consultations and no appendices are allowed") {
  auto r = load_document("  kommun: Exempelby kommun\n  beredning: []\n  bilagor: []\n");
  REQUIRE(r.ok());
  CHECK(r.data.document.consultations.empty());
  CHECK(r.data.document.appendices.empty());
}

TEST_CASE("dokument: an unknown way of consulting is an error with a suggestion") {
  auto r = load_document("  beredning:\n    - {namn: Rådet, datum: 2019-04-11, sätt: tagit del}\n");
  std::string e = only_error(r);
  CHECK(e.rfind("6:", 0) == 0);
  CHECK(e.find("okänt sätt 'tagit del'; menade du 'tagit_del'?") != std::string::npos);
  CHECK(e.find("behandlat, tagit_del och yttrat") != std::string::npos);
}

TEST_CASE("dokument: a consultation needs a name, a date and a way") {
  auto r = load_document("  beredning:\n    - {namn: Rådet, sätt: behandlat}\n");
  std::string e = only_error(r);
  CHECK(e.rfind("6:", 0) == 0);
  CHECK(e.find("datum") != std::string::npos);
}

TEST_CASE("dokument: misspelt keys of the memo wording get suggestions") {
  SECTION("a section key") {
    auto r = load_document("  bilaggor:\n    - Anvisningarna\n");
    std::string e = only_error(r);
    CHECK(e.rfind("5:3: ", 0) == 0);
    CHECK(e.find("'bilaggor'") != std::string::npos);
    CHECK(e.find("menade du 'bilagor'?") != std::string::npos);
  }
  SECTION("a column role") {
    auto r = load_document("  kolumnrubriker: {mottagre: Nämnd}\n");
    std::string e = only_error(r);
    CHECK(e.find("'mottagre'") != std::string::npos);
    CHECK(e.find("menade du 'mottagare'?") != std::string::npos);
  }
  SECTION("a list written as one text") {
    auto r = load_document("  beredning: Ledningsgruppen\n");
    std::string e = only_error(r);
    CHECK(e.find("'beredning' ska vara en lista") != std::string::npos);
  }
}

TEST_CASE("dokument: a consultation after the memo it is reported in is an error") {
  auto r = load_document(
      "  datum: 2019-04-10\n"
      "  sammanträdesdatum: 2019-05-07\n"
      "  beredning:\n"
      "    - {namn: Ledningsgruppen, datum: 2019-04-09, sätt: behandlat}\n"
      "    - {namn: rådet, datum: 2019-04-11, sätt: tagit_del}\n");
  std::string e = only_error(r);
  CHECK(e.rfind("5:10: ", 0) == 0);  // at dokument.datum, naming the consultation's place
  CHECK(e.find("'dokument.datum' (2019-04-10) ligger före 'dokument.beredning' (2019-04-11, "
               "d.yaml:9:7)") != std::string::npos);
  CHECK(e.find("rådet redan har tagit del av ärendet") != std::string::npos);
}

TEST_CASE("dokument: a consultation in another year is an error") {
  auto r = load_document("  beredning:\n    - {namn: Rådet, datum: 2017-04-11, sätt: behandlat}\n");
  std::string e = only_error(r);
  CHECK(e.rfind("6:7: ", 0) == 0);
  CHECK(e.find("är datasetet kopierat från ett annat år?") != std::string::npos);
}
