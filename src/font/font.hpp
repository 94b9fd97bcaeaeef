// TrueType fonts: what layout measures and what the PDF writer embeds.
//
// One reader for both, so the widths layout measures are by construction the widths the
// PDF declares (advance × 1000 / unitsPerEm, truncated). The subsetter keeps glyph ids
// (unused glyphs become empty) so no code in a content stream has to be renumbered.
#pragma once

#include <array>
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

// A table indexed by BMP code point that stores only the 256-code pages with entries. A
// font maps a few scripts; a flat 65 536-entry table per face costs a hundred page faults
// on first touch, which on a virtual machine is the slow part of loading a font.
template <typename T, T Missing>
class BmpTable {
 public:
  BmpTable() : pages_(1) { pages_[0].fill(Missing); }
  T operator[](char32_t cp) const {
    return cp > 0xFFFF ? Missing : pages_[index_[cp >> 8]][cp & 0xFF];
  }
  void set(char32_t cp, T value) {
    if (cp > 0xFFFF) return;
    uint16_t& page = index_[cp >> 8];
    if (page == 0) {
      page = static_cast<uint16_t>(pages_.size());
      pages_.emplace_back().fill(Missing);
    }
    pages_[page][cp & 0xFF] = value;
  }

 private:
  std::array<uint16_t, 256> index_{};  // page per high byte; 0 is the empty page
  std::vector<std::array<T, 256>> pages_;
};

class TrueType;

// Kerning by code point, as layout measures it and the PDF writer paints it (one table for
// both, so measured and drawn text agree). Only pairs of letters and punctuation are
// kerned: never a digit (figures in a table column must stay tabular: "11" and "71" as
// wide as "00") and never a space (a space is glue that justification stretches).
class Kerning {
 public:
  void load(const TrueType& face);  // kerning.cpp
  // The adjustment between `left` and `right` in 1/1000 em (negative: closer); 0 if none.
  int operator()(char32_t left, char32_t right) const {
    if (left < 256 && right < 256) {
      const uint8_t row = latin_row_[left];
      return row ? latin_[row - 1][right] : 0;
    }
    if (!other_left_[left]) return 0;
    return other(left, right);
  }
  // Whether the font kerns any pair starting with `left` (skips the lookup for most text).
  bool kerns_after(char32_t left) const {
    return left < 256 ? latin_row_[left] != 0 : other_left_[left];
  }
  static bool kernable(char32_t cp);

 private:
  int other(char32_t left, char32_t right) const;
  void inherit_accented(const TrueType& face);
  // Pairs within Latin-1 (å, ä, ö included), the ones Swedish text meets: one row of 256
  // per left character that has pairs.
  std::array<uint8_t, 256> latin_row_{};
  std::vector<std::array<int8_t, 256>> latin_;
  // The rest (Greek, Cyrillic, Latin Extended), sorted by left << 32 | right.
  BmpTable<bool, false> other_left_;
  std::vector<std::pair<uint64_t, int16_t>> other_;
};

class TrueType {
 public:
  TrueType() = default;
  TrueType(const TrueType&) = delete;
  TrueType& operator=(const TrueType&) = delete;
  ~TrueType();

  // Parses a whole font file; false with a Swedish message naming `path` in `error`.
  bool parse(std::string bytes, const std::string& path, std::string& error);
  // Maps and parses `path` (mapped, not read: only the tables used are ever touched).
  bool load(const std::string& path, std::string& error);

  // Glyph id of a code point (the Windows Unicode BMP cmap); 0 (.notdef) when unmapped.
  uint16_t glyph(char32_t cp) const { return cmap_[cp]; }
  // Calls f(code point, glyph id) for every mapped code point, ascending.
  template <typename F>
  void for_each_mapping(F f) const {
    for (char32_t cp : mapped_) f(cp, cmap_[cp]);
  }
  // Advance width in 1/1000 em, truncated.
  int advance(uint16_t gid) const;
  // The pairs of the legacy 'kern' table (format 0, horizontal), adjustments in 1/1000 em
  // truncated as advance() is; none when the font has no such table.
  struct KernPair {
    uint16_t left, right;
    int value;
  };
  std::vector<KernPair> kern_pairs() const;
  // The kerning layout and the PDF writer apply, read once when the font is loaded.
  const Kerning& kerning() const { return kerning_; }
  uint16_t glyph_count() const { return glyphs_; }

  // A glyph's outline for drawing it outside a PDF (charts as images): closed contours of
  // quadratic B-spline points in em units (1.0 = the em, y up), composites resolved.
  // Empty for a space, an unknown glyph or a damaged entry.
  struct OutlinePoint {
    double x, y;
    bool on_curve;
  };
  using Contour = std::vector<OutlinePoint>;
  std::vector<Contour> outline(uint16_t gid) const;  // outline.cpp

  // Metrics in 1/1000 em.
  int ascent = 0, descent = 0, cap_height = 0, x_height = 0;
  int bbox[4] = {0, 0, 0, 0};
  int italic_angle = 0;  // degrees, rounded
  bool fixed_pitch = false, serif = false, italic = false, bold = false;
  std::string postscript_name;  // nameID 6, e.g. "RapportverkSerif-Bold"
  std::string version;          // nameID 5, e.g. "Version 2.1.5"

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
  bool parse_data(const std::string& path, std::string& error);
  void add_outline(uint16_t gid, const double m[6], int depth, std::vector<Contour>& out) const;

  std::string owned_;    // parse(): the bytes given
  void* map_ = nullptr;  // load(): the mapped file
  size_t map_size_ = 0;
  std::string_view data_;  // either of the two
  std::vector<std::pair<std::string, Table>> tables_;
  BmpTable<uint16_t, 0> cmap_;
  std::vector<char32_t> mapped_;  // the code points cmap_ maps, ascending
  std::vector<uint32_t> loca_;    // glyphs_ + 1 offsets into glyf
  uint16_t glyphs_ = 0, hmetrics_ = 0;
  int units_per_em_ = 1000;
  Table hmtx_, glyf_;
  Kerning kerning_;
};

}  // namespace rv::font
