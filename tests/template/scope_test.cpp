// Issue 16, point 1: a running total built with {% set %} inside {% for %} printed "0 kr"
// after the loop without a message. A name set before the loop is now changed by the
// loop; a name created inside a pass ends with it, and reading it later is an error that
// says where it was set.
#include <catch2/catch.hpp>

#include "template/expand.hpp"

using namespace rv;
using namespace rv::tmpl;

namespace {

Value context() {
  List rows;
  for (int64_t amount : {773332, 120000, 5000})
    rows.push_back(Value(Map{{"belopp", Value(amount)}}));
  return Value(Map{{"rader", Value(std::move(rows))}});
}

// Amounts print with a no-break space between thousands (U+00A0).
std::string expand(const std::string& tpl, Diagnostics& d) {
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(context(), HouseStyle{}, nullptr, d);
  return ex.expand(b).markdown;
}

}  // namespace

TEST_CASE("a running total set before a loop keeps what the loop added") {
  Diagnostics d;
  CHECK(expand("{% set summa = 0 %}{% for r in rader %}{% set summa = summa + r.belopp %}"
               "{% endfor %}{{ summa }}",
               d) == "898\u00A0332");
  CHECK(d.empty());
}

TEST_CASE("each pass of a loop sees the total so far") {
  Diagnostics d;
  CHECK(expand("{% set summa = 0 %}{% for r in rader %}{% set summa = summa + r.belopp %}"
               "{{ summa }};{% endfor %}",
               d) == "773\u00A0332;893\u00A0332;898\u00A0332;");
  CHECK(d.empty());
}

TEST_CASE("a name created inside a loop is the pass's own and new each pass") {
  Diagnostics d;
  CHECK(expand("{% for r in rader %}{% set dubbel = r.belopp * 2 %}{{ dubbel }};{% endfor %}", d) ==
        "1\u00A0546\u00A0664;240\u00A0000;10\u00A0000;");
  CHECK(d.empty());
}

TEST_CASE("a nested loop adds to the outer loop's name") {
  Diagnostics d;
  CHECK(expand("{% for a in [1, 2] %}{% set n = 0 %}{% for r in rader %}{% set n = n + a %}"
               "{% endfor %}{{ n }};{% endfor %}",
               d) == "3;6;");
  CHECK(d.empty());
}

TEST_CASE("a set inside if, outside any loop, lasts after the if") {
  Diagnostics d;
  CHECK(expand("{% if true %}{% set x = 5 %}{% endif %}{{ x }}", d) == "5");
  CHECK(d.empty());
}

TEST_CASE("reading after the loop a name set only inside it names both positions") {
  Diagnostics d;
  expand("{% for r in rader %}\n{% set summa = r.belopp %}\n{% endfor %}\nSumma: {{ summa }}\n", d);
  REQUIRE(d.has_errors());
  const std::string m = format_diagnostic(d.all().front());
  CHECK(m.find("mall.md:4:11: fel: 'summa' fick sitt värde bara inne i {% for %} (mall.md:2:") !=
        std::string::npos);
  CHECK(m.find("sätt den före loopen") != std::string::npos);
}
