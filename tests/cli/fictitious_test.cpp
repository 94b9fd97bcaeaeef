// Issue 19: bundled documents never print invented figures as facts. A data set that says
// what in it is invented (dokument.fiktiva_uppgifter) yields documents with "Exempel –
// fiktiva uppgifter" on every page and an opening notice; one with real data has neither.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::has;
using rvtest::rv;
using rvtest::sh;

namespace {

const std::string kMark = "Exempel \u2013 fiktiva uppgifter";

int pages_of(const fs::path& pdf) {
  auto r = sh("pdfinfo '" + pdf.string() + "' | sed -n 's/^Pages: *//p'");
  REQUIRE(r.code == 0);
  return std::stoi(r.out);
}

std::string page_text(const fs::path& pdf, int page) {
  auto r = sh("pdftotext -f " + std::to_string(page) + " -l " + std::to_string(page) + " '" +
              pdf.string() + "' -");
  REQUIRE(r.code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("invented data is marked on every page, real data is not", "[cli][fiktiva]") {
  const fs::path dir = rvtest::temp_dir("fiktiva");
  struct Case {
    std::string args, pdf;
    bool invented;
  };
  const Case cases[] = {
      {"uppfoljning-stad data/stockholm-2017", "stad.pdf", true},
      {"fordelning-beslut data/stockholm-2022", "beslut.pdf", true},
      {"fordelning-beslut data/exempelby-2024", "exempelby.pdf", true},
      {"uppfoljning-analys data/nationell-2019 data/nationell-2019-illustration", "analys.pdf",
       true},
      {"bilaga data/nationell-2019", "bilaga.pdf", false},
  };
  for (const auto& c : cases) {
    const fs::path pdf = dir / c.pdf;
    auto r = sh(rv("skapa " + c.args + " -o '" + pdf.string() + "'"));
    INFO(c.args << "\n" << r.out);
    REQUIRE(r.code == 0);
    const int n = pages_of(pdf);
    REQUIRE(n >= 1);
    for (int i = 1; i <= n; ++i) {
      INFO("sidan " << i);
      CHECK(has(page_text(pdf, i), kMark) == c.invented);
    }
    // The opening notice says what is invented, as text a screen reader reads (tagged).
    auto all = sh("pdftotext '" + pdf.string() + "' -");
    CHECK(has(all.out, kMark + ". ") == c.invented);
  }
  fs::remove_all(dir);
}

TEST_CASE("fiktiva_uppgifter must be a text, reported at its position", "[cli][fiktiva]") {
  const fs::path dir = rvtest::temp_dir("fiktiva_typ");
  sh("cp -r data/exempelby-2024 '" + dir.string() + "/d'");
  rvtest::replace_in(
      dir / "d/dokument.yaml",
      "  fiktiva_uppgifter: Exempelby kommun och alla uppgifter om den är påhittade.",
      "  fiktiva_uppgifter: [dnr, namn]");
  auto r = sh(rv("kontrollera '" + (dir / "d").string() + "'"));
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(has(r.out, "dokument.yaml:5:22: fel:"));
  CHECK(has(r.out, "fiktiva_uppgifter"));
  fs::remove_all(dir);
}
