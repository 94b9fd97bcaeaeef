// The PDF writer checked from the outside with poppler-utils and qpdf, as a reader sees
// the file: text extraction, fonts, info, outline, tags, reproducibility.
#include "pdf/pdf.hpp"

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "../../bench/sample_document.hpp"
#include "layout/layout.hpp"

using namespace rv;
namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path work_dir() {
  fs::path d = fs::temp_directory_path() / ("rv_test_pdf_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

Run run(const std::string& cmd) {
  const std::string err = (work_dir() / "stderr.txt").string();
  Run r;
  FILE* f = popen((cmd + " 2>" + err).c_str(), "r");
  REQUIRE(f);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) r.out.append(buf, n);
  const int st = pclose(f);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.err = slurp(err);
  return r;
}

const std::string kSwedish =
    "Stockholms stad kan rekvirera 5\u00a0394\u00a0915 kronor för år 2022 – ”ÅÄÖ åäö”.";

doc::Document document() {
  doc::Document d = sample::make_report({4, 4, 60, 2});
  d.blocks.insert(d.blocks.begin() + 8, doc::paragraph(kSwedish));
  return d;
}

const layout::Pages& pages() {
  static const layout::Pages p = [] {
    Diagnostics diags;
    auto r = layout::layout(document(), {}, diags);
    REQUIRE(r);
    return *r;
  }();
  return p;
}

const std::string& pdf_path() {
  static const std::string path = [] {
    const std::string p = (work_dir() / "rapport.pdf").string();
    Diagnostics diags;
    REQUIRE(pdf::write_pdf(pages(), p, diags));
    REQUIRE(diags.empty());
    return p;
  }();
  return path;
}

// The sample document rewritten by qpdf uncompressed (QDF), to read its objects as text.
std::string qdf_text() {
  static const std::string text = [] {
    const std::string qdf = (work_dir() / "qdf.pdf").string();
    REQUIRE(run("qpdf --qdf --object-streams=disable " + pdf_path() + " " + qdf).status == 0);
    return slurp(qdf);
  }();
  return text;
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("pdf: pdftotext gives the Swedish text intact and poppler prints no warnings") {
  const Run r = run("pdftotext -enc UTF-8 " + pdf_path() + " -");
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  // poppler turns U+00A0 into a plain space when extracting; the grouping must survive.
  std::string plain = kSwedish;
  for (size_t i; (i = plain.find("\u00a0")) != std::string::npos;) plain.replace(i, 2, " ");
  CHECK((r.out.find(kSwedish) != std::string::npos || r.out.find(plain) != std::string::npos));
  CHECK(r.out.find("Kvalitetsutveckling av arbetet mot") != std::string::npos);
  CHECK(r.out.find("Källa: Socialstyrelsens återrapporteringsformulär 2019.") != std::string::npos);
  CHECK(r.out.find("Östra Göinge") != std::string::npos);
}

TEST_CASE("pdf: qpdf --check passes") {
  const Run r = run("qpdf --check " + pdf_path());
  CHECK(r.status == 0);
  CHECK(r.out.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("pdf: pdffonts shows only embedded subset fonts with a Unicode map") {
  const Run r = run("pdffonts " + pdf_path());
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  std::istringstream lines(r.out);
  std::string line;
  int fonts = 0;
  std::getline(lines, line);
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    INFO(line);
    CHECK(line.find('+') == 6);  // "HPDFAA+LiberationSerif"
    CHECK(line.find("yes yes yes") != std::string::npos);
    ++fonts;
  }
  CHECK(fonts >= 3);
}

TEST_CASE("pdf: pdfinfo shows title, author, page count, tags and a fixed date") {
  const Run r = run("pdfinfo " + pdf_path());
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("Title:           Kvalitetsutveckling av arbetet mot våld i nära relationer") !=
        std::string::npos);
  CHECK(r.out.find("Author:          Socialstyrelsen") != std::string::npos);
  CHECK(r.out.find("Creator:         rapportverk ") != std::string::npos);
  CHECK(r.out.find("Pages:           " + std::to_string(pages().pages.size()) + "\n") !=
        std::string::npos);
  CHECK(r.out.find("Tagged:          yes") != std::string::npos);
  CHECK(r.out.find("CreationDate:    Thu May 14 09:00:00 2020") != std::string::npos);
}

TEST_CASE("pdf: the tag tree has headings, paragraphs, tables and figures with alt text") {
  const Run r = run("pdfinfo -struct " + pdf_path());
  REQUIRE(r.status == 0);
  CHECK(r.err.empty());
  for (const char* tag : {"Document", "H1", "H2", "P", "L", "LI", "Table", "TR", "TH", "TD",
                          "Figure", "Caption", "Note", "Reference", "TOC", "TOCI", "Link"}) {
    INFO(tag);
    const std::string t = tag;
    CHECK((r.out.rfind(t + "\n", 0) == 0 || r.out.find(" " + t + "\n") != std::string::npos ||
           r.out.find(" " + t + " (") != std::string::npos ||
           r.out.find(" " + t + ":\n") != std::string::npos ||
           r.out.find(" " + t + " <") != std::string::npos));  // with an /ID: Note <fotnot-1>
  }
  CHECK(r.out.find("Note <fotnot-1>") != std::string::npos);
  // Every Figure has its bounding box (the Layout attribute), as PDF/UA asks.
  size_t figures = 0, boxes = 0;
  for (size_t at = r.out.find("Figure:"); at != std::string::npos;
       at = r.out.find("Figure:", at + 1)) {
    ++figures;
    boxes += r.out.compare(r.out.find('\n', at) + 1, 12, "     /BBox [") == 0;
  }
  CHECK(figures > 0);
  CHECK(boxes == figures);
  const Run t = run("pdfinfo -struct-text " + pdf_path());
  CHECK(t.out.find("Kapitel 1: utvecklingsmedlens användning") != std::string::npos);
}

TEST_CASE("pdf: the catalog has /Lang sv-SE, DisplayDocTitle and an outline of the headings") {
  const Run r = run("qpdf --qdf --object-streams=disable " + pdf_path() + " -");
  REQUIRE(r.status == 0);
  CHECK(r.out.find("/Lang (sv-SE)") != std::string::npos);
  CHECK(r.out.find("/DisplayDocTitle true") != std::string::npos);
  CHECK(r.out.find("/Type /Outlines") != std::string::npos);
  const Run j = run("qpdf --json --json-key=outlines " + pdf_path());
  REQUIRE(j.status == 0);
  CHECK(j.out.find("\"title\": \"Kapitel 1: utvecklingsmedlens användning\"") != std::string::npos);
  CHECK(j.out.find("\"title\": \"Avsnitt 1.2 Återrapportering från mottagarna\"") !=
        std::string::npos);
  CHECK(j.out.find("\"title\": \"Bilaga 1. Fördelning av utvecklingsmedel till kommuner\"") !=
        std::string::npos);
}

TEST_CASE("pdf: the same input gives identical bytes") {
  const std::string second = (work_dir() / "igen.pdf").string();
  Diagnostics diags;
  auto again = layout::layout(document(), {}, diags);
  REQUIRE(again);
  REQUIRE(pdf::write_pdf(*again, second, diags));
  CHECK(slurp(second) == slurp(pdf_path()));
}

TEST_CASE("pdf: a failed write leaves no file behind") {
  Diagnostics diags;
  const std::string bad = (work_dir() / "saknas" / "rapport.pdf").string();
  CHECK_FALSE(pdf::write_pdf(pages(), bad, diags));
  CHECK(diags.has_errors());
  CHECK_FALSE(fs::exists(bad));
  CHECK_FALSE(fs::exists(bad + ".tmp"));
}

TEST_CASE("pdf: the trace lists every item with role, font and position") {
  const std::string t = pdf::trace(pages());
  CHECK(t.rfind("page 1 595.28x841.89\n", 0) == 0);
  CHECK(t.find("text H1#") != std::string::npos);
  CHECK(t.find(" repeat SansBold 9.0 ") != std::string::npos);
  CHECK(t.find("text TD#") != std::string::npos);
  CHECK(t.find("rect Figure#") != std::string::npos);
  CHECK(t.find("link x=") != std::string::npos);
  Diagnostics diags;
  auto again = layout::layout(document(), {}, diags);
  CHECK(pdf::trace(*again) == t);
}

TEST_CASE("pdf: PDF 1.7 with XMP metadata that pdfinfo reads and an /ID in the trailer") {
  const std::string bytes = slurp(pdf_path());
  CHECK(bytes.rfind("%PDF-1.7\n", 0) == 0);
  const Run meta = run("pdfinfo -meta " + pdf_path());
  REQUIRE(meta.status == 0);
  CHECK(meta.out.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">") != std::string::npos);
  CHECK(meta.out.find("<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li>") != std::string::npos);
  const size_t trailer = bytes.rfind("trailer");
  REQUIRE(trailer != std::string::npos);
  const std::string tail = bytes.substr(trailer);
  std::smatch id;
  REQUIRE(std::regex_search(tail, id, std::regex("/ID \\[ <([0-9A-F]{32})> <([0-9A-F]{32})> \\]")));
  CHECK(id[1] == id[2]);
}

TEST_CASE("pdf: the same pages give the same bytes, /ID included, other pages another /ID") {
  const std::string again = (work_dir() / "igen.pdf").string();
  Diagnostics diags;
  REQUIRE(pdf::write_pdf(pages(), again, diags));
  CHECK(slurp(again) == slurp(pdf_path()));
  doc::Document other = document();
  other.blocks.push_back(doc::paragraph("Ett stycke till."));
  auto p = layout::layout(other, {}, diags);
  REQUIRE(p);
  const std::string changed = (work_dir() / "annan.pdf").string();
  REQUIRE(pdf::write_pdf(*p, changed, diags));
  auto id_of = [](const std::string& b) { return b.substr(b.rfind("/ID [")); };
  CHECK(id_of(slurp(changed)) != id_of(slurp(pdf_path())));
}

TEST_CASE("pdf: every link annotation is printed with the page and says what it links") {
  const std::string text = qdf_text();
  auto count = [&](const std::string& what) { return occurrences(text, what); };
  const size_t links = count("/Subtype /Link");
  REQUIRE(links > 0);
  CHECK(count("/F 4") == links);
  CHECK(count("/Contents <feff") == links);
}

TEST_CASE(
    "pdf: artifacts are classified: running header and footer as pagination, rules as "
    "layout") {
  const std::string text = qdf_text();
  CHECK(text.find("/Artifact BMC") == std::string::npos);
  CHECK(text.find("/Artifact <</Type /Pagination /Subtype /Footer>> BDC") != std::string::npos);
  CHECK(text.find("/Artifact <</Type /Layout>> BDC") != std::string::npos);
}

TEST_CASE("pdf: a table's name column labels its rows (TH, Scope Row), sources follow the table") {
  const std::string text = qdf_text();
  CHECK(text.find("/Scope /Row") != std::string::npos);
  CHECK(text.find("/Scope /Column") != std::string::npos);
}

TEST_CASE("pdf: each link annotation belongs to a Link element (OBJR and StructParent)") {
  const std::string text = qdf_text();
  auto count = [&](const std::string& what) { return occurrences(text, what); };
  const size_t links = count("/Subtype /Link");
  REQUIRE(links > 0);
  CHECK(count("/Type /OBJR") == links);
  CHECK(count("/StructParent ") == links);  // StructParents (pages) has no space after it
  CHECK(count("/S /Link") > 0);
  // poppler reads the tree: the entries' text is inside Link elements.
  const Run tree = run("pdfinfo -struct " + pdf_path());
  REQUIRE(tree.status == 0);
  CHECK(tree.out.find("Link") != std::string::npos);
}
