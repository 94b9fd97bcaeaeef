// The zip container of an OOXML package: local headers, deflated data, central directory.
// No zip64, no data descriptors, no extra fields: what every OOXML reader takes.
#include <libdeflate.h>

#include <memory>

#include "docx/docx.hpp"

namespace rv::docx {

namespace {

void put16(std::string& out, uint32_t v) {
  out += static_cast<char>(v & 0xFF);
  out += static_cast<char>((v >> 8) & 0xFF);
}
void put32(std::string& out, uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

}  // namespace

std::string zip(const std::vector<ZipEntry>& files, uint16_t dos_time, uint16_t dos_date) {
  std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)> c(
      libdeflate_alloc_compressor(6), libdeflate_free_compressor);
  std::string out, central;
  for (const ZipEntry& f : files) {
    std::string packed(libdeflate_deflate_compress_bound(c.get(), f.data.size()), '\0');
    packed.resize(libdeflate_deflate_compress(c.get(), f.data.data(), f.data.size(), packed.data(),
                                              packed.size()));
    // Stored when deflate gains nothing (PNG pictures are compressed already).
    const bool stored = packed.empty() || packed.size() >= f.data.size();
    const std::string& body = stored ? f.data : packed;
    const uint32_t crc = libdeflate_crc32(0, f.data.data(), f.data.size());
    const auto offset = static_cast<uint32_t>(out.size());
    const auto common = [&](std::string& h) {
      put16(h, 20);              // version needed: 2.0 (deflate)
      put16(h, 0x0800);          // flags: names are UTF-8
      put16(h, stored ? 0 : 8);  // method
      put16(h, dos_time);
      put16(h, dos_date);
      put32(h, crc);
      put32(h, static_cast<uint32_t>(body.size()));
      put32(h, static_cast<uint32_t>(f.data.size()));
      put16(h, static_cast<uint32_t>(f.name.size()));
      put16(h, 0);  // extra field length
    };
    put32(out, 0x04034b50);
    common(out);
    out += f.name;
    out += body;
    put32(central, 0x02014b50);
    put16(central, 20);  // made by: MS-DOS attributes, version 2.0
    common(central);
    put16(central, 0);  // comment length
    put16(central, 0);  // disk number
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central += f.name;
  }
  const auto central_at = static_cast<uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<uint32_t>(files.size()));
  put16(out, static_cast<uint32_t>(files.size()));
  put32(out, static_cast<uint32_t>(central.size()));
  put32(out, central_at);
  put16(out, 0);  // comment length
  return out;
}

}  // namespace rv::docx
