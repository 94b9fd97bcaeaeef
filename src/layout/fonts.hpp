// Font metrics for measuring text, internal to layout: a width table per face, filled
// from the TrueType reader (src/font) that the PDF writer embeds the same faces with, so
// measured and drawn widths agree by construction.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "font/font.hpp"
#include "layout/page.hpp"

namespace rv::layout {

class FontMetrics {
 public:
  void load(const font::TrueType& face);

  // Advance width in 1/1000 em; the .notdef width for unmapped code points.
  int advance(char32_t cp) const {
    const int16_t w = widths_[cp];
    return w >= 0 ? w : missing_;
  }
  bool has_glyph(char32_t cp) const { return widths_[cp] >= 0; }
  // The pair adjustment between two code points, 1/1000 em (font::Kerning).
  int kern(char32_t left, char32_t right) const { return (*kerning_)(left, right); }

  int ascent = 0, descent = 0, cap_height = 0, x_height = 0;  // 1/1000 em

 private:
  font::BmpTable<int16_t, -1> widths_;  // -1: no glyph
  int missing_ = 0;
  const font::Kerning* kerning_ = &kNoKerning;  // the face's, which outlives the metrics
  static const font::Kerning kNoKerning;
};

class FontSet {
 public:
  // Loads all eight faces from `dir`; reports each missing or broken file.
  bool load(const std::string& dir, Diagnostics& diags);

  const FontMetrics& metrics(FontId f) const { return faces_[static_cast<int>(f)]; }
  const std::array<std::shared_ptr<const font::TrueType>, kFontCount>& faces() const {
    return files_;
  }

  // Width in points of UTF-8 `text` at `size`, kerned (pairs within the text).
  float width(FontId f, float size, std::string_view text) const;
  // The kerning between `left` and `right` in points: what a box ending in `left` gains
  // or loses when the word goes on with `right` on the same line.
  float kern(FontId f, float size, char32_t left, char32_t right) const {
    return points(metrics(f).kern(left, right), size);
  }
  // The same as width() of the one character `cp`, without decoding a string.
  float char_width(FontId f, float size, char32_t cp) const {
    return points(metrics(f).advance(cp), size);
  }
  // 1/1000 em units → points: the one formula every measurement uses, so widths summed
  // per string or per character round identically.
  static float points(int units, float size) { return static_cast<float>(units) * size / 1000.0f; }

 private:
  std::array<FontMetrics, kFontCount> faces_;
  std::array<std::shared_ptr<const font::TrueType>, kFontCount> files_;
};

// Decodes one UTF-8 code point at text[i], advancing i; U+FFFD for malformed input.
using font::next_code_point;

FontId font_for(doc::Family family, doc::FontStyle style);

}  // namespace rv::layout
