// A decimal literal in an expression is an exact fraction (0.95 = 95/100), so a share can be
// compared with it; before, "0.95" read as the member 95 of the integer 0.
#include <catch2/catch.hpp>

#include "template/expand.hpp"

using namespace rv;
using namespace rv::tmpl;

namespace {

std::string expand(const std::string& tpl, Diagnostics& d) {
  Map m{{"andel", Value(sv::Fraction{2, 3})}};
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(Value(std::move(m)), HouseStyle{}, nullptr, d);
  return ex.expand(b).markdown;
}

}  // namespace

TEST_CASE("decimal literals are exact fractions") {
  Diagnostics d;
  CHECK(expand("{{ 'ja' if andel > 0.66 else 'nej' }}", d) == "ja");
  CHECK(expand("{{ 'ja' if andel > 0.67 else 'nej' }}", d) == "nej");
  CHECK(expand("{{ 0.945 | procent_tabell }}", d) == "95\u00A0%");  // rounded once, half up
  CHECK(expand("{{ 'ja' if 0.5 == 1 / 2 else 'nej' }}", d) == "ja");
  CHECK(d.empty());
}

TEST_CASE("a decimal with more than 18 decimals is an error at its position") {
  Diagnostics d;
  expand("{{ 0.1234567890123456789 }}", d);
  REQUIRE(d.has_errors());
  CHECK(format_diagnostic(d.sorted().front()) ==
        "mall.md:1:4: fel: talet 0.1234567890123456789 har för många decimaler (högst 18)");
}
