// Fuzz target: the Markdown front end alone (cmark-gfm → document blocks), on text as the
// template expansion hands it over.
#include "fuzz.hpp"
#include "template/markdown.hpp"

using namespace rv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  tmpl::Expansion ex;
  ex.markdown = fuzz::text(data, size);
  int line = 1;
  ex.line_spans.push_back(Span{"mall.md", line, 1});
  for (char c : ex.markdown)
    if (c == '\n') ex.line_spans.push_back(Span{"mall.md", ++line, 1});
  Diagnostics diags;
  static_cast<void>(tmpl::markdown_to_blocks(
      ex, [](const tmpl::BlockRequest&) { return std::vector<doc::Block>{}; }, diags));
  return 0;
}
