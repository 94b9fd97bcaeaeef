// Tagged PDF: the structure tree from the page model's structure nodes.
//
// libharu has no API for it, but its object layer is exported: StructElem dictionaries
// are ordinary indirect dicts, marked content was written while painting (BDC/EMC with
// MCIDs), and the ParentTree maps each page's MCIDs back to their elements.
#include <cstdio>

#include "pdf/internal.hpp"

namespace rv::pdf {

namespace {

HPDF_Dict new_indirect(WriteState& w) {
  HPDF_Dict d = HPDF_Dict_New(w.pdf->mmgr);
  HPDF_Xref_Add(w.pdf->xref, d);
  return d;
}

}  // namespace

void write_structure(WriteState& w) {
  const auto& nodes = w.model->nodes;
  HPDF_MMgr mm = w.pdf->mmgr;
  HPDF_Encoder utf8 = HPDF_GetEncoder(w.pdf, "UTF-8");

  HPDF_Dict root = new_indirect(w);
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");

  // Only nodes that have content somewhere below them become elements.
  std::vector<char> keep(nodes.size(), 0);
  for (size_t i = nodes.size(); i-- > 0;) {
    if (!w.node_content[i].empty()) keep[i] = 1;
    if (keep[i] && nodes[i].parent >= 0) keep[static_cast<size_t>(nodes[i].parent)] = 1;
  }
  keep[0] = 1;

  std::vector<HPDF_Dict> elems(nodes.size(), nullptr);
  std::vector<HPDF_Array> kids(nodes.size(), nullptr);
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (!keep[i]) continue;
    const layout::StructNode& n = nodes[i];
    HPDF_Dict e = new_indirect(w);
    elems[i] = e;
    HPDF_Dict_AddName(e, "Type", "StructElem");
    HPDF_Dict_AddName(e, "S", layout::role_name(n.role));
    HPDF_Dict parent = n.parent >= 0 ? elems[static_cast<size_t>(n.parent)] : root;
    HPDF_Dict_Add(e, "P", parent);
    if (!n.alt.empty()) HPDF_Dict_Add(e, "Alt", HPDF_String_New(mm, n.alt.c_str(), utf8));
    if (n.role == layout::Role::TH) {
      HPDF_Dict attr = HPDF_Dict_New(mm);
      HPDF_Dict_AddName(attr, "O", "Table");
      HPDF_Dict_AddName(attr, "Scope", "Column");
      HPDF_Dict_Add(e, "A", attr);
    }
    if (n.page >= 0 && n.page < static_cast<int>(w.pages.size()))
      HPDF_Dict_Add(e, "Pg", w.pages[static_cast<size_t>(n.page)]);
    kids[i] = HPDF_Array_New(mm);
    HPDF_Dict_Add(e, "K", kids[i]);
    // Content first (marked-content references), then child elements, in reading order.
    for (const Mcr& m : w.node_content[i]) {
      if (m.page == n.page) {  // on the element's own /Pg page a bare MCID suffices
        HPDF_Array_AddNumber(kids[i], m.mcid);
        continue;
      }
      HPDF_Dict mcr = HPDF_Dict_New(mm);
      HPDF_Dict_AddName(mcr, "Type", "MCR");
      HPDF_Dict_Add(mcr, "Pg", w.pages[static_cast<size_t>(m.page)]);
      HPDF_Dict_AddNumber(mcr, "MCID", m.mcid);
      HPDF_Array_Add(kids[i], mcr);
    }
    if (n.parent >= 0) HPDF_Array_Add(kids[static_cast<size_t>(n.parent)], e);
  }
  HPDF_Dict_Add(root, "K", elems[0]);

  // ParentTree: page i (StructParents i) → array of the element of each MCID.
  HPDF_Dict parent_tree = new_indirect(w);
  HPDF_Array nums = HPDF_Array_New(mm);
  HPDF_Dict_Add(parent_tree, "Nums", nums);
  for (size_t p = 0; p < w.pages.size(); ++p) {
    HPDF_Array arr = HPDF_Array_New(mm);
    for (int node : w.page_mcid_nodes[p]) HPDF_Array_Add(arr, elems[static_cast<size_t>(node)]);
    HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
    HPDF_Array_Add(nums, arr);
    HPDF_Dict_AddNumber(w.pages[p], "StructParents", static_cast<HPDF_INT32>(p));
    HPDF_Dict_AddName(w.pages[p], "Tabs", "S");
  }
  HPDF_Dict_Add(root, "ParentTree", parent_tree);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(w.pages.size()));

  HPDF_Dict catalog = w.pdf->catalog;
  HPDF_Dict_Add(catalog, "StructTreeRoot", root);
  HPDF_Dict mark = HPDF_Dict_New(mm);
  HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "MarkInfo", mark);
}

}  // namespace rv::pdf
