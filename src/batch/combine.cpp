// --samlad: the recipients' laid-out documents as one, with an outline entry per recipient.
// Each letter keeps its own page numbers ("Sida 1 (2)" of its own two pages): the pages
// are joined after layout, not laid out again.
#include "batch/combine.hpp"

#include <algorithm>

namespace rv::batch {

layout::Pages combine(std::vector<Part>& parts, const std::string& title) {
  layout::Pages out;
  out.nodes.push_back(layout::StructNode{layout::Role::Document, -1, {}, {}, 0, 0, {}});
  bool first = true;
  for (size_t i = 0; i < parts.size(); ++i) {
    layout::Pages& p = parts[i].pages;
    if (first) {
      out.meta = p.meta;
      out.meta.title = title;
      out.fonts = p.fonts;  // the same font files for every letter: glyph ids agree
      first = false;
    }
    const int page_base = static_cast<int>(out.pages.size());
    // Node k > 0 of the letter becomes node_base + k; its Document node is the combined one.
    const int node_base = static_cast<int>(out.nodes.size()) - 1;
    auto node = [&](int k) { return k <= 0 ? k : node_base + k; };
    for (size_t k = 1; k < p.nodes.size(); ++k) {
      layout::StructNode n = std::move(p.nodes[k]);
      n.parent = node(n.parent);
      if (n.page >= 0) n.page += page_base;
      out.nodes.push_back(std::move(n));
    }
    out.outline.push_back(
        {1, parts[i].name, page_base, p.pages.empty() ? 0.0f : p.pages.front().height});
    for (layout::OutlineEntry e : p.outline) {
      e.level = std::min(e.level + 1, 3);
      e.page += page_base;
      out.outline.push_back(std::move(e));
    }
    // Anchor ids repeat from letter to letter: each letter's get its own prefix.
    const std::string prefix = "m" + std::to_string(i + 1) + "-";
    for (layout::Anchor a : p.anchors) {
      a.id = prefix + a.id;
      a.page += page_base;
      out.anchors.push_back(std::move(a));
    }
    for (layout::Page& page : p.pages) {
      for (layout::Item& it : page.items) std::visit([&](auto& v) { v.node = node(v.node); }, it);
      for (layout::LinkArea& l : page.links) {
        if (l.target_page >= 0) l.target_page += page_base;
        if (!l.target_id.empty()) l.target_id = prefix + l.target_id;
      }
      out.pages.push_back(std::move(page));
    }
    p = layout::Pages{};  // given away: a 290-letter run keeps one copy only
  }
  return out;
}

}  // namespace rv::batch
