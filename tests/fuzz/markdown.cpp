// Fuzz target: the Markdown front end alone (cmark-gfm → document blocks), on text as the
// template expansion hands it over.
#include "markdown_input.hpp"

using namespace rv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const tmpl::Expansion ex = fuzz::markdown_input(data, size);
  Diagnostics diags;
  static_cast<void>(tmpl::markdown_to_blocks(
      ex, [](const tmpl::BlockRequest&) { return std::vector<doc::Block>{}; }, diags));
  return 0;
}
