// Writers of the page model (src/layout/page.hpp): PDF through libharu, and a readable
// text trace for golden tests.
//
// The PDF writer embeds subset TrueType fonts with a correct ToUnicode map, compresses
// streams on all cores, positions justified words one by one, writes
// document info, /Lang, DisplayDocTitle, an outline from the headings, link annotations
// and — when `tagged` — a structure tree (StructTreeRoot, MCIDs, artifacts) built from the
// page model's structure nodes. Output is byte-identical for identical input: dates come
// from the metadata or SOURCE_DATE_EPOCH, never the clock.
#pragma once

#include <cstdint>
#include <string>

#include "diag/diag.hpp"
#include "layout/page.hpp"
#include "outfile/outfile.hpp"

namespace rv::pdf {

struct Options {
  bool compress = true;
  bool tagged = true;
  // False when the caller ends the process right after writing (the CLI): libharu's
  // thousands of objects, and the painted pages kept for it, then go back to the system
  // with it instead of one by one.
  bool free_document = true;
};

enum class Written : uint8_t {
  Ok,
  OutputFailed,   // the file could not be written (full disk, permissions): the old one stays
  LibraryFailed,  // libharu reported an error while building or saving: an internal fault
};

// Writes the target (checked beforehand with outfile::check_target) whole or not at all:
// the document is saved to memory and written through outfile. libharu errors become
// diagnostics.
Written write_pdf(const layout::Pages& pages, const outfile::Target& target, Diagnostics& diags,
                  const Options& options = {});
// The same for a path: a regular file or one that does not exist yet, in an existing folder.
bool write_pdf(const layout::Pages& pages, const std::string& path, Diagnostics& diags,
               const Options& options = {});

// The page model as text, one item a line:
//   page 2 595.28x841.89
//   text P#14 l3 SerifRegular 11 x=85.00 y=702.35 w=425.28 "sista raden …"
//   rule Artifact x1=85.00 y1=120.00 x2=205.00 y2=120.00 t=0.50
// then the tag tree, one element a line, indented by depth, with its content as
// page:MCID, link<k> for a link annotation, and a * where a child element stands among
// them:
//   tags
//     Document#0
//       P#14 2:0 * 2:2
//         Link#15 2:1 link0
std::string trace(const layout::Pages& pages);

}  // namespace rv::pdf
