// Issue 16, point 6: charts on a computed axis, drawn as the reader needs them: each tick
// label centred on its grid line, a bar ending where its value lies on the axis, columns
// centred over their category labels, no two tick labels over each other, and a bar
// without a value left out with "–".
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.hpp"
#include "layout/layout.hpp"

using namespace rv;

namespace {

// Amounts on an axis 0–3 000 000 in steps of 500 000, as the template stage makes them.
doc::BarChart amounts(bool vertical) {
  doc::BarChart c;
  c.id = "d";
  c.label = "Diagram 1.";
  c.caption = {doc::text("Oförbrukade medel")};
  c.vertical = vertical;
  c.axis_title = "kr";
  const char* labels[] = {"0",
                          "500\u00A0000",
                          "1\u00A0000\u00A0000",
                          "1\u00A0500\u00A0000",
                          "2\u00A0000\u00A0000",
                          "2\u00A0500\u00A0000",
                          "3\u00A0000\u00A0000"};
  for (int k = 0; k <= 6; ++k) c.ticks.push_back({doc::Fraction{k, 6}, labels[k]});
  auto bar = [](const char* label, int64_t v, const char* text) {
    doc::Bar b;
    b.label = label;
    b.value = {v, 3000000};
    b.value_label = text;
    return b;
  };
  c.bars = {bar("under 200 000 kr", 2500000, "2\u00A0500\u00A0000 kr"),
            bar("200 000–499 999 kr", 1000000, "1\u00A0000\u00A0000 kr"),
            bar("1 000 000 kr eller mer", 2836000, "2\u00A0836\u00A0000 kr")};
  doc::Bar missing;
  missing.label = "ej redovisat";
  missing.missing = true;
  missing.value_label = "–";
  c.bars.push_back(missing);
  c.alt_text = "Diagram 1.";
  return c;
}

struct Drawn {
  std::vector<layout::TextRun> texts;
  std::vector<layout::RuleItem> rules;
  std::vector<layout::RectItem> rects;  // the bars (dark), not the white grounds
};

Drawn draw(bool vertical) {
  doc::Document d;
  d.blocks.push_back(doc::Block{amounts(vertical)});
  Diagnostics diags;
  auto p = layout::layout(d, {}, diags);
  REQUIRE(p);
  REQUIRE(diags.empty());
  Drawn out;
  for (const layout::Item& it : p->pages[0].items) {
    if (const auto* t = std::get_if<layout::TextRun>(&it)) out.texts.push_back(*t);
    if (const auto* r = std::get_if<layout::RuleItem>(&it)) out.rules.push_back(*r);
    if (const auto* r = std::get_if<layout::RectItem>(&it))
      if (r->fill.r < 0.5f) out.rects.push_back(*r);
  }
  return out;
}

const layout::TextRun& text(const Drawn& d, const std::string& s) {
  for (const auto& t : d.texts)  // (each run ends with a space that is drawn after it)
    if (t.text == s || t.text == s + " ") return t;
  FAIL("no text '" << s << "'");
  return d.texts.front();
}

float centre(const layout::TextRun& t) { return t.x + t.width / 2; }

const char* kTicks[] = {"0",
                        "500\u00A0000",
                        "1\u00A0000\u00A0000",
                        "1\u00A0500\u00A0000",
                        "2\u00A0000\u00A0000",
                        "2\u00A0500\u00A0000",
                        "3\u00A0000\u00A0000"};

}  // namespace

TEST_CASE("horizontal chart of amounts: ticks on their grid lines, bars end at their value") {
  const Drawn d = draw(false);
  std::vector<float> grid_x;
  for (const auto& r : d.rules)
    if (r.x1 == r.x2) grid_x.push_back(r.x1);
  REQUIRE(grid_x.size() == 7);
  std::sort(grid_x.begin(), grid_x.end());
  float last_right = -1;
  for (int k = 0; k <= 6; ++k) {
    const auto& t = text(d, kTicks[k]);
    CHECK(std::abs(centre(t) - grid_x[static_cast<size_t>(k)]) < 0.01f);
    CHECK(t.x > last_right + 2);  // labels apart
    last_right = t.x + t.width;
  }
  REQUIRE(d.rects.size() == 3);  // the bar without a value is left out
  const float unit = (grid_x[6] - grid_x[0]) / 6;
  CHECK(std::abs(d.rects[0].x - grid_x[0]) < 0.01f);
  CHECK(std::abs(d.rects[0].x + d.rects[0].w - grid_x[5]) < 0.01f);  // 2 500 000
  CHECK(std::abs(d.rects[1].x + d.rects[1].w - grid_x[2]) < 0.01f);  // 1 000 000
  CHECK(std::abs(d.rects[2].w - unit * 6 * 2836000.0f / 3000000.0f) < 0.01f);
  // The value follows its bar; the widest fits inside the text width.
  const auto& v = text(d, "2\u00A0836\u00A0000 kr");
  CHECK(v.x > d.rects[2].x + d.rects[2].w);
  CHECK(v.x + v.width <= 595.3f - 56);
  (void)text(d, "–");
  (void)text(d, "kr");
}

TEST_CASE("standing chart of amounts: columns over their labels, tops at their value") {
  const Drawn d = draw(true);
  std::vector<float> grid_y;
  for (const auto& r : d.rules)
    if (r.y1 == r.y2) grid_y.push_back(r.y1);
  REQUIRE(grid_y.size() == 7);
  std::sort(grid_y.begin(), grid_y.end());  // page coordinates: bottom (0) first
  float last_top = -1;
  for (int k = 0; k <= 6; ++k) {
    const auto& t = text(d, kTicks[k]);
    CHECK(std::abs(t.y + t.size * 0.35f - grid_y[static_cast<size_t>(k)]) < 0.01f);
    CHECK(t.y > last_top);  // one above the other, apart
    last_top = t.y + t.size * 0.7f;
    CHECK(t.x + t.width < d.rects[0].x);  // left of the columns
  }
  REQUIRE(d.rects.size() == 3);
  const float unit = (grid_y[6] - grid_y[0]) / 6;
  for (const auto& r : d.rects) CHECK(std::abs(r.y - grid_y[0]) < 0.01f);  // on the axis
  CHECK(std::abs(d.rects[0].y + d.rects[0].h - grid_y[5]) < 0.01f);
  CHECK(std::abs(d.rects[1].y + d.rects[1].h - grid_y[2]) < 0.01f);
  CHECK(std::abs(d.rects[2].h - unit * 6 * 2836000.0f / 3000000.0f) < 0.01f);
  // Each category label is centred under its column, and the value above it.
  const char* cats[] = {"under 200 000 kr", "200 000–499 999 kr"};
  for (int i = 0; i < 2; ++i) {
    const float mid = d.rects[static_cast<size_t>(i)].x + d.rects[static_cast<size_t>(i)].w / 2;
    bool found = false;
    for (const auto& t : d.texts) {
      std::string line = t.text;  // without the space drawn after it
      if (!line.empty() && line.back() == ' ') line.pop_back();
      if (std::string(cats[i]).find(line) == 0 && !line.empty() && t.y < grid_y[0]) {
        CHECK(std::abs(centre(t) - mid) < 1.0f);
        found = true;
        break;
      }
    }
    CHECK(found);
  }
  const auto& v = text(d, "2\u00A0500\u00A0000 kr");
  CHECK(std::abs(centre(v) - (d.rects[0].x + d.rects[0].w / 2)) < 0.01f);
  CHECK(v.y > d.rects[0].y + d.rects[0].h);
  (void)text(d, "–");
}

TEST_CASE("tick labels wider than the room between ticks: every second one, none touching") {
  doc::BarChart c;
  c.label = "Diagram 1.";
  c.axis_title = "kr";
  std::vector<std::string> labels;
  for (int k = 0; k <= 6; ++k) {
    labels.push_back(k == 0 ? "0" : std::to_string(k * 10) + "\u00A0000\u00A0000");
    c.ticks.push_back({doc::Fraction{k, 6}, labels.back()});
  }
  doc::Bar b;
  b.label = "En mycket stor mottagare med ett långt namn";
  b.value = {59999999, 60000000};
  b.value_label = "59\u00A0999\u00A0999 kr";
  c.bars = {b};
  c.alt_text = "Diagram 1.";
  doc::Document d;
  d.blocks.push_back(doc::Block{c});
  Diagnostics diags;
  auto p = layout::layout(d, {}, diags);
  REQUIRE(p);
  std::vector<const layout::TextRun*> ticks;
  for (const layout::Item& it : p->pages[0].items)
    if (const auto* t = std::get_if<layout::TextRun>(&it))
      if (!t->text.empty() && t->text.back() == ' ' &&  // each run: text and a space after it
          std::find(labels.begin(), labels.end(), t->text.substr(0, t->text.size() - 1)) !=
              labels.end())
        ticks.push_back(t);
  REQUIRE(ticks.size() >= 3);
  CHECK(ticks.size() < 7);  // some left unlabelled
  CHECK(ticks.front()->text == "0 ");
  for (size_t i = 1; i < ticks.size(); ++i)
    CHECK(ticks[i]->x >= ticks[i - 1]->x + ticks[i - 1]->width + 3);
}
