// Raster: part of the page model (src/layout) drawn as a picture, for formats that take a
// chart as an image (DOCX). The drawing is the PDF's — the same items, fonts, kerning and
// colours — so the picture shows what the printed page shows.
//
//   layout::Pages ──draw_node──▶ Image (RGB pixels) ──png──▶ PNG file bytes
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "layout/page.hpp"

namespace rv::raster {

struct Image {
  int width = 0, height = 0;           // pixels
  std::vector<uint8_t> rgb;            // rows top to bottom, three bytes a pixel
  double width_pt = 0, height_pt = 0;  // the size on paper, in points
};

// The items drawn for structure node `node` (a chart's Figure) on the page it starts on,
// at `dpi`, on white, cropped to their extent plus `margin` points on every side. Nullopt
// when the node has no drawn items.
std::optional<Image> draw_node(const layout::Pages& pages, int node, double dpi, float margin = 4);

// The image as a PNG file: 8-bit RGB, no interlace, deterministic bytes.
std::string png(const Image& image);

}  // namespace rv::raster
