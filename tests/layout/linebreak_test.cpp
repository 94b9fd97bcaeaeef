// Knuth–Plass line breaking on hand-made items.
#include "layout/linebreak.hpp"

#include <catch2/catch.hpp>

using namespace rv::layout;

namespace {

std::vector<KPItem> words(int n, float word, float space) {
  std::vector<KPItem> items;
  for (int i = 0; i < n; ++i) {
    if (i) items.push_back({KPItem::Glue, space, space / 2, space / 3});
    items.push_back({KPItem::Box, word});
  }
  items.push_back({KPItem::Glue, 0, 1e5f, 0});
  items.push_back({KPItem::Penalty, 0, 0, 0, -kInfPenalty});
  return items;
}

}  // namespace

TEST_CASE("layout: equal words break into full lines within tolerance") {
  const auto items = words(20, 30, 5);
  const auto breaks = break_lines(items, {100}, {});
  REQUIRE(breaks.size() >= 2);
  CHECK(breaks.back() == items.size() - 1);
  size_t from = 0;
  for (size_t k = 0; k + 1 < breaks.size(); ++k) {
    while (items[from].type != KPItem::Box) ++from;
    const float r = adjustment_ratio(items, from, breaks[k], 100);
    CHECK(r >= -1.0f);
    CHECK(r <= 2.0f);
    from = breaks[k] + 1;
  }
}

TEST_CASE("layout: a word wider than the measure still gives a result") {
  std::vector<KPItem> items = {{KPItem::Box, 300},
                               {KPItem::Glue, 5, 2, 1},
                               {KPItem::Box, 20},
                               {KPItem::Glue, 0, 1e5f, 0},
                               {KPItem::Penalty, 0, 0, 0, -kInfPenalty}};
  const auto breaks = break_lines(items, {100}, {});
  REQUIRE_FALSE(breaks.empty());
  CHECK(breaks.back() == items.size() - 1);
}

TEST_CASE("layout: a hyphen penalty is taken when it avoids a loose line") {
  // "aaaa bbbb-cccc": the measure fits "aaaa bbbb-" exactly.
  std::vector<KPItem> items = {{KPItem::Box, 40},
                               {KPItem::Glue, 10, 5, 3},
                               {KPItem::Box, 40},
                               {KPItem::Penalty, 10, 0, 0, 50, true},
                               {KPItem::Box, 40},
                               {KPItem::Glue, 0, 1e5f, 0},
                               {KPItem::Penalty, 0, 0, 0, -kInfPenalty}};
  const auto breaks = break_lines(items, {100}, {});
  REQUIRE(breaks.size() == 2);
  CHECK(breaks[0] == 3);
}
