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

TEST_CASE("layout: one measure and the same measure per line break alike") {
  // With a single measure the breaker skips nodes it can prove too loose; giving the
  // measure once per line takes the general path. Both must choose the same breaks, for
  // justified and ragged items with hyphens and forced breaks as paragraph.cpp makes them.
  uint32_t state = 12345;
  auto next = [&state](uint32_t n) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % n;
  };
  for (int round = 0; round < 200; ++round) {
    const bool ragged = round % 2 == 1;
    const float measure = 60.0f + static_cast<float>(next(400));
    std::vector<KPItem> items;
    const int words = 1 + static_cast<int>(next(120));
    for (int w = 0; w < words; ++w) {
      if (w > 0) {
        if (next(25) == 0) {
          items.push_back({KPItem::Glue, 0, 1e5f, 0});
          items.push_back({KPItem::Penalty, 0, 0, 0, -kInfPenalty});
        } else if (ragged) {
          items.push_back({KPItem::Glue, 0, 33, 0});
          items.push_back({KPItem::Penalty, 0, 0, 0, 0});
          items.push_back({KPItem::Glue, 2.75f, -33, 0});
        } else {
          items.push_back({KPItem::Glue, 2.75f, 1.65f, 0.825f});
        }
      }
      const int parts = 1 + static_cast<int>(next(4));
      for (int k = 0; k < parts; ++k) {
        if (k > 0) items.push_back({KPItem::Penalty, 3.66f, 0, 0, 50, true});
        items.push_back({KPItem::Box, 4.0f + static_cast<float>(next(300)) / 10.0f});
      }
    }
    items.push_back({KPItem::Glue, 0, 1e5f, 0});
    items.push_back({KPItem::Penalty, 0, 0, 0, -kInfPenalty});
    KPParams params;
    if (ragged) params.tolerance = 4.0f;
    CHECK(break_lines(items, {measure}, params) == break_lines(items, {measure, measure}, params));
  }
}
