// The HTML writer (src/html) on hand-built document trees: escaping, structure, tables,
// notes, charts, the memo header and the embedded fonts.
#include <catch2/catch.hpp>
#include <string>

#include "doc/doc.hpp"
#include "font/font.hpp"
#include "html/html.hpp"
#include "html/internal.hpp"

using namespace rv;

namespace {

bool has(const std::string& text, const std::string& s) {
  return text.find(s) != std::string::npos;
}

size_t count(const std::string& text, const std::string& s) {
  size_t n = 0;
  for (size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) ++n;
  return n;
}

// The page without its stylesheet (so that a test of the body never matches a CSS rule).
std::string page(const doc::Document& d, html::Options o = {}) {
  Diagnostics diags;
  std::string out = html::write_html(d, o, diags);
  REQUIRE_FALSE(diags.has_errors());
  return out;
}

std::string body(const doc::Document& d, html::Options o = {}) {
  const std::string p = page(d, std::move(o));
  const size_t at = p.find("<body>");
  REQUIRE(at != std::string::npos);
  return p.substr(at);
}

doc::Block table_block() {
  doc::Table t;
  t.id = "fordelning";
  t.label = "Tabell 1.";
  t.caption = {doc::text("Fördelade medel")};
  t.columns = {{doc::CellAlign::Left, 2}, {doc::CellAlign::Right, 1}};
  t.header = {doc::Row{
      {doc::Cell{{doc::text("Mottagare")}, 1, {}}, doc::Cell{{doc::text("Belopp")}, 1, {}}}, {}}};
  t.body = {doc::Row{{doc::Cell{{doc::text("Kommuner")}, 1, {}},
                      doc::Cell{{doc::text("5\u00a0394\u00a0915\u00a0kr")}, 1, {}}},
                     {}}};
  t.total = doc::Row{{doc::Cell{{doc::text("Summa")}, 1, {}},
                      doc::Cell{{doc::text("5\u00a0394\u00a0915\u00a0kr")}, 1, {}}},
                     {}};
  t.source = {doc::text("Källa: återrapporteringen.")};
  t.note = {doc::text("*Andel av dem som svarat.")};
  return doc::Block{std::move(t)};
}

doc::Block chart_block() {
  doc::BarChart c;
  c.id = "andel";
  c.label = "Diagram 1.";
  c.caption = {doc::text("Andel förbrukade medel")};
  c.bars = {doc::Bar{"Kommuner", {94, 100}, "", false, {}},
            doc::Bar{"Regioner", {78, 100}, "", false, {}},
            doc::Bar{"Länsstyrelser", {0, 1}, "", true, {}}};
  c.alt_text = "Kommuner 94 procent, regioner 78 procent.";
  return doc::Block{std::move(c)};
}

}  // namespace

TEST_CASE("html: escape turns markup characters into references", "[html]") {
  CHECK(html::escape("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d");
  CHECK(html::escape("5\u00a0394\u00a0kr") == "5\u00a0394\u00a0kr");  // kept as is
}

TEST_CASE("html: a document is one HTML5 page in Swedish with its metadata", "[html]") {
  doc::Document d;
  d.meta.title = "Uppföljning <2019> & mer";
  d.meta.author = "Socialstyrelsen";
  d.meta.subject = "Utvecklingsmedel";
  d.meta.keywords = {"våld", "uppföljning"};
  d.blocks = {doc::heading(1, "Inledning"), doc::paragraph("Text & <taggar>")};
  const std::string p = page(d);
  CHECK(p.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
  CHECK(has(p, "<meta charset=\"utf-8\">"));
  CHECK(has(p, "<title>Uppföljning &lt;2019&gt; &amp; mer</title>"));
  CHECK(has(p, "<meta name=\"author\" content=\"Socialstyrelsen\">"));
  CHECK(has(p, "<meta name=\"description\" content=\"Utvecklingsmedel\">"));
  CHECK(has(p, "<meta name=\"keywords\" content=\"våld, uppföljning\">"));
  CHECK(has(p, "<p>Text &amp; &lt;taggar&gt;</p>"));
  CHECK(has(p, "<main id=\"huvudinnehall\">"));
  CHECK_FALSE(has(p, "<script"));
  CHECK(p.ends_with("</html>\n"));
}

TEST_CASE("html: no-break spaces and soft hyphens stay, no hyphen is added", "[html]") {
  doc::Document d;
  const std::string text =
      "Totalt 5\u00a0394\u00a0915\u00a0kr till utvecklings\u00adarbetet i kommunerna och "
      "regionerna, som under året har rapporterat hur medlen har använts.";
  d.blocks = {doc::paragraph(text)};
  CHECK(has(body(d), "<p>" + text + "</p>"));
}

TEST_CASE("html: headings keep their order and never skip a level", "[html]") {
  doc::Document d;
  d.blocks = {doc::heading(1, "Sammanfattning", "sammanfattning"),
              doc::heading(3, "Medlen har bidragit"), doc::heading(1, "Inledning"),
              doc::heading(2, "Uppdrag")};
  const std::string b = body(d);
  const size_t h1 = b.find("<h1 id=\"sammanfattning\">Sammanfattning</h1>");
  const size_t h2 = b.find(">Medlen har bidragit</h2>");  // level 3 after 1: written as 2
  const size_t h1b = b.find(">Inledning</h1>");
  const size_t h2b = b.find(">Uppdrag</h2>");
  REQUIRE(h1 != std::string::npos);
  REQUIRE(h2 != std::string::npos);
  REQUIRE(h1b != std::string::npos);
  REQUIRE(h2b != std::string::npos);
  CHECK((h1 < h2 && h2 < h1b && h1b < h2b));
  CHECK_FALSE(has(b, "<h3"));
}

TEST_CASE("html: the table of contents is a nav of nested lists linking every heading", "[html]") {
  doc::Document d;
  d.blocks = {doc::Block{doc::TableOfContents{}}, doc::heading(1, "Inledning", "inledning"),
              doc::heading(2, "Uppdrag"),         doc::heading(2, "Mål"),
              doc::heading(1, "Bilagor"),         doc::heading(3, "För djup")};
  const std::string b = body(d);
  CHECK(has(b, "<nav class=\"innehall\" aria-labelledby=\"innehall-rubrik\">"));
  CHECK(has(b, ">Innehåll</h"));
  CHECK(has(b, "<li><a href=\"#inledning\">Inledning</a><ol><li><a href=\"#"));
  CHECK(count(b, "<ol>") == count(b, "</ol>"));
  CHECK(count(b, "<li>") == count(b, "</li>"));
  CHECK(count(b, "<ol>") == 2);  // the depth-3 heading is not listed (depth 2)
  CHECK_FALSE(has(b, ">För djup</a>"));
  // A heading without an id gets one, and the TOC links to it.
  const size_t at = b.find("<a href=\"#", b.find(">Inledning</a>"));
  REQUIRE(at != std::string::npos);
  const std::string id = b.substr(at + 10, b.find('"', at + 10) - at - 10);
  CHECK(has(b, "<h2 id=\"" + id + "\">Uppdrag</h2>"));
}

TEST_CASE("html: a table has its caption, scoped header cells, total and source after it",
          "[html]") {
  doc::Document d;
  d.blocks = {table_block()};
  const std::string b = body(d);
  CHECK(has(b, "<table id=\"fordelning\">"));
  CHECK(has(b,
            "<caption id=\"fordelning-rubrik\"><span class=\"etikett\">Tabell 1.</span> "
            "Fördelade medel</caption>"));
  CHECK(has(b, "<th scope=\"col\">Mottagare</th><th scope=\"col\" class=\"h\">Belopp</th>"));
  CHECK(has(b,
            "<tr><th scope=\"row\">Kommuner</th><td class=\"h\">5\u00a0394\u00a0915\u00a0kr</td>"));
  CHECK(has(b, "<tfoot>\n<tr><th scope=\"row\">Summa</th>"));
  const size_t end = b.find("</table>");
  const size_t source = b.find("<p class=\"kalla\">Källa: återrapporteringen.</p>");
  const size_t note = b.find("<p class=\"not\">*Andel av dem som svarat.</p>");
  REQUIRE(source != std::string::npos);
  REQUIRE(note != std::string::npos);
  CHECK((end < source && source < note));
  // A scrolling region a keyboard can reach, named by the caption.
  CHECK(has(b, "role=\"region\" tabindex=\"0\" aria-labelledby=\"fordelning-rubrik\""));
}

TEST_CASE("html: a right-aligned first column labels no rows", "[html]") {
  doc::Document d;
  d.blocks = {table_block()};
  auto& t = std::get<doc::Table>(d.blocks[0].node);
  t.columns[0].align = doc::CellAlign::Right;
  const std::string b = body(d);
  CHECK_FALSE(has(b, "scope=\"row\""));
  CHECK(has(b, "<td class=\"h\">Kommuner</td>"));
}

TEST_CASE("html: footnotes are numbered notes linked both ways", "[html]") {
  doc::Document d;
  doc::Paragraph p;
  p.content = {doc::text("Första"), doc::footnote("Den första noten."), doc::text(" och andra"),
               doc::footnote("Den andra noten.")};
  d.blocks = {doc::Block{p}};
  const std::string b = body(d);
  CHECK(has(b,
            "<sup><a class=\"fotnotsref\" id=\"fotnotsref-1\" href=\"#fotnot-1\" "
            "role=\"doc-noteref\""));
  CHECK(has(b, "href=\"#fotnot-2\""));
  CHECK(has(b,
            "<li id=\"fotnot-1\"><p>Den första noten. <a class=\"tillbaka\" "
            "href=\"#fotnotsref-1\" role=\"doc-backlink\""));
  CHECK(has(b, "<li id=\"fotnot-2\"><p>Den andra noten. <a"));
  // The notes come after the text.
  CHECK(b.find("<section class=\"fotnoter\"") > b.find("och andra"));
}

TEST_CASE("html: a chart is SVG with title and description, and its data as a table", "[html]") {
  doc::Document d;
  d.blocks = {chart_block()};
  const std::string b = body(d);
  CHECK(has(b, "<figure class=\"diagram\" id=\"andel\""));
  CHECK(has(b,
            "<figcaption id=\"andel-rubrik\"><span class=\"etikett\">Diagram 1.</span> "
            "Andel förbrukade medel</figcaption>"));
  CHECK(has(b, "role=\"img\" aria-labelledby=\"andel-titel andel-beskrivning\""));
  CHECK(has(b, "<title id=\"andel-titel\">Diagram 1. Andel förbrukade medel</title>"));
  CHECK(has(b, "<desc id=\"andel-beskrivning\">Kommuner 94 procent, regioner 78 procent.</desc>"));
  CHECK(count(b, "<rect ") == 2);  // the missing bar draws none
  CHECK(has(b, "<tr><th scope=\"row\">Kommuner</th><td class=\"h\">94\u00a0%</td></tr>"));
  CHECK(has(b, "<tr><th scope=\"row\">Länsstyrelser</th><td class=\"h\">–</td></tr>"));
  CHECK(has(b, ">100\u00a0%</text>"));  // the scale's last tick
}

TEST_CASE("html: without its own alt text a chart is described by its values", "[html]") {
  doc::Document d;
  d.blocks = {chart_block()};
  std::get<doc::BarChart>(d.blocks[0].node).alt_text.clear();
  CHECK(has(body(d),
            "<desc id=\"andel-beskrivning\">Diagram 1. Andel förbrukade medel: "
            "Kommuner 94\u00a0%, Regioner 78\u00a0% och Länsstyrelser –.</desc>"));
}

TEST_CASE("html: a memo's header block is a definition list, and page furniture is left out",
          "[html]") {
  doc::Document d;
  doc::PageStyle s;
  s.name = "första";
  s.header.lines = {"LÖPANDE SIDHUVUD"};
  s.header.number = doc::PageNumberFormat::SidaXavY;
  doc::OfficialHeader o;
  o.organisation = "Socialförvaltningen";
  o.department = "Avdelningen för stadsövergripande sociala frågor";
  o.doc_type = "Tjänsteutlåtande";
  o.dnr = "Dnr SOF 2022/0000";
  o.date = "2022-05-20";
  o.handlaggare = "Handläggare: Anna Andersson";
  o.recipient = "Till Socialnämnden";
  s.official = o;
  d.page_styles = {s};
  d.blocks = {doc::paragraph("Brödtext.")};
  const std::string b = body(d);
  CHECK(has(b, "<header class=\"huvud\">"));
  CHECK(has(b, "<p class=\"dokumenttyp\">Tjänsteutlåtande</p>"));
  CHECK(has(b, "<div><dt>Dnr</dt><dd>SOF 2022/0000</dd></div>"));
  CHECK(has(b, "<div><dt>Datum</dt><dd>2022-05-20</dd></div>"));
  CHECK(has(b, "<div><dt>Handläggare</dt><dd>Anna Andersson</dd></div>"));
  CHECK(has(b, "<div><dt>Till</dt><dd>Socialnämnden</dd></div>"));
  CHECK_FALSE(has(b, "Telefon"));  // an empty field is left out
  CHECK_FALSE(has(b, "LÖPANDE SIDHUVUD"));
  CHECK_FALSE(has(b, "Sida"));
}

TEST_CASE("html: a letter's letterhead, addressee and contact line", "[html]") {
  doc::Document d;
  doc::LetterHead l;
  l.logo = "SOCIALSTYRELSEN";
  l.sender = "Socialstyrelsen";
  l.date = "Datum 2019-04-15";
  l.dnr = "Dnr 1.2-1234/2019";
  l.addressee = {"Ale kommun", "Socialnämnden"};
  l.contact = "Telefon 075-247 30 00";
  d.page_styles = {doc::PageStyle{"brev_första", "", {}, {}, std::nullopt, {}, l}};
  d.first_style = "brev_första";
  d.blocks = {doc::paragraph("Brödtext.")};
  const std::string b = body(d);
  CHECK(has(b, "<p class=\"logo\" aria-hidden=\"true\">SOCIALSTYRELSEN</p>"));
  CHECK(has(b, "<div><dt>Datum</dt><dd>2019-04-15</dd></div>"));
  CHECK(has(b, "<div><dt>Dnr</dt><dd>1.2-1234/2019</dd></div>"));
  CHECK(has(b, "<p class=\"mottagare\">Ale kommun<br>Socialnämnden</p>"));
  CHECK(has(b, "<footer class=\"kontakt\"><p>Telefon 075-247 30 00</p></footer>"));
}

TEST_CASE("html: links: internal, external, page references and unknown targets", "[html]") {
  doc::Document d;
  doc::Inline ref;
  ref.kind = doc::InlineKind::PageRef;
  ref.link_id = "fordelning";
  doc::Paragraph p;
  p.content = {doc::link("tabell 1", "fordelning"),
               doc::text(" på sidan "),
               ref,
               doc::text(", "),
               doc::url("webben", "https://example.se/?a=1&b=2"),
               doc::text(", "),
               doc::link("borta", "finns-inte")};
  d.blocks = {doc::Block{p}, table_block()};
  html::Options o;
  o.page_of = {{"fordelning", "7"}};
  Diagnostics diags;
  const std::string out = html::write_html(d, o, diags);
  CHECK(has(out, "<a href=\"#fordelning\">tabell 1</a> på sidan <a href=\"#fordelning\">7</a>"));
  CHECK(has(out, "<a href=\"https://example.se/?a=1&amp;b=2\">webben</a>"));
  CHECK(has(out, ", borta</p>"));  // no link to an id the page lacks
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].message.find("finns-inte") != std::string::npos);
}

TEST_CASE("html: base64 as RFC 4648 gives it", "[html]") {
  // The test vectors of RFC 4648, section 10.
  const std::pair<std::string, std::string> cases[] = {{"", ""},
                                                       {"f", "Zg=="},
                                                       {"fo", "Zm8="},
                                                       {"foo", "Zm9v"},
                                                       {"foob", "Zm9vYg=="},
                                                       {"fooba", "Zm9vYmE="},
                                                       {"foobar", "Zm9vYmFy"}};
  for (const auto& [in, out] : cases) CHECK(html::base64(in) == out);
  CHECK(html::base64(std::string("\xff\xfe\x00", 3)) == "//4A");
}

TEST_CASE("html: the bundled fonts are embedded as subsets a browser can read", "[html]") {
  doc::Document d;
  d.blocks = {doc::heading(1, "Förord"),
              doc::paragraph({doc::text("Åtgärder för "), doc::italic("våldsutsatta")})};
  html::Options o;
  o.fonts_dir = std::string(RV_SOURCE_DIR) + "/fonts";
  const std::string p = page(d, o);
  CHECK(count(p, "@font-face{") == 8);
  const std::string mark =
      "font-family:\"Rapportverk Serif\";font-weight:400;font-style:normal;"
      "font-display:swap;src:url(data:font/ttf;base64,";
  const size_t at = p.find(mark);
  REQUIRE(at != std::string::npos);
  const size_t from = at + mark.size(), to = p.find(')', from);
  const std::string encoded = p.substr(from, to - from);
  // Decode and read it back with the font reader the PDF writer uses.
  std::string bytes;
  uint32_t acc = 0;
  int bits = 0;
  for (char c : encoded) {
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const size_t v = alphabet.find(c);
    if (v == std::string::npos) break;  // padding
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  font::TrueType full, sub;
  std::string error;
  REQUIRE(full.load(o.fonts_dir + "/RapportverkSerif-Regular.ttf", error));
  REQUIRE(sub.parse(bytes, "inbäddat", error));
  CHECK(sub.glyph(U'å') == full.glyph(U'å'));
  CHECK(sub.glyph(U'å') != 0);
  CHECK(bytes.size() * 3 < 95000);  // a small part of the 95 kB face
  // Without italic text, no italic face.
  doc::Document upright;
  upright.blocks = {doc::paragraph("Åtgärder.")};
  const std::string u = page(upright, o);
  CHECK(count(u, "@font-face{") == 4);
  CHECK_FALSE(has(u, "font-style:italic"));
  // Without a fonts folder: no @font-face, the system font stack.
  const std::string plain = page(d);
  CHECK_FALSE(has(plain, "@font-face"));
  CHECK(has(plain, "\"Liberation Serif\""));
}

TEST_CASE("html: ids stay unique and links follow a renamed target", "[html]") {
  doc::Document d;
  doc::Paragraph p;
  p.content = {doc::link("noten", "fotnot-1"), doc::text(" och "), doc::link("andra", "dubbel"),
               doc::footnote("En not.")};
  d.blocks = {doc::Block{p}, doc::heading(1, "Ett mål", "fotnot-1"),
              doc::heading(1, "Först", "dubbel"), doc::heading(1, "Sedan", "dubbel")};
  Diagnostics diags;
  const std::string out = html::write_html(d, {}, diags);
  CHECK(diags.all().empty());
  CHECK(count(out, "id=\"fotnot-1\"") == 1);  // the note's own
  CHECK(has(out, "<h1 id=\"avsnitt-fotnot-1\">Ett mål</h1>"));
  CHECK(has(out, "<a href=\"#avsnitt-fotnot-1\">noten</a>"));
  CHECK(has(out, "<h1 id=\"dubbel\">Först</h1>"));
  CHECK(has(out, "<h1 id=\"dubbel-2\">Sedan</h1>"));
  CHECK(has(out, "<a href=\"#dubbel\">andra</a>"));
}

TEST_CASE("html: a column chart stands its columns on the axis, ticks at the left", "[html]") {
  doc::Document d;
  d.blocks = {chart_block()};
  auto& c = std::get<doc::BarChart>(d.blocks[0].node);
  c.vertical = true;
  c.ticks = {{{0, 1}, "0"}, {{1, 2}, "500\u00a0000"}, {{1, 1}, "1\u00a0000\u00a0000"}};
  c.axis_title = "kr";
  c.bars[0].value_label = "940\u00a0000\u00a0kr";
  c.bars[1].label = "200\u00a0000–499\u00a0999\u00a0kr";
  const std::string b = body(d);
  CHECK(count(b, "<rect ") == 2);
  CHECK(has(b, "text-anchor=\"end\" class=\"skala\">500\u00a0000</text>"));
  CHECK(has(b, "class=\"skala\">kr</text>"));
  CHECK(has(b, "class=\"varde\">940\u00a0000\u00a0kr</text>"));
  CHECK(has(b, "<td class=\"h\">940\u00a0000\u00a0kr</td>"));
  // The tallest column (94 % of the axis) is 94 % of the 200-unit plot.
  CHECK(has(b, "height=\"188.0\""));
  // A label wraps after its dash, never at a no-break space.
  CHECK(has(b, "class=\"kategori\">200\u00a0000–</text>"));
  CHECK(has(b, "class=\"kategori\">499\u00a0999\u00a0kr</text>"));
}
