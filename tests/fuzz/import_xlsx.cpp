// Fuzz target: the XLSX reader (libzip, expat) and the step to recipients' YAML. A broken
// archive, XML or cell must give diagnostics, never a crash or unbounded memory.
#include "diag/diag.hpp"
#include "fuzz.hpp"
#include "import/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rv::Diagnostics diags;
  auto sheet = rv::import::read_xlsx("fuzz.xlsx", rv::fuzz::text(data, size), "", diags);
  if (sheet) {
    rv::import::Options opt;
    opt.group = "kommuner";
    opt.source_label = "fuzz.xlsx";
    static_cast<void>(rv::import::to_recipients_yaml(*sheet, opt, diags));
  }
  for (const rv::Diagnostic& d : diags.all()) static_cast<void>(rv::format_diagnostic(d));
  return 0;
}
