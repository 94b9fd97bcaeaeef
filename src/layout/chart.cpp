// Horizontal bar charts drawn as vectors: wrapped category labels on the left, bars on a
// fixed 0–100 % scale with light grid lines, the value after each bar, and an axis with
// tick labels underneath. The whole chart is one Figure whose alt text states the data.
#include <algorithm>

#include "layout/flow.hpp"
#include "layout/style.hpp"
#include "swedish/swedish.hpp"

namespace rv::layout {

namespace {

std::string value_label(const doc::Bar& bar) {
  if (!bar.value_label.empty()) return bar.value_label;
  return rv::sv::percent_table({bar.value.num, bar.value.den});
}

std::string default_alt(const doc::BarChart& c) {
  std::string alt = c.label.empty() ? "" : c.label + " ";
  alt += doc::plain_text(c.caption);
  std::vector<std::string> parts;
  for (const doc::Bar& b : c.bars) parts.push_back(b.label + " " + value_label(b));
  if (!parts.empty()) alt += ": " + rv::sv::join_list(parts) + ".";
  return alt;
}

}  // namespace

void Builder::chart(const doc::BarChart& c, float x, float width, int parent) {
  // The caption is read before the chart and not hidden by its alternative text (which
  // replaces everything inside the Figure): a paragraph of its own, before the Figure.
  if (!c.label.empty() || !c.caption.empty())
    caption(c.label, c.caption, x, width, parent, c.span, Role::P);
  const int fig = add_node(Role::Figure, parent, c.span, c.id);
  pages_.nodes[static_cast<size_t>(fig)].alt = c.alt_text.empty() ? default_alt(c) : c.alt_text;

  constexpr float kSize = 8.5f, kLeading = 10.5f, kBar = 11.0f, kRowGap = 5.0f;
  const float label_w = std::min(150.0f, width * 0.36f);
  const float value_room = 34.0f;
  const float bar_x = x + label_w + 6;
  const float bar_w = width - label_w - 6 - value_room;

  Box b;
  b.space_before = gap(4);
  b.span = c.span;
  if (!c.id.empty()) b.anchors.push_back(add_anchor(c.id));
  std::vector<Item> grid, bars;
  float y = 4;
  TextStyle ts;
  ts.family = doc::Family::Sans;
  ts.size = kSize;
  ts.leading = kLeading;
  ts.align = doc::Align::Right;
  ts.hyphenate = true;
  for (const doc::Bar& bar : c.bars) {
    std::vector<SetLine> lines = set_text({doc::text(bar.label)}, ts, x, label_w, fig);
    const float text_h = static_cast<float>(lines.size()) * kLeading;
    const float row_h = std::max(text_h, kBar + 2);
    float ly = y + (row_h - text_h) / 2;
    for (SetLine& l : lines) {
      for (Item& it : l.items)
        if (auto* t = std::get_if<TextRun>(&it)) {
          t->y += ly;
          bars.push_back(std::move(it));
        }
      ly += l.height;
    }
    double share = bar.value.den != 0 ? static_cast<double>(bar.value.num) / bar.value.den : 0;
    if (share < 0 || share > 1) {
      diags_.warning(bar.span, "stapelns värde ligger utanför skalan 0–100 %");
      share = std::clamp(share, 0.0, 1.0);
    }
    const float top = y + (row_h - kBar) / 2;
    RectItem r;
    r.x = bar_x;
    r.y = top;
    r.w = static_cast<float>(share) * bar_w;
    r.h = kBar;
    r.fill = style::kBarColor;
    r.node = fig;
    bars.emplace_back(r);
    TextRun v = make_run(fonts_, FontId::SansRegular, kSize, bar_x + r.w + 3,
                         top + kBar / 2 + kSize * 0.35f, value_label(bar), fig);
    bars.emplace_back(std::move(v));
    y += row_h + kRowGap;
  }
  const float axis_y = y;
  // Grid lines and tick labels every tick_step_percent.
  const int step = std::clamp(c.tick_step_percent, 5, 100);
  for (int p = 0; p <= 100; p += step) {
    const float gx = bar_x + bar_w * static_cast<float>(p) / 100.0f;
    RuleItem g;
    g.x1 = g.x2 = gx;
    g.y1 = 2;
    g.y2 = axis_y + 3;
    g.thickness = p == 0 ? 0.6f : 0.3f;
    g.color = p == 0 ? style::kRuleColor : style::kLightRule;
    g.node = fig;
    grid.emplace_back(g);
    TextRun t = make_run(fonts_, FontId::SansRegular, 7.5f, gx, axis_y + 12,
                         std::to_string(p) + "\u00a0%", fig, style::kGrey);
    t.x -= t.width / 2;
    bars.emplace_back(std::move(t));
  }
  RuleItem axis;
  axis.x1 = bar_x;
  axis.x2 = bar_x + bar_w;
  axis.y1 = axis.y2 = axis_y;
  axis.thickness = 0.6f;
  axis.color = style::kRuleColor;
  axis.node = fig;
  grid.emplace_back(axis);
  b.height = axis_y + 16;
  // Grid first so bars and text are painted over it.
  for (Item& it : grid) b.items.push_back(std::move(it));
  for (Item& it : bars) b.items.push_back(std::move(it));
  push(std::move(b));
  after_ = 0;
  source_lines(c.source, c.note, x, width, parent, c.span);  // after the Figure, not in it
  after_ = style::kBlockGap;
}

}  // namespace rv::layout
