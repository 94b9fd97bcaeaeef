// Glyph outlines from the glyf table (simple and composite glyphs), for the raster
// renderer that draws charts as images (src/raster).
#include "font/bytes.hpp"
#include "font/font.hpp"

namespace rv::font {

using bytes::s16;
using bytes::u16;

namespace {

// Composite glyph flags (OpenType glyf table).
constexpr uint16_t kArgWords = 0x1, kArgsAreXY = 0x2, kScale = 0x8, kMore = 0x20, kXYScale = 0x40,
                   kTwoByTwo = 0x80;
// Simple glyph flags.
constexpr uint8_t kOnCurve = 0x1, kXShort = 0x2, kYShort = 0x4, kRepeat = 0x8, kXSame = 0x10,
                  kYSame = 0x20;
// Composites nest rarely and shallowly; a loop in a damaged font must end.
constexpr int kMaxDepth = 8;

double f2dot14(std::string_view d, size_t at) { return s16(d, at) / 16384.0; }

}  // namespace

std::vector<TrueType::Contour> TrueType::outline(uint16_t gid) const {
  std::vector<Contour> out;
  const double scale = 1.0 / units_per_em_;
  const double m[6] = {scale, 0, 0, scale, 0, 0};
  add_outline(gid, m, 0, out);
  return out;
}

// Appends the contours of `gid` transformed by m (x' = m0 x + m2 y + m4, y' = m1 x + m3 y + m5).
void TrueType::add_outline(uint16_t gid, const double m[6], int depth,
                           std::vector<Contour>& out) const {
  const std::string_view g = glyph_data(gid);
  if (g.size() < 10 || depth > kMaxDepth) return;
  const int contours = s16(g, 0);
  const auto place = [&](double x, double y, bool on) {
    return OutlinePoint{m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5], on};
  };
  if (contours < 0) {
    size_t at = 10;
    for (uint16_t flags = kMore; flags & kMore;) {
      if (at + 4 > g.size()) return;
      flags = u16(g, at);
      const uint16_t component = u16(g, at + 2);
      at += 4;
      double dx = 0, dy = 0;
      if (flags & kArgWords) {
        dx = s16(g, at), dy = s16(g, at + 2);
        at += 4;
      } else {
        dx = static_cast<int8_t>(g[at]), dy = static_cast<int8_t>(g[at + 1]);
        at += 2;
      }
      // Point-matched placement (args are point numbers) does not occur in the bundled
      // fonts: such a component is drawn unshifted.
      if (!(flags & kArgsAreXY)) dx = dy = 0;
      double a = 1, b = 0, c = 0, d = 1;
      if (flags & kScale) {
        a = d = f2dot14(g, at);
        at += 2;
      } else if (flags & kXYScale) {
        a = f2dot14(g, at), d = f2dot14(g, at + 2);
        at += 4;
      } else if (flags & kTwoByTwo) {
        a = f2dot14(g, at), b = f2dot14(g, at + 2), c = f2dot14(g, at + 4), d = f2dot14(g, at + 6);
        at += 8;
      }
      // The component's own transform, then the parent's.
      const double n[6] = {m[0] * a + m[2] * b,          m[1] * a + m[3] * b,
                           m[0] * c + m[2] * d,          m[1] * c + m[3] * d,
                           m[0] * dx + m[2] * dy + m[4], m[1] * dx + m[3] * dy + m[5]};
      add_outline(component, n, depth + 1, out);
    }
    return;
  }
  // A simple glyph: end points, instructions, flags, x deltas, y deltas.
  size_t at = 10;
  std::vector<uint16_t> ends(static_cast<size_t>(contours));
  for (auto& e : ends) {
    e = u16(g, at);
    at += 2;
  }
  if (ends.empty()) return;
  const size_t points = static_cast<size_t>(ends.back()) + 1;
  at += 2 + u16(g, at);  // skip the instructions
  std::vector<uint8_t> flags;
  flags.reserve(points);
  while (flags.size() < points && at < g.size()) {
    const auto f = static_cast<uint8_t>(g[at++]);
    flags.push_back(f);
    if ((f & kRepeat) && at < g.size())
      for (int r = static_cast<unsigned char>(g[at++]); r > 0 && flags.size() < points; --r)
        flags.push_back(f);
  }
  if (flags.size() < points) return;
  std::vector<int> xs(points), ys(points);
  const auto coords = [&](std::vector<int>& v, uint8_t short_bit, uint8_t same_bit) {
    int value = 0;
    for (size_t i = 0; i < points; ++i) {
      if (flags[i] & short_bit) {
        if (at >= g.size()) return false;
        const int delta = static_cast<unsigned char>(g[at++]);
        value += (flags[i] & same_bit) ? delta : -delta;
      } else if (!(flags[i] & same_bit)) {
        if (at + 2 > g.size()) return false;
        value += s16(g, at);
        at += 2;
      }
      v[i] = value;
    }
    return true;
  };
  if (!coords(xs, kXShort, kXSame) || !coords(ys, kYShort, kYSame)) return;
  size_t start = 0;
  for (uint16_t end : ends) {
    if (end < start || end >= points) return;
    Contour c;
    for (size_t i = start; i <= end; ++i) c.push_back(place(xs[i], ys[i], flags[i] & kOnCurve));
    out.push_back(std::move(c));
    start = static_cast<size_t>(end) + 1;
  }
}

}  // namespace rv::font
