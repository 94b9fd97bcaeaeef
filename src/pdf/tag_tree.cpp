// The tag tree as plain data, from the page model's structure nodes and the marked-content
// numbering: which nodes become elements, each element's kids in reading order, and the
// attributes the writer derives (a Figure's bounding box). structure.cpp writes it as PDF
// objects; the trace prints it, so a golden diff shows every change to the tags.
#include <algorithm>
#include <cstdio>
#include <map>

#include "pdf/internal.hpp"

namespace rv::pdf {

namespace {

using Key = std::pair<int, int>;  // (page, MCID) where content begins
constexpr Key kNone{1 << 30, 0};

// A Figure's bounding box on its page (PDF/UA: the Layout attribute BBox), from what it
// draws there: bars, rules and labels.
void figure_boxes(const layout::Pages& model, TagTree& t) {
  const auto& nodes = model.nodes;
  bool any = false;
  for (TagElement& e : t.elements)
    any = any || nodes[static_cast<size_t>(e.node)].role == layout::Role::Figure;
  if (!any) return;
  for (size_t p = 0; p < model.pages.size(); ++p)
    for (const layout::Item& it : model.pages[p].items) {
      int node = std::visit([](const auto& v) { return v.node; }, it);
      // The labels and bars may be nodes below the Figure: find it.
      while (node >= 0 && nodes[static_cast<size_t>(node)].role != layout::Role::Figure)
        node = nodes[static_cast<size_t>(node)].parent;
      if (node < 0 || nodes[static_cast<size_t>(node)].page != static_cast<int>(p)) continue;
      const int el = t.element_of_node[static_cast<size_t>(node)];
      if (el < 0) continue;
      TagElement& e = t.elements[static_cast<size_t>(el)];
      auto add = [&e](float ax, float ay, float bx, float by) {
        if (!e.has_box) {
          e.box = {std::min(ax, bx), std::min(ay, by), std::max(ax, bx), std::max(ay, by)};
          e.has_box = true;
          return;
        }
        e.box[0] = std::min({e.box[0], ax, bx}), e.box[1] = std::min({e.box[1], ay, by});
        e.box[2] = std::max({e.box[2], ax, bx}), e.box[3] = std::max({e.box[3], ay, by});
      };
      if (const auto* r = std::get_if<layout::TextRun>(&it))
        add(r->x, r->y - 0.25f * r->size, r->x + r->width, r->y + 0.8f * r->size);
      else if (const auto* l = std::get_if<layout::RuleItem>(&it))
        add(l->x1, l->y1, l->x2, l->y2);
      else if (const auto* q = std::get_if<layout::RectItem>(&it))
        add(q->x, q->y, q->x + q->w, q->y + q->h);
    }
}

}  // namespace

TagTree build_tag_tree(const layout::Pages& model, const ContentMap& content,
                       const std::vector<TaggedLink>& links) {
  const auto& nodes = model.nodes;
  TagTree t;
  t.element_of_node.assign(nodes.size(), -1);
  if (nodes.empty()) return t;

  // Only nodes that have content somewhere below them become elements.
  std::vector<char> keep(nodes.size(), 0);
  for (size_t i = nodes.size(); i-- > 0;) {
    if (!content.node_content[i].empty()) keep[i] = 1;
    if (keep[i] && nodes[i].parent >= 0) keep[static_cast<size_t>(nodes[i].parent)] = 1;
  }
  keep[0] = 1;

  // Where each element's content begins, so that an element's kids are its own content and
  // its children in reading order: a Link or a footnote Reference inside a paragraph stands
  // between the words around it.
  std::vector<Key> first(nodes.size(), kNone);
  for (size_t i = nodes.size(); i-- > 0;) {
    for (const Mcr& m : content.node_content[i]) first[i] = std::min(first[i], Key{m.page, m.mcid});
    if (nodes[i].parent >= 0) {
      Key& up = first[static_cast<size_t>(nodes[i].parent)];
      up = std::min(up, first[i]);
    }
  }
  // A footnote is read right after its mark: a Note takes its Reference's place (the two
  // share the footnote number and the paragraph).
  std::map<std::pair<int, int>, size_t> reference;  // (parent, number) → Reference node
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].role == layout::Role::Reference) reference[{nodes[i].parent, nodes[i].note}] = i;
  std::vector<char> after_reference(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].role != layout::Role::Note) continue;
    auto r = reference.find({nodes[i].parent, nodes[i].note});
    if (r == reference.end() || first[r->second] == kNone) continue;
    first[i] = first[r->second];
    after_reference[i] = 1;
  }

  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!keep[i]) continue;
    t.element_of_node[i] = static_cast<int>(t.elements.size());
    TagElement e;
    e.node = static_cast<int>(i);
    e.parent = nodes[i].parent >= 0 ? t.element_of_node[static_cast<size_t>(nodes[i].parent)] : -1;
    t.elements.push_back(std::move(e));
  }
  std::vector<std::vector<size_t>> children(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i)
    if (keep[i] && nodes[i].parent >= 0)
      children[static_cast<size_t>(nodes[i].parent)].push_back(i);
  for (auto& kids : children)
    std::stable_sort(kids.begin(), kids.end(), [&](size_t a, size_t b) {
      return std::pair{first[a], after_reference[a]} < std::pair{first[b], after_reference[b]};
    });

  // Own content and child elements merged in reading order, then the link annotations.
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!keep[i]) continue;
    TagElement& e = t.elements[static_cast<size_t>(t.element_of_node[i])];
    const auto& own = content.node_content[i];
    const auto& kids = children[i];
    size_t a = 0, b = 0;
    while (a < own.size() || b < kids.size()) {
      const bool take_own =
          b == kids.size() || (a < own.size() && Key{own[a].page, own[a].mcid} < first[kids[b]]);
      if (take_own)
        e.kids.push_back({TagKid::Kind::Content, -1, own[a++]});
      else
        e.kids.push_back({TagKid::Kind::Element, t.element_of_node[kids[b++]], {}});
    }
  }
  for (size_t k = 0; k < links.size(); ++k) {
    const int node = links[k].node;
    if (node < 0 || static_cast<size_t>(node) >= nodes.size() || !keep[static_cast<size_t>(node)])
      continue;
    t.elements[static_cast<size_t>(t.element_of_node[static_cast<size_t>(node)])].kids.push_back(
        {TagKid::Kind::Link, static_cast<int>(k), {}});
  }
  figure_boxes(model, t);
  return t;
}

std::string tag_tree_text(const layout::Pages& model) {
  if (model.nodes.empty()) return "";
  const std::vector<TaggedLink> links = tagged_links(model);
  const TagTree tree = build_tag_tree(model, map_content(model), links);
  std::string out = "tags\n";
  char buf[96];
  // Depth-first in the kids' order: the order a reader reads the tags.
  std::vector<std::pair<int, int>> stack{{0, 1}};  // (element, depth)
  while (!stack.empty()) {
    auto [el, depth] = stack.back();
    stack.pop_back();
    const TagElement& e = tree.elements[static_cast<size_t>(el)];
    const layout::StructNode& n = model.nodes[static_cast<size_t>(e.node)];
    out.append(2 * static_cast<size_t>(depth), ' ');
    out += layout::role_name(n.role);
    out += '#' + std::to_string(e.node);
    if (n.role == layout::Role::TH) out += n.row_header ? " Scope=Row" : " Scope=Column";
    if (n.role == layout::Role::Note) out += " ID=fotnot-" + std::to_string(n.note);
    if (e.has_box) {
      std::snprintf(buf, sizeof buf, " BBox=[%.2f %.2f %.2f %.2f]", static_cast<double>(e.box[0]),
                    static_cast<double>(e.box[1]), static_cast<double>(e.box[2]),
                    static_cast<double>(e.box[3]));
      out += buf;
    }
    if (!n.alt.empty()) out += " Alt=\"" + n.alt + "\"";
    // Content as page:MCID, links as link<k>; child elements follow on their own lines.
    std::vector<int> kids;
    bool mixed = false;  // own content too: show where each child stands among it
    for (const TagKid& k : e.kids) mixed = mixed || k.kind != TagKid::Kind::Element;
    for (const TagKid& k : e.kids) {
      if (k.kind == TagKid::Kind::Element) {
        kids.push_back(k.index);
        if (mixed) out += " *";
      } else if (k.kind == TagKid::Kind::Content) {
        out += " " + std::to_string(k.mc.page + 1) + ":" + std::to_string(k.mc.mcid);
      } else {
        out += " link" + std::to_string(k.index);
      }
    }
    out += '\n';
    for (size_t i = kids.size(); i-- > 0;) stack.push_back({kids[i], depth + 1});
  }
  return out;
}

}  // namespace rv::pdf
