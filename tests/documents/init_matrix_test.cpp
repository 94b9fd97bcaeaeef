// Issue 12, acceptance item 3: `rapportverk init` from each bundled data set gives next
// year's data set, and every bundled template renders for it without an error, saying in
// words what is not known yet. A figure the new year lacks (rekvirerat_totalt, what was
// allocated) is never printed as 0 and never replaced by another figure.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "../support/shell.hpp"
#include "../support/trace_text.hpp"

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kTemplates = {"uppfoljning-nationell", "uppfoljning-stad",
                                             "fordelning-beslut", "bilaga"};

struct Rendered {
  rvtest::Run run;
  std::string text;
  bool written = false;
};

Rendered render(const std::string& templ, const fs::path& data, const fs::path& scratch) {
  const fs::path out = scratch / (templ + ".txt");
  Rendered r;
  r.run = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa templates/" +
                     templ + " '" + data.string() + "' --format spår -o '" + out.string() + "'");
  r.written = fs::exists(out);
  if (r.written) r.text = rvtest::trace_text(rvtest::read(out));
  return r;
}

// An amount of zero in the running text: "0 kronor", "0 kr", "0 mnkr" (the space may be a
// no-break space), not part of a longer number such as "2 945 873 kr" or "0,5 mnkr".
bool prints_zero_amount(const std::string& text) {
  static const std::regex zero("(^|[^0-9 \u00A0,]) ?0( |\u00A0)(kronor|kr|tkr|mnkr|miljoner)");
  return std::regex_search(text, zero);
}

struct NextYear {
  std::string from;                                       // the bundled data set
  std::vector<std::pair<std::string, std::string>> says;  // template, words in its document
};

const std::vector<NextYear> kMatrix = {
    {"data/nationell-2019",
     {{"uppfoljning-nationell", "Inga medel för 2020 har ännu fördelats."},
      {"uppfoljning-stad", "omfattar inga stadsdelsnämnder"},
      {"fordelning-beslut",
       "Förvaltningen kan ännu inte lämna något förslag till fördelning av "
       "utvecklings- och stimulansmedel"},
      {"bilaga", "Inga medel har ännu fördelats till regionerna för 2020."}}},
    {"data/stockholm-2017",
     {{"uppfoljning-stad",
       "Hur mycket socialnämnden kan rekvirera från Socialstyrelsen i utvecklingsmedel inom "
       "området våld i nära relationer för 2018 är ännu inte känt"},
      {"uppfoljning-stad", "Förvaltningen har ännu inget förslag till beslut"},
      {"fordelning-beslut", "Förvaltningen kan ännu inte lämna något förslag till fördelning"}}},
    {"data/stockholm-2022",
     {{"fordelning-beslut", "Beloppet som staden kan rekvirera för 2023 är ännu inte känt."},
      {"fordelning-beslut",
       "Beloppet som Stockholms stad kan rekvirera för år 2023 är ännu inte känt. År 2022 "
       "fördelade staden totalt 5\u00A0394\u00A0916\u00A0kronor."},
      {"uppfoljning-stad", "för 2023 är ännu inte känt"}}},
    {"data/exempel",
     {{"fordelning-beslut", "Beloppet som kommunen kan rekvirera för 2024 är ännu inte känt."},
      {"uppfoljning-stad", "omfattar inga stadsdelsnämnder"}}},
};

}  // namespace

TEST_CASE("every bundled template renders for next year's data set from init", "[any_year]") {
  for (const auto& next : kMatrix) {
    CAPTURE(next.from);
    const fs::path scratch = rvtest::temp_dir("init_matrix");
    const fs::path data = scratch / "nasta-ar";
    auto init = rvtest::sh("'" + std::string(RV_BINARY) + "' init '" + data.string() + "' --från " +
                           next.from);
    CAPTURE(init.out);
    REQUIRE(init.code == 0);
    for (const auto& templ : kTemplates) {
      CAPTURE(templ);
      Rendered r = render(templ, data, scratch);
      CAPTURE(r.run.out);
      CHECK(r.run.code == 0);
      CHECK(r.run.out.find("fel:") == std::string::npos);
      REQUIRE(r.written);
      CHECK_FALSE(prints_zero_amount(r.text));
      for (const auto& [t, words] : next.says)
        if (t == templ) {
          CAPTURE(words, r.text);
          CHECK(r.text.find(words) != std::string::npos);
        }
    }
    fs::remove_all(scratch);
  }
}

TEST_CASE("a memo whose subject the data set lacks warns with what to add", "[any_year]") {
  const fs::path scratch = rvtest::temp_dir("init_matrix_warn");
  const fs::path data = scratch / "nasta-ar";
  REQUIRE(rvtest::sh("'" + std::string(RV_BINARY) + "' init '" + data.string() +
                     "' --från data/nationell-2019")
              .code == 0);
  Rendered memo = render("fordelning-beslut", data, scratch);
  CAPTURE(memo.run.out);
  CHECK(memo.run.code == 0);
  CHECK(memo.run.out.find(data.string() +
                          ": varning: mallen 'fordelning-beslut': datasetet saknar fördelning "
                          "(en fil med 'fördelning:', se docs/fordelning.md); "
                          "tjänsteutlåtandet säger att inget förslag kan lämnas") !=
        std::string::npos);
  // The document is for the committee's readers: no file names or keys in it.
  CHECK(memo.text.find("docs/") == std::string::npos);
  CHECK(memo.text.find("fördelning:") == std::string::npos);
  // A national data set has no dnr, handläggare or nämnd: their places in the memo's
  // header stay empty rather than reading "Dnr" or "Till" with nothing after.
  CHECK(memo.text.find("Dnr") == std::string::npos);
  CHECK(memo.text.find("Handläggare:") == std::string::npos);
  CHECK(memo.text.find("Till ") == std::string::npos);

  Rendered city = render("uppfoljning-stad", data, scratch);
  CAPTURE(city.run.out);
  CHECK(city.run.code == 0);
  CHECK(city.run.out.find("för en nationell uppföljning: mallen uppfoljning-nationell") !=
        std::string::npos);
  CHECK(city.text.find("uppfoljning-nationell") == std::string::npos);
  fs::remove_all(scratch);
}
