#include "swedish/utf8.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

namespace rv::sv::detail {

std::vector<CodePoint> decode_utf8(std::string_view text) {
  std::vector<CodePoint> out;
  decode_utf8(text, out);
  return out;
}

void decode_utf8(std::string_view text, std::vector<CodePoint>& out) {
  out.clear();
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t begin = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;  // malformed input: keep going, one replacement per bad sequence
    out.push_back({static_cast<char32_t>(c), static_cast<size_t>(begin), static_cast<size_t>(i)});
  }
}

void append_utf8(std::string& out, char32_t cp) {
  uint8_t buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, static_cast<UChar32>(cp), error);
  if (error) return;
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

void to_utf16(std::string_view text, Utf16Text& out) {
  // One pass with U8_NEXT, as decode_utf8: the same U+FFFD for each malformed sequence,
  // but no per-code-point UnicodeString::append (that was most of line breaking's cost).
  // UTF-16 never needs more units than UTF-8 has bytes, so the buffers are sized up front
  // and written by index; ASCII, most of the text, skips the decoder.
  if (out.text.size() < text.size()) out.text.resize(text.size());
  if (out.byte_offset.size() < text.size() + 1) out.byte_offset.resize(text.size() + 1);
  char16_t* units = out.text.data();
  size_t* offsets = out.byte_offset.data();
  size_t n = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const auto begin = static_cast<size_t>(i);
    if (s[i] < 0x80) {
      units[n] = s[i++];
      offsets[n++] = begin;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c <= 0xFFFF) {
      units[n] = static_cast<char16_t>(c);
      offsets[n++] = begin;
    } else {
      units[n] = static_cast<char16_t>(U16_LEAD(c));
      offsets[n++] = begin;
      units[n] = static_cast<char16_t>(U16_TRAIL(c));
      offsets[n++] = begin;
    }
  }
  offsets[n] = text.size();
  out.length = n;
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace rv::sv::detail
