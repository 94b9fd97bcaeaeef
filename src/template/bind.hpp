// GrantYear + statistics → the template data context (Swedish names; docs/mallar.md).
#pragma once

#include "model/model.hpp"
#include "template/expand.hpp"
#include "template/value.hpp"

namespace rv::tmpl {

// Problems found on the way (an invalid allocation specification in the data set) go
// to diags.
Value bind_context(const GrantYear& year, Diagnostics& diags);

// Where each field of the context that the data set writes belongs in the data set (the
// `dokument:` section for dokument.rådsdatum, the group for grupper.<id>.tillgängligt);
// nothing for computed figures. `year` must outlive the result.
DataPositions data_positions(const GrantYear& year);

}  // namespace rv::tmpl
