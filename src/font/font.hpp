// TrueType fonts: what layout measures and what the PDF writer embeds.
//
// One reader for both, so the widths layout measures are by construction the widths the
// PDF declares (advance × 1000 / unitsPerEm, truncated). The subsetter keeps glyph ids
// (unused glyphs become empty) so no code in a content stream has to be renumbered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rv::font {

// Decodes one UTF-8 code point at text[i], advancing i; U+FFFD for malformed input.
// (Every user of a font walks text by code point: measuring, subsetting, painting.)
inline char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

class TrueType {
 public:
  // Parses a whole font file; false with a Swedish message naming `path` in `error`.
  bool parse(std::string bytes, const std::string& path, std::string& error);
  // Reads and parses `path`.
  bool load(const std::string& path, std::string& error);

  // Glyph id of a code point (the Windows Unicode BMP cmap); 0 (.notdef) when unmapped.
  uint16_t glyph(char32_t cp) const { return cp < cmap_.size() ? cmap_[cp] : 0; }
  // Advance width in 1/1000 em, truncated.
  int advance(uint16_t gid) const;
  uint16_t glyph_count() const { return glyphs_; }

  // Metrics in 1/1000 em.
  int ascent = 0, descent = 0, cap_height = 0, x_height = 0;
  int bbox[4] = {0, 0, 0, 0};
  int italic_angle = 0;  // degrees, rounded
  bool fixed_pitch = false, serif = false, italic = false, bold = false;
  std::string postscript_name;  // nameID 6, e.g. "RapportverkSerif-Bold"

  // A font file with only the glyphs in `keep` (indexed by glyph id) plus .notdef and the
  // components of kept composite glyphs; glyph ids are unchanged. Tables a PDF viewer
  // does not use for a CIDFontType2 (layout tables, glyph names) are left out.
  std::string subset(const std::vector<bool>& keep) const;

 private:
  struct Table {
    uint32_t offset = 0, length = 0;
  };
  const Table* table(const char* tag) const;
  std::string_view glyph_data(uint16_t gid) const;

  std::string data_;
  std::vector<std::pair<std::string, Table>> tables_;
  std::vector<uint16_t> cmap_;  // per BMP code point
  std::vector<uint32_t> loca_;  // glyphs_ + 1 offsets into glyf
  uint16_t glyphs_ = 0, hmetrics_ = 0;
  int units_per_em_ = 1000;
  Table hmtx_, glyf_;
};

}  // namespace rv::font
