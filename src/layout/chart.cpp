// Bar charts drawn as vectors. Horizontal (the default): wrapped category labels on the
// left, bars with light grid lines, the value after each bar, and the axis with its tick
// labels underneath. Vertical: columns standing on the axis, the value above each
// column, category labels wrapped under it, tick labels to the left. The scale is the
// fixed 0–100 % one, or the ticks the chart carries (an axis computed for amounts).
// The whole chart is one Figure whose alt text states the data.
#include <algorithm>

#include "layout/flow.hpp"
#include "layout/style.hpp"
#include "swedish/swedish.hpp"

namespace rv::layout {

namespace {

constexpr float kSize = 8.5f, kLeading = 10.5f, kTickSize = 7.5f;

float share_of(const doc::Fraction& f) {
  return f.den != 0 ? static_cast<float>(static_cast<double>(f.num) / f.den) : 0;
}

}  // namespace

std::string bar_value_label(const doc::Bar& bar) {
  if (!bar.value_label.empty()) return bar.value_label;
  if (bar.missing) return "–";
  return sv::percent_table({bar.value.num, bar.value.den});
}

std::string chart_alt_text(const doc::BarChart& c) {
  if (!c.alt_text.empty()) return c.alt_text;
  std::string alt = c.label.empty() ? "" : c.label + " ";
  alt += doc::plain_text(c.caption);
  std::vector<std::string> parts;
  for (const doc::Bar& b : c.bars) parts.push_back(b.label + " " + bar_value_label(b));
  if (!parts.empty()) alt += ": " + sv::join_list(parts) + ".";
  return alt;
}

std::vector<doc::Tick> chart_ticks(const doc::BarChart& c) {
  if (!c.ticks.empty()) return c.ticks;
  std::vector<doc::Tick> t;
  const int step = std::clamp(c.tick_step_percent, 5, 100);
  for (int p = 0; p <= 100; p += step) t.push_back({{p, 100}, std::to_string(p) + "\u00a0%"});
  return t;
}

void Builder::chart(const doc::BarChart& c, float x, float width, int parent) {
  // The caption is read before the chart and not hidden by its alternative text (which
  // replaces everything inside the Figure): a paragraph of its own, before the Figure.
  if (!c.label.empty() || !c.caption.empty())
    caption(c.label, c.caption, x, width, parent, c.span, Role::P);
  const int fig = add_node(Role::Figure, parent, c.span, c.id);
  pages_.nodes[static_cast<size_t>(fig)].alt = chart_alt_text(c);

  Box b;
  b.space_before = gap(4);
  b.span = c.span;
  if (!c.id.empty()) b.anchors.push_back(add_anchor(c.id));
  std::vector<Item> grid, marks;  // grid first, so that bars and text are painted over it
  const std::vector<doc::Tick> ticks = chart_ticks(c);
  // A bar's length as a share of the scale; a share outside 0–1 is drawn at the end.
  auto length = [&](const doc::Bar& bar) {
    float share = share_of(bar.value);
    if (share < 0 || share > 1) {
      diags_.warning(bar.span, c.ticks.empty() ? "stapelns värde ligger utanför skalan 0–100 %"
                                               : "stapelns värde ligger utanför axeln");
      share = std::clamp(share, 0.0f, 1.0f);
    }
    return bar.missing ? 0.0f : share;
  };
  auto rule = [&](float x1, float y1, float x2, float y2, bool strong) {
    RuleItem g;
    g.x1 = x1, g.x2 = x2, g.y1 = y1, g.y2 = y2;
    g.thickness = strong ? 0.6f : 0.3f;
    g.color = strong ? style::kRuleColor : style::kLightRule;
    g.node = fig;
    grid.emplace_back(g);
  };
  auto text_run = [&](float tx, float baseline, const std::string& s, float size, Color color,
                      float anchor) {  // anchor: 0 left, 0.5 centre, 1 right of tx
    TextRun t = make_run(fonts_, FontId::SansRegular, size, tx, baseline, s, fig, color);
    t.x -= t.width * anchor;
    marks.emplace_back(std::move(t));
  };
  TextStyle ts;
  ts.family = doc::Family::Sans;
  ts.size = kSize;
  ts.leading = kLeading;
  ts.hyphenate = true;
  // A value on a computed axis may stand over a grid line: a white ground under it keeps
  // it readable.
  // A bar's label, set as a paragraph, placed with its first line at `top`: where it ends.
  auto place_label = [&](std::vector<SetLine>& lines, float top) {
    for (SetLine& l : lines) {
      for (Item& it : l.items)
        if (auto* t = std::get_if<TextRun>(&it)) {
          t->y += top;
          marks.push_back(std::move(it));
        }
      top += l.height;
    }
    return top;
  };
  auto value_run = [&](float tx, float baseline, const std::string& s, float anchor) {
    if (!c.ticks.empty()) {
      const float w = fonts_.width(FontId::SansRegular, kSize, s);
      RectItem ground;
      ground.x = tx - w * anchor - 1.5f;
      ground.y = baseline - kSize * 0.8f;
      ground.w = w + 3;
      ground.h = kSize * 1.05f;
      ground.fill = Color{1, 1, 1};
      ground.node = fig;
      marks.emplace_back(ground);
    }
    text_run(tx, baseline, s, kSize, {}, anchor);
  };
  float widest_value = 0;
  for (const doc::Bar& bar : c.bars)
    widest_value =
        std::max(widest_value, fonts_.width(FontId::SansRegular, kSize, bar_value_label(bar)));

  if (!c.vertical) {
    constexpr float kBar = 11.0f, kRowGap = 5.0f;
    const float label_w = std::min(150.0f, width * 0.36f);
    const float bar_x = x + label_w + 6;
    float bar_w = width - label_w - 6 - std::max(34.0f, widest_value + 6);
    if (!c.ticks.empty()) {
      // A computed axis: as long as each value still fits after its own bar, and the last
      // tick label inside the text width.
      float widest_tick = 0;
      for (const doc::Tick& t : c.ticks)
        widest_tick = std::max(widest_tick, fonts_.width(FontId::SansRegular, kTickSize, t.label));
      const float room = width - label_w - 6;
      bar_w = room - widest_tick / 2 - 2;
      for (const doc::Bar& bar : c.bars) {
        const float share = std::clamp(share_of(bar.value), 0.0f, 1.0f);
        const float need =
            room - 3 - fonts_.width(FontId::SansRegular, kSize, bar_value_label(bar));
        if (!bar.missing && share > 0) bar_w = std::min(bar_w, need / share);
      }
      bar_w = std::max(bar_w, room * 0.4f);
    }
    ts.align = doc::Align::Right;
    float y = 4;
    for (const doc::Bar& bar : c.bars) {
      std::vector<SetLine> lines = set_text({doc::text(bar.label)}, ts, x, label_w, fig);
      const float text_h = static_cast<float>(lines.size()) * kLeading;
      const float row_h = std::max(text_h, kBar + 2);
      place_label(lines, y + (row_h - text_h) / 2);
      const float top = y + (row_h - kBar) / 2;
      RectItem r;
      r.x = bar_x;
      r.y = top;
      r.w = length(bar) * bar_w;
      r.h = kBar;
      r.fill = style::kBarColor;
      r.node = fig;
      if (!bar.missing) marks.emplace_back(r);
      value_run(bar_x + r.w + 3, top + kBar / 2 + kSize * 0.35f, bar_value_label(bar), 0);
      y += row_h + kRowGap;
    }
    const float axis_y = y;
    // Tick labels wider than the room between two ticks: every second (or third) one.
    float widest_tick = 0;
    for (const doc::Tick& t : ticks)
      widest_tick = std::max(widest_tick, fonts_.width(FontId::SansRegular, kTickSize, t.label));
    const float spacing = ticks.size() > 1 ? bar_w / static_cast<float>(ticks.size() - 1) : bar_w;
    size_t stride = 1;
    while (stride < ticks.size() && widest_tick + 3 > spacing * static_cast<float>(stride))
      ++stride;
    for (size_t k = 0; k < ticks.size(); ++k) {
      const doc::Tick& t = ticks[k];
      const float gx = bar_x + bar_w * share_of(t.at);
      rule(gx, 2, gx, axis_y + 3, t.at.num == 0);
      if (k % stride == 0) text_run(gx, axis_y + 12, t.label, kTickSize, style::kGrey, 0.5f);
    }
    rule(bar_x, axis_y, bar_x + bar_w, axis_y, true);
    float bottom = axis_y + 16;
    if (!c.axis_title.empty()) {
      text_run(bar_x + bar_w / 2, axis_y + 23, c.axis_title, kTickSize, style::kGrey, 0.5f);
      bottom = axis_y + 27;
    }
    b.height = bottom;
  } else {
    constexpr float kPlot = 150.0f;  // height of the columns' area
    float tick_w = 0;
    for (const doc::Tick& t : ticks)
      tick_w = std::max(tick_w, fonts_.width(FontId::SansRegular, kTickSize, t.label));
    const float plot_x = x + tick_w + 6;
    const float plot_w = width - tick_w - 6;
    const size_t n = std::max<size_t>(c.bars.size(), 1);
    const float slot = plot_w / static_cast<float>(n);
    const float column = std::min(slot * 0.6f, 48.0f);
    if (widest_value > slot - 2)
      diags_.warning(c.span,
                     "diagrammet har för många kolumner för sina värden: etiketterna "
                     "går in i varandra (skriv riktning: liggande)");
    float top = 4;
    if (!c.axis_title.empty()) {
      text_run(plot_x - 6, top + kTickSize, c.axis_title, kTickSize, style::kGrey, 1);
      top += kTickSize + 4;
    }
    top += kSize + 4;  // room for the value above a full-height column
    const float axis_y = top + kPlot;
    for (const doc::Tick& t : ticks) {
      const float gy = axis_y - kPlot * share_of(t.at);
      rule(plot_x, gy, plot_x + plot_w, gy, t.at.num == 0);
      text_run(plot_x - 4, gy + kTickSize * 0.35f, t.label, kTickSize, style::kGrey, 1);
    }
    rule(plot_x, top - 2, plot_x, axis_y, true);
    ts.align = doc::Align::Center;
    float labels_h = 0;
    for (size_t i = 0; i < c.bars.size(); ++i) {
      const doc::Bar& bar = c.bars[i];
      const float sx = plot_x + slot * static_cast<float>(i);
      const float h = length(bar) * kPlot;
      RectItem r;
      r.x = sx + (slot - column) / 2;
      r.y = axis_y - h;
      r.w = column;
      r.h = h;
      r.fill = style::kBarColor;
      r.node = fig;
      if (!bar.missing) marks.emplace_back(r);
      value_run(sx + slot / 2, axis_y - h - 3, bar_value_label(bar), 0.5f);
      std::vector<SetLine> lines = set_text({doc::text(bar.label)}, ts, sx + 2, slot - 4, fig);
      labels_h = std::max(labels_h, place_label(lines, axis_y + 4) - axis_y);
    }
    b.height = axis_y + labels_h + 6;
  }
  // Each label, value and tick ends with a space (drawn after it, so nothing moves): the
  // chart's text extracted or read from the tags is then "insatser 94 % Samverkan", not
  // "insatser94 %Samverkan".
  for (std::vector<Item>* items : {&grid, &marks})
    for (Item& it : *items)
      if (auto* t = std::get_if<TextRun>(&it); t && !t->text.empty() && t->text.back() != ' ' &&
                                               !t->text.ends_with("\u00AD") &&
                                               t->text.back() != '-')
        t->text += ' ';
  for (Item& it : grid) b.items.push_back(std::move(it));
  for (Item& it : marks) b.items.push_back(std::move(it));
  push(std::move(b));
  after_ = 0;
  source_lines(c.source, c.note, x, width, parent, c.span);  // after the Figure, not in it
  after_ = style::kBlockGap;
}

}  // namespace rv::layout
