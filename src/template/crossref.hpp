// Cross-references in the body text (issue 16): `{{ ref("storlek") }}` prints a table's,
// chart's or heading's number ("tabell 3", "diagram 2", ”Rubrik”), `{{ sida("storlek") }}`
// the page it begins on; both link to it.
#pragma once

#include <vector>

#include "doc/doc.hpp"
#include "template/expand.hpp"

namespace rv::tmpl {

// Resolves the placeholders the expansion left in `blocks` once the whole document is
// built, so that a reference may come before its target: ref() becomes linked text,
// sida() a PageRef inline that layout fills in. A name that no table, chart or heading
// ({#namn}) in the document has, a table without a number, a name used twice and a
// reference that is not written straight into {{ }} are errors at the reference.
void resolve_cross_references(std::vector<doc::Block>& blocks, const Expansion& ex,
                              Diagnostics& diags);

}  // namespace rv::tmpl
