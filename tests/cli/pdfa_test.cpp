// Issue 17: every document PDF/A-2a and PDF/UA-1 in one file by default; the template's
// `pdfa:` and `skapa --pdfa` choose another part. With --pdfa 1a the documents pass Apache
// PDFBox Preflight (scripts/preflight.sh), the PDF/A-1 validator in Debian.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::qdf;
using rvtest::render;
using rvtest::Run;
using rvtest::sh;

namespace {

bool has(const std::string& s, const std::string& what) {
  return s.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("by default a document claims PDF/A-2a and PDF/UA-1 and carries an sRGB output intent") {
  const fs::path dir = rvtest::temp_dir("pdfa_default");
  REQUIRE(render("fordelning-beslut data/stockholm-2022", dir / "b.pdf").code == 0);
  const std::string q = qdf(dir / "b.pdf");
  CHECK(has(q, "<pdfaid:part>2</pdfaid:part>"));
  CHECK(has(q, "<pdfaid:conformance>A</pdfaid:conformance>"));
  CHECK(has(q, "<pdfuaid:part>1</pdfuaid:part>"));
  CHECK(has(q, "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
  CHECK(has(q, "/OutputIntents"));
  CHECK(has(q, "/S /GTS_PDFA1"));
  CHECK(has(q, "/DestOutputProfile"));
  CHECK_FALSE(has(q, "/CIDSet"));  // PDF/A-1 only
  // The information dictionary's date and the XMP's are the same instant, written alike.
  CHECK(has(q, "/CreationDate (D:20220520000000Z)"));
  CHECK(has(q, "<xmp:CreateDate>2022-05-20T00:00:00Z</xmp:CreateDate>"));
  Run c = sh("python3 scripts/kontrollera-pdf.py '" + (dir / "b.pdf").string() + "'");
  INFO(c.out);
  CHECK(c.code == 0);
  fs::remove_all(dir);
}

TEST_CASE("PDF/A-1a (--pdfa 1a): the national report and a memo pass PDFBox Preflight") {
  const fs::path dir = rvtest::temp_dir("pdfa_1a");
  REQUIRE(render("uppfoljning-nationell data/nationell-2019 --pdfa 1a", dir / "r.pdf").code == 0);
  REQUIRE(render("uppfoljning-stad data/stockholm-2017 --pdfa 1a", dir / "s.pdf").code == 0);
  const std::string q = qdf(dir / "r.pdf");
  CHECK(has(q, "<pdfaid:part>1</pdfaid:part>"));
  CHECK(has(q, "/CIDSet"));
  Run p = sh("bash scripts/preflight.sh '" + (dir / "r.pdf").string() + "' '" +
             (dir / "s.pdf").string() + "'");
  INFO(p.out);
  CHECK(p.code == 0);
  CHECK(has(p.out, "r.pdf is a valid PDF/A-1b file"));
  CHECK(has(p.out, "s.pdf is a valid PDF/A-1b file"));
  // And Preflight is no rubber stamp: the default PDF/A-2 file is no PDF/A-1 file.
  REQUIRE(render("uppfoljning-stad data/stockholm-2017", dir / "s2.pdf").code == 0);
  Run p2 = sh("bash scripts/preflight.sh '" + (dir / "s2.pdf").string() + "'");
  CHECK(p2.code == 1);
  CHECK(has(p2.out, "CIDSet"));
  fs::remove_all(dir);
}

TEST_CASE("PDF/A-1a (--pdfa 1a) for letters: each one and the combined file pass Preflight") {
  const fs::path dir = rvtest::temp_dir("pdfa_letters");
  Run r = sh(std::string("'") + RV_BINARY + "' skapa aterbetalning data/nationell-2019 " +
             "--per-mottagare --urval 'oförbrukat > 1000000' --pdfa 1a -o '" +
             (dir / "brev").string() + "' --samlad '" + (dir / "alla.pdf").string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  std::string files = "'" + (dir / "alla.pdf").string() + "'";
  int letters = 0;
  for (const auto& e : fs::directory_iterator(dir / "brev"))
    if (e.path().extension() == ".pdf" && ++letters <= 2) files += " '" + e.path().string() + "'";
  REQUIRE(letters > 0);
  Run p = sh("bash scripts/preflight.sh " + files);
  INFO(p.out);
  CHECK(p.code == 0);
  fs::remove_all(dir);
}

TEST_CASE(
    "PDF/A choice: --pdfa av claims no PDF/A part, 2b claims level B, the template can choose") {
  const fs::path dir = rvtest::temp_dir("pdfa_choice");
  REQUIRE(render("bilaga data/nationell-2019 --pdfa av", dir / "av.pdf").code == 0);
  std::string q = qdf(dir / "av.pdf");
  CHECK_FALSE(has(q, "pdfaid:part"));
  CHECK_FALSE(has(q, "/OutputIntents"));
  CHECK(has(q, "<pdfuaid:part>1</pdfuaid:part>"));  // still tagged and PDF/UA
  REQUIRE(render("bilaga data/nationell-2019 --pdfa 2b", dir / "b.pdf").code == 0);
  CHECK(has(qdf(dir / "b.pdf"), "<pdfaid:conformance>B</pdfaid:conformance>"));

  // A template's own setting, and --pdfa over it.
  fs::copy("templates/bilaga", dir / "mall", fs::copy_options::recursive);
  std::string settings = rvtest::read(dir / "mall" / "mall.yaml");
  rvtest::write(dir / "mall" / "mall.yaml", settings + "\npdfa: 1a\n");
  const std::string templ = "'" + (dir / "mall").string() + "' data/nationell-2019";
  REQUIRE(render(templ, dir / "t.pdf").code == 0);
  CHECK(has(qdf(dir / "t.pdf"), "<pdfaid:part>1</pdfaid:part>"));
  REQUIRE(render(templ + " --pdfa 2a", dir / "t2.pdf").code == 0);
  CHECK(has(qdf(dir / "t2.pdf"), "<pdfaid:part>2</pdfaid:part>"));

  // A wrong value: in the template at its line and column, on the command line by CLI.
  rvtest::write(dir / "mall" / "mall.yaml", settings + "\npdfa: 3u\n");
  Run bad = render(templ, dir / "fel.pdf");
  CHECK(bad.code == 2);
  CHECK(has(bad.out, "mall.yaml:"));
  CHECK(has(bad.out, "fel: 'pdfa' ska vara 2a (standard), 1a, 2b eller av, inte '3u'"));
  CHECK_FALSE(fs::exists(dir / "fel.pdf"));
  Run bad_flag = render("bilaga data/nationell-2019 --pdfa 3u", dir / "fel.pdf");
  CHECK(bad_flag.code != 0);
  CHECK(has(bad_flag.out, "--pdfa"));
  CHECK_FALSE(fs::exists(dir / "fel.pdf"));
  fs::remove_all(dir);
}
