// Issue 18: kerning from the fonts' kern table, the same pairs for measuring and painting.
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <string>

#include "font/font.hpp"

using rv::font::TrueType;

namespace {

const TrueType& serif() {
  static TrueType face;
  static bool loaded = [] {
    std::string error;
    return face.load(RV_SOURCE_DIR "/fonts/RapportverkSerif-Regular.ttf", error);
  }();
  REQUIRE(loaded);
  return face;
}

}  // namespace

TEST_CASE("kerning: the classic pairs close up, in 1/1000 em") {
  const auto& k = serif().kerning();
  CHECK(k(U'T', U'o') < 0);
  CHECK(k(U'A', U'V') < 0);
  CHECK(k(U'V', U'A') < 0);
  CHECK(k(U'T', U'å') < 0);  // Latin-1: Swedish letters are in the fast table
  CHECK(k(U'P', U'.') < 0);
  CHECK(k(U'o', U'o') == 0);  // most pairs are not kerned
  CHECK(k(0, U'A') == 0);     // no pair starts with nothing
  // The same value the kern table has, scaled as advance widths are (2048 units an em).
  bool found = false;
  const uint16_t a = serif().glyph(U'A'), v = serif().glyph(U'V');
  for (const auto& p : serif().kern_pairs())
    if (p.left == a && p.right == v) {
      CHECK(k(U'A', U'V') == p.value);
      found = true;
    }
  CHECK(found);
}

TEST_CASE("kerning: never a digit, never a space") {
  const auto& k = serif().kerning();
  // The font kerns "11" and " A"; a table column of figures must stay tabular, and a space
  // is glue that justification stretches.
  bool digits = false, spaces = false;
  const uint16_t one = serif().glyph(U'1'), space = serif().glyph(U' '), A = serif().glyph(U'A');
  for (const auto& p : serif().kern_pairs()) {
    digits |= p.left == one && p.right == one;
    spaces |= p.left == space && p.right == A;
  }
  REQUIRE(digits);
  REQUIRE(spaces);
  CHECK(k(U'1', U'1') == 0);
  CHECK(k(U' ', U'A') == 0);
  CHECK(k(U'A', U' ') == 0);
  CHECK(k(0x00A0, U'A') == 0);
  CHECK(k(U'T', U'7') == 0);
}

TEST_CASE("kerning: a damaged kern table gives pairs that stay inside it") {
  // The table's own length bounds the pairs read: a count larger than the table holds
  // reads only what is there (the fuzzed fonts go through the same reader).
  std::string bytes;
  {
    std::ifstream in(RV_SOURCE_DIR "/fonts/RapportverkSerif-Regular.ttf", std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  REQUIRE(!bytes.empty());
  const size_t dir = bytes.find("kern");
  REQUIRE(dir != std::string::npos);
  const auto be32 = [&](size_t at) {
    uint32_t v = 0;
    for (size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[at + i]);
    return v;
  };
  const size_t table = be32(dir + 8);
  const size_t pairs_at = table + 4 + 6;  // header, subtable header, nPairs
  bytes[pairs_at] = '\xFF';
  bytes[pairs_at + 1] = '\xFF';
  TrueType damaged;
  std::string error;
  REQUIRE(damaged.parse(bytes, "kern.ttf", error));
  CHECK(damaged.kern_pairs().size() == serif().kern_pairs().size());
}
