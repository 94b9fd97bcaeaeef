// Every bundled document as HTML (skapa -o x.html), checked with real tools: the Nu Html
// Checker (npm vnu-jar on Debian's Java, in tools/vnu) reports no errors, axe-core in
// headless Chromium (npm axe-core and puppeteer-core in tools/axe, Debian's chromium) no
// WCAG 2.1 A/AA violation, and the numbers on each page are those of its PDF.
// scripts/install-deps.sh installs all of them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "../support/bundled.hpp"
#include "../support/numbers.hpp"
#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::has;
using rvtest::sh;

namespace {

using rvtest::join;
using rvtest::numbers;
using rvtest::pages_of;

using rvtest::Bundled;
using rvtest::bundled;
using rvtest::document;

std::string vnu_jar() {
  if (const char* env = std::getenv("RV_VNU_JAR")) return env;
  return std::string(RV_SOURCE_DIR) + "/tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar";
}

// The Nu Html Checker on `files`: its exit code and what it reported.
rvtest::Run vnu(const std::vector<fs::path>& files) {
  const std::string jar = vnu_jar();
  INFO("the Nu Html Checker is missing: run scripts/install-deps.sh (" + jar + ")");
  REQUIRE(fs::exists(jar));
  REQUIRE(sh("command -v java >/dev/null").code == 0);
  std::string cmd = "java -jar '" + jar + "' --errors-only";
  for (const auto& f : files) cmd += " '" + f.string() + "'";
  return sh(cmd);
}

// axe-core on `files` at phone and desktop width (tools/axe/check.mjs).
rvtest::Run axe(const std::vector<fs::path>& files) {
  const std::string dir = std::string(RV_SOURCE_DIR) + "/tools/axe";
  const char* env = std::getenv("RV_CHROMIUM");
  const std::string chromium = env ? env : "/usr/bin/chromium";
  INFO("axe-core or Chromium is missing: run scripts/install-deps.sh");
  REQUIRE(fs::exists(dir + "/node_modules/axe-core/axe.min.js"));
  REQUIRE(fs::exists(dir + "/node_modules/puppeteer-core"));
  REQUIRE(fs::exists(chromium));
  std::string cmd = "timeout 600 node '" + dir + "/check.mjs'";
  for (const auto& f : files) cmd += " '" + f.string() + "'";
  return sh(cmd);
}

fs::path render(const fs::path& dir, const Bundled& b, const std::string& ext) {
  return rvtest::render_bundled(dir, b, ext);
}

// What a reader sees of a page: the body's text without markup, the charts' text
// alternatives (<title>, <desc>) left out as a PDF's /Alt is by pdftotext.
std::string visible_text(const std::string& page) {
  std::string t = page.substr(page.find("<body>"));
  t = std::regex_replace(t, std::regex("<(title|desc)[^>]*>[^<]*</(title|desc)>"), " ");
  t = std::regex_replace(t, std::regex("<[^>]*>"), " ");
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
    for (size_t at; (at = t.find(from)) != std::string::npos;)
      t.replace(at, std::string(from).size(), to);
  return t;
}

// Every bundled document, and the letters for a few recipients, as HTML in `dir`.
std::vector<fs::path> render_all(const fs::path& dir) {
  std::vector<fs::path> pages;
  for (const auto& b : bundled()) pages.push_back(render(dir, b, ".html"));
  for (const auto& p : rvtest::render_letters(dir, "html")) pages.push_back(p);
  return pages;
}

}  // namespace

TEST_CASE("html: every bundled document and letter passes the Nu Html Checker",
          "[html][vnu][slow]") {
  const std::vector<fs::path> pages = render_all(rvtest::temp_dir("html_vnu"));
  for (const auto& p : pages) {
    const std::string page = rvtest::read(p);
    INFO(p.string());
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"sv\">"));
    CHECK_FALSE(has(page, "<script"));
    CHECK_FALSE(has(page, "\u00AD"));  // no line-break hyphen of the PDF
  }
  auto r = vnu(pages);
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("html: the Nu Html Checker fails on a deliberately broken page", "[html][vnu]") {
  const fs::path dir = rvtest::temp_dir("html_vnu_broken");
  const fs::path good = render(dir, document("fordelning-beslut-2022"), ".html");
  const fs::path broken = dir / "trasig.html";
  std::string page = rvtest::read(good);
  // An image without alternative text, and a header cell with a scope that does not exist.
  page.replace(page.find("<main id=\"huvudinnehall\">"), 25,
               "<main id=\"huvudinnehall\"><img src=\"logga.png\">");
  page.replace(page.find("<th scope=\"col\""), 15, "<th scope=\"kolumn\"");
  rvtest::write(broken, page);
  auto ok = vnu({good});
  CHECK(ok.code == 0);
  auto r = vnu({broken});
  INFO(r.out);
  CHECK(r.code != 0);
  CHECK(has(r.out, "alt"));
  CHECK(has(r.out, "scope"));
}

TEST_CASE("html: the numbers in each bundled document are those of its PDF", "[html][slow]") {
  const fs::path dir = rvtest::temp_dir("html_numbers");
  for (const auto& b : bundled()) {
    const fs::path html = render(dir, b, ".html"), pdf = render(dir, b, ".pdf");
    auto text = sh("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
    REQUIRE(text.code == 0);
    const auto in_pdf = numbers(text.out), in_html = numbers(visible_text(rvtest::read(html)));
    REQUIRE(in_html.size() > 5);
    std::set<std::string> html_only, pdf_only;
    for (const auto& n : in_html)
      if (!in_pdf.count(n)) html_only.insert(n);
    // The PDF has page numbers (running footers, "Sida x (y)", the table of contents) that
    // a web page has not: whole numbers no larger than its page count.
    const int pages = pages_of(pdf);
    for (const auto& n : in_pdf)
      if (!in_html.count(n) && !(n.find_first_not_of("0123456789") == std::string::npos &&
                                 n.size() < 4 && std::stoi(n) <= pages))
        pdf_only.insert(n);
    INFO(b.name + ": only in the HTML: " + join(html_only) +
         "; only in the PDF: " + join(pdf_only));
    CHECK(html_only.empty());
    CHECK(pdf_only.empty());
  }
}

TEST_CASE("html: the notice of invented data is visible on the page", "[html]") {
  const fs::path dir = rvtest::temp_dir("html_fiktiva");
  const std::string page =
      rvtest::read(render(dir, document("fordelning-beslut-exempelby-2024"), ".html"));
  const std::string main = page.substr(page.find("<main"));
  CHECK(has(visible_text(main.substr(0, 2000).insert(0, "<body>")),
            "Exempel \u2013 fiktiva uppgifter."));
  CHECK_FALSE(has(page, "hidden"));
}

TEST_CASE("html: skapa chooses HTML by the extension, and --samlad stays PDF-only", "[html]") {
  const fs::path dir = rvtest::temp_dir("html_cli");
  auto r = rvtest::render("fordelning-beslut data/stockholm-2022", dir / "memo.htm");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(has(r.out, "memo.htm (en webbsida)"));
  CHECK(rvtest::read(dir / "memo.htm").starts_with("<!DOCTYPE html>"));
  auto bad = rvtest::render("fordelning-beslut data/stockholm-2022 --format pdf", dir / "x.html");
  CHECK(bad.code == 2);
  CHECK(has(bad.out, "--format pdf och ändelsen .html säger olika saker"));
  auto combined = sh(std::string("'") + RV_BINARY +
                     "' skapa aterbetalning data/nationell-2019 --per-mottagare --format html "
                     "--samlad '" +
                     (dir / "alla.pdf").string() + "' -o '" + (dir / "brev").string() + "'");
  CHECK(combined.code == 2);
  CHECK(has(combined.out, "--samlad skriver en PDF"));
  CHECK_FALSE(fs::exists(dir / "alla.pdf"));
}

TEST_CASE("html: axe-core finds no WCAG 2.1 A or AA violation in any bundled document",
          "[html][axe][slow]") {
  const std::vector<fs::path> pages = render_all(rvtest::temp_dir("html_axe"));
  auto r = axe(pages);
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.empty());
}

TEST_CASE(
    "html: axe-core fails on a broken page: a table without header cells, an image "
    "without alternative text",
    "[html][axe]") {
  const fs::path dir = rvtest::temp_dir("html_axe_broken");
  const fs::path good = render(dir, document("uppfoljning-nationell-2019"), ".html");
  std::string page = rvtest::read(good);
  page = std::regex_replace(page, std::regex("<th scope=\"[a-z]+\""), "<td");
  page = std::regex_replace(page, std::regex("</th>"), "</td>");
  page.replace(page.find("<main id=\"huvudinnehall\">"), 25,
               "<main id=\"huvudinnehall\"><img src=\"logga.png\">");
  const fs::path broken = dir / "trasig.html";
  rvtest::write(broken, page);
  auto r = axe({broken});
  INFO(r.out);
  CHECK(r.code == 1);
  CHECK(has(r.out, "image-alt"));
  CHECK(has(r.out, "td-has-header"));
}
