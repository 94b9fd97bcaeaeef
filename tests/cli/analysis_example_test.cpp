// Issue 16's acceptance: the analyst's additions to the national report, in the bundled
// example template uppfoljning-analys, render without a template warning and with figures
// that agree with the statistics: the running total over the regions ends at the regions'
// allocated sum, the three largest repayments are the three largest, the size classes
// add up to the municipalities' totals.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {
// pdftotext's text with every kind of space a plain space.
std::string plain(std::string s) {
  for (const char* nb : {"\u00A0", "\u202F", "\u2009"})
    for (size_t at; (at = s.find(nb)) != std::string::npos;) s.replace(at, std::strlen(nb), " ");
  return s;
}
}  // namespace

TEST_CASE("the analysis example renders without warnings, its figures agreeing") {
  const fs::path dir = rvtest::temp_dir("analysis");
  const std::string pdf = (dir / "analys.pdf").string();
  auto r = rvtest::sh(std::string("'") + RV_BINARY +
                      "' skapa uppfoljning-analys data/nationell-2019 -o '" + pdf + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("varning:") == std::string::npos);  // the data set's own are only counted
  CHECK(r.out.find("fel") == std::string::npos);
  const std::string text = plain(rvtest::sh("pdftotext '" + pdf + "' -").out);
  // The running total's last value and the statistics' sum, printed side by side.
  std::smatch m;
  REQUIRE(std::regex_search(text, m,
                            std::regex("fick sammanlagt ([0-9 ]+) kr, vilket\\s+är ([0-9 ]+) kr")));
  CHECK(m[1] == m[2]);
  CHECK(m[1] == "39 249 986");
  CHECK(text.find("Stockholms stad (773 332 kr), Malmö stad (548 266 kr) och") !=
        std::string::npos);
  CHECK(text.find("1 782 978 kr") != std::string::npos);  // the three together
  // The classes' total row is the municipalities' figures (appendix 1's total row).
  CHECK(text.find("79 999 893") != std::string::npos);
  CHECK(text.find("5 050 766") != std::string::npos);
  // The text refers to the table and the charts by number and page (ref, sida), never
  // typed: each page printed is the page where pdftotext finds the caption.
  std::vector<std::string> pages;
  for (size_t from = 0, ff; (ff = text.find('\f', from)) != std::string::npos; from = ff + 1)
    pages.push_back(text.substr(from, ff - from));
  auto page_of = [&](const std::string& caption) {
    for (size_t i = 0; i < pages.size(); ++i)
      if (pages[i].find(caption) != std::string::npos) return std::to_string(i + 1);
    return std::string("?");
  };
  std::string flat = std::regex_replace(text, std::regex("\\s+"), " ");
  CHECK(flat.find("Tabell 1 på sidan " + page_of("Tabell 1. Oförbrukade medel")) !=
        std::string::npos);
  CHECK(flat.find("visar diagram 3 på sidan " +
                  page_of("Diagram 3. Oförbrukade medel per region")) != std::string::npos);
  CHECK(page_of("Diagram 3.") != "?");
  // Without the illustrative question its section is left out, without a word.
  CHECK(text.find("En egen fråga") == std::string::npos);
  fs::remove_all(dir);
}

// Issue 16, point 5: the analyst's own yes/no question, its answers in a file of their own
// (data/nationell-2019-illustration), merged with the municipalities' other answers.
TEST_CASE("the analysis example with an own question: its share agrees with its answers file") {
  const fs::path dir = rvtest::temp_dir("analysis-own");
  const std::string pdf = (dir / "analys.pdf").string();
  auto r = rvtest::sh(std::string("'") + RV_BINARY +
                      "' skapa uppfoljning-analys data/nationell-2019 "
                      "data/nationell-2019-illustration -o '" +
                      pdf + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("varning:") == std::string::npos);
  CHECK(r.out.find("fel") == std::string::npos);
  // The figures, counted in the answers file itself.
  std::ifstream in("data/nationell-2019-illustration/svar-handlingsplan.yaml");
  int yes = 0, no = 0;
  for (std::string line; std::getline(in, line);) {
    yes += line.find("kommuner_handlingsplan: ja}") != std::string::npos;
    no += line.find("kommuner_handlingsplan: nej}") != std::string::npos;
  }
  REQUIRE(yes > 0);
  REQUIRE(no > 0);
  const int n = yes + no;
  const std::string text = plain(rvtest::sh("pdftotext '" + pdf + "' -").out);
  const std::string expected = std::to_string(std::lround(100.0 * yes / n)) + " procent (" +
                               std::to_string(yes) + " av " + std::to_string(n) +
                               " kommuner) svarade ja";
  CHECK(text.find(expected) != std::string::npos);
  CHECK(text.find("Övriga " + std::to_string(no) + " kommuner svarade nej") != std::string::npos);
  // The other answers are still there: the sections before are unchanged.
  CHECK(text.find("Stockholms stad (773 332 kr), Malmö stad (548 266 kr) och") !=
        std::string::npos);
  fs::remove_all(dir);
}
