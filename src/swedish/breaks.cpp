// Line-break opportunities from ICU's line BreakIterator (UAX #14 with the Swedish
// locale): after spaces, hyphens and en dashes; never inside NBSP-grouped numbers or
// abbreviations such as "t.o.m.", nor at a space Swedish keeps (keep_together.cpp).
#include <unicode/brkiter.h>
#include <unicode/locid.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "swedish/swedish.hpp"
#include "swedish/utf8.hpp"

namespace rv::sv {
namespace {

// A BreakIterator is not thread-safe, so each thread clones its own from one prototype
// created once (creating from the locale's rules is the expensive part).
icu::BreakIterator& line_iterator() {
  static std::unique_ptr<icu::BreakIterator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createLineInstance(icu::Locale("sv", "SE"), status));
    if (U_FAILURE(status) || !it)
      throw std::runtime_error("ICU: kan inte skapa radbrytare för sv_SE");
    return it;
  }();
  thread_local std::unique_ptr<icu::BreakIterator> mine(prototype->clone());
  return *mine;
}

// The words on each side of the space before `offset` (a line could start at `offset`):
// whether Swedish keeps them on one line.
bool units_around(std::string_view text, size_t offset) {
  size_t space = offset - 1, start = space;
  while (start > 0 && text[start - 1] != ' ' && text[start - 1] != '\n') --start;
  size_t end = offset;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n') ++end;
  return keep_together(text.substr(start, space - start), text.substr(offset, end - offset));
}

}  // namespace

std::vector<BreakOpportunity> line_breaks(std::string_view text) {
  std::vector<BreakOpportunity> out;
  if (text.empty()) return out;
  // Layout asks paragraph after paragraph: the converted text lives in per-thread buffers
  // that keep their capacity, and ICU reads it through a read-only alias (no copy).
  thread_local detail::Utf16Text u16;
  detail::to_utf16(text, u16);
  const icu::UnicodeString alias(false, u16.text.data(), static_cast<int32_t>(u16.length));
  icu::BreakIterator& it = line_iterator();
  it.setText(alias);
  for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next()) {
    const size_t offset = u16.byte_offset[static_cast<size_t>(b)];
    // Only positions where a *new* line could start: not the start, not the end.
    if (offset == 0 || offset >= text.size()) continue;
    const int32_t status = it.getRuleStatus();
    const bool hard = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT;
    if (!hard && text[offset - 1] == ' ' && units_around(text, offset)) continue;
    out.push_back({offset, hard});
  }
  return out;
}

}  // namespace rv::sv
