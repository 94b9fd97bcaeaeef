// Internal helpers of the Swedish layer: walking UTF-8 by code point and converting to
// ICU's UTF-16 with a map back to byte offsets (callers work in UTF-8 byte offsets).
#pragma once

#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <vector>

namespace rv::sv::detail {

// One decoded code point and where it sits in the UTF-8 text.
struct CodePoint {
  char32_t cp;   // U+FFFD for malformed bytes
  size_t begin;  // byte offset of its first byte
  size_t end;    // byte offset just past it
};

std::vector<CodePoint> decode_utf8(std::string_view text);
// The same into `out` (cleared first), for callers that decode word after word.
void decode_utf8(std::string_view text, std::vector<CodePoint>& out);
void append_utf8(std::string& out, char32_t cp);

// UTF-16 copy of `text` plus, for every UTF-16 index (and one past the end), the UTF-8
// byte offset it came from, so ICU break positions can be mapped back. Filled in place:
// the buffers only grow, so a caller converting paragraph after paragraph allocates and
// clears nothing; the first `length` units (and `length` + 1 offsets) are the text's.
struct Utf16Text {
  std::u16string text;
  std::vector<size_t> byte_offset;
  size_t length = 0;
};
void to_utf16(std::string_view text, Utf16Text& out);

std::string to_utf8(const icu::UnicodeString& text);

}  // namespace rv::sv::detail
