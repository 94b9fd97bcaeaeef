// Tables: one box per row so pages break only between rows; the header rows form one
// box that is drawn again (as an artifact) at the top of every continuation page.
#include <algorithm>
#include <numeric>

#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

namespace {

doc::Align cell_align(doc::CellAlign a) {
  switch (a) {
    case doc::CellAlign::Right:
      return doc::Align::Right;
    case doc::CellAlign::Center:
      return doc::Align::Center;
    default:
      return doc::Align::Left;
  }
}

void shift(Item& it, float dy) {
  std::visit(
      [dy](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, TextRun>) v.y += dy;
        if constexpr (std::is_same_v<T, RuleItem>) {
          v.y1 += dy;
          v.y2 += dy;
        }
        if constexpr (std::is_same_v<T, RectItem>) v.y += dy;
      },
      it);
}

enum class RowKind { Header, Body, Total };

}  // namespace

void Builder::table(const doc::Table& t, float x, float width, int parent) {
  size_t ncols = t.columns.size();
  if (ncols == 0) {
    for (const doc::Row* r :
         {t.header.empty() ? nullptr : &t.header[0], t.body.empty() ? nullptr : &t.body[0]})
      if (r) ncols = std::max(ncols, r->cells.size());
  }
  if (ncols == 0) return;
  std::vector<doc::Column> cols = t.columns;
  cols.resize(ncols);
  const double total_w = std::accumulate(
      cols.begin(), cols.end(), 0.0, [](double s, const doc::Column& c) { return s + c.width; });
  std::vector<float> col_x(ncols + 1, x);
  TextStyle head_style;  // as set_row sets a header cell
  head_style.family = doc::Family::Sans;
  head_style.size = style::kTableSize;
  head_style.leading = style::kTableLeading;
  head_style.base = doc::FontStyle::Bold;
  head_style.hyphenate = true;
  const auto heading_lines = [&](size_t c, float measure) -> std::optional<int> {
    if (t.header.size() != 1 || c >= t.header[0].cells.size()) return std::nullopt;
    head_style.align = cell_align(cols[c].align);
    return count_lines(t.header[0].cells[c].content, head_style, measure);
  };
  const auto fitted = fitted_column_widths(t, cols, width, fonts_, heading_lines);
  for (size_t c = 0; c < ncols; ++c)
    col_x[c + 1] =
        col_x[c] + (fitted ? (*fitted)[c] : static_cast<float>(cols[c].width / total_w) * width);
  auto& widths = pages_.table_columns.emplace_back();
  for (size_t c = 0; c < ncols; ++c) widths.push_back(col_x[c + 1] - col_x[c]);

  const size_t first_box = flow_.boxes.size();  // the caption's first line, or the header
  const int tnode = add_node(Role::Table, parent, t.span, t.id);
  if (!t.label.empty() || !t.caption.empty()) caption(t.label, t.caption, x, width, tnode, t.span);
  const int table_index = static_cast<int>(flow_.table_headers.size());

  auto set_row = [&](const doc::Row& row, RowKind kind) {
    Box b;
    b.span = row.span;
    const int tr = add_node(Role::TR, tnode, row.span);
    TextStyle ts;
    ts.family = doc::Family::Sans;
    ts.size = style::kTableSize;
    ts.leading = style::kTableLeading;
    ts.base = kind == RowKind::Body ? doc::FontStyle::Regular : doc::FontStyle::Bold;
    float height = 0;
    size_t c = 0;
    std::vector<Item> cells;
    for (const doc::Cell& cell : row.cells) {
      if (c >= ncols) {
        diags_.warning(cell.span, "tabellraden har fler celler än tabellen har kolumner");
        break;
      }
      const size_t span =
          std::clamp<size_t>(static_cast<size_t>(std::max(cell.colspan, 1)), 1, ncols - c);
      // A text first column (names, "Totalt") labels its row: a header cell for the row.
      const bool row_label =
          kind != RowKind::Header && c == 0 && cols[0].align == doc::CellAlign::Left;
      const int cnode =
          add_node(kind == RowKind::Header || row_label ? Role::TH : Role::TD, tr, cell.span);
      if (row_label) pages_.nodes[static_cast<size_t>(cnode)].row_header = true;
      ts.align = cell_align(cols[c].align);
      // Header cells of a numeric column are right-aligned too, but wrap like text.
      ts.hyphenate = true;
      const float cx = col_x[c] + style::kCellPadX;
      const float cw = col_x[c + span] - col_x[c] - 2 * style::kCellPadX;
      std::vector<SetLine> lines = set_text(cell.content, ts, cx, cw, cnode);
      float y = style::kCellPadY;
      for (SetLine& l : lines) {
        for (Item& it : l.items) {
          shift(it, y);
          cells.push_back(std::move(it));
        }
        for (int n : l.notes) b.notes.push_back(n);
        for (LinkArea& la : l.links) {
          la.y += y;
          b.links.push_back(std::move(la));
        }
        y += l.height;
      }
      height = std::max(height, y + style::kCellPadY);
      c += span;
    }
    if (kind == RowKind::Header) {
      RectItem bg;
      bg.x = x;
      bg.y = 0;
      bg.w = width;
      bg.h = height;
      bg.fill = style::kHeaderFill;
      bg.node = -1;
      b.items.emplace_back(bg);
    }
    if (kind == RowKind::Total) {
      RuleItem top;
      top.x1 = x;
      top.x2 = x + width;
      top.y1 = top.y2 = 0;
      top.thickness = 0.6f;
      top.color = style::kRuleColor;
      b.items.emplace_back(top);
    }
    for (Item& it : cells) b.items.push_back(std::move(it));
    RuleItem bottom;
    bottom.x1 = x;
    bottom.x2 = x + width;
    bottom.y1 = bottom.y2 = height;
    bottom.thickness = kind == RowKind::Body ? 0.3f : 0.6f;
    bottom.color = kind == RowKind::Body ? style::kLightRule : style::kRuleColor;
    b.items.emplace_back(bottom);
    b.height = height;
    return b;
  };

  // Header rows: one box, with a strong rule on top.
  Box header;
  for (const doc::Row& row : t.header) {
    Box r = set_row(row, RowKind::Header);
    for (Item& it : r.items) {
      shift(it, header.height);
      header.items.push_back(std::move(it));
    }
    for (int n : r.notes) header.notes.push_back(n);
    header.height += r.height;
  }
  if (!t.header.empty()) {
    RuleItem top;
    top.x1 = x;
    top.x2 = x + width;
    top.y1 = top.y2 = 0;
    top.thickness = 0.8f;
    top.color = style::kRuleColor;
    header.items.insert(header.items.begin(), Item{top});
    header.space_before = gap(t.label.empty() && t.caption.empty() ? style::kBlockGap : 0);
    header.span = t.span;
    if (!t.id.empty()) header.anchors.push_back(add_anchor(t.id));
    // The copy drawn on continuation pages is page furniture, not content.
    Box copy = header;
    copy.notes.clear();
    copy.anchors.clear();
    for (Item& it : copy.items)
      std::visit(
          [](auto& v) {
            v.node = -1;
            if constexpr (std::is_same_v<std::decay_t<decltype(v)>, TextRun>)
              v.kind = RunKind::RepeatedHeader;
          },
          it);
    flow_.table_headers.push_back(std::move(copy));
    push(std::move(header));
    keep_pending_ = true;
  } else {
    flow_.table_headers.emplace_back();
  }

  const size_t first_row = flow_.boxes.size();
  for (size_t i = 0; i < t.body.size(); ++i) {
    Box r = set_row(t.body[i], RowKind::Body);
    if (t.repeat_header && !t.header.empty()) r.repeat_table = table_index;
    // Keep the last two rows together so a page never ends a table with a lone row.
    if (i + 1 == t.body.size() && i > 0) r.break_before = false;
    push(std::move(r));
  }
  if (t.total) {
    Box r = set_row(*t.total, RowKind::Total);
    r.break_before = false;
    if (t.repeat_header && !t.header.empty()) r.repeat_table = table_index;
    push(std::move(r));
  }
  // A strong closing rule under the last row.
  if (!flow_.boxes.empty()) {
    Box& last = flow_.boxes.back();
    for (Item& it : last.items)
      if (auto* rule = std::get_if<RuleItem>(&it); rule && rule->y1 == last.height) {
        rule->thickness = 0.8f;
        rule->color = style::kRuleColor;
      }
  }
  after_ = 0;
  source_lines(t.source, t.note, x, width, parent, t.span);  // after the Table, not in it
  after_ = style::kBlockGap;
  // A short table is read as one figure, and so is one that fits on a page with its caption
  // and source: it is not split but moves whole to the next page (the page breaker gives
  // the keep up only if that would leave the page less than a third full). A longer one
  // may break between rows, but never before its last row.
  float height = 0;
  for (size_t k = first_box; k < flow_.boxes.size(); ++k)
    height += flow_.boxes[k].height + (k > first_box ? flow_.boxes[k].space_before : 0);
  if (t.body.size() <= style::kUnsplitTableRows ||
      height <= style::kPageHeight - style::kMarginTop - style::kMarginBottom)
    for (size_t k = first_row + 1; k < flow_.boxes.size(); ++k) flow_.boxes[k].break_before = false;
}

}  // namespace rv::layout
