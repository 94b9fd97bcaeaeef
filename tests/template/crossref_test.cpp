// Issue 16, point 6: cross-references in the body text. ref("namn") prints a table's,
// chart's or heading's number, sida("namn") the page it begins on, both as links to it;
// a reference may come before its target, the page is the one the reader finds the
// target on, and a name the document lacks is an error at the reference.
#include <catch2/catch.hpp>
#include <regex>

#include "../support/pdf_text.hpp"
#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

const char* kSettings =
    "typ: bilaga\n"
    "metadata: {titel: Test, författare: Test}\n"
    "tabeller:\n"
    "  grupper:\n"
    "    rubrik: Grupperna\n"
    "    källa: grupplista\n"
    "    kolumner:\n"
    "      - {rubrik: Grupp, värde: rad.etikett}\n"
    "      - {rubrik: Fördelat, värde: rad.fördelat, format: kr}\n"
    "  kommuner:\n"
    "    rubrik: Kommunerna\n"
    "    källa: grupper.kommuner.mottagare\n"
    "    kolumner:\n"
    "      - {rubrik: Kommun, värde: rad.namn}\n"
    "      - {rubrik: Fördelat, värde: rad.fördelat, format: kr}\n"
    "  onumrerad:\n"
    "    rubrik: Utan nummer\n"
    "    källa: grupplista\n"
    "    numrerad: nej\n"
    "    kolumner:\n"
    "      - {rubrik: Grupp, värde: rad.etikett}\n"
    "diagram:\n"
    "  belopp:\n"
    "    rubrik: Fördelat per grupp\n"
    "    källa: grupplista\n"
    "    etikett: rad.etikett\n"
    "    värde: rad.fördelat\n"
    "    format: mnkr\n";

fs::path crossref_template(const std::string& tag, const std::string& body) {
  fs::path dir = rvtest::temp_dir("crossref_" + tag);
  rvtest::write(dir / "mall.yaml", kSettings);
  rvtest::write(dir / "mall.md", body);
  return dir;
}

rvtest::Run render(const fs::path& dir) {
  return rvtest::sh(rvtest::rv("skapa '" + dir.string() + "' data/nationell-2019 -o '" +
                               (dir / "ut.pdf").string() + "'"));
}

// The PDF's text page by page (pdftotext separates pages with a form feed).
std::vector<std::string> pages_of(const fs::path& pdf) {
  const std::string all = rvtest::sh("pdftotext '" + pdf.string() + "' -").out;
  std::vector<std::string> pages;
  size_t from = 0;
  for (size_t ff; (ff = all.find('\f', from)) != std::string::npos; from = ff + 1)
    pages.push_back(rvtest::flatten_words(all.substr(from, ff - from)));
  return pages;
}

// The 1-based page whose text holds `s`, 0 when none does.
int page_with(const std::vector<std::string>& pages, const std::string& s) {
  for (size_t i = 0; i < pages.size(); ++i)
    if (pages[i].find(s) != std::string::npos) return static_cast<int>(i + 1);
  return 0;
}

const char* kBody =
    "# Hänvisningar {#början}\n\n"
    "Före: {{ ref(\"kommuner\", \"versal\") }} på sidan {{ sida(\"kommuner\") }} och "
    "{{ ref(\"belopp\") }} på sidan {{ sida(\"belopp\") }}; avsnittet {{ ref(\"slut\") }} "
    "börjar på sidan {{ sida(\"slut\") }}.\n\n"
    "{% tabell grupper %}\n\n"
    "{% tabell kommuner %}\n\n"
    "{% diagram belopp %}\n\n"
    "## Slutet {#slut}\n\n"
    "Efter: {{ ref(\"grupper\") }} på sidan {{ sida(\"grupper\") }}, {{ ref(\"kommuner\") }} "
    "på sidan {{ sida(\"kommuner\") }} och rubriken på sidan {{ sida(\"början\") }}; "
    "utan nummer på sidan {{ sida(\"onumrerad\") }}.\n\n"
    "{% tabell onumrerad %}\n";

}  // namespace

TEST_CASE("cross-references before and after their targets print numbers and true pages") {
  fs::path dir = crossref_template("pages", kBody);
  auto r = render(dir);
  INFO(r.out);
  REQUIRE(r.code == 0);
  const auto pages = pages_of(dir / "ut.pdf");
  REQUIRE(pages.size() >= 3);  // the 290 municipalities' table runs over several pages
  // Where a reader finds each target: its caption or heading.
  const int grupper = page_with(pages, "Tabell 1. Grupperna");
  const int kommuner = page_with(pages, "Tabell 2. Kommunerna");
  const int belopp = page_with(pages, "Diagram 1. Fördelat per grupp");
  const int slut = page_with(pages, "Slutet Efter:");
  REQUIRE(grupper == 1);
  REQUIRE(kommuner >= 1);
  REQUIRE(belopp > kommuner);  // after the long table
  REQUIRE(slut >= belopp);
  const std::string first = pages[0];
  INFO(first);
  CHECK(rvtest::has(first, "Före: Tabell 2 på sidan " + std::to_string(kommuner) +
                               " och diagram 1 på sidan " + std::to_string(belopp) +
                               "; avsnittet ”Slutet” börjar på sidan " + std::to_string(slut) +
                               "."));
  const std::string last = pages[static_cast<size_t>(slut - 1)];
  INFO(last);
  CHECK(rvtest::has(last, "Efter: tabell 1 på sidan 1, tabell 2 på sidan " +
                              std::to_string(kommuner) +
                              " och rubriken på sidan 1; utan nummer på sidan " +
                              std::to_string(page_with(pages, "Utan nummer")) + "."));
  fs::remove_all(dir);
}

TEST_CASE("a page number that moves its target still ends up true") {
  // Enough text before the table that it lands near the foot of a page; whatever page
  // it ends on, the number printed before it says that page.
  for (int lines : {38, 39, 40, 41, 42, 43, 44}) {
    std::string body = "# Rubrik\n\n";
    for (int i = 0; i < lines; ++i) body += "Rad " + std::to_string(i + 1) + " med lite text.\n\n";
    body += "Se sidan {{ sida(\"grupper\") }}.\n\n{% tabell grupper %}\n";
    fs::path dir = crossref_template("move" + std::to_string(lines), body);
    auto r = render(dir);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_FALSE(rvtest::has(r.out, "varning: sidnumret"));
    const auto pages = pages_of(dir / "ut.pdf");
    const int at = page_with(pages, "Tabell 1. Grupperna");
    REQUIRE(at > 0);
    const std::string all = [&] {
      std::string s;
      for (const auto& p : pages) s += p + " ";
      return s;
    }();
    INFO(lines);
    CHECK(rvtest::has(all, "Se sidan " + std::to_string(at) + "."));
    fs::remove_all(dir);
  }
}

TEST_CASE("a cross-reference is a link to its target in the PDF") {
  fs::path dir = crossref_template("link", "Se {{ ref(\"grupper\") }}.\n\n{% tabell grupper %}\n");
  auto r = render(dir);
  INFO(r.out);
  REQUIRE(r.code == 0);
  const std::string json = rvtest::sh("qpdf --json '" + (dir / "ut.pdf").string() + "'").out;
  CHECK(std::regex_search(json, std::regex("\"/Subtype\": \"/Link\"")));
  CHECK(std::regex_search(json, std::regex("\"/S\": \"/Link\"")));
  fs::remove_all(dir);
}

TEST_CASE("cross-reference errors: unknown name with a suggestion, no number, misuse") {
  fs::path dir = crossref_template(
      "errors",
      "Se {{ ref(\"kommunerna\") }} och sidan {{ sida(\"okänd\") }}.\n"
      "Se {{ ref(\"onumrerad\") }}.\n"
      "{% set x = ref(\"grupper\") %}{{ x }}\n"
      "Se {{ ref(\"grupper\", \"gemen\") }} och {{ ref(3) }}.\n\n"
      "{% tabell grupper %}\n\n{% tabell kommuner %}\n\n{% tabell onumrerad %}\n");
  auto r = render(dir);
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(rvtest::has(r.out,
                    "mall.md:1:7: fel: ref(\"kommunerna\"): ingen tabell, inget diagram och "
                    "ingen rubrik {#kommunerna} i dokumentet heter 'kommunerna' (menade "
                    "du 'kommuner'?)"));
  CHECK(rvtest::has(r.out, "mall.md:1:41: fel: sida(\"okänd\"): ingen tabell"));
  CHECK(rvtest::has(r.out,
                    "mall.md:2:7: fel: ref(\"onumrerad\"): tabellen 'onumrerad' har inget "
                    "nummer (numrerad: nej); hänvisa med sida(…)"));
  CHECK(rvtest::has(r.out, "mall.md:3:12: fel: ref(…) ska stå direkt i {{ }} i brödtexten"));
  CHECK(rvtest::has(r.out, "mall.md:4:22: fel: ref(…) tar som andra argument bara \"versal\""));
  CHECK(rvtest::has(r.out, "mall.md:4:45: fel: ref(…) tar namnet på en tabell"));
  CHECK_FALSE(fs::exists(dir / "ut.pdf"));
  fs::remove_all(dir);
}

TEST_CASE("a cross-reference in mall.yaml is an error at its place there") {
  fs::path dir = crossref_template("yaml", "{% tabell grupper %}\n");
  rvtest::replace_in(dir / "mall.yaml", "rubrik: Grupperna",
                     "rubrik: \"Se {{ sida('kommuner') }}\"");
  auto r = render(dir);
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(std::regex_search(r.out, std::regex("mall\\.yaml:5:\\d+: fel: sida\\(…\\) hänvisar till en "
                                            "tabell, ett diagram eller en rubrik i brödtexten")));
  // In a column's value too: never printed as the placeholder's text.
  rvtest::replace_in(dir / "mall.yaml", "rubrik: \"Se {{ sida('kommuner') }}\"",
                     "rubrik: Grupperna");
  rvtest::replace_in(dir / "mall.yaml", "{rubrik: Grupp, värde: rad.etikett}",
                     "{rubrik: Grupp, värde: ref(\"kommuner\")}");
  r = render(dir);
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(
      std::regex_search(r.out, std::regex("mall\\.yaml:8:\\d+: fel: .*ref\\(…\\) hänvisar till")));
  CHECK_FALSE(rvtest::has(r.out, "rv-ref"));
  fs::remove_all(dir);
}
