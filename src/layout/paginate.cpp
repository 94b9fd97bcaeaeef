// Page building: fills pages with flow boxes, best-effort greedy with backtracking to the
// last permitted break (keeps, widows and orphans are expressed as forbidden breaks).
// Footnotes travel with the line that references them: a line only fits if its notes
// fit at the foot of the same page.
#include <algorithm>

#include "doc/limits.hpp"
#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

StyleTable::StyleTable(const doc::Document& d, Diagnostics& diags) {
  if (d.page_styles.empty()) {
    doc::PageStyle s;
    s.name = "standard";
    s.footer.number = doc::PageNumberFormat::Plain;
    own_.push_back(std::move(s));
    styles_ = &own_;
  } else {
    styles_ = &d.page_styles;
  }
  first_ = &styles_->front();
  if (!d.first_style.empty()) {
    const doc::PageStyle* f = find(d.first_style, d.meta.span, diags);
    if (f) first_ = f;
  }
}

const doc::PageStyle* StyleTable::find(const std::string& name, const Span& span,
                                       Diagnostics& diags) const {
  for (const doc::PageStyle& s : *styles_)
    if (s.name == name) return &s;
  diags.error(span, "okänd sidstil ”" + name + "”");
  return nullptr;
}

const doc::PageStyle* StyleTable::next(const doc::PageStyle* s) const {
  if (s->next.empty()) return s;
  for (const doc::PageStyle& o : *styles_)
    if (o.name == s->next) return &o;
  return s;
}

float body_top(const doc::PageStyle& s) {
  if (s.official) return s.official->full ? 180.0f : 118.0f;
  if (s.letter) return s.letter->first ? 220.0f : 118.0f;
  return style::kMarginTop;
}

float notes_height(const Flow& flow, const std::vector<int>& notes) {
  if (notes.empty()) return 0;
  float h = style::kNoteRuleGap;
  for (size_t i = 0; i < notes.size(); ++i)
    h += flow.notes[static_cast<size_t>(notes[i])].height + (i ? style::kNoteGap : 0);
  return h;
}

std::vector<PagePlan> paginate(const Flow& flow, const StyleTable& styles, Diagnostics& diags) {
  std::vector<PagePlan> pages;
  const std::vector<Box>& boxes = flow.boxes;
  const doc::PageStyle* style = styles.first();
  size_t i = 0;
  constexpr float kEps = 0.01f;
  while (i < boxes.size()) {
    if (pages.size() >= static_cast<size_t>(limits::kPages)) {
      // A runaway template (a loop of page breaks, a huge table) is stopped here rather
      // than filling the disk.
      diags.error(boxes[i].span.line > 0 ? boxes[i].span : boxes[i].break_span,
                  "dokumentet blir längre än " + limits::grouped(limits::kPages) + " sidor");
      break;
    }
    if (!pages.empty()) style = styles.next(style);
    if (boxes[i].new_page && !boxes[i].page_style.empty()) {
      if (const doc::PageStyle* s = styles.find(boxes[i].page_style, boxes[i].break_span, diags))
        style = s;
    }
    PagePlan page;
    page.style = style;
    page.body_top = body_top(*style);
    page.body_bottom = style::kPageHeight - style::kMarginBottom;
    const float avail = page.body_bottom - page.body_top;
    float y = 0;
    const size_t start = i;
    // A table continuing from the previous page gets its header rows first.
    if (boxes[i].repeat_table >= 0 && !boxes[i].new_page) {
      const Box& h = flow.table_headers[static_cast<size_t>(boxes[i].repeat_table)];
      page.boxes.push_back({-(boxes[i].repeat_table + 1), 0});
      y = h.height;
    }
    const size_t first_content = page.boxes.size();
    size_t j = i;
    size_t end = boxes.size();
    while (j < boxes.size()) {
      const Box& b = boxes[j];
      if (b.new_page && j != start) {
        end = j;
        break;
      }
      const bool empty = page.boxes.size() == first_content;
      const float space = empty ? 0 : b.space_before;
      std::vector<int> notes = page.notes;
      notes.insert(notes.end(), b.notes.begin(), b.notes.end());
      const float need = y + space + b.height + notes_height(flow, notes);
      if (need <= avail + kEps || empty) {
        page.boxes.push_back({static_cast<int>(j), y + space});
        y += space + b.height;
        page.notes = std::move(notes);
        ++j;
        continue;
      }
      // Overflow at j: break before j if allowed, else at the last allowed break.
      size_t cut = j;
      {
        size_t k = j;
        while (k > start && !boxes[k].break_before) --k;
        if (k > start) cut = k;  // else no permitted break on this page: break the keep
      }
      while (!page.boxes.empty() && page.boxes.back().box >= static_cast<int>(cut))
        page.boxes.pop_back();
      // Recollect the notes of the boxes that stay.
      page.notes.clear();
      for (const PlacedBox& pb : page.boxes)
        if (pb.box >= 0)
          for (int n : boxes[static_cast<size_t>(pb.box)].notes) page.notes.push_back(n);
      y = page.boxes.empty()
              ? 0
              : page.boxes.back().y +
                    (page.boxes.back().box >= 0
                         ? boxes[static_cast<size_t>(page.boxes.back().box)].height
                         : flow.table_headers[static_cast<size_t>(-page.boxes.back().box - 1)]
                               .height);
      end = cut;
      break;
    }
    page.used = y;
    pages.push_back(std::move(page));
    if (end <= i) end = i + 1;  // always make progress
    i = end;
  }
  if (pages.empty()) {
    PagePlan p;
    p.style = styles.first();
    p.body_top = body_top(*p.style);
    p.body_bottom = style::kPageHeight - style::kMarginBottom;
    pages.push_back(std::move(p));
  }
  return pages;
}

}  // namespace rv::layout
