// The layout façade: the pipeline of this stage in one place.
#include "layout/layout.hpp"

#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

std::optional<Pages> layout(const doc::Document& document, const Context& context,
                            Diagnostics& diags) {
  FontSet fonts;
  const std::string dir = context.fonts_dir.empty() ? default_fonts_dir() : context.fonts_dir;
  if (!fonts.load(dir, diags)) return std::nullopt;

  Pages pages;
  pages.meta = document.meta;
  pages.fonts = fonts.faces();
  pages.nodes.push_back(StructNode{Role::Document, -1, {}, {}, 0, 0, document.meta.span});

  // Document tree → vertical flow of boxes (lines, rows, charts, glue).
  Flow flow = build_flow(document, fonts, pages, diags, context.parallel);

  // Flow → page plans (which box on which page, which footnotes at its foot).
  const StyleTable styles(document, diags);
  const std::vector<PagePlan> plans = paginate(flow, styles, diags);

  // Page plans → positioned items, furniture, resolved links and TOC numbers.
  finalize(flow, plans, fonts, pages, diags);
  return pages;
}

}  // namespace rv::layout
