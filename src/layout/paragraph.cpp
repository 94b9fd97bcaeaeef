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

namespace {

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

struct TextScratch {
  std::string text;
  std::vector<Piece> pieces;
  std::vector<std::pair<size_t, int>> marks;  // (offset, inline index)
  std::vector<std::string> mark_text;         // reserved up front: Frag views stay valid
  std::vector<unsigned char> starts;          // a line may start at this offset
  std::vector<KPItem> items;
  std::vector<Frag> frags;  // parallel to items (only meaningful for boxes)
  std::vector<std::pair<size_t, unsigned char>> cuts;
  std::vector<size_t> soft_hyphens;  // offsets of the soft hyphens taken out of the text
  std::vector<float> widths;
  // Item making walks the text forward: the piece holding the last offset asked for, and
  // the next footnote mark to place.
  size_t piece_cursor = 0, piece_query = 0, next_mark = 0;

  void push(const KPItem& it, const Frag& f = {}) {
    items.push_back(it);
    frags.push_back(f);
  }
  // The piece holding an offset: the first piece ending after it, else the last, as a
  // binary search would; found by walking forward, since boxes are made in text order.
  const Piece& piece_at(size_t off) {
    if (off < piece_query) piece_cursor = 0;
    piece_query = off;
    while (piece_cursor < pieces.size() && pieces[piece_cursor].end <= off) ++piece_cursor;
    return piece_cursor < pieces.size() ? pieces[piece_cursor] : pieces.back();
  }
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

  std::vector<SetLine> lines;
  if (!join_text(content, ts, sc)) return lines;
  warn_missing_glyphs(content, sc);
  make_items(content, ts, node, sc);
  if (sc.items.empty()) return lines;
  emergency_breaks(fonts_, sc.items, sc.frags, width);

  KPParams params;
  const bool ragged = ts.align != doc::Align::Justify;
  params.tolerance = ragged ? style::kRaggedTolerance : style::kJustifiedTolerance;
  params.loose_before_weak = ragged;
  sc.widths.assign(1, width);
  const std::vector<size_t> breaks = break_lines(sc.items, sc.widths, params);

  std::unordered_map<int, int> link_nodes;  // inline index → its Link element
  lines.reserve(breaks.size());
  size_t from = 0;
  for (size_t li = 0; li < breaks.size(); ++li) {
    lines.push_back(set_line(content, ts, x, width, node, sc, from, breaks[li],
                             static_cast<int>(li), link_nodes));
    from = breaks[li] + 1;
  }
  return lines;
}

// One string for the paragraph, with its pieces (runs of one font) and footnote marks
// remembered by offset, and where ICU allows a line to start. False when there is nothing
// to set.
bool Builder::join_text(const doc::Inlines& content, const TextStyle& ts, TextScratch& sc) {
  std::string& text = sc.text;
  text.clear();
  sc.pieces.clear();
  sc.marks.clear();
  sc.soft_hyphens.clear();
  for (size_t i = 0; i < content.size(); ++i) {
    const doc::Inline& in = content[i];
    const size_t begin = text.size();
    if (in.kind == doc::InlineKind::Text) {
      // A soft hyphen (U+00AD) written in the text is a place the word may be hyphenated,
      // not a character: the fonts draw it as a hyphen, which mid-line read "stimulans-medel".
      for (size_t k = 0; k < in.text.size(); ++k) {
        const char c = in.text[k];
        if (c == '\xC2' && k + 1 < in.text.size() && in.text[k + 1] == '\xAD') {
          sc.soft_hyphens.push_back(text.size());
          ++k;
          continue;
        }
        text += c == '\n' || c == '\t' || c == '\r' ? ' ' : c;
      }
    } else if (in.kind == doc::InlineKind::LineBreak) {
      text += '\n';
    } else {
      size_t p = text.size();
      while (p > 0 && is_space(text[p - 1])) --p;  // a mark binds to the word before it
      sc.marks.emplace_back(p, static_cast<int>(i));
      continue;
    }
    sc.pieces.push_back(
        {begin, text.size(), static_cast<int>(i), font_for(ts.family, combine(ts.base, in.style))});
  }
  if (text.empty() && sc.marks.empty()) return false;
  sc.starts.assign(text.size() + 1, 0);
  for (const auto& b : rv::sv::line_breaks(text)) sc.starts[b.offset] = 1;
  return true;
}

// A character the font lacks would print as an empty box: say so, once per character.
void Builder::warn_missing_glyphs(const doc::Inlines& content, const TextScratch& sc) {
  const std::string& text = sc.text;
  for (const Piece& p : sc.pieces) {
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
}

namespace {

// A box for text[a, b) in the font of the piece holding it.
void push_box(const FontSet& fonts, const TextStyle& ts, TextScratch& sc, size_t a, size_t b) {
  if (a >= b) return;
  const Piece& p = sc.piece_at(a);
  Frag f{p.font, ts.size, 0, std::string_view(sc.text).substr(a, b - a), p.inl};
  sc.push({KPItem::Box, fonts.width(f.font, f.size, f.text)}, f);
}

// A breakable space: glue, or for ragged lines glue–penalty–glue that makes a short line
// cost little (style::kRaggedStretchEm).
void push_space(const FontSet& fonts, const TextStyle& ts, TextScratch& sc, size_t at) {
  Frag space;
  space.word_space = true;
  const float sw = fonts.char_width(sc.piece_at(at).font, ts.size, U' ');
  if (ts.align != doc::Align::Justify) {
    const float stretch = ts.size * style::kRaggedStretchEm;
    sc.push({KPItem::Glue, 0, stretch, 0}, space);
    sc.push({KPItem::Penalty, 0, 0, 0, 0}, space);
    sc.push({KPItem::Glue, sw, -stretch, 0}, space);
  } else {
    sc.push({KPItem::Glue, sw, sw * style::kSpaceStretch, sw * style::kSpaceShrink}, space);
  }
}

// Glue and a forced break: a line break in the text, or the paragraph's end.
void push_forced_break(TextScratch& sc, bool word_space) {
  Frag f;
  f.word_space = word_space;
  sc.push({KPItem::Glue, 0, style::kFillStretch, 0}, f);
  sc.push({KPItem::Penalty, 0, 0, 0, -kInfPenalty}, f);
}

}  // namespace

// The paragraph as Knuth–Plass items: boxes for text, glue for spaces, penalties where a
// word may break, and the footnote marks as boxes after the words they follow.
void Builder::make_items(const doc::Inlines& content, const TextStyle& ts, int node,
                         TextScratch& sc) {
  sc.items.clear();
  sc.frags.clear();
  sc.mark_text.clear();
  sc.mark_text.reserve(sc.marks.size());
  sc.piece_cursor = sc.piece_query = sc.next_mark = 0;
  const std::string& text = sc.text;
  size_t first_piece_after = 0;  // pieces before it begin at or before the current word
  size_t i = 0;
  marks_at(content, ts, node, sc, 0);
  while (i < text.size()) {
    if (text[i] == '\n') {
      push_forced_break(sc, true);
      ++i;
      continue;
    }
    if (is_space(text[i])) {
      const size_t space = i;
      while (i < text.size() && is_space(text[i])) ++i;
      if (i >= text.size()) break;  // trailing spaces vanish
      if (!sc.starts[i])            // a space ICU will not break at: keep it as a box
        push_box(fonts_, ts, sc, i - 1, i);
      else
        push_space(fonts_, ts, sc, space);
      continue;
    }
    // A word: up to the next space or forced break.
    size_t we = i;
    while (we < text.size() && !is_space(text[we]) && text[we] != '\n') ++we;
    while (first_piece_after < sc.pieces.size() && sc.pieces[first_piece_after].begin <= i)
      ++first_piece_after;
    word_items(content, ts, node, sc, i, we, first_piece_after);
    i = we;
  }
  while (sc.next_mark < sc.marks.size()) push_mark(content, ts, node, sc);
  if (sc.items.empty()) return;
  push_forced_break(sc, false);  // the paragraph's end
}

// The word text[i, we): boxes between the places it may break (ICU opportunities, hyphens,
// joints) or change font, and the footnote marks inside or after it.
void Builder::word_items(const doc::Inlines& content, const TextStyle& ts, int node,
                         TextScratch& sc, size_t i, size_t we, size_t first_piece_after) {
  const std::string_view all(sc.text);
  auto& cuts = sc.cuts;
  cuts.clear();
  for (size_t k = i + 1; k < we; ++k)
    if (sc.starts[k]) cuts.emplace_back(k, kOpportunity);
  for (size_t p = first_piece_after; p < sc.pieces.size() && sc.pieces[p].begin < we; ++p)
    cuts.emplace_back(sc.pieces[p].begin, kPiece);
  for (size_t m = sc.next_mark; m < sc.marks.size() && sc.marks[m].first < we; ++m)
    if (sc.marks[m].first > i) cuts.emplace_back(sc.marks[m].first, kPiece);
  // The writer's soft hyphens, hyphenate or not: as TeX's \- and HTML's &shy;.
  const auto soft = std::upper_bound(sc.soft_hyphens.begin(), sc.soft_hyphens.end(), i);
  for (auto s = soft; s != sc.soft_hyphens.end() && *s < we; ++s) cuts.emplace_back(*s, kHyphen);
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
    push_box(fonts_, ts, sc, a, pos);
    marks_at(content, ts, node, sc, pos);
    if (kind & kOpportunity) {
      sc.push({KPItem::Penalty, 0, 0, 0, kHyphenPenalty, true});
    } else if (kind & kHyphen) {
      const float hw = fonts_.char_width(sc.frags.back().font, ts.size, U'-');
      const float penalty = (kind & kJoint) ? kJointPenalty : kHyphenPenalty;
      sc.push({KPItem::Penalty, hw, 0, 0, penalty, true, (kind & kWeak) != 0});
    }
    a = pos;
  }
  push_box(fonts_, ts, sc, a, we);
  marks_at(content, ts, node, sc, we);
}

// The footnote marks bound to offset `off`.
void Builder::marks_at(const doc::Inlines& content, const TextStyle& ts, int node, TextScratch& sc,
                       size_t off) {
  while (sc.next_mark < sc.marks.size() && sc.marks[sc.next_mark].first == off)
    push_mark(content, ts, node, sc);
}

// The next footnote mark: its note is set now (numbered in reading order) and its number
// becomes a small raised box.
void Builder::push_mark(const doc::Inlines& content, const TextStyle& ts, int node,
                        TextScratch& sc) {
  const int inl = sc.marks[sc.next_mark++].second;
  const int note = add_note(content[static_cast<size_t>(inl)], node);
  sc.mark_text.push_back(std::to_string(flow_.notes[static_cast<size_t>(note)].number));
  Frag f{font_for(ts.family, doc::FontStyle::Regular),
         ts.size * style::kNoteMarkScale,
         ts.size * style::kNoteMarkRaise,
         sc.mark_text.back(),
         -1,
         note,
         RunKind::FootnoteMark};
  sc.push({KPItem::Box, fonts_.width(f.font, f.size, f.text)}, f);
}

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
  if (items[to].type == KPItem::Penalty && items[to].width > 0 && have) {
    cur.text += "\u00AD";
    cur.width += items[to].width;
  } else if (have && to != items.size() - 1 && frags[to].word_space) {
    // At a space (glue, or the penalty between a ragged line's glues) or a forced break;
    // not at a break inside a word ("https://|www", "HBTQ-|personer"), which reads as one.
    cur.text += ' ';  // after the drawn width: nothing moves
  }
  flush();
  return line;
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
