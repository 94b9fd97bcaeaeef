// Issue 18: no two words on a line overlap and no word passes the right margin, in any
// bundled document, as pdftotext reads the glyph boxes back from the PDF. The national
// report's p. 13 line "… bakgrund” (47 procent) och …" printed "(47 procent)" on top of
// "och" and ran 60 pt into the margin: a word holding a no-break space ("” (47") counted
// as two words when the justified line was painted.
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "../support/shell.hpp"

namespace {

struct Word {
  double x1, y1, x2, y2;
  std::string text;
};

std::map<int, std::vector<Word>> words_by_page(const std::string& bbox_html) {
  std::map<int, std::vector<Word>> pages;
  int page = 0;
  std::regex word(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">(.*?)"
      "</word>");
  size_t at = 0;
  for (std::string line; at < bbox_html.size();) {
    size_t end = bbox_html.find('\n', at);
    line = bbox_html.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? bbox_html.size() : end + 1;
    if (line.find("<page ") != std::string::npos) ++page;
    std::smatch m;
    if (std::regex_search(line, m, word))
      pages[page].push_back({std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]),
                             m[5]});
  }
  return pages;
}

}  // namespace

TEST_CASE("no words overlap and none passes the right margin in the bundled documents") {
  const auto dir = rvtest::temp_dir("no_collision");
  constexpr double kRightEdge = 595.276 - 85.0;  // the text measure's right edge (A4, 85 pt)
  for (const std::string args :
       {"uppfoljning-nationell data/nationell-2019", "uppfoljning-stad data/stockholm-2017",
        "fordelning-beslut data/stockholm-2022", "uppfoljning-analys data/nationell-2019"}) {
    CAPTURE(args);
    const auto pdf = dir / "dok.pdf";
    REQUIRE(rvtest::sh("'" + std::string(RV_BINARY) + "' skapa " + args + " -o '" +
                       pdf.string() + "'")
                .code == 0);
    const auto html = rvtest::sh("pdftotext -bbox '" + pdf.string() + "' -");
    REQUIRE(html.code == 0);
    int checked = 0;
    for (auto& [page, words] : words_by_page(html.out)) {
      for (size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        CAPTURE(page, w.text);
        CHECK(w.x2 <= kRightEdge + 1.0);
        ++checked;
        // The next word on the same baseline (pdftotext keeps reading order).
        if (i + 1 < words.size() && std::abs(words[i + 1].y2 - w.y2) < 0.5 &&
            words[i + 1].x1 > w.x1) {
          CAPTURE(words[i + 1].text);
          CHECK(words[i + 1].x1 >= w.x2 - 0.5);
        }
      }
    }
    CHECK(checked > 100);
  }
  rvtest::fs::remove_all(dir);
}
