// Inline content → KP items → set lines: Builder::set_text and its phases up to the items
// (emergency breaks in emergency.cpp, the chosen lines set in set_line.cpp).
//
// The runs of a paragraph are concatenated into one UTF-8 string so that rv::sv can
// find line-break opportunities across run boundaries (ICU keeps NBSP-grouped numbers
// and "t.o.m." together) and hyphenation points per word. Each KP box remembers which
// run (font, link) and which bytes it stands for, so chosen breaks can be turned back
// into positioned text runs.
#include <algorithm>
#include <cstdio>

#include "layout/style.hpp"
#include "layout/text_items.hpp"
#include "swedish/swedish.hpp"

namespace rv::layout {

namespace {

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

}  // namespace

Builder::Builder(const FontSet& fonts, Pages& pages, Diagnostics& diags)
    : fonts_(fonts), pages_(pages), diags_(diags) {}

Builder::~Builder() = default;

const std::vector<rv::sv::HyphenPoint>& Builder::hyphenation(std::string_view word) {
  auto it = hyph_cache_.find(word);
  if (it != hyph_cache_.end()) return it->second;
  return hyph_cache_.emplace(std::string(word), rv::sv::hyphenation_candidates(word)).first->second;
}

// The breaks of `content` set at `width`, in the scratch buffers of this nesting level
// (`sc`), or nothing when there is no text. `warn`: report characters the fonts lack
// (set_text does; counting lines for a table heading does not, it sets nothing).
std::optional<std::vector<size_t>> Builder::breaks_of(const doc::Inlines& content,
                                                      const TextStyle& ts, float width, int node,
                                                      bool warn, TextScratch& sc) {
  if (!join_text(content, ts, sc)) return std::nullopt;
  if (warn) warn_missing_glyphs(content, sc);
  make_items(content, ts, node, sc);
  if (sc.items.empty()) return std::nullopt;
  emergency_breaks(fonts_, sc.items, sc.frags, width);
  KPParams params;
  const bool ragged = ts.align != doc::Align::Justify;
  params.tolerance = ragged ? style::kRaggedTolerance : style::kJustifiedTolerance;
  params.loose_before_weak = ragged;
  sc.widths.assign(1, width);
  return break_lines(sc.items, sc.widths, params);
}

// The scratch buffers of the next nesting level, released when the returned guard goes.
Builder::ScratchLevel Builder::scratch_level() {
  if (scratch_.size() <= text_depth_) scratch_.push_back(std::make_unique<TextScratch>());
  TextScratch& sc = *scratch_[text_depth_];
  ++text_depth_;
  return ScratchLevel(sc, text_depth_);
}

std::vector<SetLine> Builder::set_text(const doc::Inlines& content, const TextStyle& ts, float x,
                                       float width, int node) {
  ScratchLevel level = scratch_level();
  TextScratch& sc = level.sc;
  std::vector<SetLine> lines;
  const auto breaks = breaks_of(content, ts, width, node, true, sc);
  if (!breaks) return lines;
  std::unordered_map<int, int> link_nodes;  // inline index → its Link element
  lines.reserve(breaks->size());
  size_t from = 0;
  for (size_t li = 0; li < breaks->size(); ++li) {
    lines.push_back(set_line(content, ts, x, width, node, sc, from, (*breaks)[li],
                             static_cast<int>(li), link_nodes));
    from = (*breaks)[li] + 1;
  }
  return lines;
}

std::optional<int> Builder::count_lines(const doc::Inlines& content, const TextStyle& ts,
                                        float width) {
  for (const doc::Inline& in : content)
    if (in.kind == doc::InlineKind::Footnote) return std::nullopt;  // making items adds notes
  ScratchLevel level = scratch_level();
  const auto breaks = breaks_of(content, ts, width, -1, false, level.sc);
  return breaks ? static_cast<int>(breaks->size()) : 0;
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

// The kerning between the box text[a, b) and the text that goes on at b within the word
// `we` ends and in the same inline: the box carries it (as the painted word does), and a
// break at b gives it back (the hyphen penalty's width), so a word measures the same split
// or whole.
float boundary_kern(const FontSet& fonts, const TextStyle& ts, TextScratch& sc, size_t a, size_t b,
                    size_t we) {
  if (b >= we) return 0;
  // Another inline (a link, another style) is another run, painted on its own: no pair.
  const Piece& left_piece = sc.piece_at(a);
  const FontId font = left_piece.font;
  const int inl = left_piece.inl;
  const Piece& right_piece = sc.piece_at(b);
  if (right_piece.font != font || right_piece.inl != inl) return 0;
  if (sc.next_mark < sc.marks.size() && sc.marks[sc.next_mark].first == b) return 0;
  const std::string_view all(sc.text);
  size_t last = b - 1;
  while (last > a && (static_cast<unsigned char>(all[last]) & 0xC0) == 0x80) --last;
  size_t next = b;
  const char32_t left = next_code_point(all, last), right = next_code_point(all, next);
  return fonts.kern(font, ts.size, left, right);
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
    // (A break opportunity inside a word follows "-" or "/", which no pair starts with.)
    push_box(fonts_, ts, sc, a, pos);  // (first: the pieces are asked for in text order)
    const float kern =
        (kind & kOpportunity) || a >= pos ? 0.0f : boundary_kern(fonts_, ts, sc, a, pos, we);
    if (a < pos) sc.items.back().width += kern;
    marks_at(content, ts, node, sc, pos);
    if (kind & kOpportunity) {
      sc.push({KPItem::Penalty, 0, 0, 0, kHyphenPenalty, true});
    } else if (kind & kHyphen) {
      const float hw = fonts_.char_width(sc.frags.back().font, ts.size, U'-');
      const float penalty = (kind & kJoint) ? kJointPenalty : kHyphenPenalty;
      sc.push({KPItem::Penalty, hw - kern, 0, 0, penalty, true, (kind & kWeak) != 0});
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
