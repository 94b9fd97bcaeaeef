// Acceptance (issue 13): the requisition instructions (anvisningar-rekvisition) follow the
// data set. Rendered for 2019 and for the same data set advanced to 2020 by `init` and then
// given that year's amount, rule, deadline and decision, every year, date and amount in the
// text is the data's: nothing of 2019 is left in the 2020 instructions.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>

#include "../support/shell.hpp"
#include "../support/trace_text.hpp"

namespace fs = std::filesystem;
using rvtest::has;
using rvtest::replace_in;
using rvtest::rv;

namespace {

const std::string kNb = "\u00a0";

// The instructions' running text, and the command's own output (for its warnings).
struct Rendered {
  std::string text, out;
};

Rendered render(const fs::path& data, const fs::path& trace, const std::string& extra = "") {
  rvtest::Run r = rvtest::sh(rv("skapa anvisningar-rekvisition '" + data.string() + "' " + extra +
                                " -o '" + trace.string() + "'"));
  INFO(r.out);
  REQUIRE(r.code == 0);
  return {rvtest::trace_text(rvtest::read(trace)), r.out};
}

}  // namespace

TEST_CASE("anvisningar-rekvisition: 2019 from the bundled data, every figure the data's") {
  const fs::path dir = rvtest::temp_dir("instructions2019");
  Rendered r = render(fs::path(RV_SOURCE_DIR) / "data/nationell-2019", dir / "a.txt");
  INFO(r.text);
  // No warning from the template (the data set's own four are reported as a count only).
  CHECK(!has(r.out, "varning:"));
  CHECK(has(r.text, "Anvisningar för att rekvirera utvecklingsmedel för 2019"));
  CHECK(has(r.text,
            "Utvecklingsmedlen till kommuner omfattar 80" + kNb + "miljoner kronor för 2019."));
  CHECK(has(r.text,
            "Medlen fördelas utifrån respektive kommuns invånarantal. Varje kommun får dock "
            "minst 80" +
                kNb + "000" + kNb + "kronor."));
  CHECK(has(r.text, "Sista dag att rekvirera medlen är den 30 juni 2019."));
  CHECK(has(r.text, "de kan användas till och med den 31 december 2019."));
  CHECK(has(r.text, "Medel som inte har rekvirerats senast den 30 juni 2019 kommer"));
  CHECK(has(r.text, "Varje kommun ska senast 31 mars 2020 lämna en redovisning"));
  CHECK(has(r.text, "(S2019/02785/FS)"));
  // The key as appendix: every municipality, the total exactly the amount allocated.
  CHECK(has(r.text, "Tillsammans kan 290 kommuner rekvirera 79" + kNb + "999" + kNb + "998" + kNb +
                        "kronor."));
  CHECK(has(r.text, "Ale kommun 283" + kNb + "502"));
  CHECK(has(r.text, "Totalt 79" + kNb + "999" + kNb + "998"));

  // The regions' instructions: the equal amount, their own deadline, no municipal text.
  Rendered g =
      render(fs::path(RV_SOURCE_DIR) / "data/nationell-2019", dir / "r.txt", "-p grupp=regioner");
  INFO(g.text);
  CHECK(!has(g.out, "varning:"));
  CHECK(has(g.text, "Alla regioner kan rekvirera samma belopp, 1" + kNb + "869" + kNb + "047" +
                        kNb + "kronor."));
  CHECK(has(g.text, "Sista dag att rekvirera medlen är den 1 juni 2019."));
  CHECK(!has(g.text, "kommunen"));
  CHECK(!has(g.text, "Särskilt om samverkan"));  // about municipalities working together
}

TEST_CASE("anvisningar-rekvisition: a data set advanced a year follows its own data") {
  const fs::path dir = rvtest::temp_dir("instructions2020");
  const fs::path y = dir / "2020";
  rvtest::Run init = rvtest::sh(rv("init '" + y.string() + "' --från data/nationell-2019"));
  INFO(init.out);
  REQUIRE(init.code == 0);

  // As `init` left it: every date one year on, last year's decisions not carried over.
  Rendered a = render(y, dir / "a.txt");
  INFO(a.text);
  CHECK(!has(a.out, "varning:"));
  CHECK(has(a.text, "Anvisningar för att rekvirera utvecklingsmedel för 2020"));
  CHECK(has(a.text, "Sista dag att rekvirera medlen är den 30 juni 2020."));
  CHECK(has(a.text, "Varje kommun ska senast 31 mars 2021 lämna en redovisning"));
  CHECK(has(a.text, "i början av 2021"));
  CHECK(!has(a.text, "S2019/02785/FS"));
  CHECK(!has(a.text, "2019"));

  // The new year's own figures (as in the 2020 instructions, source 003): 75 million kronor,
  // at least 100 000 kr each, requisition by 1 September, the government's decision.
  replace_in(y / "kommuner-fordelning.yaml", "belopp: 79999998", "belopp: 75000000");
  replace_in(y / "kommuner-fordelning.yaml", "minimibelopp: 80000", "minimibelopp: 100000");
  replace_in(y / "bidrag.yaml", "datum: 2020-06-30, typ: rekvisition",
             "datum: 2020-09-01, typ: rekvisition");
  replace_in(
      y / "bidrag.yaml", "  # beslut:",
      "  beslut:\n    - {beskrivning: regeringens uppdrag, referens: S2020/01591/SOF (delvis), "
      "datum: 2020-03-12}\n  # beslut:");
  Rendered b = render(y, dir / "b.txt");
  INFO(b.text);
  CHECK(!has(b.out, "varning:"));
  CHECK(has(b.text,
            "Utvecklingsmedlen till kommuner omfattar 75" + kNb + "miljoner kronor för 2020."));
  CHECK(has(b.text, "Varje kommun får dock minst 100" + kNb + "000" + kNb + "kronor."));
  CHECK(has(b.text, "Sista dag att rekvirera medlen är den 1 september 2020."));
  CHECK(
      has(b.text, "Rekvisitionen ska ha kommit in till myndigheten senast den 1 september 2020."));
  CHECK(has(b.text, "Medel som inte har rekvirerats senast den 1 september 2020 kommer"));
  CHECK(has(b.text,
            "Medlen för 2020 har avsatts genom regeringens uppdrag (S2020/01591/SOF "
            "(delvis)) den 12 mars 2020."));
  CHECK(has(b.text, "Tillsammans kan 290 kommuner rekvirera 75" + kNb + "000" + kNb + "000" + kNb +
                        "kronor."));
  CHECK(has(b.text, "Totalt 75" + kNb + "000" + kNb + "000"));
  CHECK(!has(b.text, "2019"));
  CHECK(!has(b.text, "80" + kNb + "000" + kNb + "kronor"));
}
