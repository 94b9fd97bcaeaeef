// Issue 18, micro-typography: dot leaders in the table of contents. Every entry of the
// national report's contents has a run of dots between its text and its page number, as a
// layout artifact (not read aloud), ending at one place so the dots stand in columns.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "../support/shell.hpp"

TEST_CASE("table of contents: dot leaders between each entry and its page number") {
  auto r = rvtest::sh(std::string("'") + RV_BINARY +
                      "' skapa uppfoljning-nationell data/nationell-2019 --format spår -o -");
  REQUIRE(r.code == 0);
  // The contents page: from "Innehåll" to the next page.
  const size_t at = r.out.find("\"Innehåll");
  REQUIRE(at != std::string::npos);
  const size_t end = r.out.find("\npage ", at);
  std::istringstream in(r.out.substr(at, end - at));
  const std::regex run(R"re(^text (\S+) .* x=(\S+) y=(\S+) w=(\S+) "(.*)"$)re");
  struct Line {
    float text_end = -1, leader_x = -1, leader_end = -1, number_x = -1;
  };
  std::map<std::string, Line> lines;  // by y
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (!std::regex_match(l, m, run)) continue;
    const float x = std::stof(m[2]), w = std::stof(m[4]);
    Line& line = lines[m[3]];
    const std::string text = m[5];
    if (m[1] == "Artifact" && text.rfind(". . .", 0) == 0) {
      line.leader_x = x;
      line.leader_end = x + w;
    } else if (std::regex_match(text, std::regex(" [0-9]+"))) {
      line.number_x = x;
    } else if (m[1].str().rfind("Link#", 0) == 0) {
      line.text_end = std::max(line.text_end, x + w);
    }
  }
  int entries = 0;
  std::set<int> leader_ends;
  for (const auto& [y, line] : lines) {
    if (line.number_x < 0) continue;
    ++entries;
    INFO("rad y=" << y);
    REQUIRE(line.leader_x >= 0);
    CHECK(line.leader_x > line.text_end);    // after the entry's text
    CHECK(line.leader_end < line.number_x);  // before its number
    leader_ends.insert(static_cast<int>(line.leader_end * 10 + 0.5f));
  }
  CHECK(entries >= 25);
  CHECK(leader_ends.size() <= 2);  // in columns: (ends differ only by a dot's rounding)
}
