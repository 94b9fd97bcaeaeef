// Subsetting a TrueType font for embedding: glyf and loca rebuilt with only the glyphs a
// document uses, glyph ids kept.
#include <algorithm>
#include <array>
#include <cstring>

#include "font/bytes.hpp"
#include "font/font.hpp"

namespace rv::font {

namespace {

using namespace bytes;

void append32(std::string& d, uint32_t v) {
  d.resize(d.size() + 4);
  put32(d, d.size() - 4, v);
}

uint32_t checksum(std::string_view d) {
  uint32_t sum = 0;
  for (size_t i = 0; i < d.size(); i += 4) {
    uint32_t word = 0;
    for (size_t k = 0; k < 4; ++k)
      word = (word << 8) | (i + k < d.size() ? static_cast<unsigned char>(d[i + k]) : 0u);
    sum += word;
  }
  return sum;
}

// Component glyph ids of a composite glyph (numberOfContours < 0).
std::vector<uint16_t> components(std::string_view g) {
  std::vector<uint16_t> out;
  if (g.size() < 10 || static_cast<int16_t>(u16(g, 0)) >= 0) return out;
  constexpr uint16_t kArgWords = 0x1, kScale = 0x8, kMore = 0x20, kXYScale = 0x40, kTwoByTwo = 0x80;
  size_t at = 10;
  for (;;) {
    if (at + 4 > g.size()) break;
    const uint16_t flags = u16(g, at);
    out.push_back(u16(g, at + 2));
    at += 4 + ((flags & kArgWords) ? 4 : 2);
    if (flags & kScale) at += 2;
    if (flags & kXYScale) at += 4;
    if (flags & kTwoByTwo) at += 8;
    if (!(flags & kMore)) break;
  }
  return out;
}

// Tables a CIDFontType2 needs (ISO 32000-1, 9.9) plus the ones viewers like to see.
// In tag order, as the table directory must be.
constexpr std::array<const char*, 13> kKeep = {"OS/2", "cmap", "cvt ", "fpgm", "glyf",
                                               "head", "hhea", "hmtx", "loca", "maxp",
                                               "name", "post", "prep"};

}  // namespace

std::string TrueType::subset(const std::vector<bool>& keep_in) const {
  std::vector<bool> keep(glyphs_, false);
  for (size_t g = 0; g < keep.size() && g < keep_in.size(); ++g) keep[g] = keep_in[g];
  keep[0] = true;
  // Composite glyphs draw their components: keep those too (components may nest).
  std::vector<uint16_t> todo;
  for (uint16_t g = 0; g < glyphs_; ++g)
    if (keep[g]) todo.push_back(g);
  while (!todo.empty()) {
    const uint16_t g = todo.back();
    todo.pop_back();
    for (uint16_t c : components(glyph_data(g)))
      if (c < glyphs_ && !keep[c]) {
        keep[c] = true;
        todo.push_back(c);
      }
  }

  std::string glyf, loca;
  loca.reserve(4 * (static_cast<size_t>(glyphs_) + 1));
  for (uint16_t g = 0; g < glyphs_; ++g) {
    append32(loca, static_cast<uint32_t>(glyf.size()));
    if (!keep[g]) continue;
    glyf += glyph_data(g);
    glyf.resize((glyf.size() + 3) & ~size_t{3}, '\0');
  }
  append32(loca, static_cast<uint32_t>(glyf.size()));

  std::vector<std::pair<std::string, std::string>> out;
  for (const char* tag : kKeep) {
    if (std::strcmp(tag, "glyf") == 0) {
      out.emplace_back(tag, glyf);
    } else if (std::strcmp(tag, "loca") == 0) {
      out.emplace_back(tag, loca);
    } else if (const Table* t = table(tag)) {
      out.emplace_back(tag, std::string(data_.substr(t->offset, t->length)));
      if (std::strcmp(tag, "head") == 0 && t->length >= 54) {
        put32(out.back().second, 8, 0);   // checkSumAdjustment, set below
        put16(out.back().second, 50, 1);  // indexToLocFormat: long offsets
      }
    }
  }

  // Directory, then the tables in tag order, each 4-byte aligned.
  const auto n = static_cast<uint16_t>(out.size());
  uint16_t pow2 = 1, log2 = 0;
  while (pow2 * 2 <= n) {
    pow2 = static_cast<uint16_t>(pow2 * 2);
    ++log2;
  }
  std::string font(12 + 16 * static_cast<size_t>(n), '\0');
  put32(font, 0, 0x00010000);
  put16(font, 4, n);
  put16(font, 6, pow2 * 16u);
  put16(font, 8, log2);
  put16(font, 10, n * 16u - pow2 * 16u);
  size_t head_at = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& [tag, body] = out[i];
    const size_t rec = 12 + 16 * i;
    std::memcpy(font.data() + rec, tag.data(), 4);
    put32(font, rec + 4, checksum(body));
    put32(font, rec + 8, static_cast<uint32_t>(font.size()));
    put32(font, rec + 12, static_cast<uint32_t>(body.size()));
    if (tag == "head") head_at = font.size();
    font += body;
    font.resize((font.size() + 3) & ~size_t{3}, '\0');
  }
  if (head_at) put32(font, head_at + 8, 0xB1B0AFBAu - checksum(font));
  return font;
}

}  // namespace rv::font
