// Internal to the PDF writer: shared state of one write.
#pragma once

#include <hpdf.h>

#include <array>
#include <set>
#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "layout/page.hpp"

namespace rv::pdf {

// A marked-content reference: node content with this MCID on this page.
struct Mcr {
  int page;
  int mcid;
};

struct WriteState {
  HPDF_Doc pdf = nullptr;
  Diagnostics* diags = nullptr;
  int errors = 0;
  const layout::Pages* model = nullptr;
  std::vector<HPDF_Page> pages;
  std::array<HPDF_Font, layout::kFontCount> fonts{};
  std::array<std::vector<bool>, layout::kFontCount> used_bits;  // code points per font
  std::array<std::vector<char32_t>, layout::kFontCount> used;   // the same, ascending
  std::array<std::vector<int>, layout::kFontCount> widths;      // glyph width cache
  std::vector<std::vector<Mcr>> node_content;                   // per structure node
  std::vector<std::vector<int>> page_mcid_nodes;                // per page: node of each MCID
};

// info.cpp: document info, catalog entries, outline, link annotations.
void write_info(WriteState& w);
void write_outline(WriteState& w);
void write_links(WriteState& w);
// structure.cpp: StructTreeRoot, ParentTree, MarkInfo.
void write_structure(WriteState& w);
// tounicode.cpp
std::string tounicode_cmap(const std::vector<char32_t>& codes);

}  // namespace rv::pdf
