// GrantYear + statistics → the template data context (Swedish names; docs/mallar.md).
#pragma once

#include "model/model.hpp"
#include "template/value.hpp"

namespace rv::tmpl {

// Problems found on the way (an invalid allocation specification in the data set) go
// to diags.
Value bind_context(const GrantYear& year, Diagnostics& diags);

}  // namespace rv::tmpl
