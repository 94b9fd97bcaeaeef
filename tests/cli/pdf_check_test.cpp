// Issue 17: scripts/kontrollera-pdf.py, the accessibility checker (the Matterhorn conditions
// decidable from the file), passes on every bundled document, the appendix alone and the
// letters, and fails, naming page and object, on files broken on purpose.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::render;
using rvtest::Run;
using rvtest::sh;

namespace {

Run check(const fs::path& pdf) {
  return sh("python3 scripts/kontrollera-pdf.py '" + pdf.string() + "'");
}

// A copy of `pdf` with every `from` replaced by `to` (same length: the cross-reference
// table of qpdf's QDF form stays right).
fs::path broken(const fs::path& pdf, const std::string& from, const std::string& to, bool first,
                const fs::path& out) {
  REQUIRE(from.size() == to.size());
  std::string bytes = rvtest::qdf(pdf);
  size_t n = 0;
  for (size_t at = bytes.find(from); at != std::string::npos; at = bytes.find(from, at + 1)) {
    bytes.replace(at, from.size(), to);
    ++n;
    if (first) break;
  }
  REQUIRE(n > 0);
  rvtest::write(out, bytes);
  return out;
}

}  // namespace

TEST_CASE("the accessibility checker passes every bundled document") {
  const fs::path dir = rvtest::temp_dir("pdf_check");
  for (const std::string args :
       {"uppfoljning-nationell data/nationell-2019", "bilaga data/nationell-2019",
        "bilaga data/nationell-2019 -p grupp=ideella", "uppfoljning-stad data/stockholm-2017",
        "fordelning-beslut data/stockholm-2022", "fordelning-beslut data/exempelby-2024",
        "fordelningsnyckel data/nationell-2019",
        "anvisningar-rekvisition data/nationell-2019 -p grupp=regioner",
        "uppfoljning-analys data/nationell-2019"}) {
    CAPTURE(args);
    const fs::path pdf = dir / "dok.pdf";
    Run r = render(args, pdf);
    REQUIRE(r.code == 0);
    Run c = check(pdf);
    INFO(c.out);
    CHECK(c.code == 0);
    CHECK(c.out.find("inga fel") != std::string::npos);
  }
  // The letters: one per recipient.
  Run r = sh(std::string("'") + RV_BINARY + "' skapa aterbetalning data/nationell-2019 " +
             "--per-mottagare -o '" + (dir / "brev").string() + "'");
  REQUIRE(r.code == 0);
  size_t letters = 0;
  for (const auto& e : fs::directory_iterator(dir / "brev")) {
    if (e.path().extension() != ".pdf" || ++letters > 5) continue;
    Run c = check(e.path());
    INFO(c.out);
    CHECK(c.code == 0);
  }
  CHECK(letters > 1);
  fs::remove_all(dir);
}

TEST_CASE("the accessibility checker fails on broken files, naming page and object") {
  const fs::path dir = rvtest::temp_dir("pdf_check_broken");
  const fs::path good = dir / "rapport.pdf";
  REQUIRE(render("uppfoljning-nationell data/nationell-2019", good).code == 0);
  SECTION("a figure without alternative text") {
    Run c = check(broken(good, "/Alt ", "/Xlt ", false, dir / "alt.pdf"));
    CHECK(c.code == 1);
    CHECK(c.out.find("Figure saknar alternativtext (/Alt) (Matterhorn 13-004)") !=
          std::string::npos);
    CHECK(c.out.find(": sida ") != std::string::npos);
  }
  SECTION("a link without its OBJR") {
    Run c = check(broken(good, "/Type /OBJR", "/Type /OBJX", false, dir / "objr.pdf"));
    CHECK(c.code == 1);
    CHECK(c.out.find("länkannoteringen har ingen OBJR i ett Link-element (Matterhorn 28-011)") !=
          std::string::npos);
  }
  SECTION("a skipped heading level") {
    Run c = check(broken(good, "/S /H2", "/S /H3", true, dir / "rubrik.pdf"));
    CHECK(c.code == 1);
    CHECK(c.out.find("H3 efter H1: en rubriknivå hoppas över (Matterhorn 14-003)") !=
          std::string::npos);
  }
  SECTION("a TH without Scope and a Note without ID") {
    fs::path p = broken(good, "/Scope", "/Scopx", false, dir / "scope.pdf");
    p = broken(p, "/ID (fotnot", "/IX (fotnot", false, dir / "id.pdf");
    Run c = check(p);
    CHECK(c.code == 1);
    CHECK(c.out.find("TH saknar /Scope") != std::string::npos);
    CHECK(c.out.find("Note saknar /ID") != std::string::npos);
  }
  SECTION("a PDF/A claim without the output intent, and PDF/A-1 without CIDSet") {
    Run c = check(broken(good, "/OutputIntents", "/OutputIntentx", false, dir / "intent.pdf"));
    CHECK(c.code == 1);
    CHECK(c.out.find("PDF/A-2 anges men katalogen saknar en output intent") != std::string::npos);
    CHECK(c.out.find("(ISO 19005-2 6.2.3)") != std::string::npos);
    fs::path p = broken(good, "<pdfaid:part>2<", "<pdfaid:part>1<", true, dir / "del1.pdf");
    Run c1 = check(p);
    CHECK(c1.code == 1);
    CHECK(c1.out.find("saknar /CIDSet, som PDF/A-1 kräver") != std::string::npos);
  }
  SECTION("a file that is no PDF") {
    rvtest::write(dir / "inte.pdf", "hej");
    Run c = check(dir / "inte.pdf");
    CHECK(c.code == 2);
    CHECK(c.out.find("kan inte läsas") != std::string::npos);
  }
  fs::remove_all(dir);
}
