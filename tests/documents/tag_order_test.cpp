// Issue 17: the tag tree's headings as a screen reader walks them. In every bundled
// document the heading levels never skip one (H1 then H3), whatever the template's
// Markdown levels, and the table of contents' own heading is not one of its items.
#include <catch2/catch.hpp>
#include <regex>
#include <set>
#include <string>

#include "../support/shell.hpp"

namespace {

// The heading levels of the trace's text lines, one per heading element, in order.
std::vector<int> heading_levels(const std::string& trace) {
  std::vector<int> out;
  std::set<std::string> seen;
  std::regex h("\ntext H([1-3])#([0-9]+) ");
  for (auto it = std::sregex_iterator(trace.begin(), trace.end(), h); it != std::sregex_iterator();
       ++it)
    if (seen.insert((*it)[2]).second) out.push_back(std::stoi((*it)[1]));
  return out;
}

}  // namespace

TEST_CASE("headings never skip a level in the tags of any bundled document") {
  const auto dir = rvtest::temp_dir("tag_order");
  for (const std::string args :
       {"uppfoljning-nationell data/nationell-2019", "uppfoljning-stad data/stockholm-2017",
        "fordelning-beslut data/stockholm-2022", "bilaga data/nationell-2019",
        "uppfoljning-analys data/nationell-2019"}) {
    CAPTURE(args);
    const auto out = dir / "spår.txt";
    auto r = rvtest::sh("'" + std::string(RV_BINARY) + "' skapa " + args + " --format spår -o '" +
                        out.string() + "'");
    REQUIRE(r.code == 0);
    const std::vector<int> levels = heading_levels(rvtest::read(out));
    REQUIRE_FALSE(levels.empty());
    CHECK(levels.front() == 1);
    for (size_t i = 1; i < levels.size(); ++i) {
      CAPTURE(i);
      CHECK(levels[i] <= levels[i - 1] + 1);
    }
  }
  rvtest::fs::remove_all(dir);
}

TEST_CASE("a memo's first-page header is content, read before the body, later pages' is not") {
  const auto dir = rvtest::temp_dir("tag_memo");
  const auto pdf = dir / "memo.pdf";
  auto r = rvtest::sh("'" + std::string(RV_BINARY) +
                      "' skapa fordelning-beslut data/stockholm-2022 -o '" + pdf.string() + "'");
  REQUIRE(r.code == 0);
  const std::string tree = rvtest::sh("pdfinfo -struct-text '" + pdf.string() + "'").out;
  const size_t dnr = tree.find("\"Dnr SOF 2022/");
  const size_t to = tree.find("\"Till Socialnämnden\"");
  const size_t h1 = tree.find("H1 (block)");
  REQUIRE(dnr != std::string::npos);
  REQUIRE(to != std::string::npos);
  REQUIRE(h1 != std::string::npos);
  CHECK(dnr < h1);
  CHECK(to < h1);
  // Tagged once: page 2's header repeats the Dnr as an artifact.
  CHECK(tree.find("\"Dnr SOF 2022/", dnr + 1) == std::string::npos);
  CHECK(tree.find("Sida 1 (") == std::string::npos);
  rvtest::fs::remove_all(dir);
}
