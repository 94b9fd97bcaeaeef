// Fuzz target: a template body (mall.md) parsed, evaluated against the example data set
// and turned into document blocks: the template parser, the evaluator and the Markdown
// front end in the order `skapa` runs them.
#include "context.hpp"
#include "fuzz.hpp"
#include "template/expand.hpp"
#include "template/markdown.hpp"

using namespace rv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const tmpl::Value& context = fuzz::example_context();
  Diagnostics diags;
  tmpl::Body body = tmpl::parse_template("mall.md", fuzz::text(data, size), diags);
  if (diags.has_errors()) return 0;
  tmpl::Expander ex(context, tmpl::HouseStyle{}, nullptr, diags);
  tmpl::Expansion expansion = ex.expand(body);
  if (diags.has_errors()) return 0;
  static_cast<void>(tmpl::markdown_to_blocks(
      expansion, [](const tmpl::BlockRequest&) { return std::vector<doc::Block>{}; }, diags));
  return 0;
}
