// skapa --per-mottagare from the command line: failures named per recipient, condition
// errors with a caret, the letter's addressee block and page numbers.
#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

// A copy of the bundled repayment letter with mall.md (and optionally mall.yaml) replaced.
fs::path letter_template(const std::string& tag, const std::string& body,
                         const std::string& yaml_from = "", const std::string& yaml_to = "") {
  fs::path dir = rvtest::temp_dir(tag) / "mall";
  fs::create_directories(dir);
  fs::path src = fs::path(RV_SOURCE_DIR) / "templates" / "aterbetalning";
  std::string yaml = rvtest::read(src / "mall.yaml");
  if (!yaml_from.empty()) {
    auto at = yaml.find(yaml_from);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, yaml_from.size(), yaml_to);
  }
  rvtest::write(dir / "mall.yaml", yaml);
  rvtest::write(dir / "mall.md", body);
  return dir;
}

std::string batch(const fs::path& templ, const std::string& condition, const fs::path& out) {
  return std::string(RV_BINARY) + " skapa '" + templ.string() +
         "' data/nationell-2019 --per-mottagare --urval \"" + condition + "\" -o '" + out.string() +
         "'";
}

size_t pdfs(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.path().extension() == ".pdf";
  return n;
}

}  // namespace

TEST_CASE("batch: one recipient's error names it and the others are written", "[batch][cli]") {
  fs::path t = letter_template(
      "batch_one_fails",
      "Text.\n{% if mottagare.namn == \"Region Blekinge\" %}{{ mottagare.saknas }}{% endif %}\n");
  fs::path out = t.parent_path() / "ut";
  auto r = rvtest::sh(batch(t, "grupp = regioner", out));
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("Region Blekinge: ") != std::string::npos);
  CHECK(r.out.find("mall.md:2:") != std::string::npos);
  CHECK(pdfs(out) == 12);  // the 13 regions with funds left (the letter's own urval) but one
  CHECK_FALSE(fs::exists(out / "Region Blekinge.pdf"));
  CHECK(rvtest::read(out / "förteckning.csv").find("Region Blekinge") == std::string::npos);
  CHECK(r.out.find("1 mottagare fick inget dokument") != std::string::npos);
  fs::remove_all(t.parent_path());
}

TEST_CASE("batch: a misspelt field in --urval points at it and suggests the field",
          "[batch][cli]") {
  fs::path out = rvtest::temp_dir("batch_urval");
  auto r = rvtest::sh(std::string(RV_BINARY) +
                      " skapa aterbetalning data/nationell-2019 --per-mottagare --urval "
                      "\"grupp = kommuner and oförbrukad > 0\" -o '" +
                      out.string() + "'");
  CHECK(r.code == 2);
  CHECK(r.out.find("--urval:1:22: fel: okänt fält 'oförbrukad'; menade du 'oförbrukat'?") !=
        std::string::npos);
  CHECK(r.out.find("\n" + std::string(2 + 21, ' ') + "^") != std::string::npos);  // column 22
  CHECK(pdfs(out) == 0);
  auto alone = rvtest::sh(std::string(RV_BINARY) +
                          " skapa aterbetalning data/nationell-2019 --urval \"oförbrukat > 0\"");
  CHECK(alone.code == 2);
  CHECK(alone.out.find("--urval gäller bara med --per-mottagare") != std::string::npos);
  fs::remove_all(out);
}

TEST_CASE("brev: an empty addressee block is an error naming the recipient", "[batch][cli]") {
  fs::path t = letter_template("batch_no_address", "Text.\n", "- \"{{ mottagare.organisation }}\"",
                               "- \"{% if mottagare.adressat | finns %}x{% endif %}\"");
  fs::path out = t.parent_path() / "ut";
  auto r = rvtest::sh(batch(t, "namn = 'Region Gotland' or namn = 'Region Blekinge'", out));
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("Region Gotland: ") != std::string::npos);
  CHECK(r.out.find("Region Blekinge: ") != std::string::npos);
  CHECK(r.out.find("mottagarblock") != std::string::npos);
  CHECK(pdfs(out) == 0);
  fs::remove_all(t.parent_path());
}

TEST_CASE("brev: 'Sida x (y)' only when the letter has more than one page", "[batch][cli]") {
  fs::path one = rvtest::temp_dir("batch_one_page");
  auto r = rvtest::sh(std::string(RV_BINARY) +
                      " skapa aterbetalning data/nationell-2019 --per-mottagare --urval "
                      "\"namn = 'Ale kommun'\" -o '" +
                      one.string() + "'");
  REQUIRE(r.code == 0);
  auto text = rvtest::sh("pdftotext '" + (one / "Ale kommun.pdf").string() + "' -");
  CHECK(text.out.find("Ale kommun") != std::string::npos);
  CHECK(text.out.find("Sida") == std::string::npos);
  fs::remove_all(one);

  std::string longer;
  for (int i = 0; i < 60; ++i)
    longer += "Ett stycke brödtext som fyller sidan, rad " + std::to_string(i) + ".\n\n";
  fs::path t = letter_template("batch_two_pages", longer);
  fs::path out = t.parent_path() / "ut";
  r = rvtest::sh(batch(t, "namn = 'Ale kommun'", out));
  REQUIRE(r.code == 0);
  text = rvtest::sh("pdftotext '" + (out / "Ale kommun.pdf").string() + "' -");
  CHECK(text.out.find("Sida 1 (") != std::string::npos);
  CHECK(text.out.find("Sida 2 (") != std::string::npos);
  fs::remove_all(t.parent_path());
}

TEST_CASE("batch: parallel runs give the same files, no progress line without a terminal",
          "[batch][cli]") {
  fs::path dir = rvtest::temp_dir("batch_repeat");
  std::string manifests[2];
  for (int i = 0; i < 2; ++i) {
    fs::path out = dir / std::to_string(i);
    auto r = rvtest::sh(std::string(RV_BINARY) +
                        " skapa aterbetalning data/nationell-2019 --per-mottagare --urval "
                        "\"oförbrukat > 0\" -o '" +
                        out.string() + "'");
    REQUIRE(r.code == 0);
    CHECK(r.out.find('\r') == std::string::npos);
    CHECK(r.out.find("Skrev 76 dokument") != std::string::npos);
    manifests[i] = rvtest::read(out / "förteckning.csv");
  }
  CHECK(manifests[0] == manifests[1]);  // the same bytes, whichever thread wrote which letter
  CHECK(manifests[0].find("Ale kommun,Ale kommun.pdf,109021,1,") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("batch: --samlad joins the letters with one bookmark per recipient", "[batch][cli]") {
  fs::path dir = rvtest::temp_dir("batch_samlad");
  auto r = rvtest::sh(std::string(RV_BINARY) +
                      " skapa besked-fordelning data/nationell-2019 --per-mottagare --urval "
                      "\"grupp = regioner\" -o '" +
                      (dir / "brev").string() + "' --samlad '" + (dir / "alla.pdf").string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(rvtest::sh("qpdf --check '" + (dir / "alla.pdf").string() + "' >/dev/null").code == 0);
  auto pages = rvtest::sh("qpdf --show-npages '" + (dir / "alla.pdf").string() + "'");
  CHECK(pages.out == "21\n");
  // The outline's first level: the recipients, in the manifest's order, each at its letter.
  auto outline = rvtest::sh("qpdf --json --json-key=outlines '" + (dir / "alla.pdf").string() +
                            "' | python3 -c 'import json,sys; "
                            "[print(o[\"title\"], o[\"destpageposfrom1\"]) for o in "
                            "json.load(sys.stdin)[\"outlines\"]]'");
  REQUIRE(outline.code == 0);
  CHECK(outline.out.find("Region Blekinge 1\nRegion Dalarna 2\n") == 0);
  CHECK(outline.out.find("Västra Götalandsregionen 21\n") != std::string::npos);
  auto text = rvtest::sh("pdftotext -f 21 -l 21 '" + (dir / "alla.pdf").string() + "' -");
  CHECK(text.out.find("Västra Götalandsregionen") != std::string::npos);
  CHECK(text.out.find("Sida") == std::string::npos);  // each letter keeps its own numbering
  fs::remove_all(dir);
}

TEST_CASE("brev: a postal address in the data set fills the addressee block and stays with init",
          "[batch][cli][adress]") {
  fs::path dir = rvtest::temp_dir("batch_address");
  fs::copy(fs::path(RV_SOURCE_DIR) / "data" / "nationell-2019", dir / "data");
  fs::path file = dir / "data" / "kommuner.yaml";
  std::string yaml = rvtest::read(file);
  const std::string row = "{namn: Ale kommun,";
  auto at = yaml.find(row);
  REQUIRE(at != std::string::npos);
  yaml.insert(at + row.size(),
              " adressat: Socialnämnden, utdelningsadress: Box 73, postnummer: 449 80, "
              "postort: Alafors,");
  rvtest::write(file, yaml);
  auto r = rvtest::sh(std::string(RV_BINARY) + " skapa aterbetalning '" + (dir / "data").string() +
                      "' --per-mottagare --urval \"namn = 'Ale kommun' or namn = 'Avesta "
                      "kommun'\" -o '" +
                      (dir / "ut").string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  auto ale = rvtest::sh("pdftotext -layout '" + (dir / "ut" / "Ale kommun.pdf").string() + "' -");
  CHECK(ale.out.find("Ale kommun\n") != std::string::npos);
  CHECK(ale.out.find("Socialnämnden\n") != std::string::npos);
  CHECK(ale.out.find("Box 73\n") != std::string::npos);
  CHECK(ale.out.find("449 80 Alafors\n") != std::string::npos);
  // Without an address the block is the name alone: nothing is made up.
  auto avesta =
      rvtest::sh("pdftotext -layout '" + (dir / "ut" / "Avesta kommun.pdf").string() + "' -");
  CHECK(avesta.out.find("Avesta kommun\n") != std::string::npos);
  CHECK(avesta.out.find("Box") == std::string::npos);
  CHECK(avesta.out.find("Socialnämnden") == std::string::npos);

  auto init = rvtest::sh(std::string(RV_BINARY) + " init --från '" + (dir / "data").string() +
                         "' '" + (dir / "nästa").string() + "'");
  INFO(init.out);
  REQUIRE(init.code == 0);
  std::string next = rvtest::read(dir / "nästa" / "kommuner.yaml");
  CHECK(next.find("adressat: Socialnämnden, utdelningsadress: Box 73, postnummer: \"449 80\", "
                  "postort: Alafors") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("batch: a progress line on a terminal, rewritten in place", "[batch][cli]") {
  if (rvtest::sh("command -v script").code != 0) {
    WARN("script(1) saknas: testet hoppas över");
    return;
  }
  fs::path dir = rvtest::temp_dir("batch_progress");
  // script(1) gives the batch a terminal for stdout and stderr.
  auto r = rvtest::sh("script -qec \"" + std::string(RV_BINARY) +
                      " skapa aterbetalning data/nationell-2019 --per-mottagare --urval "
                      "'grupp = regioner and oförbrukat > 0' -o '" +
                      (dir / "ut").string() + "'\" /dev/null");
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("\r\033[K1/13 ") != std::string::npos);
  CHECK(r.out.find("\r\033[K13/13 ") != std::string::npos);
  CHECK(r.out.find("Skrev 13 dokument") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("batch: the new templates add no warnings to the data set's own", "[batch][cli]") {
  auto check = rvtest::sh(std::string(RV_BINARY) + " kontrollera data/nationell-2019");
  auto at = check.out.find(" varningar.");
  REQUIRE(at != std::string::npos);
  auto from = check.out.rfind(' ', at - 1) + 1;
  const std::string data_warnings = check.out.substr(from, at - from);
  fs::path dir = rvtest::temp_dir("batch_warnings");
  for (const char* templ : {"aterbetalning", "besked-fordelning"}) {
    auto r = rvtest::sh(std::string(RV_BINARY) + " skapa " + templ +
                        " data/nationell-2019 --per-mottagare -o '" + (dir / templ).string() + "'");
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("(" + data_warnings + " varningar i indata") != std::string::npos);
  }
  fs::remove_all(dir);
}

TEST_CASE("brev: the template's own urval applies, and its errors point into mall.yaml",
          "[batch][cli]") {
  fs::path t = letter_template("batch_own_urval", "Text.\n", "urval: oförbrukat > 0",
                               "urval: grupp = regioner and oförbrukt > 0");
  fs::path out = t.parent_path() / "ut";
  auto r = rvtest::sh(batch(t, "oförbrukat > 0", out));
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("mall.yaml:") != std::string::npos);
  CHECK(r.out.find("mall.yaml:31:31: fel: okänt fält 'oförbrukt'; menade du 'oförbrukat'?") !=
        std::string::npos);
  fs::remove_all(t.parent_path());
}

TEST_CASE("batch: -o must be a folder, --samlad a file", "[batch][cli]") {
  fs::path dir = rvtest::temp_dir("batch_targets");
  rvtest::write(dir / "fil", "x");
  const std::string cmd =
      std::string(RV_BINARY) + " skapa aterbetalning data/nationell-2019 --per-mottagare";
  auto none = rvtest::sh(cmd);
  CHECK(none.code == 2);
  CHECK(none.out.find("ange en mapp med -o <mapp>") != std::string::npos);
  auto file = rvtest::sh(cmd + " -o '" + (dir / "fil").string() + "'");
  CHECK(file.code == 2);
  CHECK(file.out.find("kan inte skapa mappen för dokumenten") != std::string::npos);
  auto stdout_combined = rvtest::sh(cmd + " -o '" + (dir / "ut").string() + "' --samlad -");
  CHECK(stdout_combined.code == 2);
  CHECK(stdout_combined.out.find("--samlad skriver en fil") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "ut" / "förteckning.csv"));  // refused before any work
  fs::remove_all(dir);
}

TEST_CASE("brev: a letter template without --per-mottagare says how to run it", "[batch][cli]") {
  fs::path dir = rvtest::temp_dir("batch_hint");
  auto r = rvtest::sh(std::string(RV_BINARY) + " skapa aterbetalning data/nationell-2019 -o '" +
                      (dir / "x.pdf").string() + "'");
  CHECK(r.code == 2);
  CHECK(r.out.find("kör den med --per-mottagare -o <mapp>") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
  fs::remove_all(dir);
}
