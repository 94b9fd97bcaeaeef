// Loading and validating a grant-year data set (YAML, Swedish keys; docs/dataformat.md).
//
// Entry point: load_data_set() reads files and folders (a folder is one data set: its
// *.yaml/*.yml files in name order), builds one GrantYear and collects every problem it
// finds as a Diagnostic with file:line:col, instead of stopping at the first.
#pragma once

#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "model/model.hpp"

namespace rv {

struct LoadResult {
  GrantYear data;
  Diagnostics diags;
  bool ok() const { return !diags.has_errors(); }
};

LoadResult load_data_set(const std::vector<std::string>& paths);

// Parses text as if it were the file `name` (for tests and stdin).
LoadResult load_data_text(const std::string& name, const std::string& text);

}  // namespace rv
