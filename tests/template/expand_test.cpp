#include "template/expand.hpp"

#include <catch2/catch.hpp>

#include "template/markdown.hpp"

using namespace rv;
using namespace rv::tmpl;

namespace {

Value context() {
  List names{Value("Bromma"), Value("Kungsholmen")};
  Map kommuner{{"singular", Value("kommun")},
               {"plural", Value("kommuner")},
               {"genus", Value("utrum")},
               {"oförbrukat", Value(int64_t{5050766})},
               {"fördelat", Value(int64_t{79999893})},
               {"antal", Value(int64_t{4})},
               {"namn", Value(std::move(names))}};
  return Value(
      Map{{"k", Value(std::move(kommuner))}, {"år", Value(int64_t{2019})}, {"tom", Value()}});
}

std::string expand(const std::string& tpl, Diagnostics& d) {
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(context(), HouseStyle{}, nullptr, d);
  return ex.expand(b).markdown;
}

}  // namespace

TEST_CASE("expressions and filters produce Swedish text") {
  Diagnostics d;
  CHECK(expand("{{ k.oförbrukat | ungefär(\"miljoner\") }}", d) ==
        "knappt 5,1\u00A0miljoner kronor");
  CHECK(expand("{{ k.oförbrukat / k.fördelat | procent }}", d) == "sex procent");
  CHECK(expand("{{ k.antal | antal(k) | versal }}", d) == "Fyra kommuner");
  CHECK(expand("{{ k.namn | lista }}", d) == "Bromma och Kungsholmen");
  CHECK(expand("år {{ år }}", d) == "år 2019");
  CHECK(expand("{{ k.namn + [\"Skarpnäck\"] | lista }}", d) == "Bromma, Kungsholmen och Skarpnäck");
  CHECK(expand("{{ \"Bilaga \" + 3 }}", d) == "Bilaga 3");
  CHECK(d.empty());
}

TEST_CASE("if/elif/else and for choose the sentence from the data") {
  Diagnostics d;
  std::string tpl =
      "{% if k.antal == 0 %}\nIngen.\n{% elif k.antal == 1 %}\nEn.\n{% else %}\n"
      "{{ k.antal | antal(k) | versal }}.\n{% endif %}\n";
  CHECK(expand(tpl, d) == "Fyra kommuner.\n");
  CHECK(expand("{% for n in k.namn %}{{ n }}{% if not loop.sista %}, {% endif %}{% endfor %}", d) ==
        "Bromma, Kungsholmen");
  CHECK(d.empty());
}

TEST_CASE("unknown variables and filters are errors with file:line:col, never blanks") {
  Diagnostics d;
  expand("Rad ett\nSumma: {{ k.oförbrukatt }} och {{ k.fördelat | mnk }}\n{{ tom }}", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 3);
  CHECK(format_diagnostic(all[0]) ==
        "mall.md:2:13: fel: 'k' har inget fält 'oförbrukatt' (menade du 'oförbrukat'?)");
  CHECK(format_diagnostic(all[1]) == "mall.md:2:48: fel: okänt filter 'mnk' (menade du 'mnkr'?)");
  CHECK(all[2].span.line == 3);
  CHECK(all[2].message.find("saknar värde") != std::string::npos);
}

TEST_CASE("type mismatches and syntax errors point at the template") {
  Diagnostics d;
  expand("{{ k.namn | kr }}", d);
  REQUIRE(d.error_count() == 1);
  CHECK(d.all()[0].message ==
        "filtret 'kr' kräver ett heltal (belopp eller antal), men fick en lista");
  Diagnostics d2;
  expand("Text\n{% if k.antal %}\nöppen", d2);
  REQUIRE(d2.error_count() == 1);
  CHECK(format_diagnostic(d2.all()[0]) == "mall.md:2:1: fel: {% if %} saknar {% endif %}");
}

TEST_CASE("markdown becomes document blocks with template positions") {
  Diagnostics d;
  Body b = parse_template(
      "mall.md",
      "# Rubrik {#r1}\n\nStycke med \"citat\" och not[^1].\n\n- a\n- b\n\n[^1]: Noten.\n", d);
  Expander ex(context(), HouseStyle{}, nullptr, d);
  Expansion e = ex.expand(b);
  auto blocks = markdown_to_blocks(
      e, [](const BlockRequest&) { return std::vector<doc::Block>{}; }, d);
  std::string messages;
  for (const auto& x : d.all()) messages += format_diagnostic(x) + "\n";
  CAPTURE(messages);
  REQUIRE(d.empty());
  REQUIRE(blocks.size() == 3);
  const auto& h = std::get<doc::Heading>(blocks[0].node);
  CHECK(h.id == "r1");
  CHECK(doc::plain_text(h.content) == "Rubrik");
  const auto& p = std::get<doc::Paragraph>(blocks[1].node);
  CHECK(p.span.line == 3);
  CHECK(doc::plain_text(p.content) == "Stycke med \u201dcitat\u201d och not.");
  bool has_note = false;
  for (const auto& in : p.content) has_note |= in.kind == doc::InlineKind::Footnote;
  CHECK(has_note);
  CHECK(std::get<doc::List>(blocks[2].node).items.size() == 2);
}
