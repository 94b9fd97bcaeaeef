// The pipeline the render and export commands share, as one readable façade:
//
//   YAML files ──load_data_set──▶ GrantYear ──render_template──▶ doc::Document (+ tables)
//              ──layout──▶ layout::Pages ──write_pdf──▶ PDF
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "layout/page.hpp"
#include "model/model.hpp"
#include "outfile/outfile.hpp"
#include "template/template.hpp"

namespace rv::cli {

// A template given as a folder path, or by name from the template search path
// (paths::find_template).
std::string resolve_template(const std::string& name_or_path);

struct Prepared {
  GrantYear year;
  tmpl::Rendered rendered;
};

// "namn=värde" strings → a map; a malformed or repeated one is an error.
std::optional<std::map<std::string, std::string>> parse_parameters(
    const std::vector<std::string>& parameters, Diagnostics& diags);
// Loads the data set, applies its groups' allocation specifications and checks the files
// against each other (stats/consistency.hpp).
std::optional<GrantYear> load_year(const std::vector<std::string>& data, Diagnostics& diags);

// Loads the data and evaluates the template; nullopt when there were errors (in diags).
// `parameters`: "namn=värde" strings from the command line.
std::optional<Prepared> prepare(const std::string& template_name,
                                const std::vector<std::string>& data,
                                const std::vector<std::string>& parameters, Diagnostics& diags);

// The document as one HTML5 file (src/html) at `target`. `pages`: the PDF's layout of the
// same document, which has checked it and gives the page numbers its page references
// (sida()) cite. False with a diagnostic when the file could not be written.
bool write_html(const doc::Document& document, const layout::Pages& pages,
                const outfile::Target& target, Diagnostics& diags);

// The document as an Office Open XML file for Word (src/docx), its charts pictures of the
// PDF's drawing of them (src/raster). As write_html for `pages` and the result.
bool write_docx(const doc::Document& document, const layout::Pages& pages,
                const outfile::Target& target, Diagnostics& diags);

// "pdf", "html" or "docx": the document written in that format at `target`.
bool write_document(const std::string& format, const doc::Document& document,
                    const layout::Pages& pages, const outfile::Target& target, Diagnostics& diags);

}  // namespace rv::cli
