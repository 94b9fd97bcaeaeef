// Issue 18: column widths fitted to the cells. The appendix tables' headings wrapped to four
// or five lines over narrow columns of figures while the name column had room to spare;
// now no heading takes more than three lines, and nineteen names in twenty stay on one line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

struct Cells {
  std::map<std::string, int> heading_lines;  // header cell node → lines
  std::map<std::string, int> label_lines;    // row label node → lines
  std::map<std::string, std::string> text;   // node → its first line
};

// The trace's cells: a table's header cells are the TH nodes between its caption and the
// first row's label (the TH just before its first TD); every later TH labels a row.
Cells cells_of(const std::string& trace) {
  Cells out;
  std::istringstream in(trace);
  const std::regex line(R"re(^text (Caption|TH|TD)(#\d+) l(\d+) .*"(.*)"$)re");
  bool header = false;
  std::string last;
  for (std::string s; std::getline(in, s);) {
    std::smatch m;
    if (!std::regex_match(s, m, line)) continue;
    const std::string kind = m[1], node = m[2];
    if (kind == "Caption") header = true;
    if (kind == "TD" && header) {  // the TH just before labels the first row
      header = false;
      out.label_lines[last] = out.heading_lines[last];
      out.heading_lines.erase(last);
    }
    if (kind != "TH") continue;
    last = node;
    auto& lines = header ? out.heading_lines : out.label_lines;
    lines[node] = std::max(lines[node], std::stoi(m[3]) + 1);
    out.text.emplace(node, m[4]);
  }
  return out;
}

}  // namespace

TEST_CASE("appendix tables: headings on at most three lines, names on one",
          "[documents][table-columns]") {
  const fs::path dir = rvtest::temp_dir("table_columns");
  const fs::path trace = dir / "bilagor.txt";
  auto r = rvtest::sh(
      rvtest::rv("skapa bilaga data/nationell-2019 --format spår -o '" + trace.string() + "'"));
  INFO(r.out);
  REQUIRE(r.code == 0);
  const Cells c = cells_of(rvtest::read(trace));
  REQUIRE(c.heading_lines.size() == 7 + 7 + 5);  // Bilaga 1, 2 and 3
  for (const auto& [node, lines] : c.heading_lines) {
    INFO(c.text.at(node));
    CHECK(lines <= 3);
  }
  REQUIRE(c.label_lines.size() >= 290 + 21 + 24);
  size_t wrapped = 0;
  for (const auto& [node, lines] : c.label_lines) wrapped += lines > 1;
  CHECK(wrapped * 20 <= c.label_lines.size());
  fs::remove_all(dir);
}
