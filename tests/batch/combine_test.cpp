// --samlad's joining of laid-out letters: pages, structure nodes and outline renumbered.
#include "batch/combine.hpp"

#include <catch2/catch.hpp>

using namespace rv;

namespace {

layout::Pages letter(const std::string& word, int pages) {
  layout::Pages p;
  p.meta.title = "Brev";
  p.nodes.push_back(layout::StructNode{layout::Role::Document, -1, {}, {}, 0, 0, {}});
  for (int i = 0; i < pages; ++i) {
    p.nodes.push_back(layout::StructNode{layout::Role::P, 0, {}, {}, 0, i, {}});
    layout::Page page;
    layout::TextRun run;
    run.text = word;
    run.node = static_cast<int>(p.nodes.size()) - 1;
    page.items.emplace_back(run);
    page.items.emplace_back(layout::RuleItem{});  // an artifact (node -1)
    p.pages.push_back(std::move(page));
  }
  p.outline.push_back({2, "Rubrik", pages - 1, 500});
  p.anchors.push_back({"rubrik", pages - 1, 500});
  return p;
}

}  // namespace

TEST_CASE("combine: letters' pages, nodes and outline in one document", "[batch][samlad]") {
  std::vector<batch::Part> parts;
  parts.push_back({"Ale kommun", letter("ale", 1)});
  parts.push_back({"Region Skåne", letter("skåne", 2)});
  layout::Pages all = batch::combine(parts, "Besked – 2 mottagare");
  CHECK(all.meta.title == "Besked – 2 mottagare");
  REQUIRE(all.pages.size() == 3);
  REQUIRE(all.nodes.size() == 4);  // one Document and the three paragraphs
  CHECK(all.nodes[0].role == layout::Role::Document);
  for (size_t k = 1; k < 4; ++k) {
    CHECK(all.nodes[k].parent == 0);
    CHECK(all.nodes[k].page == static_cast<int>(k) - 1);
  }
  // Each page's text points at its own paragraph; artifacts stay artifacts.
  for (size_t pi = 0; pi < 3; ++pi) {
    CHECK(std::get<layout::TextRun>(all.pages[pi].items[0]).node == static_cast<int>(pi) + 1);
    CHECK(std::get<layout::RuleItem>(all.pages[pi].items[1]).node == -1);
  }
  CHECK(std::get<layout::TextRun>(all.pages[2].items[0]).text == "skåne");
  REQUIRE(all.outline.size() == 4);
  CHECK(all.outline[0].title == "Ale kommun");
  CHECK(all.outline[0].level == 1);
  CHECK(all.outline[0].page == 0);
  CHECK(all.outline[1].level == 3);  // the letter's own level 2, one below its recipient
  CHECK(all.outline[2].title == "Region Skåne");
  CHECK(all.outline[2].page == 1);
  CHECK(all.outline[3].page == 2);
  REQUIRE(all.anchors.size() == 2);
  CHECK(all.anchors[0].id != all.anchors[1].id);  // the same heading id in both letters
  CHECK(all.anchors[1].page == 2);
}
