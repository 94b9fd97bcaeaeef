// Layout: document tree (src/doc) → page model (page.hpp).
//
//   doc::Document ──build flow──▶ vertical boxes (lines, rows, charts, glue)
//                 ──paginate───▶ pages with footnotes, repeated table headers
//                 ──finalize───▶ running headers/footers, TOC page numbers, links
//
// Paragraphs are broken into lines with Knuth–Plass total-fit line breaking over Swedish
// hyphenation points and line-break opportunities (rv::sv). Text is measured with the
// TrueType metrics of the fonts in `fonts/`, the same files the PDF writer embeds.
#pragma once

#include <optional>
#include <string>

#include "diag/diag.hpp"
#include "doc/doc.hpp"
#include "layout/page.hpp"

namespace rv::layout {

// Side effects enter here: where the fonts are.
struct Context {
  std::string fonts_dir;  // empty: default_fonts_dir()
};

// $RAPPORTVERK_FONTS if set, else the bundled fonts (paths::fonts_dir()).
std::string default_fonts_dir();

// What a chart says, as the PDF draws and tags it (chart.cpp); the web page and the Word
// file say the same. A bar's printed value: its value_label, "–" when missing, else the
// rounded percent.
std::string bar_value_label(const doc::Bar& bar);
// The chart's alternative text: its alt_text, else its label, caption and every value.
std::string chart_alt_text(const doc::BarChart& c);
// The axis ticks: the chart's own (a computed axis), else 0, step, …, 100 % of the fixed scale.
std::vector<doc::Tick> chart_ticks(const doc::BarChart& c);

// Lays out the whole document. Problems (missing fonts, unknown link targets or page
// styles, over-wide content) become diagnostics pointing at the node's span. Returns
// nothing only when no usable page model could be made (e.g. fonts missing).
std::optional<Pages> layout(const doc::Document& document, const Context& context,
                            Diagnostics& diags);

}  // namespace rv::layout
