// The DOCX writer on documents built by hand: the package opens with libzip, every part is
// well-formed XML (expat), and the Word features the issue asks for are there: named
// heading styles, a repeated table header, real footnotes, page fields in the header,
// sv-SE on every run, properties, pictures with alternative text.
#include <expat.h>

#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <string>

#include "docx/docx.hpp"
#include "read_zip.hpp"

using namespace rv;

namespace {

// Whether expat parses `xml` to the end; the error with its line otherwise.
std::string xml_error(const std::string& xml) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  const bool ok = XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK;
  std::string error;
  if (!ok)
    error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " +
            std::to_string(XML_GetCurrentLineNumber(p));
  XML_ParserFree(p);
  return error;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

doc::Row row(std::initializer_list<const char*> cells) {
  doc::Row r;
  for (const char* c : cells) r.cells.push_back(doc::Cell{{doc::text(c)}, 1, {}});
  return r;
}

// A memo with what a real one holds: header block, headings, a footnote, a table with a
// total, lists, links, a page reference, a chart.
doc::Document memo() {
  doc::Document d;
  d.meta.title = "Fördelning av utvecklingsmedel 2022";
  d.meta.author = "Socialförvaltningen";
  d.meta.created = doc::DateTime{2022, 5, 18, 9, 30, 0};
  doc::OfficialHeader h;
  h.organisation = "Socialförvaltningen";
  h.doc_type = "Tjänsteutlåtande";
  h.dnr = "Dnr SOF 2022/123";
  h.date = "2022-05-18";
  doc::OfficialHeader short_h = h;
  short_h.full = false;
  d.page_styles = {doc::PageStyle{"första", "följande", {}, {}, h, {}},
                   doc::PageStyle{"följande", "", {}, {}, short_h, {}}};
  d.first_style = "första";
  d.blocks.push_back(doc::heading(1, "Fördelning", "fordelning"));
  d.blocks.push_back(
      doc::paragraph({doc::text("Staden rekvirerade 5\u00A0394\u00A0915 kronor"),
                      doc::footnote("Beslut den 18 maj 2022 & <senare>."), doc::text(" (se "),
                      doc::link("tabell 1", "t1"), doc::text(", sidan "), doc::Inline{},
                      doc::text(")."), doc::url(" webben", "https://www.stockholm.se/?a=1&b=2")}));
  auto& refs = std::get<doc::Paragraph>(d.blocks.back().node).content;
  refs[5].kind = doc::InlineKind::PageRef;
  refs[5].link_id = "t1";
  doc::Table t;
  t.id = "t1";
  t.label = "Tabell 1.";
  t.caption = {doc::text("Fördelning per nämnd")};
  t.columns = {{doc::CellAlign::Left, 2}, {doc::CellAlign::Right, 1}};
  t.header = {row({"Nämnd", "Kronor"})};
  t.body = {row({"Rinkeby-Kista", "624\u00A0090"}), row({"Östermalm", "212\u00A0811"})};
  t.total = row({"Totalt", "836\u00A0901"});
  t.source = {doc::text("Källa: Socialförvaltningen.")};
  d.blocks.push_back(doc::Block{t});
  doc::List numbered;
  numbered.numbered = true;
  numbered.start = 3;
  numbered.items.push_back({{doc::paragraph("tredje")}, {}});
  numbered.items.push_back({{doc::paragraph("fjärde")}, {}});
  d.blocks.push_back(doc::Block{numbered});
  doc::List bullets;
  bullets.items.push_back({{doc::paragraph("en punkt\x01 utan styrtecken")}, {}});
  d.blocks.push_back(doc::Block{bullets});
  doc::BarChart c;
  c.id = "d1";
  c.label = "Diagram 1.";
  c.caption = {doc::text("Andel som arbetat med samverkan")};
  c.alt_text = "Kommuner 94 procent, regioner 78 procent";
  d.blocks.push_back(doc::Block{c});
  return d;
}

std::map<std::string, std::string> written(const doc::Document& d, docx::Options o = {}) {
  Diagnostics diags;
  const std::string bytes = docx::write_docx(d, o, diags);
  REQUIRE(bytes.substr(0, 2) == "PK");
  return rvtest::unzip(bytes);
}

docx::Options with_picture() {
  docx::Options o;
  o.page_of = {{"t1", "2"}, {"fordelning", "1"}};
  o.charts = {{std::string("\x89PNG fake", 9), 300, 150}};
  o.pdf_pages = 4;
  return o;
}

}  // namespace

TEST_CASE("docx: the package opens with libzip and every part is well-formed XML", "[docx]") {
  const auto parts = written(memo(), with_picture());
  for (const char* name :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/footnotes.xml",
        "docProps/core.xml", "docProps/app.xml", "word/media/diagram1.png"})
    CHECK(parts.count(name) == 1);
  for (const auto& [name, data] : parts) {
    if (!name.ends_with(".xml") && !name.ends_with(".rels")) continue;
    INFO(name);
    CHECK(xml_error(data).empty());
  }
  // Every part a relationship names is in the package, and every part has a content type.
  const std::string& rels = parts.at("word/_rels/document.xml.rels");
  const std::regex target("Target=\"([^\"]+)\"( TargetMode=\"External\")?");
  for (auto it = std::sregex_iterator(rels.begin(), rels.end(), target);
       it != std::sregex_iterator(); ++it) {
    if ((*it)[2].matched) continue;
    INFO((*it)[1].str());
    CHECK(parts.count("word/" + (*it)[1].str()) == 1);
  }
  const std::string& types = parts.at("[Content_Types].xml");
  for (const auto& [name, data] : parts)
    if (name.starts_with("word/header") || name.starts_with("word/footer"))
      CHECK(has(types, "PartName=\"/" + name + "\""));
}

TEST_CASE("docx: the same document gives the same bytes", "[docx]") {
  Diagnostics d1, d2;
  CHECK(docx::write_docx(memo(), with_picture(), d1) ==
        docx::write_docx(memo(), with_picture(), d2));
}

TEST_CASE("docx: headings use Word's heading styles, so the outline and a TOC work", "[docx]") {
  const auto parts = written(memo());
  const std::string& body = parts.at("word/document.xml");
  const std::string& styles = parts.at("word/styles.xml");
  CHECK(has(body, "<w:pStyle w:val=\"Rubrik1\"/>"));
  CHECK(has(styles, "w:styleId=\"Rubrik1\"><w:name w:val=\"heading 1\"/>"));
  CHECK(has(styles, "<w:outlineLvl w:val=\"0\"/>"));
  CHECK(has(styles, "<w:name w:val=\"caption\"/>"));
  CHECK(has(styles, "<w:name w:val=\"footnote text\"/>"));
  // The heading is a bookmark the table of contents and links can point at.
  CHECK(has(body, "w:name=\"rubrik_fordelning\""));
}

TEST_CASE("docx: a table repeats its header row and rules off its total", "[docx]") {
  const std::string body = written(memo()).at("word/document.xml");
  CHECK(count(body, "<w:tblHeader/>") == 1);  // the one header row, not the body rows
  CHECK(count(body, "<w:tr>") == 4);
  CHECK(has(body, "<w:tblCaption w:val=\"Tabell 1. Fördelning per nämnd\"/>"));
  CHECK(has(body, "<w:gridCol w:w=\"5670\"/><w:gridCol w:w=\"2835\"/>"));  // 2 : 1
  CHECK(has(body, "<w:jc w:val=\"right\"/>"));                             // the amounts
  const size_t total = body.find("Totalt");
  REQUIRE(total != std::string::npos);
  CHECK(body.rfind("<w:top w:val=\"single\"", total) > body.rfind("<w:tr>", total));
  CHECK(has(body, "Källa: Socialförvaltningen."));
}

TEST_CASE("docx: footnotes are Word footnotes, numbered by Word, text escaped", "[docx]") {
  const auto parts = written(memo());
  CHECK(has(parts.at("word/document.xml"), "<w:footnoteReference w:id=\"1\"/>"));
  const std::string& notes = parts.at("word/footnotes.xml");
  CHECK(has(notes, "<w:footnote w:type=\"separator\" w:id=\"-1\">"));
  CHECK(has(notes, "<w:footnote w:id=\"1\"><w:p><w:pPr><w:pStyle w:val=\"Fotnotstext\"/>"));
  CHECK(has(notes, "</w:pPr><w:r><w:rPr><w:rStyle w:val=\"Fotnotsreferens\"/>"));
  CHECK(has(notes, "Beslut den 18 maj 2022 &amp; &lt;senare&gt;."));
  CHECK(has(parts.at("word/settings.xml"), "<w:footnotePr><w:footnote w:id=\"-1\"/>"));
}

TEST_CASE("docx: the memo's header has its Dnr and 'Sida x (y)' as page fields", "[docx]") {
  const auto parts = written(memo(), with_picture());
  std::string first, later;
  const std::string& body = parts.at("word/document.xml");
  const std::string& rels = parts.at("word/_rels/document.xml.rels");
  const auto part_of = [&](const std::string& type) {
    const std::string ref = "<w:headerReference w:type=\"" + type + "\" r:id=\"";
    const size_t at = body.find(ref);
    REQUIRE(at != std::string::npos);
    const std::string id =
        body.substr(at + ref.size(), body.find('"', at + ref.size()) - at - ref.size());
    const size_t r = rels.find("Id=\"" + id + "\"");
    REQUIRE(r != std::string::npos);
    const size_t t = rels.find("Target=\"", r) + 8;
    return parts.at("word/" + rels.substr(t, rels.find('"', t) - t));
  };
  first = part_of("first");
  later = part_of("default");
  CHECK(has(body, "<w:titlePg/>"));
  for (const std::string* h : {&first, &later}) {
    CHECK(has(*h, "Dnr SOF 2022/123"));
    CHECK(has(*h, "<w:fldSimple w:instr=\" PAGE \">"));
    CHECK(has(*h, "<w:fldSimple w:instr=\" NUMPAGES \">"));
    CHECK(has(*h, ">Sida </w:t>"));
  }
  CHECK(has(first, "2022-05-18"));  // the full block on the first page only
  CHECK(!has(later, "2022-05-18"));
}

TEST_CASE("docx: every run is Swedish, so Word checks spelling and hyphenates in sv-SE", "[docx]") {
  const auto parts = written(memo(), with_picture());
  for (const char* name : {"word/document.xml", "word/footnotes.xml"}) {
    const std::string& xml = parts.at(name);
    INFO(name);
    CHECK(count(xml, "<w:r>") > 0);
    for (size_t at = xml.find("<w:r>"); at != std::string::npos; at = xml.find("<w:r>", at + 1)) {
      const size_t end = xml.find("</w:rPr>", at);
      REQUIRE(end != std::string::npos);
      INFO(xml.substr(at, end - at));
      CHECK(has(xml.substr(at, end - at), "<w:lang w:val=\"sv-SE\"/>"));
    }
  }
  CHECK(has(parts.at("word/styles.xml"), "<w:lang w:val=\"sv-SE\""));
  CHECK(has(parts.at("word/settings.xml"), "<w:autoHyphenation/>"));
  CHECK(has(parts.at("word/settings.xml"), "<w:themeFontLang w:val=\"sv-SE\"/>"));
}

TEST_CASE("docx: document properties: title, author, date, language", "[docx]") {
  const std::string core = written(memo()).at("docProps/core.xml");
  CHECK(has(core, "<dc:title>Fördelning av utvecklingsmedel 2022</dc:title>"));
  CHECK(has(core, "<dc:creator>Socialförvaltningen</dc:creator>"));
  CHECK(has(core,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-05-18T09:30:00Z</dcterms:created>"));
  CHECK(has(core, "<dc:language>sv-SE</dc:language>"));
}

TEST_CASE("docx: lists restart their numbering, links go to bookmarks and addresses", "[docx]") {
  const auto parts = written(memo(), with_picture());
  const std::string& body = parts.at("word/document.xml");
  const std::string& numbering = parts.at("word/numbering.xml");
  CHECK(has(numbering, "<w:startOverride w:val=\"3\"/>"));
  CHECK(count(numbering, "<w:num w:numId=") == 2);  // one instance per list
  CHECK(has(body, "<w:hyperlink w:anchor=\"tabell_t1\""));
  CHECK(has(body, "w:name=\"tabell_t1\""));
  CHECK(has(body, " PAGEREF tabell_t1 \\h "));
  CHECK(has(body, ">2</w:t>"));  // the page reference shows the PDF's page until updated
  CHECK(has(parts.at("word/_rels/document.xml.rels"),
            "Target=\"https://www.stockholm.se/?a=1&amp;b=2\" TargetMode=\"External\""));
  CHECK(has(body, "en punkt utan styrtecken"));  // U+0001 cannot be in XML: dropped
}

TEST_CASE("docx: a chart is a picture with the chart's alternative text", "[docx]") {
  const auto parts = written(memo(), with_picture());
  const std::string& body = parts.at("word/document.xml");
  CHECK(has(body, "descr=\"Kommuner 94 procent, regioner 78 procent\""));
  CHECK(has(body, "title=\"Diagram 1. Andel som arbetat med samverkan\""));
  CHECK(has(body, "<wp:extent cx=\"3810000\" cy=\"1905000\"/>"));  // 300 × 150 pt in EMU
  CHECK(parts.at("word/media/diagram1.png") == std::string("\x89PNG fake", 9));
  CHECK(has(parts.at("[Content_Types].xml"), "Extension=\"png\""));
  // Without a picture the chart's data is there in words.
  const std::string none = written(memo()).at("word/document.xml");
  CHECK(!has(none, "<w:drawing>"));
  CHECK(has(none, "Kommuner 94 procent, regioner 78 procent"));
}

TEST_CASE("docx: zip entries are stored or deflated and read back exactly", "[docx]") {
  const std::string big(100000, 'a');
  const std::string bytes =
      docx::zip({{"a.txt", big}, {"b/c.bin", "\x01\x02"}, {"tom", ""}}, 0, 33);
  CHECK(bytes.size() < 2000);  // deflated
  const auto parts = rvtest::unzip(bytes);
  CHECK(parts.at("a.txt") == big);
  CHECK(parts.at("b/c.bin") == "\x01\x02");
  CHECK(parts.at("tom").empty());
}

TEST_CASE("docx: a mirrored running head has its page number at the outer edge", "[docx]") {
  doc::Document d;
  doc::PageStyle text{"text", "", {}, {}, std::nullopt, {}};
  text.header.lines = {"KVALITETSUTVECKLING", "SOCIALSTYRELSEN"};
  text.header.number = doc::PageNumberFormat::Plain;
  text.header.mirrored = true;
  d.page_styles = {text};
  d.blocks.push_back(doc::heading(1, "Förord"));
  const auto parts = written(d);
  CHECK(has(parts.at("word/settings.xml"), "<w:evenAndOddHeaders/>"));
  const std::string& body = parts.at("word/document.xml");
  CHECK(has(body, "<w:headerReference w:type=\"even\""));
  // Odd pages: the lines, then the number; even pages: the number, then the lines.
  std::string odd, even;
  for (const auto& [name, xml] : parts)
    if (name.starts_with("word/header") && has(xml, "KVALITETSUTVECKLING"))
      (xml.find(" PAGE ") < xml.find("KVALITETSUTVECKLING") ? even : odd) = xml;
  CHECK(!odd.empty());
  CHECK(!even.empty());
  CHECK(has(even, "<w:b/><w:sz w:val=\"18\"/>"));  // the number bold, 9 points, as printed
  // Without a mirrored style there are no even-page heads.
  CHECK(!has(written(memo()).at("word/settings.xml"), "evenAndOddHeaders"));
}
