// Hostile templates: every recursive stage has a depth limit, every resource a bound,
// arithmetic is checked — each an error at the template's file:line:col, never a crash,
// a hang or a wrapped-around number (limits in src/doc/limits.hpp).
#include "doc/limits.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "template/expand.hpp"
#include "template/markdown.hpp"

using namespace rv;
using namespace rv::tmpl;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Expands `tpl` (mall.md) with `files` as the template's other files; returns the
// Markdown, the problems in `d`.
std::string expand(const std::string& tpl, Diagnostics& d,
                   const std::map<std::string, std::string>& files = {}, int* reads = nullptr) {
  IncludeReader reader = [&](const std::string& name, IncludedFile& f, std::string&) {
    auto it = files.find(name);
    if (it == files.end()) return false;
    if (reads) ++*reads;
    f.key = f.path = name;
    f.text = it->second;
    return true;
  };
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(Value(Map{{"stort", Value(int64_t{INT64_MAX})},
                        {"minst", Value(int64_t{INT64_MIN})},
                        {"rader", Value(List{Value(Map{{"b", Value(int64_t{INT64_MAX})}}),
                                             Value(Map{{"b", Value(int64_t{1})}})})}}),
              HouseStyle{}, reader, d);
  return ex.expand(b).markdown;
}

std::string only_error(const Diagnostics& d) {
  std::string all;
  for (const auto& x : d.all()) all += format_diagnostic(x) + "\n";
  CAPTURE(all);
  REQUIRE(d.error_count() == 1);
  return format_diagnostic(d.all()[0]);
}

std::vector<doc::Block> to_blocks(const std::string& markdown, Diagnostics& d) {
  Body b = parse_template("mall.md", markdown, d);
  Expander ex(Value(Map{}), HouseStyle{}, nullptr, d);
  Expansion e = ex.expand(b);
  return markdown_to_blocks(
      e, [](const BlockRequest&) { return std::vector<doc::Block>{}; }, d);
}

}  // namespace

TEST_CASE("deeply nested expressions are a positioned error, not a stack overflow") {
  const std::string too_deep = "fel: uttrycket är nästlat för djupt (högst 256 nivåer)";
  // The sizes of the crashes found: parentheses, `not`, a long sum, a long product.
  for (const std::string& e :
       {repeat("(", 7000) + "1" + repeat(")", 7000), repeat("not ", 14000) + "1",
        "1" + repeat(" + 1", 14000), "1" + repeat("*1", 38000), repeat("-", 14000) + "1",
        repeat("[", 7000) + repeat("]", 7000), "1" + repeat(" | text", 5000)}) {
    Diagnostics d;
    expand("Rad\n{{ " + e + " }}", d);
    std::string msg = only_error(d);
    CHECK(msg.rfind("mall.md:2:", 0) == 0);
    CHECK(msg.find(too_deep) != std::string::npos);
  }
  // Real expressions stay far below the limit.
  Diagnostics d;
  CHECK(expand("{{ " + repeat("(", 100) + "1" + repeat(" + 1", 100) + repeat(")", 100) + " }}",
               d) == "101");
  CHECK(d.empty());
}

TEST_CASE("template arithmetic is checked: overflow is an error at the operator") {
  struct Case {
    std::string expr, message;
  };
  for (const Case& c : {
           Case{"stort + 1", "mall.md:1:10: fel: '+' ger ett för stort tal"},
           Case{"minst - 1", "mall.md:1:10: fel: '-' ger ett för stort tal"},
           Case{"stort * 2", "mall.md:1:10: fel: '*' ger ett för stort tal"},
           Case{"-minst", "mall.md:1:4: fel: '-' ger ett för stort tal"},
           Case{"minst / -1 | procent", "mall.md:1:10: fel: '/' ger ett för stort tal"},
           Case{"rader | summa(\"b\")", "mall.md:1:12: fel: filtret 'summa' ger ett för stort tal"},
       }) {
    Diagnostics d;
    CAPTURE(c.expr);
    CHECK(expand("{{ " + c.expr + " }}", d).empty());
    CHECK(only_error(d).rfind(c.message, 0) == 0);
  }
  // Formatting an extreme share overflowed inside the filter: exit 1, "internt fel".
  Diagnostics d;
  expand("{{ stort / 1 | procent }}", d);
  CHECK(only_error(d) == "mall.md:1:16: fel: filtret 'procent' fick ett för stort tal");
  Diagnostics d2;
  expand("{{ 1 / 3 | procent_tabell(40) }}", d2);
  CHECK(only_error(d2) ==
        "mall.md:1:12: fel: filtret 'procent_tabell': antal decimaler utanför 0–18");
  Diagnostics ok;
  CHECK(expand("{{ stort - 1 + 1 }}", ok) ==
        "9\u00A0223\u00A0372\u00A0036\u00A0854\u00A0775\u00A0807");
  CHECK(ok.empty());
}

TEST_CASE("an integer literal out of range is a positioned error, not 'internt fel: stoll'") {
  Diagnostics d;
  expand("x\n  {{ 1 + 9223372036854775808 }}", d);
  CHECK(only_error(d) ==
        "mall.md:2:10: fel: talet 9223372036854775808 är för stort (högst 9 223 372 036 854 775 "
        "807)");
  Diagnostics ok;
  CHECK(expand("{{ 9223372036854775807 | år }}", ok) == "9223372036854775807");
  CHECK(ok.empty());
}

TEST_CASE("a second else, or elif after else, is an error at the tag") {
  Diagnostics d1;
  expand("{% if 1 %}a{% else %}b\n{% else %}c{% endif %}", d1);
  CHECK(only_error(d1) ==
        "mall.md:2:1: fel: {% else %} efter {% else %} (rad 1); {% else %} ska stå sist, en gång");
  Diagnostics d2;
  expand("{% if 0 %}a{% else %}b{% elif 1 %}c{% endif %}", d2);
  CHECK(only_error(d2).rfind("mall.md:1:23: fel: {% elif %} efter {% else %} (rad 1)", 0) == 0);
  Diagnostics d3;
  expand("{% for x in [] %}a{% else %}b{% else %}c{% endfor %}", d3);
  CHECK(only_error(d3) ==
        "mall.md:1:30: fel: {% else %} efter {% else %} (rad 1) i samma {% for %}");
  Diagnostics ok;
  CHECK(expand("{% if 0 %}a{% elif 0 %}b{% else %}c{% endif %}", ok) == "c");
  CHECK(ok.empty());
}

TEST_CASE("deeply nested statements stop at a limit (200 000 nested ifs, one error)") {
  for (const std::string& sep : {std::string("\n"), std::string()}) {
    Diagnostics d;
    expand(repeat("{% if 1 %}" + sep, 200000) + "x" + repeat("{% endif %}" + sep, 200000), d);
    std::string msg = only_error(d);
    CHECK(msg.find("fel: {% if %} och {% for %} är nästlade för djupt (högst 128 nivåer)") !=
          std::string::npos);
    CHECK(msg.rfind(sep.empty() ? "mall.md:1:1281:" : "mall.md:129:1:", 0) == 0);
  }
  Diagnostics ok;
  CHECK(expand(repeat("{% if 1 %}", 100) + "x" + repeat("{% endif %}", 100), ok) == "x");
  CHECK(ok.empty());
}

TEST_CASE("nesting through included files counts toward the same limit") {
  std::map<std::string, std::string> files;
  // 16 files of 20 nested ifs each, included inside each other: 336 levels.
  for (int i = 0; i < 16; ++i)
    files["f" + std::to_string(i) + ".md"] = repeat("{% if 1 %}", 20) + "{% include \"f" +
                                             std::to_string(i + 1) + ".md\" %}" +
                                             repeat("{% endif %}", 20);
  files["f16.md"] = "x";
  Diagnostics d;
  expand("{% include \"f0.md\" %}", d, files);
  CHECK(only_error(d).find("är nästlade för djupt (högst 128 nivåer)") != std::string::npos);
}

TEST_CASE("many tags on one line parse in linear time") {
  // 200 000 tags on one line: quadratic rescanning of the line took minutes.
  Diagnostics d;
  std::string out = expand(repeat("{% if 1 %}a{% endif %}", 100000), d);
  CHECK(d.empty());
  CHECK(out.size() == 100000);
}

TEST_CASE("includes: depth, count and cycles are errors, each file is parsed once") {
  SECTION("a file that includes itself") {
    Diagnostics d;
    expand("{% include \"a.md\" %}", d,
           {{"a.md", "A {% include \"b.md\" %}"}, {"b.md", "\nB {% include \"a.md\" %}"}});
    CHECK(only_error(d) == "b.md:2:3: fel: {% include %} tar med sig själv: a.md → b.md → a.md");
  }
  SECTION("an include bomb: ten includes of the next file, twelve files deep") {
    std::map<std::string, std::string> files;
    for (int i = 0; i < 12; ++i)
      files["f" + std::to_string(i) + ".md"] =
          repeat("{% include \"f" + std::to_string(i + 1) + ".md\" %}\n", 10);
    files["f12.md"] = "x\n";
    Diagnostics d;
    expand("{% include \"f0.md\" %}", d, files);
    CHECK(only_error(d).find("fel: för många {% include %} (högst 100 000 i ett dokument)") !=
          std::string::npos);
  }
  SECTION("includes deeper than 16 files") {
    std::map<std::string, std::string> files;
    for (int i = 0; i < 20; ++i)
      files["f" + std::to_string(i) + ".md"] =
          "{% include \"f" + std::to_string(i + 1) + ".md\" %}";
    files["f20.md"] = "x";
    Diagnostics d;
    expand("{% include \"f0.md\" %}", d, files);
    CHECK(only_error(d) == "f15.md:1:1: fel: för djupt nästlade {% include %} (högst 16 nivåer)");
  }
  SECTION("an include inside a loop is read and parsed once") {
    int reads = 0;
    Diagnostics d;
    std::string out = expand("{% for x in [1, 2, 3] %}{% include \"b.md\" %}{% endfor %}", d,
                             {{"b.md", "rad {{ x + }}\n"}}, &reads);
    CHECK(reads == 1);
    // The syntax error is reported once, not once per pass.
    CHECK(only_error(d).rfind("b.md:1:", 0) == 0);
    Diagnostics ok;
    reads = 0;
    CHECK(expand("{% for x in [1, 2, 3] %}{% include \"b.md\" %}{% endfor %}", ok,
                 {{"b.md", "{{ x }}"}}, &reads) == "1\n2\n3\n");
    CHECK(reads == 1);
    CHECK(ok.empty());
  }
}

TEST_CASE("loops, texts and lists are bounded") {
  SECTION("10^7 loop iterations stop at 1 000 000, with one error") {
    const std::string ten = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]";
    std::string tpl;
    for (int i = 0; i < 7; ++i) tpl += "{% for x" + std::to_string(i) + " in " + ten + " %}";
    tpl += "{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}";
    Diagnostics d;
    expand(tpl, d);
    CHECK(only_error(d).find("fel: för många varv i {% for %} (högst 1 000 000 sammanlagt i ett "
                             "dokument)") != std::string::npos);
  }
  SECTION("string doubling stops at 16 MiB, with one error") {
    Diagnostics d;
    expand("{% set s = \"xxxxxxxxxxxxxxxx\" %}\n" + repeat("{% set s = s + s %}\n", 40) +
               "{{ s | längd }}",
           d);
    CHECK(only_error(d) == "mall.md:22:14: fel: texten blir för lång (högst 16 MiB)");
  }
  SECTION("the expanded text stops at 64 MiB") {
    Diagnostics d;
    expand("{% set s = \"xxxxxxxxxxxxxxxx\" %}\n" + repeat("{% set s = s + s %}\n", 20) +
               repeat("{{ s }}\n", 5),
           d);
    CHECK(only_error(d) == "mall.md:25:1: fel: mallen ger för mycket text (högst 64 MiB)");
  }
  SECTION("list doubling stops at 1 000 000 elements") {
    Diagnostics d;
    expand("{% set l = [1] %}\n" + repeat("{% set l = l + l %}\n", 30), d);
    CHECK(only_error(d) == "mall.md:21:14: fel: listan blir för lång (högst 1 000 000 element)");
  }
}

TEST_CASE("lists inside lists are bounded in depth and in what they hold when unshared") {
  SECTION("a list wrapped in a list line after line (300 000 lines crashed)") {
    Diagnostics d;
    expand("{% set x = 1 %}\n" + repeat("{% set x = [x] %}\n", 300) + "{{ x | längd }}", d);
    CHECK(only_error(d) ==
          "mall.md:258:12: fel: listor i listor nästlas för djupt (högst 256 nivåer)");
  }
  SECTION("a shared list doubled line after line would print 2^40 elements") {
    Diagnostics d;
    expand("{% set x = [1] %}\n" + repeat("{% set x = [x, x] %}\n", 40) + "{{ x }}", d);
    CHECK(only_error(d) ==
          "mall.md:20:12: fel: listan blir för lång (högst 1 000 000 element, "
          "listor i listan medräknade)");
  }
  Diagnostics ok;
  CHECK(expand("{{ [[1, 2], [3]] | längd }}", ok) == "2");
  CHECK(ok.empty());
}

TEST_CASE("Markdown nesting is bounded, a footnote that cites itself is an error") {
  SECTION("a footnote citing itself (two lines)") {
    Diagnostics d;
    to_blocks("Text[^1]\n\n[^1]: Se[^1]\n", d);
    CHECK(only_error(d) ==
          "mall.md:3:9: fel: fotnoten hänvisar till sig själv (direkt eller genom en annan "
          "fotnot)");
  }
  SECTION("two footnotes citing each other") {
    Diagnostics d;
    to_blocks("Text[^a]\n\n[^a]: Se[^b]\n\n[^b]: Se[^a]\n", d);
    CHECK(only_error(d).find("fotnoten hänvisar till sig själv") != std::string::npos);
  }
  const std::string too_deep =
      "fel: citat, listor, betoning, länkar och fotnoter är nästlade "
      "för djupt (högst 64 nivåer)";
  for (const std::string& md : {repeat(">", 9000) + " x\n", repeat("- ", 5000) + "x\n",
                                repeat("*", 38000) + "x" + repeat("*", 38000) + "\n"}) {
    Diagnostics d;
    to_blocks(md, d);
    CHECK(only_error(d).find(too_deep) != std::string::npos);
  }
  Diagnostics ok;
  auto blocks = to_blocks(repeat(">", 20) + " x\n", ok);
  CHECK(ok.empty());
  CHECK(blocks.size() == 1);
}
