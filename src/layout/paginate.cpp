// Page building: fills pages with flow boxes, best-effort greedy with backtracking to the
// last permitted break (keeps, widows and orphans are expressed as forbidden breaks).
// Footnotes travel with the line that references them: a line only fits if its notes
// fit at the foot of the same page.
#include <algorithm>
#include <string>

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

namespace {

// How far down the page the boxes of `page` before flow box `cut` reach (the top of the
// first box that would move to the next page; `filled` when none would).
float placed_height(const PagePlan& page, size_t cut, float filled) {
  for (const PlacedBox& pb : page.boxes)
    if (pb.box >= static_cast<int>(cut)) return pb.y;
  return filled;
}

std::string fmt_pt(float v) { return std::to_string(static_cast<int>(v + 0.5f)); }

float lines_height(const Note& n, size_t from, size_t to) {
  float h = 0;
  for (size_t k = from; k < to && k < n.lines.size(); ++k) h += n.lines[k].height;
  return h;
}

// Notes area for a carried part, whole notes and the last one cut after `split_at` lines.
float notes_area(const Flow& flow, int carried, size_t carried_from, const std::vector<int>& notes,
                 size_t split_at) {
  if (carried < 0 && split_at == 0) return notes_height(flow, notes);
  float h = style::kNoteRuleGap;
  bool first = true;
  if (carried >= 0) {
    const Note& c = flow.notes[static_cast<size_t>(carried)];
    h += lines_height(c, carried_from, c.lines.size());
    first = false;
  }
  for (size_t i = 0; i < notes.size(); ++i) {
    const Note& n = flow.notes[static_cast<size_t>(notes[i])];
    h += (first ? 0 : style::kNoteGap) +
         (i + 1 == notes.size() && split_at > 0 ? lines_height(n, 0, split_at) : n.height);
    first = false;
  }
  return h;
}

}  // namespace

float notes_height(const Flow& flow, const PagePlan& plan) {
  return notes_area(flow, plan.carried, plan.carried_from, plan.notes, plan.split_at);
}

std::vector<PagePlan> paginate(const Flow& flow, const StyleTable& styles, Diagnostics& diags) {
  std::vector<PagePlan> pages;
  const std::vector<Box>& boxes = flow.boxes;
  const doc::PageStyle* style = styles.first();
  size_t i = 0;
  constexpr float kEps = 0.01f;
  int carry = -1;  // a footnote split on the previous page, and its first line left over
  size_t carry_from = 0;
  while (i < boxes.size() || carry >= 0) {
    if (i >= boxes.size()) {  // only the end of a split footnote is left
      PagePlan page;
      page.style = pages.empty() ? style : styles.next(style);
      page.body_top = body_top(*page.style);
      page.body_bottom = style::kPageHeight - style::kMarginBottom;
      page.carried = carry;
      page.carried_from = carry_from;
      pages.push_back(std::move(page));
      break;
    }
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
    page.carried = carry;
    page.carried_from = carry_from;
    carry = -1;
    page.style = style;
    page.body_top = body_top(*style);
    page.body_bottom = style::kPageHeight - style::kMarginBottom;
    const float avail = page.body_bottom - page.body_top;
    float y = 0;
    const size_t start = i;
    // A table continuing from the previous page gets its header rows first, unless the
    // row opening the page does not fit under them: it is set without them rather than
    // run past the bottom of the page (a row fits a page alone, or is reported below).
    if (boxes[i].repeat_table >= 0 && !boxes[i].new_page) {
      const Box& h = flow.table_headers[static_cast<size_t>(boxes[i].repeat_table)];
      if (h.height + boxes[i].height <= avail + kEps) {
        page.boxes.push_back({-(boxes[i].repeat_table + 1), 0});
        y = h.height;
      }
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
      const float need =
          y + space + b.height + notes_area(flow, page.carried, page.carried_from, notes, 0);
      if (empty && b.height > avail + kEps) {
        // Nothing can make it fit: a box taller than the page (a table row, a chart, a
        // line of huge type) would run off the paper. Reported where it was written.
        diags.error(b.span.line > 0 ? b.span : b.break_span,
                    "innehållet är " + fmt_pt(b.height) + " pt högt men sidan rymmer bara " +
                        fmt_pt(avail) + " pt; dela upp raden eller gör den kortare");
      }
      if (need <= avail + kEps || empty) {
        page.boxes.push_back({static_cast<int>(j), y + space});
        y += space + b.height;
        page.notes = std::move(notes);
        ++j;
        continue;
      }
      // The line fits but its footnote does not: split the (last) note after as many lines
      // as fit, at least two, if the page may end after this line and the rest is short.
      if (!b.notes.empty() && (j + 1 == boxes.size() || boxes[j + 1].break_before)) {
        const Note& last = flow.notes[static_cast<size_t>(notes.back())];
        const size_t total = last.lines.size();
        size_t m = total > 0 ? total - 1 : 0;  // lines of the note kept on this page
        while (m >= 2 &&
               y + space + b.height + notes_area(flow, page.carried, page.carried_from, notes, m) >
                   avail + kEps)
          --m;
        if (m >= 2 && lines_height(last, m, total) <= avail / 2) {
          page.boxes.push_back({static_cast<int>(j), y + space});
          y += space + b.height;
          page.notes = std::move(notes);
          page.split_at = m;
          carry = page.notes.back();
          carry_from = m;
          ++j;
          end = j;
          break;
        }
      }
      // Overflow at j: break before j if allowed, else at the last allowed break, unless
      // going back that far would leave the page less than a third full: then the keep
      // gives way and the page ends at j (a page mostly empty reads as an error).
      size_t cut = j;
      {
        size_t k = j;
        while (k > start && !boxes[k].break_before) --k;
        if (k > start && placed_height(page, k, y) >= style::kMinPageFill * avail) cut = k;
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
