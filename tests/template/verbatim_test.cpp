// Data printed verbatim: a value written with {{ … }} into the Markdown body comes out of the
// Markdown stage as exactly its own text, in every place a template may put it, and only
// `| markdown` lets a value be read as markup.
#include <catch2/catch.hpp>
#include <cctype>
#include <random>

#include "template/escape.hpp"
#include "template/expand.hpp"
#include "template/markdown.hpp"

using namespace rv;
using namespace rv::tmpl;

namespace {

std::vector<doc::Block> blocks_of(const std::string& tpl, const std::string& value,
                                  Diagnostics& d) {
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(Value(Map{{"v", Value(value)}}), HouseStyle{}, nullptr, d);
  Expansion e = ex.expand(b);
  return markdown_to_blocks(
      e, [](const BlockRequest&) { return std::vector<doc::Block>{}; }, d);
}

std::string describe(const std::vector<doc::Block>& blocks);

// The document structure as text: block kinds, styles, links, footnotes and the text itself.
std::string describe(const doc::Inlines& in) {
  std::string s;
  for (const auto& i : in) {
    if (i.kind == doc::InlineKind::LineBreak) {
      s += "<br>";
    } else if (i.kind == doc::InlineKind::Footnote) {
      s += "<fotnot:" + describe(i.note) + ">";
    } else {
      s += "<" + std::to_string(static_cast<int>(i.style));
      if (!i.link_id.empty()) s += " #" + i.link_id;
      if (!i.url.empty()) s += " url=" + i.url;
      s += ">" + i.text;
    }
  }
  return s;
}

std::string describe(const std::vector<doc::Block>& blocks) {
  std::string s;
  for (const auto& b : blocks) {
    if (auto* h = std::get_if<doc::Heading>(&b.node))
      s += "[H" + std::to_string(h->level) + " id=" + h->id + " " + describe(h->content) + "]";
    else if (auto* p = std::get_if<doc::Paragraph>(&b.node))
      s += "[P " + describe(p->content) + "]";
    else if (auto* l = std::get_if<doc::List>(&b.node)) {
      s += l->numbered ? "[OL " + std::to_string(l->start) : std::string("[UL");
      for (const auto& item : l->items) s += " (" + describe(item.blocks) + ")";
      s += "]";
    } else if (auto* q = std::get_if<doc::BlockQuote>(&b.node))
      s += "[Q " + describe(q->blocks) + "]";
    else if (auto* t = std::get_if<doc::Table>(&b.node)) {
      s += "[T";
      for (const auto* rows : {&t->header, &t->body})
        for (const auto& r : *rows) {
          s += " (";
          for (const auto& c : r.cells) s += "|" + describe(c.content);
          s += ")";
        }
      s += "]";
    } else
      s += "[?]";
  }
  return s;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
    s.replace(at, from.size(), to);
  return s;
}

// Every place a template puts a value in the body; V marks the value.
const std::vector<std::string> kPlaces = {
    "V\n",
    "Text V text.\n",
    "Intro\nV\n",
    "# V\n",
    "## Rubrik V\n",
    "## V {#mål}\n",
    "- V\n- b\n",
    "1. V\n",
    "> V\n",
    "*V*\n",
    "**V** och *text*\n",
    "[V](#mål)\n",
    "| a | b |\n|---|---|\n| V | x |\n",
    "| a | b |\n|---|---|\n| x |V|\n",
    "Text[^1].\n\n[^1]: V\n",
    "Rad V\\\nnästa\n",
    "1V\n",
    "V V\n",
    "| V | b |\n|---|---|\n| x | y |\n",
    "> - V\n",
    "  V\n",
    "(V) och \"V\"\n",
    "VV[^1]\n\n[^1]: Not.\n",
    "**Rubrik:** V\n",
    "Text *kursiv V*\n",
    "# V text {#id}\n",
};

// The structure a neutral value gives, with the value's text in its place.
void check_verbatim(const std::string& value) {
  for (const auto& place : kPlaces) {
    std::string tpl = replace_all(place, "V", "{{ v }}");
    Diagnostics d1, d2;
    std::string want =
        replace_all(describe(blocks_of(tpl, "QZQ", d1)), "QZQ", sv::swedish_quotes(value));
    std::string got = describe(blocks_of(tpl, value, d2));
    INFO("värde: " << value << "\nmall: " << place);
    CHECK(got == want);
    // Nothing to report, except where the value's digits meet across "V V" ("9 9"): two
    // numerals side by side, which the language rule rightly points out.
    for (const auto& diag : d2.all())
      CHECK(diag.message.rfind("två tal står bredvid varandra", 0) == 0);
  }
}

}  // namespace

TEST_CASE("a recipient's name with Markdown characters is printed as written, everywhere") {
  for (const char* v : {
           "*Stiftelsen* [x](y) <b>|",
           "_Stiftelsen_ [Hem](https://ex.se)",
           "_a_",
           "# rubrik",
           "## rubrik ##",
           "1. x",
           "1) x",
           "2019. Bra",
           "> citat",
           "`kod`",
           "``kod``",
           "\\",
           "a\\",
           "\\|",
           "\\*",
           "&amp;",
           "&#42;",
           "&copy; &",
           "<!-- x -->",
           "<!--rv-block-0-->",
           "<b>fet</b>",
           "<http://ex.se>",
           "**fet**",
           "- x",
           "+ x",
           "* x",
           "---",
           "===",
           "***",
           "___",
           "~~~",
           "```",
           "~~s~~",
           "[^1]",
           "[x]: /url",
           "![bild](y.png)",
           "a | b",
           "|",
           "{#id .ej-innehåll}",
           "Rubrik {#x}",
           "Bo & Co!",
           "Föreningen \"Hem\" o'Neill",
           ".",
           ")",
           "9)",
           "a*b*c",
           "[",
           "]",
           ":-",      // under a paragraph line: a one-column table's delimiter row
           "^1]: x",  // after the template's "[": a footnote
           "a\tb",
       })
    check_verbatim(v);
}

// Short strings over the characters that matter, in every place: the escaping must hold for
// combinations nobody thought of. (Run with 20 000 strings of up to 24 characters and three
// seeds while writing it; ":-" and "^" at the start were found that way.)
TEST_CASE("random strings of Markdown punctuation come back unchanged") {
  const std::string alphabet = "*_[]()<>#|`\\&!{}~-+=.:;19 a\"'^$%@/,?\tw";
  std::mt19937 rng(11);
  int checked = 0;
  while (checked < 1500) {
    std::string v;
    size_t n = 1 + rng() % 14;
    for (size_t i = 0; i < n; ++i) v += alphabet[rng() % alphabet.size()];
    if (std::isblank(static_cast<unsigned char>(v.front())) ||
        std::isblank(static_cast<unsigned char>(v.back())))
      continue;  // edge blanks: see the next test
    check_verbatim(v);
    ++checked;
  }
}

TEST_CASE("blanks and line breaks inside a value make no code block, break or new paragraph") {
  Diagnostics d;
  CHECK(describe(blocks_of("{{ v }}\n", "    kod", d)) == describe(blocks_of("kod\n", "", d)));
  CHECK(describe(blocks_of("Text {{ v }}\nmer\n", "a  ", d)) == "[P <0>Text a   mer]");
  CHECK(describe(blocks_of("Text {{ v }} slut.\n", "rad ett\n\n- två \r\n  # tre", d)) ==
        "[P <0>Text rad ett - två # tre slut.]");
  CHECK(describe(blocks_of("| a |\n|---|\n| {{ v }} |\n", "ett\n\ntvå", d)) ==
        "[T (|<0>a) (|<0>ett två)]");
  CHECK(d.empty());
}

TEST_CASE("values are escaped the way cmark's writers escape") {
  CHECK(escape_markdown("Ale kommun", '\n') == "Ale kommun");
  CHECK(escape_markdown("5 394 915 kr", '\n') == "5 394 915 kr");
  CHECK(escape_markdown("94 %", ' ') == "94 %");
  CHECK(escape_markdown("*S* [x](y) <b>|", '\n') == "\\*S\\* \\[x\\](y) \\<b\\>\\|");
  CHECK(escape_markdown("1. x", '\n') == "1\\. x");
  CHECK(escape_markdown("- x", ' ') == "\\- x");
  CHECK(escape_markdown(". x", '1') == "\\. x");
  CHECK(escape_markdown(". x", 'a') == ". x");
  CHECK(escape_markdown("a\\", ' ') == "a&#92;");
  CHECK(escape_markdown(" a ", ' ') == "&#32;a&#32;");
  CHECK(escape_markdown(":-- a:b", '\n') == "\\:-- a:b");
  CHECK(escape_markdown("^1", '[') == "\\^1");
}

TEST_CASE("| markdown pastes a field that really is Markdown") {
  Diagnostics d;
  CHECK(describe(blocks_of("{{ v | markdown }}\n", "*kursiv* och [länk](#mål)", d)) ==
        "[P <2>kursiv<0> och <0 #mål>länk]");
  CHECK(describe(blocks_of("{{ v }}\n", "*kursiv*", d)) == "[P <0>*kursiv*]");
  CHECK(d.empty());
}

TEST_CASE("| markdown anywhere but last is an error, not a silent no-op") {
  Diagnostics d;
  blocks_of("Rad\n{{ (v | markdown) + \"x\" }}\n", "*a*", d);
  REQUIRE(d.error_count() == 1);
  CHECK(format_diagnostic(d.all()[0]).rfind("mall.md:2:", 0) == 0);
  CHECK(d.all()[0].message.find("'markdown' ska stå sist") != std::string::npos);
}

TEST_CASE("settings texts are plain text: values there are not escaped") {
  Diagnostics d;
  Body b = parse_template("mall.yaml", "Tabell för {{ v }}", d);
  Expander ex(Value(Map{{"v", Value("*S* <b>|")}}), HouseStyle{}, nullptr, d);
  ex.set_plain_text();
  CHECK(ex.expand(b).markdown == "Tabell för *S* <b>|");
}
