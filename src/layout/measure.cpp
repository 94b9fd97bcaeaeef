// Reading advance widths from TrueType files (see fonts.hpp for why not libharu).
#include "layout/fonts.hpp"
#include "layout/layout.hpp"
#include "paths/paths.hpp"

namespace rv::layout {

void FontMetrics::load(const font::TrueType& face) {
  ascent = face.ascent;
  descent = face.descent;
  cap_height = face.cap_height;
  x_height = face.x_height;
  missing_ = face.advance(0);
  kerning_ = &face.kerning();
  widths_ = {};
  face.for_each_mapping([this, &face](char32_t cp, uint16_t gid) {
    widths_.set(cp, static_cast<int16_t>(face.advance(gid)));
  });
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
    auto face = std::make_shared<font::TrueType>();
    std::string error;
    if (!face->load(dir + "/" + kFiles[i], error)) {
      diags.error({}, error);
      ok = false;
      continue;
    }
    faces_[i].load(*face);
    files_[i] = std::move(face);
  }
  return ok;
}

const font::Kerning FontMetrics::kNoKerning;

float FontSet::width(FontId f, float size, std::string_view text) const {
  const FontMetrics& m = metrics(f);
  int units = 0;
  char32_t prev = 0;  // no pair starts with U+0000
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    char32_t cp = b;
    if (b < 0x80)  // most text is ASCII: no decoding call
      ++i;
    else
      cp = next_code_point(text, i);
    units += m.advance(cp) + m.kern(prev, cp);
    prev = cp;
  }
  return points(units, size);
}

FontId font_for(doc::Family family, doc::FontStyle style) {
  return static_cast<FontId>((family == doc::Family::Sans ? 4 : 0) + static_cast<int>(style));
}

std::string default_fonts_dir() { return paths::fonts_dir(); }

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
