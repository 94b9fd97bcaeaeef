// Fuzz target: the CSV reader and the step to recipients' YAML (which also runs the data
// set's validation on what it made). Any bytes must give a sheet or diagnostics, never a
// crash.
#include "diag/diag.hpp"
#include "fuzz.hpp"
#include "import/import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rv::Diagnostics diags;
  auto sheet = rv::import::read_csv("fuzz.csv", rv::fuzz::text(data, size), diags);
  if (sheet) {
    rv::import::Options opt;
    opt.group = "kommuner";
    opt.source_label = "fuzz.csv";
    opt.check_names = size % 2 == 0;
    opt.known_names = {"Ale kommun", "Bjuvs kommun"};
    static_cast<void>(rv::import::to_recipients_yaml(*sheet, opt, diags));
  }
  for (const rv::Diagnostic& d : diags.all()) static_cast<void>(rv::format_diagnostic(d));
  return 0;
}
