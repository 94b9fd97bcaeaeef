// Issue 19, the language layer in templates: numbers in words of any size, the genitive of
// names, and the rule that two numerals never stand side by side.
#include <catch2/catch.hpp>

#include "template/expand.hpp"

using namespace rv;
using namespace rv::tmpl;

namespace {

std::string expand(const std::string& tpl, Diagnostics& d) {
  Map m{{"år", Value(int64_t{2019})},
        {"belopp", Value(int64_t{5000000})},
        {"udda", Value(int64_t{5100000})},
        {"namn", Value(List{Value("Bromma"), Value("Kungsholmen")})}};
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(Value(std::move(m)), HouseStyle{}, nullptr, d);
  return ex.expand(b).markdown;
}

const std::string kNbsp = "\u00A0";

}  // namespace

TEST_CASE("med_bokstäver spells any number, in the gender asked for") {
  Diagnostics d;
  CHECK(expand("{{ 134249879 | med_bokstäver }}", d) ==
        "etthundratrettiofyra miljoner tvåhundrafyrtioniotusen åttahundrasjuttionio");
  CHECK(expand("{{ 21 | med_bokstäver }} kommuner, {{ 21 | med_bokstäver(\"ett\") }} bidrag", d) ==
        "tjugoen kommuner, tjugoett bidrag");
  CHECK(d.empty());
}

TEST_CASE("genitiv: an -s, none after s, x or z, only the last name of a list") {
  Diagnostics d;
  CHECK(expand("{{ namn | lista | genitiv }} stadsdelsnämnder", d) ==
        "Bromma och Kungsholmens stadsdelsnämnder");
  CHECK(expand("{{ \"Borås\" | genitiv }} stad", d) == "Borås stad");
  CHECK(d.empty());
}

TEST_CASE("two numerals side by side are a warning at the value, naming them") {
  Diagnostics d;
  CHECK(expand("under år {{ år }} {{ belopp | miljoner }} att fördela", d) ==
        "under år 2019 5" + kNbsp + "miljoner kronor att fördela");
  REQUIRE(d.all().size() == 1);
  CHECK(format_diagnostic(d.all().front()) ==
        "mall.md:1:19: varning: två tal står bredvid varandra ('2019 5"
        "\u00A0miljoner kronor'); skriv det ena med bokstäver (| med_bokstäver) eller "
        "formulera om");
  // Written as the rule asks: whole millions in words, and no warning.
  Diagnostics ok;
  CHECK(expand("under år {{ år }} {{ belopp | miljoner(\"ord\") }} att fördela", ok) ==
        "under år 2019 fem miljoner kronor att fördela");
  CHECK(ok.empty());
  // Not whole millions: digits, and so the warning again (rephrase).
  Diagnostics odd;
  CHECK(expand("år {{ år }} {{ udda | miljoner(\"ord\") }}", odd) ==
        "år 2019 5,1" + kNbsp + "miljoner kronor");
  CHECK(odd.all().size() == 1);
  // A grouped number (no-break spaces), a date and a list are not two numerals.
  Diagnostics none;
  expand("{{ 5394915 | kr }} den 1 oktober {{ år }}, {{ [2016, 2019] | intervall }}", none);
  CHECK(none.empty());
  // Literal text meeting a value counts too.
  Diagnostics lit;
  expand("{{ år }} 3 kommuner", lit);
  CHECK(lit.all().size() == 1);
}
