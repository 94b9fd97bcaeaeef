// The TrueType reader and subsetter the PDF writer embeds fonts with.
#include <catch2/catch.hpp>

#include "font/font.hpp"

using rv::font::TrueType;

namespace {

const std::string kSerif = RV_SOURCE_DIR "/fonts/RapportverkSerif-Regular.ttf";

uint32_t be32(const std::string& d, size_t at) {
  uint32_t v = 0;
  for (size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(d[at + k]);
  return v;
}

uint32_t checksum(const std::string& d, size_t at, size_t len) {
  uint32_t sum = 0;
  for (size_t i = 0; i < len; i += 4) {
    uint32_t word = 0;
    for (size_t k = 0; k < 4; ++k)
      word = (word << 8) | (i + k < len ? static_cast<unsigned char>(d[at + i + k]) : 0u);
    sum += word;
  }
  return sum;
}

}  // namespace

TEST_CASE("font: metrics and the Unicode cmap are read from the file") {
  TrueType f;
  std::string error;
  REQUIRE(f.load(kSerif, error));
  CHECK(f.postscript_name == "RapportverkSerif");
  CHECK(f.serif);
  CHECK_FALSE(f.bold);
  CHECK(f.glyph(U'a') != 0);
  CHECK(f.glyph(U'å') != 0);
  CHECK(f.glyph(U'å') != f.glyph(U'a'));
  CHECK(f.glyph(0x4E2D) == 0);  // 中: not in the font
  // Times-compatible metrics, truncated to 1/1000 em: "a" is 908/2048 em = 443.4.
  CHECK(f.advance(f.glyph(U'a')) == 443);
  CHECK(f.advance(f.glyph(U' ')) == 250);
  CHECK(f.ascent > 800);
  CHECK(f.descent < 0);
}

TEST_CASE("font: a subset keeps glyph ids, the used glyphs and valid checksums") {
  TrueType f;
  std::string error;
  REQUIRE(f.load(kSerif, error));
  std::vector<bool> keep(f.glyph_count(), false);
  for (char32_t c : {U'K', U'v', U'a', U'l', U'å', U'ö'}) keep[f.glyph(c)] = true;
  const std::string sub = f.subset(keep);

  TrueType s;
  REQUIRE(s.parse(sub, "delmängd", error));
  CHECK(s.glyph_count() == f.glyph_count());
  CHECK(sub.size() < 30000);  // the full file is about 100 KB
  // Every table's checksum, and the whole file's (head.checkSumAdjustment).
  const size_t tables =
      (static_cast<unsigned char>(sub[4]) << 8) | static_cast<unsigned char>(sub[5]);
  for (size_t i = 0; i < tables; ++i) {
    const size_t rec = 12 + 16 * i;
    if (sub.compare(rec, 4, "head") == 0) continue;
    CHECK(checksum(sub, be32(sub, rec + 8), be32(sub, rec + 12)) == be32(sub, rec + 4));
  }
  CHECK(checksum(sub, 0, sub.size()) == 0xB1B0AFBAu);

  // A second subset with only "K": the kept glyphs' outlines are the same bytes, and
  // dropping glyphs makes the file smaller.
  std::vector<bool> only_k(f.glyph_count(), false);
  only_k[f.glyph(U'K')] = true;
  CHECK(f.subset(only_k).size() < sub.size());
}

TEST_CASE("font: a file that is not TrueType gets a Swedish message naming it") {
  TrueType f;
  std::string error;
  CHECK_FALSE(f.parse("%PDF-1.4 inte ett typsnitt", "fel.ttf", error));
  CHECK(error == "typsnittsfilen fel.ttf är inte ett TrueType-typsnitt");
  CHECK_FALSE(f.load("/finns/inte.ttf", error));
  CHECK(error == "kan inte läsa typsnittsfilen /finns/inte.ttf");
}
