// Big-endian fields of a font file (internal to src/font): the reader and the subsetter
// read and write the same tables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rv::font::bytes {

// Reads past the end give 0: a damaged file is rejected by the checks that use them.
inline uint16_t u16(std::string_view d, size_t at) {
  if (at + 2 > d.size()) return 0;
  return static_cast<uint16_t>((static_cast<unsigned char>(d[at]) << 8) |
                               static_cast<unsigned char>(d[at + 1]));
}
inline int16_t s16(std::string_view d, size_t at) { return static_cast<int16_t>(u16(d, at)); }
inline uint32_t u32(std::string_view d, size_t at) {
  return (static_cast<uint32_t>(u16(d, at)) << 16) | u16(d, at + 2);
}
inline void put16(std::string& d, size_t at, uint32_t v) {
  d[at] = static_cast<char>((v >> 8) & 0xFF);
  d[at + 1] = static_cast<char>(v & 0xFF);
}
inline void put32(std::string& d, size_t at, uint32_t v) {
  put16(d, at, v >> 16);
  put16(d, at + 2, v & 0xFFFF);
}

}  // namespace rv::font::bytes
