// Emergency breaks: a line break inside a word that no other break can make fit.
#include "layout/text_items.hpp"

namespace rv::layout {

namespace {

// A break anywhere, for a run of boxes no break opportunity divides that is wider than
// the measure (a URL, a long number, "ter” (27 pro" between two hyphens in a narrow
// column): without one its line passes the right edge, onto the next column or into the
// margin. TeX leaves such a line overfull; typst and browsers (overflow-wrap) break the
// word anywhere, as here. Costly enough to be the last resort, and no hyphen is added: the
// break is not between syllables, and a hyphen would read as part of a URL or number.
constexpr float kEmergencyPenalty = 5000;

// Between two boxes of such a run: a break whose line, however short, is within the
// tolerance (the stretch of `measure` before the break, as in ragged-right setting, is
// cancelled after it when there is no break).
// `kern` is the kerning the box before it carries towards the next (given back when the
// line breaks here, as at a hyphenation point).
void emergency_break(std::vector<KPItem>& items, std::vector<Frag>& frags, float measure,
                     float kern) {
  for (const KPItem& it :
       {KPItem{KPItem::Penalty, 0, 0, 0, kInfPenalty}, KPItem{KPItem::Glue, 0, measure, 0},
        KPItem{KPItem::Penalty, -kern, 0, 0, kEmergencyPenalty},
        KPItem{KPItem::Glue, 0, -measure, 0}}) {
    items.push_back(it);
    frags.push_back({});
  }
}

}  // namespace

void emergency_breaks(const FontSet& fonts, std::vector<KPItem>& items, std::vector<Frag>& frags,
                      float width) {
  // Runs of boxes with no break inside: [begin, end) item ranges, found first.
  auto is_break = [&](size_t i) {
    const KPItem& it = items[i];
    if (it.type == KPItem::Penalty) return it.penalty < kInfPenalty;
    return it.type == KPItem::Glue && i > 0 && items[i - 1].type == KPItem::Box;
  };
  bool any = false;
  {
    double w = 0;
    for (size_t i = 0; i < items.size() && !any; ++i) {
      if (items[i].type == KPItem::Box) w += items[i].width;
      if (is_break(i)) {
        any = w + (items[i].type == KPItem::Penalty ? items[i].width : 0) > width;
        w = 0;
      }
      any = any || w > width;
    }
  }
  if (!any) return;
  std::vector<KPItem> out_items;
  std::vector<Frag> out_frags;
  out_items.reserve(items.size() * 2);
  out_frags.reserve(items.size() * 2);
  size_t begin = 0;
  for (size_t i = 0; i <= items.size(); ++i) {
    if (i < items.size() && !is_break(i)) continue;
    // items[begin, i) holds no break; a hyphen ending it is on its line too.
    double w = i < items.size() && items[i].type == KPItem::Penalty ? items[i].width : 0;
    for (size_t k = begin; k < i; ++k)
      if (items[k].type == KPItem::Box) w += items[k].width;
    if (w <= width) {
      for (size_t k = begin; k < i; ++k) {
        out_items.push_back(items[k]);
        out_frags.push_back(frags[k]);
      }
    } else {
      bool box_before = false;
      float kern_before = 0;  // what the box before carries towards this one
      for (size_t k = begin; k < i; ++k) {
        if (items[k].type != KPItem::Box) {
          out_items.push_back(items[k]);
          out_frags.push_back(frags[k]);
          box_before = false;
          kern_before = 0;
          continue;
        }
        const Frag& f = frags[k];
        if (f.kind != RunKind::Normal) {  // a footnote mark stays whole, with its word
          out_items.push_back(items[k]);
          out_frags.push_back(f);
          box_before = true;
          kern_before = 0;
          continue;
        }
        // Each character a box, kerned towards the next as the whole box was; the last
        // keeps what the box carried towards the text after it (a hyphenation point's pair).
        const float carried = items[k].width - fonts.width(f.font, f.size, f.text);
        for (size_t c = 0; c < f.text.size();) {
          const size_t at = c;
          const char32_t cp = next_code_point(f.text, c);
          // Not before a space: a line would start with it.
          const bool space = f.text[at] == ' ' || f.text.substr(at, c - at) == "\u00A0";
          if (box_before && !space) emergency_break(out_items, out_frags, width, kern_before);
          Frag part = f;
          part.text = f.text.substr(at, c - at);
          size_t next = c;
          kern_before = c < f.text.size()
                            ? fonts.kern(f.font, f.size, cp, next_code_point(f.text, next))
                            : carried;
          out_items.push_back(
              {KPItem::Box, fonts.width(part.font, part.size, part.text) + kern_before});
          out_frags.push_back(part);
          box_before = true;
        }
      }
    }
    if (i < items.size()) {
      out_items.push_back(items[i]);
      out_frags.push_back(frags[i]);
    }
    begin = i + 1;
  }
  items.swap(out_items);
  frags.swap(out_frags);
}

}  // namespace rv::layout
