// Template parameters from the command line, checked against mall.yaml's `parametrar:`.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "diag/diag.hpp"
#include "model/model.hpp"
#include "template/settings.hpp"
#include "template/value.hpp"

namespace rv::tmpl {

// The value of `parametrar` in the template's context: every given parameter checked
// (unknown names and values are errors with a suggestion), declared defaults filled in.
std::optional<Map> bind_parameters(const TemplateSettings& s, const GrantYear& year,
                                   const std::map<std::string, std::string>& given,
                                   Diagnostics& diags);

}  // namespace rv::tmpl
