// The limits that keep a hostile or mistaken template from crashing the process or
// exhausting the machine. All in one place (and documented in docs/mallar.md, "Gränser").
//
// Nesting limits are chosen so that even a sanitizer build (larger stack frames) stays far
// inside the default 8 MiB stack, and so that real documents never come near them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace rv::limits {

// Template expressions: parentheses, `not`, unary minus, lists, and chains such as a sum
// of many terms or many filters (each operator is one level of the expression tree).
inline constexpr int kExpressionDepth = 256;
// {% if %} / {% for %} nested inside each other, counted across included files too (each
// level is a few KiB of stack in a sanitizer build).
inline constexpr int kStatementDepth = 128;
// {% include %}: files inside each other, and included files in one rendering.
inline constexpr int kIncludeDepth = 16;
inline constexpr int kIncludes = 100'000;
// Passes through {% for %} bodies in one rendering, all loops together.
inline constexpr int64_t kLoopIterations = 1'000'000;
// A text value (`+`, filters) and a list built with `+`.
inline constexpr size_t kStringBytes = 16u << 20;  // 16 MiB
inline constexpr size_t kListItems = 1'000'000;
// Lists inside lists (`{% set x = [x] %}` line after line): freeing, printing and
// comparing such a value recurse.
inline constexpr int kListDepth = 256;
// The Markdown text a template expands to.
inline constexpr size_t kExpandedBytes = 64u << 20;  // 64 MiB
// Markdown → document tree: block quotes and lists inside each other, emphasis and links
// inside each other, footnotes cited from footnotes.
inline constexpr int kMarkdownDepth = 64;
// A document's pages.
inline constexpr int kPages = 50'000;  // a 200 000-row appendix has about 9 100

// A limit as messages print it: "1 000 000" (plain spaces: messages go to a terminal).
inline std::string grouped(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}

}  // namespace rv::limits
