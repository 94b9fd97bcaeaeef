// Issue 18: in the four bundled documents no more than two hyphenated lines follow each
// other in a paragraph or cell, and no hyphen leaves a fragment under three letters, read
// from the documents' traces (a soft hyphen at a line end is shown as `\-` at the end of
// the quoted text; `lN` numbers the lines of each paragraph).
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <utility>

#include "../support/shell.hpp"
#include "swedish/utf8.hpp"

namespace {

// Letters at the end of `text` (before the hyphen) or at its start.
int letters(const std::string& text, bool at_end) {
  const auto cps = rv::sv::detail::decode_utf8(text);
  int n = 0;
  const auto letter = [](char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c >= 0xC0;
  };
  if (at_end) {
    for (auto it = cps.rbegin(); it != cps.rend() && letter(it->cp); ++it) ++n;
  } else {
    for (auto it = cps.begin(); it != cps.end() && letter(it->cp); ++it) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("hyphenation: at most two hyphenated lines in a row and no short fragments") {
  const auto dir = rvtest::temp_dir("hyphenation");
  int total_hyphens = 0;
  for (const std::string args :
       {"uppfoljning-nationell data/nationell-2019", "bilaga data/nationell-2019",
        "uppfoljning-stad data/stockholm-2017", "fordelning-beslut data/stockholm-2022"}) {
    CAPTURE(args);
    const auto trace = dir / "dok.txt";
    REQUIRE(rvtest::sh("'" + std::string(RV_BINARY) + "' skapa " + args + " --format spår -o '" +
                       trace.string() + "'")
                .code == 0);
    // (element, line) → the line's text, its pieces joined in order.
    std::map<std::pair<std::string, int>, std::string> lines;
    const std::regex text_line(R"re(^text ([A-Za-z:]+#[0-9]+) l([0-9]+) .*? "(.*)"$)re");
    std::istringstream in(rvtest::sh("cat '" + trace.string() + "'").out);
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_match(line, m, text_line)) lines[{m[1], std::stoi(m[2])}] += m[3];
    }
    REQUIRE(lines.size() > 50);
    int hyphens = 0, short_fragments = 0, longest_run = 0, run = 0;
    std::string previous_element;
    for (const auto& [key, text] : lines) {
      if (key.first != previous_element) run = 0;
      previous_element = key.first;
      const bool hyphenated = text.size() >= 2 && text.compare(text.size() - 2, 2, "\\-") == 0;
      if (!hyphenated) {
        run = 0;
        continue;
      }
      ++hyphens;
      longest_run = std::max(longest_run, ++run);
      const auto next = lines.find({key.first, key.second + 1});
      const int left = letters(text.substr(0, text.size() - 2), true);
      const int right = next == lines.end() ? 0 : letters(next->second, false);
      CAPTURE(key.first, key.second, text);
      if (left < 3 || right < 3) ++short_fragments;
      CHECK(run <= 2);
    }
    WARN(args << ": " << hyphens << " avstavade rader, längsta följd " << longest_run
              << ", fragment under tre bokstäver " << short_fragments);
    CHECK(longest_run <= 2);
    CHECK(short_fragments == 0);
    total_hyphens += hyphens;
  }
  // The documents do hyphenate: the rules are not met by turning hyphenation off.
  CHECK(total_hyphens > 100);
  rvtest::fs::remove_all(dir);
}
