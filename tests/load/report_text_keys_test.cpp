// The keys that carry the rest of a published report's text and figures (issue 19):
// citat with a heading and bullets (rubrik, punkter), a group's per-round amounts
// (belopp_per_omgång) and earlier years' published survey shares (historik: andelar_procent).
#include <catch2/catch.hpp>
#include <string>

#include "data_header.hpp"
#include "load/load.hpp"

using namespace rv;

namespace {

std::string messages(const LoadResult& r) {
  std::string s;
  for (const auto& d : r.diags.all())
    s += d.span.file + ":" + std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + ": " +
         d.message + "\n";
  return s;
}

}  // namespace

TEST_CASE("citat keeps a heading and a bullet list after its text") {
  auto r = load_data_text("c.yaml", std::string(test::kHeader) +
                                        "citat:\n"
                                        "  - grupp: kommuner\n"
                                        "    område: verksamhet\n"
                                        "    rubrik: Ale kommun\n"
                                        "    text: \"Kommunen har arbetat med:\"\n"
                                        "    punkter: [Utbildning, Samverkan med polisen]\n");
  INFO(messages(r));
  REQUIRE(r.ok());
  REQUIRE(r.data.quotes.size() == 1);
  CHECK(r.data.quotes[0].heading == "Ale kommun");
  CHECK(r.data.quotes[0].bullets ==
        std::vector<std::string>{"Utbildning", "Samverkan med polisen"});
}

TEST_CASE("a misspelt citat key or an empty bullet list is an error at its place") {
  auto r = load_data_text("c.yaml", std::string(test::kHeader) +
                                        "citat:\n"
                                        "  - {grupp: kommuner, text: a, rubrk: X}\n"
                                        "  - {grupp: kommuner, text: b, punkter: []}\n");
  INFO(messages(r));
  REQUIRE(r.diags.error_count() == 2);
  const auto& unknown = r.diags.all().at(0);
  CHECK(unknown.span.line == 5);
  CHECK(unknown.span.col == 32);  // the key
  CHECK(unknown.message.find("rubrk") != std::string::npos);
  const auto& empty = r.diags.all().at(1);
  CHECK(empty.span.line == 6);
  CHECK(empty.message.find("'punkter' ska vara en lista med punkternas texter, men är tom") !=
        std::string::npos);
}

TEST_CASE("belopp_per_omgång is read in round order, and a text among the amounts is an error") {
  std::string group =
      "bidrag: {namn: Utvecklingsmedel, år: 2019, myndighet: Socialstyrelsen}\n"
      "grupper:\n"
      "  - {id: regioner, etikett: Regioner, singular: region, plural: regioner, "
      "bestämd_plural: regionerna, belopp_per_omgång: ";
  auto ok = load_data_text("g.yaml", group + "[952381, 916666]}\n");
  INFO(messages(ok));
  REQUIRE(ok.ok());
  REQUIRE(ok.data.groups.size() == 1);
  CHECK(ok.data.groups[0].per_round == std::vector<Amount>{952381, 916666});

  auto bad = load_data_text("g.yaml", group + "[952381, mycket]}\n");
  INFO(messages(bad));
  REQUIRE(bad.diags.error_count() == 1);
  CHECK(bad.diags.all().at(0).span.line == 3);
  CHECK(bad.diags.all().at(0).message.find("'mycket'") != std::string::npos);

  auto scalar = load_data_text("g.yaml", group + "952381}\n");
  REQUIRE(scalar.diags.error_count() == 1);
  CHECK(scalar.diags.all().at(0).message.find("'belopp_per_omgång' ska vara en lista") !=
        std::string::npos);
}

TEST_CASE("historik: andelar_procent maps question ids to whole percents between 0 and 100") {
  std::string head = std::string(test::kHeader) + "historik:\n";
  auto ok = load_data_text(
      "h.yaml",
      head + "  - {grupp: kommuner, år: 2018, andelar_procent: {kommuner_samordning: 48}}\n");
  INFO(messages(ok));
  REQUIRE(ok.ok());
  REQUIRE(ok.data.history.size() == 1);
  CHECK(ok.data.history[0].shares_pct.at("kommuner_samordning") == 48);

  auto big = load_data_text(
      "h.yaml",
      head + "  - {grupp: kommuner, år: 2018, andelar_procent: {kommuner_samordning: 148}}\n");
  INFO(messages(big));
  REQUIRE(big.diags.error_count() == 1);
  CHECK(big.diags.all().at(0).span.line == 5);

  auto list =
      load_data_text("h.yaml", head + "  - {grupp: kommuner, år: 2018, andelar_procent: [48]}\n");
  REQUIRE(list.diags.error_count() == 1);
  CHECK(list.diags.all().at(0).message.find("'andelar_procent' ska vara en mappning") !=
        std::string::npos);
}
