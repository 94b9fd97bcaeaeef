// The legacy TrueType 'kern' table (format 0) read into a code-point kerning table.
// Liberation keeps its classic pair kerning there ("AV", "To", "Ty", "r."), which is what
// print typography asks for; the OpenType GPOS tables are not kept (scripts/subset-fonts.py).
#include <algorithm>
#include <array>
#include <limits>
#include <tuple>

#include "font/bytes.hpp"
#include "font/font.hpp"

namespace rv::font {

using namespace bytes;

std::vector<TrueType::KernPair> TrueType::kern_pairs() const {
  std::vector<KernPair> out;
  const Table* kern = table("kern");
  if (!kern || kern->length < 4) return out;
  const std::string_view d = data_.substr(kern->offset, kern->length);
  if (u16(d, 0) != 0) return out;  // the Windows/OpenType version 0 header
  const uint16_t tables = u16(d, 2);
  size_t at = 4;
  for (uint16_t t = 0; t < tables && at + 6 <= d.size(); ++t) {
    const uint16_t length = u16(d, at + 2), coverage = u16(d, at + 4);
    const size_t end = std::min(d.size(), at + std::max<size_t>(length, 6));
    // Format 0, horizontal, kerning values (not minimum values), not cross-stream.
    if ((coverage >> 8) == 0 && (coverage & 0x0F) == 0x01) {
      const uint16_t pairs = u16(d, at + 6);
      for (size_t p = 0, rec = at + 14; p < pairs && rec + 6 <= end; ++p, rec += 6)
        out.push_back({u16(d, rec), u16(d, rec + 2), s16(d, rec + 4) * 1000 / units_per_em_});
    }
    at = end;
  }
  return out;
}

bool Kerning::kernable(char32_t cp) {
  if (cp >= '0' && cp <= '9') return false;
  switch (cp) {
    case ' ':
    case 0x00A0:  // no-break space
    case 0x00AD:  // soft hyphen
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space
      return false;
    default:
      return cp > ' ';
  }
}

void Kerning::load(const TrueType& face) {
  *this = Kerning();
  const auto pairs = face.kern_pairs();
  if (pairs.empty()) return;
  std::vector<std::vector<char32_t>> code_points(face.glyph_count());
  face.for_each_mapping([&](char32_t cp, uint16_t gid) {
    if (gid < code_points.size() && kernable(cp)) code_points[gid].push_back(cp);
  });
  for (const auto& p : pairs) {
    if (p.value == 0 || p.left >= code_points.size() || p.right >= code_points.size()) continue;
    const int v = std::clamp(p.value, -128, 127);
    for (char32_t a : code_points[p.left])
      for (char32_t b : code_points[p.right]) {
        if (a < 256 && b < 256 && (latin_row_[a] || latin_.size() < 255)) {
          if (!latin_row_[a]) {
            latin_.emplace_back().fill(0);
            latin_row_[a] = static_cast<uint8_t>(latin_.size());
          }
          latin_[latin_row_[a] - 1][b] = static_cast<int8_t>(v);
        } else {
          other_left_.set(a, true);
          other_.emplace_back(static_cast<uint64_t>(a) << 32 | b, static_cast<int16_t>(p.value));
        }
      }
  }
  std::sort(other_.begin(), other_.end());
  inherit_accented(face);
}

namespace {

// The base letter of an accented Latin-1 letter ("å" → "a", "Ö" → "O"); itself otherwise.
char32_t base_letter(char32_t cp) {
  static constexpr char kBase[] =
      "AAAAAAACEEEEIIII"   // U+00C0–U+00CF (Æ keeps "A": its left side is an A)
      "DNOOOOO*OUUUUY**"   // U+00D0–U+00DF
      "aaaaaaaceeeeiiii"   // U+00E0–U+00EF
      "*nooooo*ouuuuy*y";  // U+00F0–U+00FF
  if (cp < 0xC0 || cp > 0xFF) return cp;
  const char b = kBase[cp - 0xC0];
  return b == '*' ? cp : static_cast<char32_t>(b);
}

}  // namespace

// The kern table lists pairs of base letters ("Ta", "Vo"); the accented letters of Swedish
// and its neighbours ("Tå", "Vä", "Yö") share their base letter's shape where it meets the
// neighbour, as the font's own OpenType class kerning has it. A pair the table gives
// itself is kept.
void Kerning::inherit_accented(const TrueType& face) {
  // The letters each base letter stands for (itself included), among those the font has.
  std::array<std::vector<char32_t>, 256> variants;
  for (char32_t cp = 0x20; cp < 256; ++cp)
    if (kernable(cp) && face.glyph(cp) != 0) variants[base_letter(cp)].push_back(cp);
  std::vector<std::tuple<char32_t, char32_t, int8_t>> add;
  for (char32_t ba = 0; ba < 256; ++ba) {
    const uint8_t row = latin_row_[ba];
    if (!row || variants[ba].empty()) continue;
    for (char32_t bb = 0; bb < 256; ++bb) {
      const int8_t v = latin_[row - 1][bb];
      if (v == 0) continue;
      for (char32_t a : variants[ba])
        for (char32_t b : variants[bb])
          if ((a != ba || b != bb)) add.emplace_back(a, b, v);
    }
  }
  for (const auto& [a, b, v] : add) {
    if (!latin_row_[a]) {
      if (latin_.size() >= 255) continue;
      latin_.emplace_back().fill(0);
      latin_row_[a] = static_cast<uint8_t>(latin_.size());
    }
    int8_t& cell = latin_[latin_row_[a] - 1][b];
    if (cell == 0) cell = v;  // a pair the table gives itself is kept
  }
}

int Kerning::other(char32_t left, char32_t right) const {
  const uint64_t key = static_cast<uint64_t>(left) << 32 | right;
  auto it =
      std::lower_bound(other_.begin(), other_.end(),
                       std::pair<uint64_t, int16_t>(key, std::numeric_limits<int16_t>::min()));
  return it != other_.end() && it->first == key ? it->second : 0;
}

}  // namespace rv::font
