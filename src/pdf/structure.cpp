// Tagged PDF: the structure tree from the page model's structure nodes.
//
// libharu has no API for it. Marked content was written while painting (BDC/EMC with
// MCIDs); here every structure element becomes an indirect object whose entries we write
// as text (raw dictionaries, see internal.hpp), and the ParentTree maps each page's
// MCIDs back to their elements.
#include <algorithm>
#include <cstdio>
#include <map>

#include "pdf/internal.hpp"

namespace rv::pdf {

void write_structure(WriteState& w) {
  const auto& nodes = w.model->nodes;
  HPDF_Dict root = new_raw_dict(w);

  // Only nodes that have content somewhere below them become elements.
  std::vector<char> keep(nodes.size(), 0);
  for (size_t i = nodes.size(); i-- > 0;) {
    if (!w.node_content[i].empty()) keep[i] = 1;
    if (keep[i] && nodes[i].parent >= 0) keep[static_cast<size_t>(nodes[i].parent)] = 1;
  }
  keep[0] = 1;

  // Where each element's content begins (page, MCID), so that an element's K lists its
  // own content and its children in reading order: a Link or a footnote Reference inside
  // a paragraph stands between the words around it.
  using Key = std::pair<int, int>;
  constexpr Key kNone{1 << 30, 0};
  std::vector<Key> first(nodes.size(), kNone);
  for (size_t i = nodes.size(); i-- > 0;) {
    for (const Mcr& m : w.node_content[i]) first[i] = std::min(first[i], Key{m.page, m.mcid});
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
  // Link annotations of each element (OBJR) and their /StructParent keys, after the pages'.
  std::vector<std::vector<size_t>> annots_of(nodes.size());
  for (size_t k = 0; k < w.link_annots.size(); ++k) {
    const auto& la = w.link_annots[k];
    if (la.node >= 0 && static_cast<size_t>(la.node) < nodes.size() &&
        keep[static_cast<size_t>(la.node)])
      annots_of[static_cast<size_t>(la.node)].push_back(k);
  }

  // A Figure's bounding box on its page (PDF/UA: the Layout attribute BBox), from what it
  // draws there: bars, rules and labels.
  struct Box {
    float x1 = 1e9f, y1 = 1e9f, x2 = -1e9f, y2 = -1e9f;
    void add(float ax, float ay, float bx, float by) {
      x1 = std::min({x1, ax, bx}), y1 = std::min({y1, ay, by});
      x2 = std::max({x2, ax, bx}), y2 = std::max({y2, ay, by});
    }
  };
  std::map<size_t, Box> figure_box;
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].role == layout::Role::Figure && nodes[i].page >= 0) figure_box[i];
  if (!figure_box.empty())
    for (size_t p = 0; p < w.model->pages.size(); ++p)
      for (const layout::Item& it : w.model->pages[p].items) {
        int node = std::visit([](const auto& v) { return v.node; }, it);
        // The labels and bars may be nodes below the Figure: find it.
        while (node >= 0 && nodes[static_cast<size_t>(node)].role != layout::Role::Figure)
          node = nodes[static_cast<size_t>(node)].parent;
        if (node < 0 || nodes[static_cast<size_t>(node)].page != static_cast<int>(p)) continue;
        Box& b = figure_box[static_cast<size_t>(node)];
        if (const auto* t = std::get_if<layout::TextRun>(&it))
          b.add(t->x, t->y - 0.25f * t->size, t->x + t->width, t->y + 0.8f * t->size);
        else if (const auto* r = std::get_if<layout::RuleItem>(&it))
          b.add(r->x1, r->y1, r->x2, r->y2);
        else if (const auto* q = std::get_if<layout::RectItem>(&it))
          b.add(q->x, q->y, q->x + q->w, q->y + q->h);
      }

  // Objects first (their numbers are needed in each other's entries), then the entries.
  std::vector<HPDF_Dict> elems(nodes.size(), nullptr);
  std::vector<std::vector<size_t>> children(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!keep[i]) continue;
    elems[i] = new_raw_dict(w);
    if (nodes[i].parent >= 0) children[static_cast<size_t>(nodes[i].parent)].push_back(i);
  }
  for (auto& kids : children)
    std::stable_sort(kids.begin(), kids.end(), [&](size_t a, size_t b) {
      return std::pair{first[a], after_reference[a]} < std::pair{first[b], after_reference[b]};
    });
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!keep[i]) continue;
    const layout::StructNode& n = nodes[i];
    std::string& s = raw_text(elems[i]);
    s.reserve(96);
    s += "/Type /StructElem\n/S /";
    s += layout::role_name(n.role);
    s += "\n/P ";
    put_ref(s, n.parent >= 0 ? elems[static_cast<size_t>(n.parent)] : root);
    if (!n.alt.empty()) {
      s += "\n/Alt ";
      put_text_string(s, n.alt);
    }
    if (n.role == layout::Role::Note) {  // PDF/UA: every Note has a unique ID
      s += "\n/ID (fotnot-";
      put_int(s, n.note);
      s += ")";
    }
    if (auto box = figure_box.find(i);
        box != figure_box.end() && box->second.x2 >= box->second.x1) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "\n/A << /O /Layout /BBox [ %.2f %.2f %.2f %.2f ] >>",
                    box->second.x1, box->second.y1, box->second.x2, box->second.y2);
      s += buf;
    }
    if (n.role == layout::Role::TH)
      s +=
          n.row_header ? "\n/A << /O /Table /Scope /Row >>" : "\n/A << /O /Table /Scope /Column >>";
    const bool has_page = n.page >= 0 && n.page < static_cast<int>(w.pages.size());
    if (has_page) {
      s += "\n/Pg ";
      put_ref(s, w.pages[static_cast<size_t>(n.page)]);
    }
    // Own content (marked-content references) and child elements merged in reading order,
    // then the element's link annotations.
    s += "\n/K [";
    const auto& own = w.node_content[i];
    const auto& kids = children[i];
    size_t a = 0, b = 0;
    while (a < own.size() || b < kids.size()) {
      s += ' ';
      const bool take_own =
          b == kids.size() || (a < own.size() && Key{own[a].page, own[a].mcid} < first[kids[b]]);
      if (!take_own) {
        put_ref(s, elems[kids[b++]]);
        continue;
      }
      const Mcr& m = own[a++];
      if (has_page && m.page == n.page) {  // on the element's own /Pg page a bare MCID does
        put_int(s, m.mcid);
        continue;
      }
      s += "<< /Type /MCR /Pg ";
      put_ref(s, w.pages[static_cast<size_t>(m.page)]);
      s += " /MCID ";
      put_int(s, m.mcid);
      s += " >>";
    }
    for (size_t k : annots_of[i]) {
      const auto& la = w.link_annots[k];
      s += " << /Type /OBJR /Obj ";
      put_ref(s, la.annot);
      s += " /Pg ";
      put_ref(s, w.pages[static_cast<size_t>(la.page)]);
      s += " >>";
      HPDF_Dict_AddNumber(la.annot, "StructParent", static_cast<HPDF_INT32>(w.pages.size() + k));
    }
    s += " ]\n";
  }

  // ParentTree: page i (StructParents i) → array of the element of each MCID.
  HPDF_Dict parent_tree = new_raw_dict(w);
  std::string& pt = raw_text(parent_tree);
  pt += "/Nums [";
  for (size_t p = 0; p < w.pages.size(); ++p) {
    pt += ' ';
    put_int(pt, static_cast<long long>(p));
    pt += " [";
    for (int node : w.page_mcid_nodes[p]) {
      pt += ' ';
      put_ref(pt, elems[static_cast<size_t>(node)]);
    }
    pt += " ]";
    HPDF_Dict_AddNumber(w.pages[p], "StructParents", static_cast<HPDF_INT32>(p));
    HPDF_Dict_AddName(w.pages[p], "Tabs", "S");
  }
  // Each link annotation's key (after the pages') → its Link element, in key order.
  for (size_t k = 0; k < w.link_annots.size(); ++k) {
    const int node = w.link_annots[k].node;
    if (node < 0 || static_cast<size_t>(node) >= nodes.size() || !keep[static_cast<size_t>(node)])
      continue;
    pt += ' ';
    put_int(pt, static_cast<long long>(w.pages.size() + k));
    pt += ' ';
    put_ref(pt, elems[static_cast<size_t>(node)]);
  }
  pt += " ]\n";

  std::string& r = raw_text(root);
  r += "/Type /StructTreeRoot\n/K ";
  put_ref(r, elems[0]);
  r += "\n/ParentTree ";
  put_ref(r, parent_tree);
  r += "\n/ParentTreeNextKey ";
  put_int(r, static_cast<long long>(w.pages.size() + w.link_annots.size()));
  r += '\n';

  HPDF_Dict catalog = w.pdf->catalog;
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark = HPDF_Dict_New(w.pdf->mmgr);
  HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "MarkInfo", mark);
}

}  // namespace rv::pdf
