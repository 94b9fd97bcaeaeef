// Reading a TrueType file: table directory, metrics, the Unicode cmap, loca/glyf.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "font/bytes.hpp"
#include "font/font.hpp"

namespace rv::font {

namespace {

using namespace bytes;

// The Windows Unicode BMP subtable (platform 3, encoding 1), format 4; 0 if none.
size_t find_cmap4(std::string_view d, size_t cmap) {
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

// A name record (6: PostScript name, 5: version) from a Windows (UTF-16BE) or Macintosh
// (Roman) record, printable ASCII only; spaces kept where `spaces` (a PostScript name has none).
std::string read_name(std::string_view d, size_t name, uint16_t id, bool spaces) {
  const char lowest = spaces ? 31 : 32;
  const uint16_t count = u16(d, name + 2), strings = u16(d, name + 4);
  for (uint16_t i = 0; i < count; ++i) {
    const size_t rec = name + 6 + 12 * static_cast<size_t>(i);
    if (u16(d, rec + 6) != id) continue;
    const uint16_t platform = u16(d, rec), len = u16(d, rec + 8), off = u16(d, rec + 10);
    const size_t at = name + strings + off;
    if (at + len > d.size()) continue;
    std::string out;
    if (platform == 3) {
      for (size_t k = 0; k + 1 < len; k += 2)
        if (const uint16_t c = u16(d, at + k); c > lowest && c < 127) out += static_cast<char>(c);
    } else if (platform == 1) {
      for (size_t k = 0; k < len; ++k)
        if (const char c = d[at + k]; c > lowest && c < 127) out += c;
    }
    if (!out.empty()) return out;
  }
  return {};
}

}  // namespace

TrueType::~TrueType() {
  if (map_) munmap(map_, map_size_);
}

bool TrueType::load(const std::string& path, std::string& error) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0) {
    if (fd >= 0) close(fd);
    error = "kan inte läsa typsnittsfilen " + path;
    return false;
  }
  map_size_ = static_cast<size_t>(st.st_size);
  map_ = mmap(nullptr, map_size_, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (map_ == MAP_FAILED) {
    map_ = nullptr;
    error = "kan inte läsa typsnittsfilen " + path;
    return false;
  }
  data_ = std::string_view(static_cast<const char*>(map_), map_size_);
  return parse_data(path, error);
}

bool TrueType::parse(std::string bytes, const std::string& path, std::string& error) {
  owned_ = std::move(bytes);
  data_ = owned_;
  return parse_data(path, error);
}

const TrueType::Table* TrueType::table(const char* tag) const {
  for (const auto& [name, t] : tables_)
    if (name == tag) return &t;
  return nullptr;
}

bool TrueType::parse_data(const std::string& path, std::string& error) {
  const std::string_view d = data_;
  const auto invalid = [&](const char* what) {
    error = "typsnittsfilen " + path + " " + what;
    return false;
  };
  const uint32_t sfnt_version = u32(d, 0);
  if (d.size() < 12 || (sfnt_version != 0x00010000 && sfnt_version != 0x74727565))
    return invalid("är inte ett TrueType-typsnitt");
  const uint16_t count = u16(d, 4);
  tables_.clear();
  for (uint16_t i = 0; i < count; ++i) {
    const size_t rec = 12 + 16 * static_cast<size_t>(i);
    if (rec + 16 > d.size()) return invalid("är trasig (tabellkatalogen är avkortad)");
    Table t{u32(d, rec + 8), u32(d, rec + 12)};
    if (static_cast<uint64_t>(t.offset) + t.length > d.size())
      return invalid("är trasig (en tabell går utanför filen)");
    tables_.emplace_back(std::string(d.substr(rec, 4)), t);
  }
  const Table *head = table("head"), *hhea = table("hhea"), *maxp = table("maxp"),
              *hmtx = table("hmtx"), *cmap = table("cmap"), *loca = table("loca"),
              *glyf = table("glyf");
  if (!head || !hhea || !maxp || !hmtx || !cmap || !loca || !glyf)
    return invalid("är inte ett TrueType-typsnitt med konturer");
  units_per_em_ = u16(d, head->offset + 18);
  hmetrics_ = u16(d, hhea->offset + 34);
  glyphs_ = u16(d, maxp->offset + 4);
  if (units_per_em_ <= 0 || hmetrics_ == 0 || glyphs_ == 0 || hmtx->length < 4u * hmetrics_)
    return invalid("har ogiltiga mått");
  hmtx_ = *hmtx;
  glyf_ = *glyf;

  const auto scaled = [this](int v) { return v * 1000 / units_per_em_; };
  for (int k = 0; k < 4; ++k) bbox[k] = scaled(s16(d, head->offset + 36 + 2 * k));
  ascent = scaled(s16(d, hhea->offset + 4));
  descent = scaled(s16(d, hhea->offset + 6));
  const uint16_t mac_style = u16(d, head->offset + 44);
  bold = mac_style & 1;
  italic = mac_style & 2;
  cap_height = ascent * 7 / 10;
  x_height = ascent / 2;
  if (const Table* os2 = table("OS/2")) {
    if (u16(d, os2->offset) >= 2 && os2->length >= 90) {
      x_height = scaled(s16(d, os2->offset + 86));
      cap_height = scaled(s16(d, os2->offset + 88));
    }
    const uint8_t family = static_cast<uint8_t>(d[os2->offset + 32]);
    const uint8_t serif_style = static_cast<uint8_t>(d[os2->offset + 33]);
    serif = family == 2 && (serif_style < 11 || serif_style > 13);
  }
  if (const Table* post = table("post"); post && post->length >= 16) {
    italic_angle =
        static_cast<int>(std::lround(static_cast<int32_t>(u32(d, post->offset + 4)) / 65536.0));
    fixed_pitch = u32(d, post->offset + 12) != 0;
  }
  if (const Table* name = table("name")) {
    postscript_name = read_name(d, name->offset, 6, false);
    version = read_name(d, name->offset, 5, true);
  }

  // loca: short offsets are stored halved.
  const bool long_loca = s16(d, head->offset + 50) == 1;
  loca_.resize(static_cast<size_t>(glyphs_) + 1);
  if (loca->length < (long_loca ? 4u : 2u) * loca_.size()) return invalid("har en avkortad loca");
  for (size_t g = 0; g < loca_.size(); ++g)
    loca_[g] = long_loca ? u32(d, loca->offset + 4 * g) : 2u * u16(d, loca->offset + 2 * g);
  for (size_t g = 0; g + 1 < loca_.size(); ++g)
    if (loca_[g] > loca_[g + 1] || loca_[g + 1] > glyf_.length)
      return invalid("har en trasig loca");

  const size_t cmap4 = find_cmap4(d, cmap->offset);
  if (!cmap4) return invalid("saknar en Unicode-teckentabell");
  cmap_ = {};
  mapped_.clear();
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
        gid = u16(d, ranges + 2 * s + range + 2 * (c - start));
        if (gid) gid = static_cast<uint16_t>(gid + delta);
      }
      if (gid != 0 && gid < glyphs_) {
        cmap_.set(c, gid);
        mapped_.push_back(c);
      }
    }
  }
  std::sort(mapped_.begin(), mapped_.end());
  mapped_.erase(std::unique(mapped_.begin(), mapped_.end()), mapped_.end());
  kerning_.load(*this);
  return true;
}

int TrueType::advance(uint16_t gid) const {
  const uint16_t g = gid < hmetrics_ ? gid : static_cast<uint16_t>(hmetrics_ - 1);
  return u16(data_, hmtx_.offset + 4 * static_cast<size_t>(g)) * 1000 / units_per_em_;
}

std::string_view TrueType::glyph_data(uint16_t gid) const {
  if (gid >= glyphs_) return {};
  return std::string_view(data_).substr(glyf_.offset + loca_[gid], loca_[gid + 1] - loca_[gid]);
}

}  // namespace rv::font
