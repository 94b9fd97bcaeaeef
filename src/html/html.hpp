// HTML: document tree (src/doc) → one self-contained, accessible HTML5 file.
//
//   doc::Document ──write_html──▶ <!DOCTYPE html> … (stylesheet and fonts inside, no scripts)
//
// The same tree the PDF is laid out from, so the text and every figure are the PDF's by
// construction. What belongs to pages (running heads, "Sida x (y)", page breaks, spacers)
// is left out; a memo's header block becomes a definition list, a letter's letterhead a
// header, footnotes numbered notes at the end with links both ways, a table of contents a
// <nav>, and each chart inline SVG (with <title> and <desc>) followed by its data as a
// table. No-break spaces stay U+00A0 and soft hyphens U+00AD: a browser breaks lines
// itself, so no line-break hyphen of the PDF can reach the HTML.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "diag/diag.hpp"
#include "doc/doc.hpp"

namespace rv::html {

struct Options {
  // The bundled TrueType fonts (layout::default_fonts_dir()): embedded as subsets of the
  // characters the document uses. Empty, or a face that cannot be read: the stylesheet
  // falls back to the system's Liberation/Times/Arial font stack.
  std::string fonts_dir;
  // The PDF's page numbers of link targets, for the page references (sida()) the text
  // cites: "på sidan 7" stays the PDF's wording and links to the target. Id → "7".
  std::map<std::string, std::string> page_of;
};

// The whole file. Problems (a link to an id the document lacks) are warnings in `diags`.
std::string write_html(const doc::Document& document, const Options& options, Diagnostics& diags);

// Text escaped for HTML content and quoted attribute values (doc::escape_markup).
std::string escape(std::string_view text);

}  // namespace rv::html
