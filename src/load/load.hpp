// Loading and validating a grant-year data set (YAML, Swedish keys; docs/dataformat.md).
//
// Entry point: load_data_set() reads files and folders (a folder is one data set: its
// *.yaml/*.yml files in name order), builds one GrantYear and collects every problem it
// finds as a Diagnostic with file:line:col, instead of stopping at the first.
#pragma once

#include <optional>
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

namespace load {
// The folder for rapportverk's caches (checked data sets, template settings, hyphenation):
// $RAPPORTVERK_CACHE (a folder; "0" or "av" turns caching off), else
// $XDG_CACHE_HOME/rapportverk, else ~/.cache/rapportverk. Nothing when caching is off.
std::optional<std::string> cache_dir();
// The whole file at `path` into `out`, in one read of its known size (a stream copied
// through a stringstream cost two copies and a page fault per new page of each).
// False when it cannot be opened or read.
bool read_file(const std::string& path, std::string& out);
}  // namespace load

}  // namespace rv
