// Page building on the bundled documents, measured on the text trace: Tabell 2 of the
// national report on one page, no body page less than a third full except the last page
// of a chapter, and no page whose last body line ends with a hyphenated word.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "../support/shell.hpp"

namespace {

struct TracePage {
  std::vector<std::string> lines;
};

std::vector<TracePage> trace(const std::string& args) {
  auto dir = rvtest::temp_dir("sidbygge");
  auto out = dir / "spår.txt";
  auto r = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa " + args +
                      " --format spår -o '" + out.string() + "'");
  REQUIRE(r.code == 0);
  std::istringstream in(rvtest::read(out));
  rvtest::fs::remove_all(dir);
  std::vector<TracePage> pages;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("page ", 0) == 0)
      pages.emplace_back();
    else if (!pages.empty())
      pages.back().lines.push_back(line);
  }
  return pages;
}

// A text or drawing of the body (not page furniture, not a footnote).
bool body(const std::string& line) {
  if (line.rfind("text ", 0) != 0 && line.rfind("rule ", 0) != 0 && line.rfind("rect ", 0) != 0)
    return false;
  const std::string tag = line.substr(5, line.find(' ', 5) - 5);
  return tag.rfind("Artifact", 0) != 0 && tag.rfind("Note", 0) != 0;
}

float number(const std::string& line, const std::string& key) {
  std::smatch m;
  const std::regex re(" " + key + "=([0-9.]+)");
  return std::regex_search(line, m, re) ? std::stof(m[1]) : -1;
}

constexpr float kBodyTop = 841.89f - 79.0f, kBodyHeight = 841.89f - 2 * 79.0f;

float fill(const TracePage& p) {
  float low = kBodyTop;
  for (const std::string& l : p.lines) {
    if (!body(l)) continue;
    const float y = l[0] == 'r' && l[1] == 'u' ? number(l, "y1") : number(l, "y");
    if (y >= 0) low = std::min(low, l[0] == 't' ? y - 3 : y);
  }
  return (kBodyTop - low) / kBodyHeight;
}

bool opens_chapter(const TracePage& p) {
  for (const std::string& l : p.lines)
    if (body(l) && l.rfind("text ", 0) == 0) return l.rfind("text H1#", 0) == 0;
  return false;
}

// The body line set lowest on the page (the last one read).
std::string last_line(const TracePage& p) {
  std::string last;
  float low = 1e9f;
  for (const std::string& l : p.lines) {
    if (!body(l) || l.rfind("text ", 0) != 0) continue;
    const float y = number(l, "y");
    if (y <= low + 0.01f) {
      low = std::min(low, y);
      last = l;
    }
  }
  return last;
}

const char* kDocuments[] = {
    "uppfoljning-nationell data/nationell-2019",
    "uppfoljning-stad data/stockholm-2017",
    "fordelning-beslut data/stockholm-2022",
    "bilaga data/nationell-2019",
};

}  // namespace

TEST_CASE("page building: Tabell 2 of the national report is on one page") {
  const std::vector<TracePage> pages = trace("uppfoljning-nationell data/nationell-2019");
  int caption = -1, source = -1;
  for (size_t i = 0; i < pages.size(); ++i)
    for (const std::string& l : pages[i].lines) {
      if (l.find("\"Tabell 2. \"") != std::string::npos) caption = static_cast<int>(i);
      if (caption >= 0 && source < 0 && l.find("\"Källa:") != std::string::npos)
        source = static_cast<int>(i);
    }
  REQUIRE(caption >= 0);
  REQUIRE(source >= 0);
  CHECK(caption == source);
}

TEST_CASE("page building: the bundled documents fill their pages and keep words whole") {
  for (const char* args : kDocuments) {
    const std::vector<TracePage> pages = trace(args);
    REQUIRE(!pages.empty());
    for (size_t i = 0; i + 1 < pages.size(); ++i) {
      INFO(args << ", sida " << i + 1);
      if (!opens_chapter(pages[i + 1])) CHECK(fill(pages[i]) >= 1.0f / 3.0f);
      const std::string last = last_line(pages[i]);
      INFO("sista raden: " << last);
      CHECK_FALSE((last.size() >= 3 && last.compare(last.size() - 3, 3, "\\-\"") == 0));
    }
  }
}
