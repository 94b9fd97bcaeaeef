// Issue 16, point 4: macros with parameters and the `varje` filter that formats each
// element of a list, combined with the Swedish list filter.
#include <catch2/catch.hpp>

#include "template/expand.hpp"

using namespace rv;
using namespace rv::tmpl;

namespace {

Value context() {
  List rows;
  auto add = [&](const char* name, std::optional<int64_t> unspent) {
    rows.push_back(Value(Map{{"namn", Value(name)}, {"oförbrukat", Value(unspent)}}));
  };
  add("Stockholms stad", 773332);
  add("Malmö stad", 548266);
  add("Göteborgs stad", 461380);
  add("Boxholms kommun", std::nullopt);
  return Value(Map{{"rader", Value(std::move(rows))}, {"år", Value(int64_t{2019})}});
}

std::string expand(const std::string& tpl, Diagnostics& d) {
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(context(), HouseStyle{}, nullptr, d);
  return ex.expand(b).markdown;
}

std::string first_error(const std::string& tpl) {
  Diagnostics d;
  expand(tpl, d);
  REQUIRE(d.has_errors());
  return format_diagnostic(d.sorted().front());
}

const std::string kNbsp = "\u00A0";

}  // namespace

TEST_CASE("varje formats each element and lista joins them the Swedish way") {
  Diagnostics d;
  CHECK(expand("{{ rader | första(3) | varje(\"{namn} ({oförbrukat | kr})\") | lista }}", d) ==
        "Stockholms stad (773" + kNbsp + "332" + kNbsp + "kr), Malmö stad (548" + kNbsp + "266" +
            kNbsp + "kr) och Göteborgs stad (461" + kNbsp + "380" + kNbsp + "kr)");
  CHECK(d.empty());
}

TEST_CASE("varje: the element itself is post, braces are doubled, data is escaped") {
  Diagnostics d;
  // (in {% set %}: inside {{ }} the pattern's }} would end the tag)
  CHECK(expand("{% set t = [\"a*b\", \"c\"] | varje(\"{{{post}}}\") | lista %}{{ t }}", d) ==
        "\\{a\\*b\\} och \\{c\\}");  // escaped for the Markdown stage
  CHECK(d.empty());
}

TEST_CASE("varje: an error in the pattern points into it, once for all elements") {
  CHECK(first_error("{{ rader | varje(\"{namn} ({oförbrukad | kr})\") | lista }}") ==
        "mall.md:1:28: fel: okänd variabel 'oförbrukad' (menade du 'oförbrukat'?) (i alla 4 varv)");
  CHECK(first_error("{{ rader | varje(\"{namn\") }}") ==
        "mall.md:1:19: fel: '{' stängs aldrig i mönstret (saknar '}')");
  CHECK(first_error("{{ rader | varje(\"{namn +}\") }}") ==
        "mall.md:1:26: fel: uttrycket är tomt eller slutar för tidigt");
  // A figure not reported is an error naming the element's field, never a blank.
  CHECK(first_error("{{ rader | varje(\"{oförbrukat | kr}\") }}") ==
        "mall.md:1:33: fel: filtret 'kr' kräver ett heltal (belopp eller antal), men fick inget "
        "värde");
}

TEST_CASE("a macro prints with its parameters, in a scope of its own") {
  Diagnostics d;
  CHECK(expand("{% macro rad(namn, belopp) %}**{{ namn }}**: {{ belopp | kr }}{% endmacro %}"
               "{{ rad(\"Ale\", 5000) }} och {{ rad(\"Bjuv\", år) }}",
               d) ==
        "**Ale**: 5" + kNbsp + "000" + kNbsp + "kr och **Bjuv**: 2" + kNbsp + "019" + kNbsp + "kr");
  CHECK(d.empty());
  // The caller's variables are not the macro's.
  CHECK(first_error("{% macro m() %}{{ x }}{% endmacro %}{% set x = 1 %}{{ m() }}") ==
        "mall.md:1:19: fel: okänd variabel 'x'");
}

TEST_CASE("macro errors: unknown, wrong number of arguments, recursion, unclosed") {
  CHECK(first_error("{% macro rad(a) %}{{ a }}{% endmacro %}{{ rader(1) }}") ==
        "mall.md:1:43: fel: okänt makro 'rader' (menade du 'rad'?) (ett makro definieras med "
        "{% macro rader(…) %} före anropet; ett filter skrivs värde | rader)");
  CHECK(first_error("{% macro rad(a, b) %}{{ a }}{% endmacro %}{{ rad(1) }}") ==
        "mall.md:1:46: fel: makrot 'rad' (mall.md:1:1) tar 2 argument, men fick 1");
  CHECK(first_error("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}")
            .find("makron anropar varandra för djupt (högst 16 nivåer)") != std::string::npos);
  CHECK(first_error("{% macro m(n) %}{{ n }}\n") ==
        "mall.md:1:1: fel: {% macro %} saknar {% endmacro %}");
  CHECK(first_error("{% macro m(1x) %}{% endmacro %}") ==
        "mall.md:1:1: fel: {% macro %} ska skrivas {% macro namn(parameter, parameter) %}");
}

TEST_CASE("record literals make a record a table, a list or a macro can use") {
  Diagnostics d;
  CHECK(expand("{% set p = {namn: \"Ale\", \"belopp\": 5000} %}{{ p.namn }}: {{ p.belopp | kr }}",
               d) == "Ale: 5" + kNbsp + "000" + kNbsp + "kr");
  CHECK(d.empty());
  CHECK(first_error("{% set p = {namn: 1, namn: 2} %}") ==
        "mall.md:1:22: fel: fältet 'namn' finns redan i posten");
  CHECK(first_error("{% set p = {namn 1} %}") ==
        "mall.md:1:18: fel: ':' saknas efter fältnamnet 'namn'");
}

TEST_CASE("a macro that defines itself anew while it runs finishes with its old body") {
  // The redefinition replaces the macro for the calls after it; the running call keeps its
  // own body (ASan in the sanitizer suite: no use after free).
  Diagnostics d;
  CHECK(expand("{% macro a() %}{% macro a() %}ny{% endmacro %}gammal{% endmacro %}"
               "{{ a() }} {{ a() }}",
               d) == "gammal ny");
  CHECK(d.empty());
}
