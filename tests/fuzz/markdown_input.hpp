// The fuzz input as the template expansion hands Markdown over: the text, and the source
// position of each of its lines (tests/fuzz/markdown.cpp, utdata.cpp).
#pragma once

#include "fuzz.hpp"
#include "template/markdown.hpp"

namespace rv::fuzz {

inline tmpl::Expansion markdown_input(const uint8_t* data, size_t size) {
  tmpl::Expansion ex;
  ex.markdown = text(data, size);
  int line = 1;
  ex.line_spans.push_back(Span{"mall.md", line, 1});
  for (char c : ex.markdown)
    if (c == '\n') ex.line_spans.push_back(Span{"mall.md", ++line, 1});
  return ex;
}

}  // namespace rv::fuzz
