// The one numbering of marked content: which items of a page form one marked-content
// sequence and which MCID each gets. The painter writes the BDC/EMC pairs from it, and the
// structure tree and the trace map MCIDs to elements from it, so the two cannot disagree.
#include "pdf/internal.hpp"

namespace rv::pdf {

std::vector<McGroup> marked_content(const layout::Page& page) {
  std::vector<McGroup> groups;
  int mcid = 0;
  for (size_t i = 0; i < page.items.size(); ++i) {
    const int node = std::visit([](const auto& v) { return v.node; }, page.items[i]);
    if (!groups.empty() && groups.back().node == node) {
      groups.back().end = i + 1;
      continue;
    }
    groups.push_back({i, i + 1, node, node >= 0 ? mcid++ : -1});
  }
  return groups;
}

ContentMap map_content(const layout::Pages& pages) {
  ContentMap m;
  m.page_mcid_nodes.resize(pages.pages.size());
  m.node_content.resize(pages.nodes.size());
  for (size_t p = 0; p < pages.pages.size(); ++p)
    for (const McGroup& g : marked_content(pages.pages[p])) {
      if (g.mcid < 0) continue;
      m.page_mcid_nodes[p].push_back(g.node);
      m.node_content[static_cast<size_t>(g.node)].push_back({static_cast<int>(p), g.mcid});
    }
  return m;
}

std::vector<TaggedLink> tagged_links(const layout::Pages& pages) {
  std::vector<TaggedLink> out;
  for (size_t p = 0; p < pages.pages.size(); ++p) {
    const auto& links = pages.pages[p].links;
    for (size_t k = 0; k < links.size(); ++k)
      if (links[k].node >= 0 && (!links[k].url.empty() || links[k].target_page >= 0))
        out.push_back({static_cast<int>(p), static_cast<int>(k), links[k].node});
  }
  return out;
}

}  // namespace rv::pdf
