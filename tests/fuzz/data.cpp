// Fuzz target: the data-set loader and validation on one YAML file, then the statistics
// every template binds (a data set the loader accepts must never crash the aggregation).
#include "diag/diag.hpp"
#include "fuzz.hpp"
#include "load/load.hpp"
#include "stats/stats.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rv::LoadResult r = rv::load_data_text("fuzz.yaml", rv::fuzz::text(data, size));
  for (const rv::Diagnostic& d : r.diags.all()) static_cast<void>(rv::format_diagnostic(d));
  if (r.ok()) {
    static_cast<void>(rv::stats::summarize(r.data));
    static_cast<void>(rv::stats::summarize_survey(r.data));
  }
  return 0;
}
