// The data context the template targets evaluate against: the bundled example data set,
// loaded once without the cache (a fuzz run must not depend on, or fill, a cache folder).
#pragma once

#include <cstdlib>

#include "load/load.hpp"
#include "template/bind.hpp"

namespace rv::fuzz {

inline const tmpl::Value& example_context() {
  static const tmpl::Value context = [] {
    setenv("RAPPORTVERK_CACHE", "0", 1);
    LoadResult r = load_data_set({std::string(RV_SOURCE_DIR) + "/data/exempel"});
    if (!r.ok()) std::abort();  // the bundled example must load; anything else is a bug
    Diagnostics diags;
    return tmpl::bind_context(r.data, diags);
  }();
  return context;
}

}  // namespace rv::fuzz
