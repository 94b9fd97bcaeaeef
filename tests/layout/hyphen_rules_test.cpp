// Issue 18: at most two hyphenated lines in a row, and no hyphen leaving a fragment under
// three letters when the paragraph can be set without it, on synthetic paragraphs.
#include <catch2/catch.hpp>
#include <random>

#include "layout/linebreak.hpp"

using namespace rv::layout;

namespace {

// A paragraph of words, each of two to four syllables joined by hyphen penalties; the
// last syllable of some words is short, and the hyphen before it is weak (as "me-del").
std::vector<KPItem> paragraph(std::mt19937& rng, int words, bool mark_weak) {
  std::uniform_int_distribution<int> syllables(2, 4);
  std::uniform_real_distribution<float> width(6, 16);
  std::bernoulli_distribution short_end(0.4);
  std::vector<KPItem> items;
  for (int w = 0; w < words; ++w) {
    if (w) items.push_back({KPItem::Glue, 5, 4, 2});
    const int n = syllables(rng);
    for (int s = 0; s < n; ++s) {
      const bool last = s + 1 == n;
      const bool weak = last && short_end(rng);
      if (s) items.push_back({KPItem::Penalty, 3, 0, 0, 50, true, weak && mark_weak});
      items.push_back({KPItem::Box, weak ? 6.0f : width(rng)});
    }
  }
  items.push_back({KPItem::Glue, 0, 1e5f, 0});
  items.push_back({KPItem::Penalty, 0, 0, 0, -kInfPenalty});
  return items;
}

// The longest run of lines ending at a hyphen.
int longest_run(const std::vector<KPItem>& items, const std::vector<size_t>& breaks) {
  int run = 0, longest = 0;
  for (size_t b : breaks) {
    run = items[b].type == KPItem::Penalty && items[b].flagged ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

bool within(const std::vector<KPItem>& items, const std::vector<size_t>& breaks, float width,
            float tolerance) {
  size_t from = 0;
  for (size_t k = 0; k + 1 < breaks.size(); ++k) {
    while (items[from].type != KPItem::Box) ++from;
    const float r = adjustment_ratio(items, from, breaks[k], width);
    if (r < -1 || r > tolerance) return false;
    from = breaks[k] + 1;
  }
  return true;
}

bool uses_weak_position(const std::vector<KPItem>& marked, const std::vector<size_t>& breaks) {
  for (size_t b : breaks)
    if (marked[b].type == KPItem::Penalty && marked[b].weak) return true;
  return false;
}

}  // namespace

TEST_CASE("layout: no more than two hyphenated lines in a row") {
  std::mt19937 rng(18);
  KPParams old;  // the rule switched off: what the breaker did before issue 18
  old.flagged_demerits = 0;
  old.triple_hyphen_demerits = 0;
  old.final_hyphen_demerits = 0;
  int provoked = 0;
  for (int t = 0; t < 300; ++t) {
    const auto items = paragraph(rng, 60, false);
    const auto without = break_lines(items, {200}, old);
    if (longest_run(items, without) < 3) continue;
    ++provoked;
    const auto with = break_lines(items, {200}, {});
    CAPTURE(t);
    CHECK(longest_run(items, with) <= 2);
    CHECK(within(items, with, 200, KPParams{}.tolerance));
  }
  // The paragraphs must actually tempt the breaker into runs for the test to mean much.
  CHECK(provoked >= 20);
}

TEST_CASE("layout: a hyphen on the second-to-last line costs extra") {
  // Two ways to set four words on two lines: the hyphenated one is slightly tighter.
  const std::vector<KPItem> items = {{KPItem::Box, 40},
                                     {KPItem::Glue, 5, 10, 2},
                                     {KPItem::Box, 40},
                                     {KPItem::Glue, 5, 10, 2},
                                     {KPItem::Box, 12},
                                     {KPItem::Penalty, 3, 0, 0, 50, true},
                                     {KPItem::Box, 12},
                                     {KPItem::Glue, 5, 10, 2},
                                     {KPItem::Box, 40},
                                     {KPItem::Glue, 0, 1e5f, 0},
                                     {KPItem::Penalty, 0, 0, 0, -kInfPenalty}};
  KPParams no_final;
  no_final.final_hyphen_demerits = 0;
  no_final.line_penalty = 10;
  KPParams with_final = no_final;
  with_final.final_hyphen_demerits = 1e6f;
  const auto a = break_lines(items, {103}, no_final);
  const auto b = break_lines(items, {103}, with_final);
  REQUIRE(a.size() == 2);
  CHECK(a[0] == 5);  // the hyphen gives the better first line
  REQUIRE(b.size() == 2);
  CHECK(b[0] == 3);  // the full-word line instead
}

TEST_CASE("layout: a fragment under three letters only when nothing else fits") {
  std::mt19937 rng(2018);
  const float tolerance = KPParams{}.tolerance;
  int tempted = 0;
  for (int t = 0; t < 300; ++t) {
    std::mt19937 copy = rng;
    const auto marked = paragraph(rng, 40, true);
    const auto unmarked = paragraph(copy, 40, false);  // same widths, nothing weak
    REQUIRE(marked.size() == unmarked.size());
    // The same paragraph with the weak points removed altogether.
    auto removed = marked;
    for (KPItem& it : removed)
      if (it.type == KPItem::Penalty && it.weak) it.penalty = kInfPenalty;
    const auto chosen = break_lines(marked, {110}, {});
    const auto free = break_lines(unmarked, {110}, {});
    const auto none = break_lines(removed, {110}, {});
    if (uses_weak_position(marked, free)) ++tempted;
    CAPTURE(t);
    if (within(removed, none, 110, tolerance)) CHECK_FALSE(uses_weak_position(marked, chosen));
  }
  CHECK(tempted >= 20);

  // A word that fits the measure only when split at its weak point is split there.
  const std::vector<KPItem> narrow = {{KPItem::Box, 45},
                                      {KPItem::Penalty, 5, 0, 0, 50, true, true},
                                      {KPItem::Box, 20},
                                      {KPItem::Glue, 0, 1e5f, 0},
                                      {KPItem::Penalty, 0, 0, 0, -kInfPenalty}};
  const auto b = break_lines(narrow, {50}, {});
  REQUIRE(b.size() == 2);
  CHECK(b[0] == 1);
}
