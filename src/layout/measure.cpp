// Reading advance widths from TrueType files (see fonts.hpp for why not libharu).
#include <cstdlib>
#include <fstream>

#include "layout/fonts.hpp"
#include "layout/layout.hpp"

namespace rv::layout {

namespace {

uint16_t u16(const std::string& d, size_t at) {
  if (at + 2 > d.size()) return 0;
  return static_cast<uint16_t>((static_cast<unsigned char>(d[at]) << 8) |
                               static_cast<unsigned char>(d[at + 1]));
}
int16_t s16(const std::string& d, size_t at) { return static_cast<int16_t>(u16(d, at)); }
uint32_t u32(const std::string& d, size_t at) {
  return (static_cast<uint32_t>(u16(d, at)) << 16) | u16(d, at + 2);
}

struct TableDir {
  size_t head = 0, hhea = 0, hmtx = 0, cmap = 0, os2 = 0;
};

TableDir read_directory(const std::string& d) {
  TableDir t;
  const uint16_t n = u16(d, 4);
  for (uint16_t i = 0; i < n; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    const std::string tag = d.substr(rec, 4);
    const size_t off = u32(d, rec + 8);
    if (tag == "head") t.head = off;
    if (tag == "hhea") t.hhea = off;
    if (tag == "hmtx") t.hmtx = off;
    if (tag == "cmap") t.cmap = off;
    if (tag == "OS/2") t.os2 = off;
  }
  return t;
}

// The Windows Unicode BMP subtable (platform 3, encoding 1), format 4.
size_t find_cmap4(const std::string& d, size_t cmap) {
  const uint16_t n = u16(d, cmap + 2);
  for (uint16_t i = 0; i < n; ++i) {
    const size_t rec = cmap + 4 + 8 * static_cast<size_t>(i);
    if (u16(d, rec) == 3 && u16(d, rec + 2) == 1) {
      const size_t sub = cmap + u32(d, rec + 4);
      if (u16(d, sub) == 4) return sub;
    }
  }
  return 0;
}

}  // namespace

bool FontMetrics::load(const std::string& path, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "kan inte läsa typsnittsfilen " + path;
    return false;
  }
  // Only the directory and the five small tables we need are read (a few KB of a
  // 400 KB file); they are copied to their original offsets in a sparse buffer so the
  // parsing below can use file offsets.
  std::string d(12, '\0');
  in.read(d.data(), 12);
  const uint16_t ntables = u16(d, 4);
  d.resize(12 + 16 * static_cast<size_t>(ntables));
  in.read(d.data() + 12, 16 * static_cast<std::streamsize>(ntables));
  if (!in) {
    error = "typsnittsfilen " + path + " är inte ett TrueType-typsnitt";
    return false;
  }
  for (uint16_t i = 0; i < ntables; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    const std::string tag = d.substr(rec, 4);
    if (tag != "head" && tag != "hhea" && tag != "hmtx" && tag != "cmap" && tag != "OS/2") continue;
    const size_t off = u32(d, rec + 8), len = u32(d, rec + 12);
    if (off + len > (1u << 26)) continue;
    if (d.size() < off + len) d.resize(off + len, '\0');
    in.seekg(static_cast<std::streamoff>(off));
    in.read(d.data() + off, static_cast<std::streamsize>(len));
  }
  const TableDir t = read_directory(d);
  if (!t.head || !t.hhea || !t.hmtx || !t.cmap) {
    error = "typsnittsfilen " + path + " är inte ett TrueType-typsnitt";
    return false;
  }
  const size_t cmap4 = find_cmap4(d, t.cmap);
  if (!cmap4) {
    error = "typsnittsfilen " + path + " saknar en Unicode-teckentabell";
    return false;
  }
  const int upem = u16(d, t.head + 18);
  const uint16_t n_hmetrics = u16(d, t.hhea + 34);
  if (upem <= 0 || n_hmetrics == 0) {
    error = "typsnittsfilen " + path + " har ogiltiga mått";
    return false;
  }
  auto scaled = [upem](int v) { return v * 1000 / upem; };
  auto glyph_advance = [&](uint16_t gid) {
    const uint16_t g = gid < n_hmetrics ? gid : static_cast<uint16_t>(n_hmetrics - 1);
    return scaled(u16(d, t.hmtx + 4 * static_cast<size_t>(g)));
  };
  ascent = scaled(s16(d, t.hhea + 4));
  descent = scaled(s16(d, t.hhea + 6));
  if (t.os2 && u16(d, t.os2) >= 2) {
    x_height = scaled(s16(d, t.os2 + 86));
    cap_height = scaled(s16(d, t.os2 + 88));
  } else {
    cap_height = ascent * 7 / 10;
    x_height = ascent / 2;
  }
  missing_ = glyph_advance(0);

  widths_.assign(0x10000, -1);
  const uint16_t segs = u16(d, cmap4 + 6) / 2;
  const size_t ends = cmap4 + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs,
               ranges = deltas + 2 * segs;
  for (uint16_t s = 0; s < segs; ++s) {
    const uint32_t end = u16(d, ends + 2 * s), start = u16(d, starts + 2 * s);
    const uint16_t delta = u16(d, deltas + 2 * s), range = u16(d, ranges + 2 * s);
    for (uint32_t c = start; c <= end && c < 0xFFFF; ++c) {
      uint16_t gid;
      if (range == 0) {
        gid = static_cast<uint16_t>(c + delta);
      } else {
        const size_t at = ranges + 2 * s + range + 2 * (c - start);
        gid = u16(d, at);
        if (gid) gid = static_cast<uint16_t>(gid + delta);
      }
      if (gid) widths_[c] = static_cast<int16_t>(glyph_advance(gid));
    }
  }
  return true;
}

namespace {
// Liberation Serif and Sans cut to the scripts documents print (scripts/subset-fonts.py);
// renamed because the licence reserves the name "Liberation" for unmodified fonts.
constexpr std::array<const char*, kFontCount> kFiles = {
    "RapportverkSerif-Regular.ttf", "RapportverkSerif-Bold.ttf",
    "RapportverkSerif-Italic.ttf",  "RapportverkSerif-BoldItalic.ttf",
    "RapportverkSans-Regular.ttf",  "RapportverkSans-Bold.ttf",
    "RapportverkSans-Italic.ttf",   "RapportverkSans-BoldItalic.ttf"};
}  // namespace

bool FontSet::load(const std::string& dir, Diagnostics& diags) {
  bool ok = true;
  for (int i = 0; i < kFontCount; ++i) {
    files_[i] = dir + "/" + kFiles[i];
    std::string error;
    if (!faces_[i].load(files_[i], error)) {
      diags.error({}, error);
      ok = false;
    }
  }
  return ok;
}

float FontSet::width(FontId f, float size, std::string_view text) const {
  const FontMetrics& m = metrics(f);
  int units = 0;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {  // most text is ASCII: no decoding call
      units += m.advance(b);
      ++i;
    } else {
      units += m.advance(next_code_point(text, i));
    }
  }
  return points(units, size);
}

char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

FontId font_for(doc::Family family, doc::FontStyle style) {
  return static_cast<FontId>((family == doc::Family::Sans ? 4 : 0) + static_cast<int>(style));
}

std::string default_fonts_dir() {
  if (const char* env = std::getenv("RAPPORTVERK_FONTS"); env && *env) return env;
  return RV_SOURCE_DIR "/fonts";
}

const char* font_name(FontId f) {
  static constexpr std::array<const char*, kFontCount> names = {
      "SerifRegular", "SerifBold", "SerifItalic", "SerifBoldItalic",
      "SansRegular",  "SansBold",  "SansItalic",  "SansBoldItalic"};
  return names[static_cast<int>(f)];
}

const char* role_name(Role r) {
  static constexpr const char* names[] = {
      "Document", "Artifact", "H1",         "H2",    "H3",   "P",   "L",  "LI",
      "Lbl",      "LBody",    "BlockQuote", "Table", "TR",   "TH",  "TD", "Figure",
      "Caption",  "Note",     "Reference",  "TOC",   "TOCI", "Link"};
  return names[static_cast<int>(r)];
}

}  // namespace rv::layout
