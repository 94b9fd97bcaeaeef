// Charts as pictures (src/raster): a laid-out chart drawn from the page model, the PNG a
// decoder reads (chunk CRCs, zlib data of the right size), and glyph outlines from the
// bundled fonts, composites included.
#include "raster/raster.hpp"

#include <libdeflate.h>

#include <catch2/catch.hpp>
#include <string>

#include "layout/layout.hpp"

using namespace rv;

namespace {

uint32_t be32(const std::string& s, size_t at) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(s[at])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(s[at + 2])) << 8) |
         static_cast<unsigned char>(s[at + 3]);
}

doc::Document chart_document() {
  doc::BarChart c;
  c.label = "Diagram 1.";
  c.caption = {doc::text("Andel som arbetat med området")};
  for (auto [label, v] : {std::pair{"Kommuner", 94}, {"Regioner", 78}, {"Länsstyrelser", 45}}) {
    doc::Bar b;
    b.label = label;
    b.value = {v, 100};
    c.bars.push_back(b);
  }
  c.alt_text = "Kommuner 94 procent, regioner 78 procent, länsstyrelser 45 procent";
  doc::Document d;
  d.blocks.push_back(doc::paragraph("Text före diagrammet."));
  d.blocks.push_back(doc::Block{c});
  return d;
}

}  // namespace

TEST_CASE("raster: a chart is drawn from the page model in its own colours", "[docx][raster]") {
  Diagnostics diags;
  auto pages = layout::layout(chart_document(), {}, diags);
  REQUIRE(pages);
  int figure = -1;
  for (size_t n = 0; n < pages->nodes.size(); ++n)
    if (pages->nodes[n].role == layout::Role::Figure) figure = static_cast<int>(n);
  REQUIRE(figure >= 0);
  auto image = raster::draw_node(*pages, figure, 144);
  REQUIRE(image);
  // The size on paper fits the text width; the pixels are that size at 144 dpi.
  CHECK(image->width_pt > 200);
  CHECK(image->width_pt < 440);
  CHECK(image->width == static_cast<int>(std::ceil(image->width_pt * 2)));
  REQUIRE(image->rgb.size() == static_cast<size_t>(image->width) * image->height * 3);
  // Bars in the house blue (0.15, 0.33, 0.55), text in black, the rest white.
  size_t blue = 0, dark = 0, white = 0;
  for (size_t i = 0; i < image->rgb.size(); i += 3) {
    const int r = image->rgb[i], g = image->rgb[i + 1], b = image->rgb[i + 2];
    if (std::abs(r - 38) <= 1 && std::abs(g - 84) <= 1 && std::abs(b - 140) <= 1) ++blue;
    if (r < 40 && g < 40 && b < 40) ++dark;
    if (r == 255 && g == 255 && b == 255) ++white;
  }
  const size_t all = image->rgb.size() / 3;
  CHECK(blue > all / 20);  // three bars
  CHECK(dark > 200);       // labels and values
  CHECK(white > all / 2);
  // Only a node's own items are drawn: the document node has none, and a node that does
  // not exist gives no picture.
  CHECK(!raster::draw_node(*pages, 0, 144).has_value());
  CHECK(!raster::draw_node(*pages, 99999, 144).has_value());
}

TEST_CASE("raster: the PNG has valid chunks and its pixels inflate to the image",
          "[docx][raster]") {
  raster::Image image;
  image.width = 3;
  image.height = 2;
  image.rgb = {255, 0, 0, 0, 255, 0, 0, 0, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  const std::string png = raster::png(image);
  REQUIRE(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
  std::string idat;
  std::vector<std::string> types;
  for (size_t at = 8; at + 12 <= png.size();) {
    const uint32_t len = be32(png, at);
    const std::string type = png.substr(at + 4, 4);
    types.push_back(type);
    const std::string typed = png.substr(at + 4, 4 + len);
    CHECK(be32(png, at + 8 + len) == libdeflate_crc32(0, typed.data(), typed.size()));
    if (type == "IHDR") {
      CHECK(be32(png, at + 8) == 3);
      CHECK(be32(png, at + 12) == 2);
    }
    if (type == "IDAT") idat += png.substr(at + 8, len);
    at += 12 + len;
  }
  CHECK(types == std::vector<std::string>{"IHDR", "IDAT", "IEND"});
  std::string raw(2 * (1 + 9), '\0');
  size_t got = 0;
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  CHECK(libdeflate_zlib_decompress(d, idat.data(), idat.size(), raw.data(), raw.size(), &got) ==
        LIBDEFLATE_SUCCESS);
  libdeflate_free_decompressor(d);
  REQUIRE(got == raw.size());
  CHECK(raw[0] == 0);  // filter: none
  CHECK(static_cast<unsigned char>(raw[1]) == 255);
  CHECK(static_cast<unsigned char>(raw[10 + 1 + 8]) == 9);
}

TEST_CASE("font: glyph outlines, simple and composite", "[docx][raster]") {
  font::TrueType face;
  std::string error;
  REQUIRE(face.load(layout::default_fonts_dir() + "/RapportverkSans-Regular.ttf", error));
  CHECK(face.outline(face.glyph(U'o')).size() == 2);  // outside and counter
  CHECK(face.outline(face.glyph(U' ')).empty());
  const auto ring = face.outline(face.glyph(U'å'));  // a composite: a and the ring
  CHECK(ring.size() >= 3);
  // Outlines are in em units: an 'o' is about half an em high.
  double top = 0;
  for (const auto& contour : face.outline(face.glyph(U'o')))
    for (const auto& p : contour) top = std::max(top, p.y);
  CHECK(top > 0.4);
  CHECK(top < 0.7);
}
