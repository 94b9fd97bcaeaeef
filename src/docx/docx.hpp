// DOCX: document tree (src/doc) → an Office Open XML word-processing file (ECMA-376) that
// Word and LibreOffice open and the official can edit and file.
//
//   doc::Document ──write_docx──▶ .docx (a zip of XML parts, charts as PNG pictures)
//
// The same tree the PDF is laid out from, so the text and every figure are the PDF's by
// construction. Word lays out the pages itself: what the PDF's page model decided (line
// breaks, page breaks inside the text) is not carried over. What is: named styles
// (headings as Word's built-in "heading 1–3", so the outline and a table of contents work),
// tables with their header row repeated on every page, real footnotes, running heads and
// feet with the memo's Dnr and "Sida x (y)" as page fields, every run in sv-SE so Word
// checks spelling and hyphenates in Swedish, and the document properties.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diag.hpp"
#include "doc/doc.hpp"

namespace rv::docx {

// A chart's picture: PNG bytes and the size to show it at.
struct Picture {
  std::string png;
  double width_pt = 0, height_pt = 0;
};

struct Options {
  // The PDF's page numbers of link targets: the cached results of the table of contents
  // and of page references (sida()), which Word updates when the fields are updated.
  std::map<std::string, std::string> page_of;
  // One picture per chart, in document order (the PDF's drawing of it, src/raster). A
  // chart without one is written as its caption and its alternative text.
  std::vector<Picture> charts;
  // Each table's column widths in points, in document order (layout::Pages::table_columns):
  // the PDF's widths, fitted to the cells. A table without them shares the text width by
  // the tree's relative widths.
  std::vector<std::vector<float>> table_columns;
  // The PDF's page count: a letter's "Sida x (y)" is printed only when it has more pages
  // than one, as in the PDF.
  int pdf_pages = 1;
};

// The whole file. Problems (a link to an id the document lacks) are warnings in `diags`.
std::string write_docx(const doc::Document& document, const Options& options, Diagnostics& diags);

// A zip archive (APPNOTE 6.3, deflate) of `files` in the order given, every entry dated
// `dos_time`/`dos_date` (MS-DOS format) so that the same input gives the same bytes.
struct ZipEntry {
  std::string name, data;
};
std::string zip(const std::vector<ZipEntry>& files, uint16_t dos_time, uint16_t dos_date);

// Text for XML content and double-quoted attributes: & < > " escaped, and the characters
// XML 1.0 cannot hold (C0 controls but tab, line feed and return) dropped.
std::string xml_escape(std::string_view text);

}  // namespace rv::docx
