// Where the glyphs of a text run land: the one reading of a TextRun's word positions, shared
// by the PDF painter (src/pdf/content.cpp) and the layout property test, so that what the
// test checks is what is painted.
#pragma once

#include <cstddef>

#include "font/font.hpp"
#include "layout/page.hpp"

namespace rv::layout {

// Shifts smaller than this are not made: the painter writes TJ offsets with one decimal in
// 1/1000 em, and a shift this small is below what any viewer shows.
inline constexpr float kMinWordShift = 0.005f;

// Calls visit(cp, byte_offset, x, shift) for each code point of `t` in order, where x is
// the glyph's left edge and shift the jump made just before it (0 when none); `advance(cp)`
// gives a glyph's width in points and `kern(left, right)` the pair's kerning in points
// (font::Kerning, as FontSet::width measured it). Glyphs follow one another from t.x,
// kerned; in a justified run word i starts at byte word_at[i] and x = word_x[i]. The word
// starts are the kept byte offsets, never spaces found again in the text: a word may hold
// a space that is no break ("” (47"), and counting it as a word start shifts every later
// word onto its neighbour (the p. 13 collision, commit 292717d).
template <class Advance, class Kern, class Visit>
void walk_glyphs(const TextRun& t, Advance&& advance, Kern&& kern, Visit&& visit) {
  float pos = t.x;
  size_t word = 0;
  char32_t prev = 0;  // no pair starts with U+0000
  for (size_t i = 0; i < t.text.size();) {
    const size_t at = i;
    const bool word_start = word < t.word_at.size() && at == t.word_at[word];
    const char32_t cp = font::next_code_point(t.text, i);
    float shift = 0;
    if (word_start && word < t.word_x.size()) {
      shift = t.word_x[word++] - pos;
      if (shift > kMinWordShift || shift < -kMinWordShift)
        pos += shift;
      else
        shift = 0;
    } else if (const float k = kern(prev, cp); k != 0) {
      shift = k;
      pos += k;
    }
    visit(cp, at, pos, shift);
    pos += advance(cp);
    prev = cp;
  }
}

}  // namespace rv::layout
