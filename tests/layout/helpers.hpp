// Queries over the page model shared by the layout tests.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/page.hpp"

namespace rv::test {

using layout::Pages;
using layout::Role;
using layout::TextRun;

// Every text run with its page index, in page order.
struct PlacedRun {
  int page;
  const TextRun* run;
};

inline std::vector<PlacedRun> runs(const Pages& p) {
  std::vector<PlacedRun> out;
  for (size_t i = 0; i < p.pages.size(); ++i)
    for (const layout::Item& it : p.pages[i].items)
      if (const auto* t = std::get_if<TextRun>(&it)) out.push_back({static_cast<int>(i), t});
  return out;
}

inline Role role(const Pages& p, int node) {
  return node < 0 ? Role::Artifact : p.nodes[static_cast<size_t>(node)].role;
}

// The nearest ancestor (or self) with the given role, -1 if none.
inline int ancestor(const Pages& p, int node, Role r) {
  while (node >= 0) {
    if (p.nodes[static_cast<size_t>(node)].role == r) return node;
    node = p.nodes[static_cast<size_t>(node)].parent;
  }
  return -1;
}

}  // namespace rv::test
