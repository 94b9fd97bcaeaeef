// Drawing page-model items into pixels: rectangles, rules and text, each filled as
// polygons with the non-zero rule and anti-aliased by sampling every pixel row at several
// heights and covering each span's end pixels by the fraction they hold.
#include <algorithm>
#include <cmath>

#include "font/font.hpp"
#include "raster/raster.hpp"

namespace rv::raster {

namespace {

struct P {
  double x, y;
};
using Polygon = std::vector<std::vector<P>>;

// Sub-scanlines per pixel row: 5 gives 6 grey levels vertically (horizontal coverage is
// exact), which at 150 dpi and up is what an eye can tell apart on 9-point labels.
constexpr int kSamples = 5;

class Canvas {
 public:
  Canvas(int w, int h) : w_(w), h_(h), rgb_(static_cast<size_t>(w) * h * 3, 255), cov_(w + 2) {}

  void fill(const Polygon& poly, layout::Color c) {
    double top = h_, bottom = 0;
    for (const auto& contour : poly)
      for (const P& p : contour) top = std::min(top, p.y), bottom = std::max(bottom, p.y);
    const int y0 = std::max(0, static_cast<int>(std::floor(top)));
    const int y1 = std::min(h_, static_cast<int>(std::ceil(bottom)));
    std::vector<std::pair<double, int>> crossings;
    for (int y = y0; y < y1; ++y) {
      int lo = w_, hi = -1;
      for (int s = 0; s < kSamples; ++s) {
        const double sy = y + (s + 0.5) / kSamples;
        crossings.clear();
        for (const auto& contour : poly)
          for (size_t i = 0; i < contour.size(); ++i) {
            const P& a = contour[i];
            const P& b = contour[(i + 1) % contour.size()];
            if ((a.y <= sy) == (b.y <= sy)) continue;  // does not cross this height
            const double x = a.x + (sy - a.y) * (b.x - a.x) / (b.y - a.y);
            crossings.emplace_back(x, b.y > a.y ? 1 : -1);
          }
        std::sort(crossings.begin(), crossings.end());
        int winding = 0;
        for (size_t i = 0; i + 1 < crossings.size(); ++i) {
          winding += crossings[i].second;
          if (winding != 0) span(crossings[i].first, crossings[i + 1].first, lo, hi);
        }
      }
      for (int x = std::max(lo, 0); x <= std::min(hi, w_ - 1); ++x) {
        const double a = std::min(1.0, cov_[static_cast<size_t>(x)] / kSamples);
        if (a <= 0) continue;
        uint8_t* px = &rgb_[(static_cast<size_t>(y) * w_ + x) * 3];
        const float rgb[3] = {c.r, c.g, c.b};
        for (int k = 0; k < 3; ++k)
          px[k] = static_cast<uint8_t>(std::lround(px[k] * (1 - a) + 255.0 * rgb[k] * a));
      }
      // Cleared where this row wrote, not across the canvas: a glyph touches a few pixels
      // of a row a chart's width long.
      if (hi >= lo) std::fill(cov_.begin() + lo, cov_.begin() + std::min(hi, w_) + 1, 0.0);
    }
  }

  std::vector<uint8_t> take() { return std::move(rgb_); }

 private:
  // Adds the coverage of [x0, x1) on one sub-scanline: whole pixels 1, the end ones by
  // the share of them inside.
  void span(double x0, double x1, int& lo, int& hi) {
    x0 = std::clamp(x0, 0.0, static_cast<double>(w_));
    x1 = std::clamp(x1, 0.0, static_cast<double>(w_));
    if (x1 <= x0) return;
    const int a = static_cast<int>(x0), b = static_cast<int>(x1);
    lo = std::min(lo, a), hi = std::max(hi, b);
    if (a == b) {
      cov_[static_cast<size_t>(a)] += x1 - x0;
      return;
    }
    cov_[static_cast<size_t>(a)] += a + 1 - x0;
    for (int x = a + 1; x < b; ++x) cov_[static_cast<size_t>(x)] += 1;
    cov_[static_cast<size_t>(b)] += x1 - b;
  }

  int w_, h_;
  std::vector<uint8_t> rgb_;
  std::vector<double> cov_;
};

// Page points → pixels of the crop (y down).
struct Transform {
  double left, top, scale;
  P operator()(double x, double y) const { return {(x - left) * scale, (top - y) * scale}; }
};

// A TrueType contour (quadratic B-spline: an implied on-curve point between two off-curve
// ones) as a polygon, each curve split into `steps` segments.
std::vector<P> flatten(const font::TrueType::Contour& c, int steps, const auto& place) {
  std::vector<P> out;
  const size_t n = c.size();
  if (n < 2) return out;
  const auto mid = [](const font::TrueType::OutlinePoint& a,
                      const font::TrueType::OutlinePoint& b) {
    return font::TrueType::OutlinePoint{(a.x + b.x) / 2, (a.y + b.y) / 2, true};
  };
  // Start on a point on the curve (an implied one if the contour has none).
  size_t first = 0;
  while (first < n && !c[first].on_curve) ++first;
  const auto start = first < n ? c[first] : mid(c[0], c[1]);
  if (first == n) first = 0;
  auto pen = start;
  out.push_back(place(pen.x, pen.y));
  for (size_t k = 1; k <= n; ++k) {
    const auto& p = c[(first + k) % n];
    if (p.on_curve) {
      out.push_back(place(p.x, p.y));
      pen = p;
      continue;
    }
    const auto& next_raw = c[(first + k + 1) % n];
    const auto end = k == n ? start : next_raw.on_curve ? next_raw : mid(p, next_raw);
    for (int s = 1; s <= steps; ++s) {
      const double t = static_cast<double>(s) / steps, u = 1 - t;
      out.push_back(place(u * u * pen.x + 2 * u * t * p.x + t * t * end.x,
                          u * u * pen.y + 2 * u * t * p.y + t * t * end.y));
    }
    pen = end;
    if (next_raw.on_curve) ++k;  // that point was the curve's end
  }
  return out;
}

void draw_text(Canvas& canvas, const layout::TextRun& t, const font::TrueType& face,
               const Transform& to_px) {
  const font::Kerning& kerning = face.kerning();
  float pos = t.x;
  size_t word = 0;
  char32_t prev = 0;
  // Curves split finer as the text grows on the picture.
  const int steps = std::clamp(static_cast<int>(t.size * to_px.scale / 8), 3, 12);
  for (size_t i = 0; i < t.text.size();) {
    const size_t at = i;
    const char32_t cp = font::next_code_point(t.text, i);
    if (word < t.word_at.size() && at == t.word_at[word] && word < t.word_x.size())
      pos = t.word_x[word++];
    else
      pos += static_cast<float>(kerning(prev, cp)) * t.size / 1000.0f;
    const uint16_t gid = face.glyph(cp);
    Polygon poly;
    const float x = pos;
    const auto place = [&](double gx, double gy) {
      return to_px(x + gx * t.size, t.y + gy * t.size);
    };
    for (const auto& contour : face.outline(gid)) poly.push_back(flatten(contour, steps, place));
    if (!poly.empty()) canvas.fill(poly, t.color);
    pos += static_cast<float>(face.advance(gid)) * t.size / 1000.0f;
    prev = cp;
  }
}

// The items' extent in page points: left, bottom, right, top.
std::array<double, 4> extent(const std::vector<const layout::Item*>& items,
                             const layout::Pages& pages) {
  std::array<double, 4> e{1e9, 1e9, -1e9, -1e9};
  const auto add = [&](double x0, double y0, double x1, double y1) {
    e[0] = std::min({e[0], x0, x1}), e[1] = std::min({e[1], y0, y1});
    e[2] = std::max({e[2], x0, x1}), e[3] = std::max({e[3], y0, y1});
  };
  for (const layout::Item* it : items) {
    if (const auto* r = std::get_if<layout::RectItem>(it))
      add(r->x, r->y, r->x + r->w, r->y + r->h);
    if (const auto* l = std::get_if<layout::RuleItem>(it)) {
      const double h = l->thickness / 2;
      add(l->x1 - h, l->y1 - h, l->x2 + h, l->y2 + h);
    }
    if (const auto* t = std::get_if<layout::TextRun>(it)) {
      const auto& face = pages.fonts[static_cast<size_t>(t->font)];
      const double up = face ? face->ascent * t->size / 1000.0 : t->size;
      const double down = face ? face->descent * t->size / 1000.0 : -t->size / 4;
      add(t->x, t->y + down, t->x + t->width, t->y + up);
    }
  }
  return e;
}

}  // namespace

std::optional<Image> draw_node(const layout::Pages& pages, int node, double dpi, float margin) {
  if (node < 0 || static_cast<size_t>(node) >= pages.nodes.size()) return std::nullopt;
  const int page = pages.nodes[static_cast<size_t>(node)].page;
  if (page < 0 || static_cast<size_t>(page) >= pages.pages.size()) return std::nullopt;
  std::vector<const layout::Item*> items;
  for (const layout::Item& it : pages.pages[static_cast<size_t>(page)].items) {
    const int n = std::visit([](const auto& i) { return i.node; }, it);
    if (n == node) items.push_back(&it);
  }
  if (items.empty()) return std::nullopt;
  auto [left, bottom, right, top] = extent(items, pages);
  left -= margin, bottom -= margin, right += margin, top += margin;
  const double scale = dpi / 72.0;
  Image image;
  image.width_pt = right - left, image.height_pt = top - bottom;
  image.width = std::max(1, static_cast<int>(std::ceil(image.width_pt * scale)));
  image.height = std::max(1, static_cast<int>(std::ceil(image.height_pt * scale)));
  Canvas canvas(image.width, image.height);
  const Transform to_px{left, top, scale};
  for (const layout::Item* it : items) {
    if (const auto* r = std::get_if<layout::RectItem>(it)) {
      canvas.fill({{to_px(r->x, r->y), to_px(r->x + r->w, r->y), to_px(r->x + r->w, r->y + r->h),
                    to_px(r->x, r->y + r->h)}},
                  r->fill);
    } else if (const auto* l = std::get_if<layout::RuleItem>(it)) {
      // A stroke as the rectangle it covers: the line widened by half its thickness each side.
      const double dx = l->x2 - l->x1, dy = l->y2 - l->y1, len = std::hypot(dx, dy);
      if (len <= 0) continue;
      const double nx = -dy / len * l->thickness / 2, ny = dx / len * l->thickness / 2;
      canvas.fill({{to_px(l->x1 + nx, l->y1 + ny), to_px(l->x2 + nx, l->y2 + ny),
                    to_px(l->x2 - nx, l->y2 - ny), to_px(l->x1 - nx, l->y1 - ny)}},
                  l->color);
    } else if (const auto* t = std::get_if<layout::TextRun>(it)) {
      if (const auto& face = pages.fonts[static_cast<size_t>(t->font)])
        draw_text(canvas, *t, *face, to_px);
    }
  }
  image.rgb = canvas.take();
  return image;
}

}  // namespace rv::raster
