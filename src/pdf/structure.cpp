// Tagged PDF: the tag tree (tag_tree.cpp) written as PDF objects.
//
// libharu has no API for it. Marked content was written while painting (BDC/EMC with
// MCIDs, numbered by marked_content()); here every element becomes an indirect object
// whose entries we write as text (raw dictionaries, see internal.hpp), and the ParentTree
// maps each page's MCIDs, and each link annotation, back to their elements.
#include <cstdio>

#include "pdf/internal.hpp"

namespace rv::pdf {

void write_structure(WriteState& w) {
  const auto& nodes = w.model->nodes;
  if (nodes.empty()) return;
  const TagTree tree = build_tag_tree(*w.model, w.content, w.links);
  HPDF_Dict root = new_raw_dict(w);

  // Objects first (their numbers are needed in each other's entries), then the entries.
  std::vector<HPDF_Dict> elems(tree.elements.size(), nullptr);
  for (HPDF_Dict& e : elems) e = new_raw_dict(w);
  for (size_t i = 0; i < tree.elements.size(); ++i) {
    const TagElement& e = tree.elements[i];
    const layout::StructNode& n = nodes[static_cast<size_t>(e.node)];
    std::string& s = raw_text(elems[i]);
    s.reserve(96);
    s += "/Type /StructElem\n/S /";
    s += layout::role_name(n.role);
    s += "\n/P ";
    put_ref(s, e.parent >= 0 ? elems[static_cast<size_t>(e.parent)] : root);
    if (!n.alt.empty()) {
      s += "\n/Alt ";
      put_text_string(s, n.alt);
    }
    if (n.role == layout::Role::Note) {  // PDF/UA: every Note has a unique ID
      s += "\n/ID (fotnot-";
      put_int(s, n.note);
      s += ")";
    }
    if (e.has_box) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "\n/A << /O /Layout /BBox [ %.2f %.2f %.2f %.2f ] >>",
                    static_cast<double>(e.box[0]), static_cast<double>(e.box[1]),
                    static_cast<double>(e.box[2]), static_cast<double>(e.box[3]));
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
    s += "\n/K [";
    for (const TagKid& k : e.kids) {
      s += ' ';
      if (k.kind == TagKid::Kind::Element) {
        put_ref(s, elems[static_cast<size_t>(k.index)]);
      } else if (k.kind == TagKid::Kind::Content) {
        if (has_page && k.mc.page == n.page) {  // on the element's own /Pg page a bare MCID
          put_int(s, k.mc.mcid);
          continue;
        }
        s += "<< /Type /MCR /Pg ";
        put_ref(s, w.pages[static_cast<size_t>(k.mc.page)]);
        s += " /MCID ";
        put_int(s, k.mc.mcid);
        s += " >>";
      } else {
        HPDF_Annotation annot = w.link_annots[static_cast<size_t>(k.index)];
        if (!annot) continue;
        s += "<< /Type /OBJR /Obj ";
        put_ref(s, annot);
        s += " /Pg ";
        put_ref(s, w.pages[static_cast<size_t>(w.links[static_cast<size_t>(k.index)].page)]);
        s += " >>";
        HPDF_Dict_AddNumber(annot, "StructParent",
                            static_cast<HPDF_INT32>(w.pages.size() + static_cast<size_t>(k.index)));
      }
    }
    s += " ]\n";
  }

  // ParentTree: page i (StructParents i) → array of the element of each MCID.
  auto element = [&](int node) {
    return elems[static_cast<size_t>(tree.element_of_node[static_cast<size_t>(node)])];
  };
  HPDF_Dict parent_tree = new_raw_dict(w);
  std::string& pt = raw_text(parent_tree);
  pt += "/Nums [";
  for (size_t p = 0; p < w.pages.size(); ++p) {
    pt += ' ';
    put_int(pt, static_cast<long long>(p));
    pt += " [";
    for (int node : w.content.page_mcid_nodes[p]) {
      pt += ' ';
      put_ref(pt, element(node));
    }
    pt += " ]";
    HPDF_Dict_AddNumber(w.pages[p], "StructParents", static_cast<HPDF_INT32>(p));
    HPDF_Dict_AddName(w.pages[p], "Tabs", "S");
  }
  // Each link annotation's key (after the pages') → its Link element, in key order.
  for (size_t k = 0; k < w.links.size(); ++k) {
    const int node = w.links[k].node;
    if (!w.link_annots[k] || tree.element_of_node[static_cast<size_t>(node)] < 0) continue;
    pt += ' ';
    put_int(pt, static_cast<long long>(w.pages.size() + k));
    pt += ' ';
    put_ref(pt, element(node));
  }
  pt += " ]\n";

  std::string& r = raw_text(root);
  r += "/Type /StructTreeRoot\n/K ";
  put_ref(r, elems[0]);
  r += "\n/ParentTree ";
  put_ref(r, parent_tree);
  r += "\n/ParentTreeNextKey ";
  put_int(r, static_cast<long long>(w.pages.size() + w.links.size()));
  r += '\n';

  HPDF_Dict_Add(catalog(w), "StructTreeRoot", root);
  HPDF_Dict mark = new_dict(w);
  HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(catalog(w), "MarkInfo", mark);
}

}  // namespace rv::pdf
