// Document blocks → the vertical flow, in one pass by one Builder.
//
// Until issue 18 the flow was built on two cores: the document was cut at a page break near
// the middle and the halves were set by two Builders and joined. On this project's 2-core
// machine that did not pay for the national report (median of the layout stage over 15 runs,
// three rounds: 15.2 / 14.5 / 14.4 ms threaded against 10.5 / 10.3 / 14.0 ms in one pass;
// whole `skapa` 28.7 / 33.4 / 34.4 against 29.3 / 29.0 / 29.5 ms), since PDF writing already
// uses the second core and a thread, its cold caches and the joining cost about what the
// half saved. One pass also needs no renumbering of nodes, notes and anchors.
#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

Flow build_flow(const doc::Document& document, const FontSet& fonts, Pages& pages,
                Diagnostics& diags) {
  Builder builder(fonts, pages, diags);
  builder.collect_headings(document.blocks);
  for (const doc::Block& b : document.blocks)
    builder.block(b, style::kMarginLeft, style::kTextWidth, 0);
  return std::move(builder.flow());
}

}  // namespace rv::layout
