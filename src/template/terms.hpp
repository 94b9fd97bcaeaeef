// The template's list of recurring terms, checked against the rendered document.
#pragma once

#include <vector>

#include "diag/diag.hpp"
#include "doc/doc.hpp"
#include "template/settings.hpp"

namespace rv::tmpl {

// Warns at every other spelling of a listed term in the document's text.
void check_terms(const std::vector<TextTemplate>& terms, const doc::Document& d,
                 Diagnostics& diags);

}  // namespace rv::tmpl
