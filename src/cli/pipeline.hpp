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
#include "model/model.hpp"
#include "template/template.hpp"

namespace rv::cli {

// A template given as a folder path, or by name from the bundled templates/.
std::string resolve_template(const std::string& name_or_path);

// "namn=värde" strings from the command line (-p) as a map; nullopt after an error.
std::optional<std::map<std::string, std::string>> parse_parameters(
    const std::vector<std::string>& parameters, Diagnostics& diags);

struct Prepared {
  GrantYear year;
  tmpl::Rendered rendered;
};

// Loads the data and evaluates the template; nullopt when there were errors (in diags).
// `parameters`: "namn=värde" strings from the command line.
std::optional<Prepared> prepare(const std::string& template_name,
                                const std::vector<std::string>& data,
                                const std::vector<std::string>& parameters, Diagnostics& diags);

}  // namespace rv::cli
