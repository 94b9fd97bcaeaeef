// Issue 17's acceptance for the text layer: pdftotext (no options) of the national report has
// no line-end hyphen that is not in the source text (a line-break hyphen is a soft hyphen,
// U+00AD), and the tag tree's text (pdfinfo -struct-text) reads words separated by spaces:
// every word it has is a word of the page text too, never two glued ("närarelationer").
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../support/pdf_text.hpp"
#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

std::set<std::string> words(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

// The texts of the tag tree's leaf elements in `pdfinfo -struct-text`: an element whose
// lines below it hold one quoted text and no further element. (An element with children,
// such as a paragraph with a footnote mark, is listed in pieces, whose joints the listing
// does not show.)
std::string leaf_texts(const std::string& listing) {
  struct Line {
    size_t indent;
    bool text, element;
    std::string content;
  };
  std::vector<Line> lines;
  std::istringstream in(listing);
  for (std::string l; std::getline(in, l);) {
    const size_t indent = l.find_first_not_of(' ');
    if (indent == std::string::npos) continue;
    const std::string rest = l.substr(indent);
    const bool text = rest.front() == '"';
    const bool element = !text && rest.front() != '/' && rest.rfind("Object ", 0) != 0;
    lines.push_back({indent, text, element, rest});
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].element) continue;
    int texts = 0, elements = 0;
    std::string text;
    for (size_t k = i + 1; k < lines.size() && lines[k].indent > lines[i].indent; ++k) {
      elements += lines[k].element;
      if (lines[k].text) {
        ++texts;
        text = lines[k].content.substr(1, lines[k].content.size() - 2);
      }
    }
    if (texts == 1 && elements == 0) out += text + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("national report: no line-break hyphen in the text layer, tag text in whole words") {
  const fs::path dir = rvtest::temp_dir("text_layer");
  const std::string pdf = (dir / "r.pdf").string();
  auto r = rvtest::sh(std::string("'") + RV_BINARY +
                      "' skapa uppfoljning-nationell data/nationell-2019 -o '" + pdf + "'");
  REQUIRE(r.code == 0);
  const std::string page_text = rvtest::sh("pdftotext '" + pdf + "' -").out;
  const std::string tags =
      rvtest::pdf_plain(leaf_texts(rvtest::sh("pdfinfo -struct-text '" + pdf + "'").out));
  REQUIRE(tags.size() > 10000);
  const std::string flat_tags = rvtest::flatten_words(tags);

  // Lines broken with a hyphen: the soft ones (the breaks we make) and U+002D ones, which
  // must be hyphens of the text itself ("utvecklings- och", "Rinkeby-" + "Kista").
  int soft = 0, hard = 0;
  std::istringstream lines(page_text);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() >= 2 && line.compare(line.size() - 2, 2, "\u00AD") == 0) ++soft;
    if (line.empty() || line.back() != '-') continue;
    ++hard;
    const std::string last = line.substr(line.find_last_of(' ') + 1);
    INFO("rad som slutar med bindestreck: " << line);
    // In the source the hyphen stands before a space or joins two parts of a name.
    CHECK(flat_tags.find(last) != std::string::npos);  // "stimulansme-" never is
  }
  CHECK(soft > 20);  // the report does hyphenate: the check above is not vacuous
  INFO("radslut med bindestreck i texten: " << hard);

  // Every word of the tag tree is a word of the page text.
  // The page text's words in content order (-raw): pdftotext's default reading order may
  // run two close table columns into one line, which says nothing about the tags.
  const std::string raw_text = rvtest::sh("pdftotext -raw '" + pdf + "' -").out;
  const std::set<std::string> page_words = words(rvtest::flatten_words(raw_text));
  int checked = 0;
  for (const std::string& w : words(flat_tags)) {
    ++checked;
    // A compound with a hard hyphen broken after it ("V.I.P.-|programmet") is one word in
    // the tags and, as pdftotext cannot tell such a hyphen from a dash, two on the page.
    const size_t dash = w.find('-');
    if (page_words.count(w) == 0 && dash != std::string::npos && dash + 1 < w.size() &&
        page_words.count(w.substr(0, dash + 1)) && page_words.count(w.substr(dash + 1)))
      continue;
    if (page_words.count(w) == 0) {
      INFO("ord i taggträdet som inte finns i sidtexten: " << w);
      CHECK(page_words.count(w) == 1);
    }
  }
  CHECK(checked > 1000);
  fs::remove_all(dir);
}
