// Inline content → KP items → set lines.
//
// The runs of a paragraph are concatenated into one UTF-8 string so that rv::sv can
// find line-break opportunities across run boundaries (ICU keeps NBSP-grouped numbers
// and "t.o.m." together) and hyphenation points per word. Each KP box remembers which
// run (font, link) and which bytes it stands for, so chosen breaks can be turned back
// into positioned text runs.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "layout/flow.hpp"
#include "layout/style.hpp"
#include "swedish/swedish.hpp"

namespace rv::layout {

namespace {

struct Frag {
  FontId font = FontId::SerifRegular;
  float size = 0;
  float rise = 0;
  std::string_view text;  // into the paragraph text, or a footnote number in mark_text
  int inl = -1;           // index of the inline run (links); -1 for footnote marks
  int note = -1;          // footnote index for marks
  RunKind kind = RunKind::Normal;
  bool word_space = false;  // glue or penalty at a space or forced break: a line ending
                            // here ends a word (the text layer gets a space)
};

struct Piece {
  size_t begin, end;
  int inl;
  FontId font;
};

doc::FontStyle combine(doc::FontStyle a, doc::FontStyle b) {
  const bool bold = a == doc::FontStyle::Bold || a == doc::FontStyle::BoldItalic ||
                    b == doc::FontStyle::Bold || b == doc::FontStyle::BoldItalic;
  const bool ital = a == doc::FontStyle::Italic || a == doc::FontStyle::BoldItalic ||
                    b == doc::FontStyle::Italic || b == doc::FontStyle::BoldItalic;
  return bold && ital ? doc::FontStyle::BoldItalic
         : bold       ? doc::FontStyle::Bold
         : ital       ? doc::FontStyle::Italic
                      : doc::FontStyle::Regular;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// kJoint and kWeak qualify a kHyphen: a compound joint, a fragment under three letters.
enum Cut : unsigned char { kPiece = 1, kOpportunity = 2, kHyphen = 4, kJoint = 8, kWeak = 16 };

using style::kHyphenPenalty;
using style::kJointPenalty;

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
void emergency_break(std::vector<KPItem>& items, std::vector<Frag>& frags, float measure) {
  for (const KPItem& it :
       {KPItem{KPItem::Penalty, 0, 0, 0, kInfPenalty}, KPItem{KPItem::Glue, 0, measure, 0},
        KPItem{KPItem::Penalty, 0, 0, 0, kEmergencyPenalty},
        KPItem{KPItem::Glue, 0, -measure, 0}}) {
    items.push_back(it);
    frags.push_back({});
  }
}

// Every run of boxes between break opportunities that is wider than the measure gets a
// possible break between any two of its characters.
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
      for (size_t k = begin; k < i; ++k) {
        if (items[k].type != KPItem::Box) {
          out_items.push_back(items[k]);
          out_frags.push_back(frags[k]);
          box_before = false;
          continue;
        }
        const Frag& f = frags[k];
        if (f.kind != RunKind::Normal) {  // a footnote mark stays whole, with its word
          out_items.push_back(items[k]);
          out_frags.push_back(f);
          box_before = true;
          continue;
        }
        for (size_t c = 0; c < f.text.size();) {
          const size_t at = c;
          next_code_point(f.text, c);
          // Not before a space: a line would start with it.
          const bool space = f.text[at] == ' ' || f.text.substr(at, c - at) == "\u00A0";
          if (box_before && !space) emergency_break(out_items, out_frags, width);
          Frag part = f;
          part.text = f.text.substr(at, c - at);
          out_items.push_back({KPItem::Box, fonts.width(part.font, part.size, part.text)});
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

}  // namespace

struct Builder::TextScratch {
  std::string text;
  std::vector<Piece> pieces;
  std::vector<std::pair<size_t, int>> marks;  // (offset, inline index)
  std::vector<std::string> mark_text;         // reserved up front: Frag views stay valid
  std::vector<unsigned char> starts;
  std::vector<KPItem> items;
  std::vector<Frag> frags;
  std::vector<std::pair<size_t, unsigned char>> cuts;
  std::vector<float> widths;
};

Builder::Builder(const FontSet& fonts, Pages& pages, Diagnostics& diags)
    : fonts_(fonts), pages_(pages), diags_(diags) {}

Builder::~Builder() = default;

const std::vector<rv::sv::HyphenPoint>& Builder::hyphenation(std::string_view word) {
  auto it = hyph_cache_.find(word);
  if (it != hyph_cache_.end()) return it->second;
  return hyph_cache_.emplace(std::string(word), rv::sv::hyphenation_candidates(word)).first->second;
}

std::vector<SetLine> Builder::set_text(const doc::Inlines& content, const TextStyle& ts, float x,
                                       float width, int node) {
  if (scratch_.size() <= text_depth_) scratch_.push_back(std::make_unique<TextScratch>());
  TextScratch& sc = *scratch_[text_depth_];
  struct Depth {
    size_t& d;
    ~Depth() { --d; }
  } depth{++text_depth_};

  // 1. One string for the paragraph; footnote marks remembered by offset.
  std::string& text = sc.text;
  std::vector<Piece>& pieces = sc.pieces;
  std::vector<std::pair<size_t, int>>& marks = sc.marks;
  text.clear();
  pieces.clear();
  marks.clear();
  for (size_t i = 0; i < content.size(); ++i) {
    const doc::Inline& in = content[i];
    const size_t begin = text.size();
    if (in.kind == doc::InlineKind::Text) {
      text += in.text;
      for (size_t k = begin; k < text.size(); ++k)
        if (text[k] == '\n' || text[k] == '\t' || text[k] == '\r') text[k] = ' ';
    } else if (in.kind == doc::InlineKind::LineBreak) {
      text += '\n';
    } else {
      size_t p = text.size();
      while (p > 0 && is_space(text[p - 1])) --p;  // a mark binds to the word before it
      marks.emplace_back(p, static_cast<int>(i));
      continue;
    }
    pieces.push_back(
        {begin, text.size(), static_cast<int>(i), font_for(ts.family, combine(ts.base, in.style))});
  }
  std::vector<SetLine> lines;
  if (text.empty() && marks.empty()) return lines;

  std::vector<unsigned char>& starts = sc.starts;  // a line may start here
  starts.assign(text.size() + 1, 0);
  for (const auto& b : rv::sv::line_breaks(text)) starts[b.offset] = 1;

  // Boxes are made in text order, so the piece holding an offset is found by walking
  // forward (the first piece ending after it, else the last, as a binary search would).
  size_t piece_cursor = 0, piece_query = 0;
  auto piece_at = [&](size_t off) -> const Piece& {
    if (off < piece_query) piece_cursor = 0;
    piece_query = off;
    while (piece_cursor < pieces.size() && pieces[piece_cursor].end <= off) ++piece_cursor;
    return piece_cursor < pieces.size() ? pieces[piece_cursor] : pieces.back();
  };
  // A character the font lacks would print as an empty box: say so, once per character.
  for (const Piece& p : pieces) {
    const FontMetrics& m = fonts_.metrics(p.font);
    for (size_t i = p.begin; i < p.end;) {
      const size_t at = i;
      const auto b = static_cast<unsigned char>(text[i]);
      char32_t cp;
      if (b < 0x80) {
        cp = b;
        ++i;
      } else {
        cp = next_code_point(text, i);
      }
      if (cp < 0x20 || cp == 0xAD || m.has_glyph(cp) || !missing_warned_.insert(cp).second)
        continue;
      char hex[16];
      std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
      diags_.warning(content[static_cast<size_t>(p.inl)].span,
                     "tecknet \u201d" + text.substr(at, i - at) + "\u201d (" + hex +
                         ") finns inte i typsnittet och blir en tom ruta i PDF-filen");
    }
  }

  // 2. KP items.
  std::vector<KPItem>& items = sc.items;
  std::vector<Frag>& frags = sc.frags;  // parallel to items (only meaningful for boxes)
  items.clear();
  frags.clear();
  sc.mark_text.clear();
  sc.mark_text.reserve(marks.size());
  const bool justify = ts.align == doc::Align::Justify;
  const bool ragged = !justify;
  const float ragged_stretch = ts.size * style::kRaggedStretchEm;
  Frag kSpace;
  kSpace.word_space = true;
  auto push = [&](KPItem it, Frag f = {}) {
    items.push_back(it);
    frags.push_back(f);
  };
  const std::string_view all(text);
  auto push_box = [&](size_t a, size_t b) {
    if (a >= b) return;
    const Piece& p = piece_at(a);
    Frag f{p.font, ts.size, 0, all.substr(a, b - a), p.inl};
    const float w = fonts_.width(f.font, f.size, f.text);
    push({KPItem::Box, w}, f);
  };
  auto push_mark = [&](int inl) {
    const int note = add_note(content[static_cast<size_t>(inl)], node);
    sc.mark_text.push_back(std::to_string(flow_.notes[static_cast<size_t>(note)].number));
    Frag f{font_for(ts.family, doc::FontStyle::Regular),
           ts.size * style::kNoteMarkScale,
           ts.size * style::kNoteMarkRaise,
           sc.mark_text.back(),
           -1,
           note,
           RunKind::FootnoteMark};
    const float w = fonts_.width(f.font, f.size, f.text);
    push({KPItem::Box, w}, f);
  };
  size_t next_mark = 0;
  auto marks_at = [&](size_t off) {
    while (next_mark < marks.size() && marks[next_mark].first == off)
      push_mark(marks[next_mark++].second);
  };

  std::vector<std::pair<size_t, unsigned char>>& cuts = sc.cuts;
  size_t first_piece_after = 0;  // pieces before it begin at or before the current word
  size_t i = 0;
  marks_at(0);
  while (i < text.size()) {
    if (text[i] == '\n') {
      push({KPItem::Glue, 0, style::kFillStretch, 0}, kSpace);
      push({KPItem::Penalty, 0, 0, 0, -kInfPenalty}, kSpace);
      ++i;
      continue;
    }
    if (is_space(text[i])) {
      const float sw = fonts_.char_width(piece_at(i).font, ts.size, U' ');
      while (i < text.size() && is_space(text[i])) ++i;
      if (i >= text.size()) break;  // trailing spaces vanish
      if (!starts[i]) {             // a space ICU will not break at: keep it as a box
        push_box(i - 1, i);
        continue;
      }
      if (ragged) {
        push({KPItem::Glue, 0, ragged_stretch, 0}, kSpace);
        push({KPItem::Penalty, 0, 0, 0, 0}, kSpace);
        push({KPItem::Glue, sw, -ragged_stretch, 0}, kSpace);
      } else {
        push({KPItem::Glue, sw, sw * style::kSpaceStretch, sw * style::kSpaceShrink}, kSpace);
      }
      continue;
    }
    // A word: up to the next space or forced break.
    size_t we = i;
    while (we < text.size() && !is_space(text[we]) && text[we] != '\n') ++we;
    cuts.clear();
    for (size_t k = i + 1; k < we; ++k)
      if (starts[k]) cuts.emplace_back(k, kOpportunity);
    while (first_piece_after < pieces.size() && pieces[first_piece_after].begin <= i)
      ++first_piece_after;
    for (size_t p = first_piece_after; p < pieces.size() && pieces[p].begin < we; ++p)
      cuts.emplace_back(pieces[p].begin, kPiece);
    for (size_t m = next_mark; m < marks.size() && marks[m].first < we; ++m)
      if (marks[m].first > i) cuts.emplace_back(marks[m].first, kPiece);
    if (ts.hyphenate && we - i >= 5) {
      for (const rv::sv::HyphenPoint& h : hyphenation(all.substr(i, we - i))) {
        if (h.offset == 0 || h.offset >= we - i) continue;
        unsigned char kind = kHyphen;
        if (h.joint) kind |= kJoint;
        if (h.left < rv::sv::kPreferredFragment || h.right < rv::sv::kPreferredFragment)
          kind |= kWeak;
        cuts.emplace_back(i + h.offset, kind);
      }
    }
    std::sort(cuts.begin(), cuts.end());
    size_t a = i;
    for (size_t c = 0; c < cuts.size();) {
      const size_t pos = cuts[c].first;
      unsigned char kind = 0;
      for (; c < cuts.size() && cuts[c].first == pos; ++c) kind |= cuts[c].second;
      push_box(a, pos);
      marks_at(pos);
      if (kind & kOpportunity) {
        push({KPItem::Penalty, 0, 0, 0, kHyphenPenalty, true});
      } else if (kind & kHyphen) {
        const float hw = fonts_.char_width(frags.back().font, ts.size, U'-');
        const float penalty = (kind & kJoint) ? kJointPenalty : kHyphenPenalty;
        push({KPItem::Penalty, hw, 0, 0, penalty, true, (kind & kWeak) != 0});
      }
      a = pos;
    }
    push_box(a, we);
    marks_at(we);
    i = we;
  }
  while (next_mark < marks.size()) push_mark(marks[next_mark++].second);
  if (items.empty()) return lines;
  // Paragraph end: fill glue and a forced break.
  push({KPItem::Glue, 0, style::kFillStretch, 0});
  push({KPItem::Penalty, 0, 0, 0, -kInfPenalty});

  emergency_breaks(fonts_, items, frags, width);

  // 3. Break.
  KPParams params;
  params.tolerance = ragged ? style::kRaggedTolerance : style::kJustifiedTolerance;
  params.loose_before_weak = ragged;
  sc.widths.assign(1, width);
  const std::vector<size_t> breaks = break_lines(items, sc.widths, params);

  // 4. Set each line.
  std::unordered_map<int, int> link_nodes;  // inline index → its Link element
  const float base = baseline_in_line(ts.size, ts.leading);
  lines.reserve(breaks.size());
  size_t from = 0;
  for (size_t li = 0; li < breaks.size(); ++li) {
    const size_t to = breaks[li];
    while (from < to && items[from].type != KPItem::Box) ++from;  // glue after a break goes
    const bool last = to == items.size() - 1 ||
                      (items[to].type == KPItem::Penalty && items[to].penalty <= -kInfPenalty);
    float r = adjustment_ratio(items, from, to, width);
    if (!justify || last) r = std::min(r, 0.0f);
    // Natural width for centring / right alignment.
    float natural = 0;
    for (size_t k = from; k < to; ++k)
      if (items[k].type != KPItem::Penalty) natural += items[k].width;
    if (items[to].type == KPItem::Penalty) natural += items[to].width;
    float xpos = x;
    if (ts.align == doc::Align::Center) xpos += std::max(0.0f, (width - natural) / 2);
    if (ts.align == doc::Align::Right) xpos += std::max(0.0f, width - natural);

    SetLine line;
    line.height = ts.leading;
    TextRun cur;
    bool have = false, pending_space = false;
    auto flush = [&] {
      if (!have) return;
      if (cur.word_x.size() <= 1 || std::abs(r) < 1e-4f) cur.word_x.clear(), cur.word_at.clear();
      const doc::Inline* in = cur.kind == RunKind::Normal && cur.line >= 0
                                  ? &content[static_cast<size_t>(cur.line)]
                                  : nullptr;
      if (in && (!in->link_id.empty() || !in->url.empty())) {
        // The link's text is a Link element in the paragraph, one for all its lines.
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
        cur.font = f.font;
        cur.size = f.size;
        cur.x = xpos;
        cur.y = base - f.rise;
        cur.text = f.text;
        cur.word_x = {xpos};
        cur.word_at = {0};
        cur.color = f.kind == RunKind::FootnoteMark ? ts.color : ts.color;
        if (f.inl >= 0 && (!content[static_cast<size_t>(f.inl)].link_id.empty() ||
                           !content[static_cast<size_t>(f.inl)].url.empty()))
          cur.color = style::kLinkColor;
        cur.node = node;
        cur.kind = f.kind;
        cur.line = f.inl;
        have = true;
        if (f.note >= 0) line.notes.push_back(f.note);
        if (f.kind == RunKind::FootnoteMark && f.note >= 0) {
          // The mark is a Reference element in the paragraph (PDF/UA), numbered as its note.
          cur.node = add_node(Role::Reference, node, {});
          pages_.nodes[static_cast<size_t>(cur.node)].note =
              flow_.notes[static_cast<size_t>(f.note)].number;
        }
      }
      pending_space = false;
      xpos += it.width;
      cur.width = xpos - cur.x;
    }
    // What text extraction and screen readers get from the line's end (ISO 32000-1
    // §14.8.2.2.3 and §14.8.2.5): a hyphen the line break added is a soft hyphen (U+00AD,
    // drawn as a hyphen), so "stimulansme-del" reads as one word; a line broken at a space
    // ends with that space, so "nära" and "relationer" on two lines are two words.
    if (items[to].type == KPItem::Penalty && items[to].width > 0 && have) {
      cur.text += "\u00AD";
      cur.width += items[to].width;
    } else if (have && to != items.size() - 1 && frags[to].word_space) {
      // At a space (glue, or the penalty between a ragged line's glues) or a forced break;
      // not at a break inside a word ("https://|www", "HBTQ-|personer"), which reads as one.
      cur.text += ' ';  // after the drawn width: nothing moves
    }
    flush();
    lines.push_back(std::move(line));
    from = to + 1;
  }
  return lines;
}

TextRun make_run(const FontSet& fonts, FontId font, float size, float x, float baseline,
                 std::string text, int node, Color color) {
  TextRun r;
  r.font = font;
  r.size = size;
  r.x = x;
  r.y = baseline;
  r.width = fonts.width(font, size, text);
  r.text = std::move(text);
  r.node = node;
  r.color = color;
  return r;
}

}  // namespace rv::layout
