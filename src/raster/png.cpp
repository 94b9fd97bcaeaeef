// PNG encoding (ISO/IEC 15948): signature, IHDR, one IDAT of zlib data, IEND.
#include <libdeflate.h>

#include <memory>

#include "raster/raster.hpp"

namespace rv::raster {

namespace {

void put32(std::string& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void chunk(std::string& out, const char* type, const std::string& data) {
  put32(out, static_cast<uint32_t>(data.size()));
  const std::string typed = std::string(type, 4) + data;
  out += typed;
  put32(out, libdeflate_crc32(0, typed.data(), typed.size()));
}

}  // namespace

std::string png(const Image& image) {
  std::string out = "\x89PNG\r\n\x1a\n";
  std::string header;
  put32(header, static_cast<uint32_t>(image.width));
  put32(header, static_cast<uint32_t>(image.height));
  header +=
      std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter set, no interlace
  chunk(out, "IHDR", header);
  // Each row: filter type 0 (none), then its pixels. Charts are flat colour, which
  // deflate packs well without a predictor.
  const size_t row = static_cast<size_t>(image.width) * 3;
  std::string raw;
  raw.reserve((row + 1) * static_cast<size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    raw += '\0';
    raw.append(reinterpret_cast<const char*>(image.rgb.data()) + row * static_cast<size_t>(y), row);
  }
  std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> c(
      libdeflate_alloc_compressor(6), libdeflate_free_compressor);
  std::string z(libdeflate_zlib_compress_bound(c.get(), raw.size()), '\0');
  z.resize(libdeflate_zlib_compress(c.get(), raw.data(), raw.size(), z.data(), z.size()));
  chunk(out, "IDAT", z);
  chunk(out, "IEND", "");
  return out;
}

}  // namespace rv::raster
