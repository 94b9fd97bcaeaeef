// Every bundled document and letter as DOCX (skapa -o x.docx), opened by a real word
// processor: LibreOffice headless (Debian's libreoffice-writer-nogui, installed by
// scripts/install-deps.sh) converts each to PDF and to text without errors, and the
// numbers in each are those of its PDF.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "../support/bundled.hpp"
#include "../support/numbers.hpp"
#include "../support/shell.hpp"
#include "read_zip.hpp"

namespace fs = std::filesystem;
using rvtest::has;
using rvtest::sh;

namespace {

using rvtest::join;
using rvtest::numbers;
using rvtest::pages_of;

// LibreOffice with a profile of its own in `dir` (tests may run side by side), converting
// `files` to `filter` into `dir`/<ext>.
rvtest::Run soffice(const fs::path& dir, const std::vector<fs::path>& files,
                    const std::string& filter, const std::string& ext) {
  INFO("LibreOffice is missing: run scripts/install-deps.sh");
  REQUIRE(sh("command -v soffice >/dev/null").code == 0);
  std::string cmd = "HOME='" + dir.string() + "' timeout 600 soffice --headless --norestore " +
                    "-env:UserInstallation=file://" + (dir / "lo-profil").string() +
                    " --convert-to '" + filter + "' --outdir '" + (dir / ext).string() + "'";
  for (const auto& f : files) cmd += " '" + f.string() + "'";
  return sh(cmd);
}

std::vector<fs::path> render_all(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& b : rvtest::bundled()) files.push_back(rvtest::render_bundled(dir, b, ".docx"));
  for (const auto& l : rvtest::render_letters(dir, "docx")) files.push_back(l);
  return files;
}

// What a reader of the DOCX gets: the text of the body, notes, heads and feet (page
// fields left out: Word computes them) and the pictures' alternative texts.
std::string docx_text(const fs::path& file) {
  const auto parts = rvtest::unzip(rvtest::read(file));
  std::string all;
  for (const auto& [name, xml] : parts) {
    if (!name.starts_with("word/") || !name.ends_with(".xml")) continue;
    std::string x = std::regex_replace(xml, std::regex("<w:fldSimple[^>]*>.*?</w:fldSimple>"), "");
    static const std::regex piece(
        "<w:t(?: [^>]*)?>([^<]*)</w:t>|</w:p>|<w:br/>|<w:tab/>|descr=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(x.begin(), x.end(), piece); it != std::sregex_iterator();
         ++it)
      all += (*it)[1].matched   ? (*it)[1].str()
             : (*it)[2].matched ? "\n" + (*it)[2].str() + "\n"
                                : "\n";
  }
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
    for (size_t at; (at = all.find(from)) != std::string::npos;)
      all.replace(at, std::string(from).size(), to);
  return all;
}

// From the page model's trace: the text the PDF draws inside its charts (axis ticks, value
// labels: a DOCX shows them in the chart's picture, not as text), and the charts'
// alternative texts (the PDF's /Alt, which pdftotext does not extract).
struct ChartText {
  std::set<std::string> drawn, alt;
};
ChartText chart_text(const fs::path& trace) {
  std::string drawn, alt;
  static const std::regex run("^text Figure#[0-9]+ .*\"(.*)\"$");
  static const std::regex alt_text(" Alt=\"([^\"]*)\"");
  std::istringstream in(rvtest::read(trace));
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, run)) drawn += m[1].str() + "\n";
    if (std::regex_search(line, m, alt_text)) alt += m[1].str() + "\n";
  }
  return {numbers(drawn), numbers(alt)};
}

// Words of four letters or more (bytes of UTF-8 sequences count as letters).
std::set<std::string> words(const std::string& text) {
  std::set<std::string> out;
  std::string w;
  // LibreOffice's text starts with a byte order mark: not part of the first word.
  // Soft hyphens (U+00AD, which it keeps) are not part of a word either.
  std::string plain = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
  for (size_t at; (at = plain.find("\xC2\xAD")) != std::string::npos;) plain.erase(at, 2);
  for (char c : plain + " ") {
    if (std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      w += c;
      continue;
    }
    if (w.size() >= 4) out.insert(w);
    w.clear();
  }
  return out;
}

}  // namespace

TEST_CASE("docx: LibreOffice converts every bundled document and letter to PDF and text",
          "[docx][libreoffice][slow]") {
  const fs::path dir = rvtest::temp_dir("docx_lo");
  const std::vector<fs::path> files = render_all(dir);
  REQUIRE(files.size() >= 12);
  auto to_pdf = soffice(dir, files, "pdf", "pdf");
  INFO(to_pdf.out);
  REQUIRE(to_pdf.code == 0);
  auto to_text = soffice(dir, files, "txt:Text (encoded):UTF8", "txt");
  INFO(to_text.out);
  REQUIRE(to_text.code == 0);
  for (const auto& f : files) {
    const fs::path pdf = dir / "pdf" / f.filename().replace_extension(".pdf");
    const fs::path txt = dir / "txt" / f.filename().replace_extension(".txt");
    INFO(f.string());
    REQUIRE(fs::exists(pdf));
    CHECK(pages_of(pdf) >= 1);
    REQUIRE(fs::exists(txt));
    // The document's words came through: those of the body's text are in LibreOffice's
    // text (which leaves out heads, feet and notes), and in its PDF.
    const auto parts = rvtest::unzip(rvtest::read(f));
    std::string body;
    const std::string& xml = parts.at("word/document.xml");
    static const std::regex piece("<w:t(?: [^>]*)?>([^<]*)</w:t>|</w:p>|<w:br/>|<w:tab/>");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), piece);
         it != std::sregex_iterator(); ++it)
      body += (*it)[1].matched ? (*it)[1].str() : "\n";
    const auto expected = words(body), in_txt = words(rvtest::read(txt));
    auto text = sh("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
    const auto in_pdf = words(text.out);
    REQUIRE(expected.size() > 10);
    std::set<std::string> lost;
    for (const auto& w : expected)
      if (!in_txt.count(w)) lost.insert(w);
    INFO("not in LibreOffice's text: " + join(lost));
    CHECK(lost.empty());
    size_t in_its_pdf = 0;
    for (const auto& w : expected) in_its_pdf += in_pdf.count(w);
    // Its PDF breaks lines with hyphens, which split some words: nine in ten are whole.
    CHECK(in_its_pdf * 10 >= expected.size() * 9);
  }
}

TEST_CASE("docx: LibreOffice's conversion fails on a broken file", "[docx][libreoffice]") {
  // The check above can fail: a DOCX cut off in the middle converts to nothing.
  const fs::path dir = rvtest::temp_dir("docx_broken");
  const fs::path good =
      rvtest::render_bundled(dir, rvtest::document("fordelning-beslut-2022"), ".docx");
  const std::string bytes = rvtest::read(good);
  const fs::path broken = dir / "trasig.docx";
  rvtest::write(broken, bytes.substr(0, bytes.size() / 3));
  soffice(dir, {good, broken}, "pdf", "pdf");
  CHECK(fs::exists(dir / "pdf" / "fordelning-beslut-2022.pdf"));
  CHECK(!fs::exists(dir / "pdf" / "trasig.pdf"));
}

namespace {

// The numbers of a DOCX against those of its PDF, and the trace of the PDF's page model
// (empty: the document has no charts).
void same_numbers(const std::string& name, const fs::path& docx, const fs::path& pdf,
                  const fs::path& trace) {
  auto text = sh("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  REQUIRE(text.code == 0);
  const ChartText charts = trace.empty() ? ChartText{} : chart_text(trace);
  auto in_pdf = numbers(text.out);
  in_pdf.insert(charts.alt.begin(), charts.alt.end());
  const auto in_docx = numbers(docx_text(docx));
  REQUIRE(in_docx.size() > 3);
  std::set<std::string> docx_only, pdf_only;
  for (const auto& n : in_docx)
    if (!in_pdf.count(n)) docx_only.insert(n);
  // Left out of the DOCX's text: the PDF's page numbers (Word numbers its own pages) and
  // what the charts' pictures show (ticks; values are in the alternative texts too).
  const int pages = pages_of(pdf);
  for (const auto& n : in_pdf)
    if (!in_docx.count(n) && !charts.drawn.count(n) &&
        !(n.find_first_not_of("0123456789") == std::string::npos && n.size() < 4 &&
          std::stoi(n) <= pages))
      pdf_only.insert(n);
  INFO(name + ": only in the DOCX: " + join(docx_only) + "; only in the PDF: " + join(pdf_only));
  CHECK(docx_only.empty());
  CHECK(pdf_only.empty());
}

}  // namespace

TEST_CASE("docx: the numbers in each bundled document are those of its PDF", "[docx][slow]") {
  const fs::path dir = rvtest::temp_dir("docx_numbers");
  for (const auto& b : rvtest::bundled())
    same_numbers(b.name, rvtest::render_bundled(dir, b, ".docx"),
                 rvtest::render_bundled(dir, b, ".pdf"), rvtest::render_bundled(dir, b, ".txt"));
}

TEST_CASE("docx: the numbers in each letter are those of the same letter as PDF", "[docx]") {
  const fs::path docx = rvtest::temp_dir("docx_letter_numbers");
  const fs::path pdf = rvtest::temp_dir("docx_letter_numbers_pdf");
  const auto as_docx = rvtest::render_letters(docx, "docx");
  const auto as_pdf = rvtest::render_letters(pdf, "pdf");
  REQUIRE(as_docx.size() == as_pdf.size());
  for (const auto& d : as_docx) {
    const fs::path p = pdf / d.parent_path().filename() / d.filename().replace_extension(".pdf");
    REQUIRE(fs::exists(p));
    same_numbers(d.filename().string(), d, p, {});
  }
}

TEST_CASE("docx: skapa chooses DOCX by the extension, and --samlad stays PDF-only", "[docx]") {
  const fs::path dir = rvtest::temp_dir("docx_cli");
  auto r = rvtest::render("fordelning-beslut data/stockholm-2022", dir / "memo.docx");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(has(r.out, "ett Word-dokument"));
  CHECK(rvtest::read(dir / "memo.docx").substr(0, 2) == "PK");
  auto both = sh(std::string("'") + RV_BINARY +
                 "' skapa besked-fordelning data/nationell-2019 --per-mottagare --format docx "
                 "--samlad '" +
                 (dir / "alla.pdf").string() + "' -o '" + (dir / "brev").string() + "'");
  CHECK(both.code == 2);
  CHECK(has(both.out, "--samlad skriver en PDF och gäller inte med --format docx"));
}

TEST_CASE("docx: a letter per recipient as DOCX, listed with its checksum", "[docx]") {
  const fs::path dir = rvtest::temp_dir("docx_batch");
  auto r = sh(std::string("'") + RV_BINARY +
              "' skapa besked-fordelning data/nationell-2019 --per-mottagare --format docx "
              "--urval \"grupp = regioner\" -o '" +
              (dir / "brev").string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  size_t letters = 0;
  for (const auto& e : fs::directory_iterator(dir / "brev"))
    if (e.path().extension() == ".docx") {
      ++letters;
      const auto parts = rvtest::unzip(rvtest::read(e.path()));
      CHECK(parts.count("word/document.xml") == 1);
    }
  CHECK(letters >= 10);
  const std::string manifest = rvtest::read(dir / "brev" / "förteckning.csv");
  CHECK(rvtest::occurrences(manifest, ".docx") == letters);
}
