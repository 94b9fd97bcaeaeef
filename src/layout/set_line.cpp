// Set lines: the items of a chosen line as positioned text runs (the last phase of
// Builder::set_text).
#include <algorithm>
#include <cmath>

#include "layout/style.hpp"
#include "layout/text_items.hpp"

namespace rv::layout {

// A run of a link's text (cur.line still holds its inline index) becomes part of the
// link's Link element, one for all its lines, and gets a clickable area.
void Builder::link_run(const doc::Inlines& content, const TextStyle& ts, int node, TextRun& cur,
                       SetLine& line, std::unordered_map<int, int>& link_nodes) {
  const doc::Inline* in = cur.kind == RunKind::Normal && cur.line >= 0
                              ? &content[static_cast<size_t>(cur.line)]
                              : nullptr;
  if (!in || (in->link_id.empty() && in->url.empty())) return;
  auto [at, added] = link_nodes.emplace(cur.line, -1);
  if (added) at->second = add_node(Role::Link, node, in->span);
  cur.node = at->second;
  LinkArea la;
  la.node = at->second;
  la.x = cur.x;
  la.y = 0;
  la.w = cur.width;
  la.h = ts.leading;
  la.target_id = in->link_id;
  la.url = in->url;
  la.written = in->span;
  la.text = cur.text;
  line.links.push_back(std::move(la));
}

namespace {

// The adjustment ratio a line is painted with: stretched only when justified and not the
// paragraph's last line, shrunk whenever it must be.
float paint_ratio(const std::vector<KPItem>& items, size_t from, size_t to, float width,
                  bool justify) {
  const bool last = to == items.size() - 1 ||
                    (items[to].type == KPItem::Penalty && items[to].penalty <= -kInfPenalty);
  const float r = adjustment_ratio(items, from, to, width);
  return !justify || last ? std::min(r, 0.0f) : r;
}

// How far a centred or right-aligned line starts inside its measure (from its natural
// width).
float align_offset(const std::vector<KPItem>& items, size_t from, size_t to, float width,
                   doc::Align align) {
  if (align != doc::Align::Center && align != doc::Align::Right) return 0;
  float natural = 0;
  for (size_t k = from; k < to; ++k)
    if (items[k].type != KPItem::Penalty) natural += items[k].width;
  if (items[to].type == KPItem::Penalty) natural += items[to].width;
  const float room = std::max(0.0f, width - natural);
  return align == doc::Align::Center ? room / 2 : room;
}

}  // namespace

// A new run on a line for fragment `f` at x; its line field holds the inline index until
// the run ends (runs split at link boundaries). A footnote mark is a Reference element in
// the paragraph (PDF/UA), numbered as its note.
TextRun Builder::start_run(const doc::Inlines& content, const TextStyle& ts, int node,
                           const Frag& f, float x, float base) {
  TextRun run;
  run.font = f.font;
  run.size = f.size;
  run.x = x;
  run.y = base - f.rise;
  run.text = f.text;
  run.word_x = {x};
  run.word_at = {0};
  run.color = ts.color;
  if (f.inl >= 0 && (!content[static_cast<size_t>(f.inl)].link_id.empty() ||
                     !content[static_cast<size_t>(f.inl)].url.empty()))
    run.color = style::kLinkColor;
  run.node = node;
  run.kind = f.kind;
  run.line = f.inl;
  if (f.kind == RunKind::FootnoteMark && f.note >= 0) {
    run.node = add_node(Role::Reference, node, {});
    pages_.nodes[static_cast<size_t>(run.node)].note =
        flow_.notes[static_cast<size_t>(f.note)].number;
  }
  return run;
}

// Line `li`: the items sc.items[from, to) (to = its break) as positioned text runs, the
// glue stretched or shrunk by the line's adjustment ratio when justified.
SetLine Builder::set_line(const doc::Inlines& content, const TextStyle& ts, float x, float width,
                          int node, const TextScratch& sc, size_t from, size_t to, int li,
                          std::unordered_map<int, int>& link_nodes) {
  const std::vector<KPItem>& items = sc.items;
  const std::vector<Frag>& frags = sc.frags;
  const bool justify = ts.align == doc::Align::Justify;
  const float base = baseline_in_line(ts.size, ts.leading);
  while (from < to && items[from].type != KPItem::Box) ++from;  // glue after a break goes
  const float r = paint_ratio(items, from, to, width, justify);
  float xpos = x + align_offset(items, from, to, width, ts.align);

  SetLine line;
  line.height = ts.leading;
  TextRun cur;
  bool have = false, pending_space = false;
  auto flush = [&] {
    if (!have) return;
    if (cur.word_x.size() <= 1 || std::abs(r) < 1e-4f) cur.word_x.clear(), cur.word_at.clear();
    link_run(content, ts, node, cur, line, link_nodes);
    cur.line = static_cast<int>(li);
    line.right = std::max(line.right, cur.x + cur.width);
    line.items.emplace_back(std::move(cur));
    cur = TextRun{};
    have = false;
  };
  for (size_t k = from; k < to; ++k) {
    const KPItem& it = items[k];
    if (it.type == KPItem::Glue) {
      if (it.width > 0) pending_space = true;
      xpos += it.width + (r > 0 ? r * it.stretch : r * it.shrink);
      continue;
    }
    if (it.type == KPItem::Penalty) continue;
    const Frag& f = frags[k];
    // cur.line temporarily holds the inline index so runs split at link boundaries.
    const bool same = have && cur.font == f.font && cur.size == f.size && cur.kind == f.kind &&
                      cur.line == f.inl && f.kind == RunKind::Normal;
    if (same) {
      if (pending_space) {
        cur.text += ' ';
        cur.word_x.push_back(xpos);
        cur.word_at.push_back(static_cast<uint32_t>(cur.text.size()));
      }
      cur.text += f.text;
    } else {
      // A space between two runs (a word and a link, roman and italic) ends the first,
      // so the runs' text reads as separate words.
      if (pending_space && have) cur.text += ' ';
      flush();
      cur = start_run(content, ts, node, f, xpos, base);
      have = true;
      if (f.note >= 0) line.notes.push_back(f.note);
    }
    pending_space = false;
    xpos += it.width;
    cur.width = xpos - cur.x;
  }
  // What text extraction and screen readers get from the line's end (ISO 32000-1
  // §14.8.2.2.3 and §14.8.2.5): a hyphen the line break added is a soft hyphen (U+00AD,
  // drawn as a hyphen), so "stimulansme-del" reads as one word; a line broken at a space
  // ends with that space, so "nära" and "relationer" on two lines are two words.
  const bool penalty = items[to].type == KPItem::Penalty;
  if (penalty && items[to].flagged && items[to].width > 0 && have) {
    cur.text += "\u00AD";
    cur.width += items[to].width;
  } else if (penalty && items[to].width != 0 && have) {
    cur.width += items[to].width;  // an emergency break gives back the pair's kerning
  } else if (have && to != items.size() - 1 && frags[to].word_space) {
    // At a space (glue, or the penalty between a ragged line's glues) or a forced break;
    // not at a break inside a word ("https://|www", "HBTQ-|personer"), which reads as one.
    cur.text += ' ';  // after the drawn width: nothing moves
  }
  flush();
  return line;
}

}  // namespace rv::layout
