// Reading one cell as an amount, a yes/no or a text (internal to src/import).
#pragma once

#include <string>

#include "import/import.hpp"

namespace rv::import {

struct Parsed {
  std::string yaml_value;  // as written in the YAML line; empty: left out
  bool error = false;
};

// The cell's text without spaces at either end.
std::string cell_text(const Cell& c);
// Whole kronor from a number cell or Swedish text ("283 502 kr"); "–" and blank: none.
Parsed parse_amount(const Cell& c, const std::string& heading, Diagnostics& diags);
// ja/nej from ja, nej, x, 1, 0, sant, falskt (and a blank: none).
Parsed parse_yes_no(const Cell& c, const std::string& heading, Diagnostics& diags);

}  // namespace rv::import
