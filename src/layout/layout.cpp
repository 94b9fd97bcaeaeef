// The layout façade: the pipeline of this stage in one place.
#include "layout/layout.hpp"

#include <map>

#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

namespace {

std::optional<Pages> layout_once(const doc::Document& document, const FontSet& fonts,
                                 Diagnostics& diags) {
  Pages pages;
  pages.meta = document.meta;
  pages.fonts = fonts.faces();
  pages.nodes.push_back(StructNode{Role::Document, -1, {}, {}, 0, 0, document.meta.span});

  // Document tree → vertical flow of boxes (lines, rows, charts, glue).
  Flow flow = build_flow(document, fonts, pages, diags);

  // Flow → page plans (which box on which page, which footnotes at its foot).
  const StyleTable styles(document, diags);
  const std::vector<PagePlan> plans = paginate(flow, styles, diags);

  // Page plans → positioned items, furniture, resolved links and TOC numbers.
  finalize(flow, plans, fonts, pages, diags);
  return pages;
}

// Passes at most to settle the page numbers of cross-references: a number that grows a
// digit may push its target to another page, but that settles in a pass or two.
constexpr int kPageRefPasses = 4;

}  // namespace

std::optional<Pages> layout(const doc::Document& document, const Context& context,
                            Diagnostics& diags) {
  FontSet fonts;
  const std::string dir = context.fonts_dir.empty() ? default_fonts_dir() : context.fonts_dir;
  if (!fonts.load(dir, diags)) return std::nullopt;

  // Page numbers in the text (sida()): laid out with a guess, then again with the pages
  // found, until they agree, so that a paragraph is broken into lines with the number it
  // prints. Without any, one pass.
  bool has_refs = false;
  doc::Document work;
  std::vector<doc::Inline*> refs;
  doc::each_inlines(document.blocks, [&](const doc::Inlines& in) {
    for (const doc::Inline& i : in) has_refs = has_refs || i.kind == doc::InlineKind::PageRef;
  });
  if (!has_refs) return layout_once(document, fonts, diags);
  work = document;
  doc::each_inlines(work.blocks, [&](doc::Inlines& in) {
    for (doc::Inline& i : in)
      if (i.kind == doc::InlineKind::PageRef) {
        i.kind = doc::InlineKind::Text;  // printed as text, linked to its target
        i.text = "1";
        refs.push_back(&i);
      }
  });
  for (int pass = 1;; ++pass) {
    Diagnostics local;
    std::optional<Pages> pages = layout_once(work, fonts, local);
    if (!pages) {
      for (const auto& d : local.all()) diags.add(d);
      return pages;
    }
    std::map<std::string, std::string> page_of;
    for (const Anchor& a : pages->anchors)
      if (a.page >= 0) page_of.emplace(a.id, std::to_string(a.page + 1));
    bool settled = true;
    for (doc::Inline* r : refs) {
      auto it = page_of.find(r->link_id);
      const std::string number = it == page_of.end() ? "?" : it->second;
      if (number != r->text) settled = false;
      r->text = number;
    }
    if (settled || pass == kPageRefPasses) {
      for (const auto& d : local.all()) diags.add(d);
      if (!settled)
        for (const doc::Inline* r : refs)
          diags.warning(r->span,
                        "sidnumret i hänvisningen till '" + r->link_id +
                            "' ändrar sidbrytningen varje gång det sätts; kontrollera det");
      return pages;
    }
  }
}

}  // namespace rv::layout
