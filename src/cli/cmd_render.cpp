// rapportverk skapa <mall> <data>… -o <fil.pdf>: data + template → PDF.
#include <sys/resource.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "export/export.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "swedish/swedish.hpp"

namespace rv::cli {

namespace {

struct RenderArgs {
  std::string templ;
  std::vector<std::string> data;
  std::vector<std::string> parameters;
  std::string output;
  std::string format = "pdf";
};

// RAPPORTVERK_TIDER=1 prints each stage's wall time to stderr (for bench/ and profiling).
// With the wall time, the process's CPU time and minor page faults so far: on a virtual
// machine a first-touch page fault costs microseconds, and they add up.
class StageTimer {
 public:
  StageTimer() : on_(std::getenv("RAPPORTVERK_TIDER") != nullptr), last_(now()) {}
  void mark(const char* stage) {
    auto t = now();
    if (on_) {
      rusage u{};
      getrusage(RUSAGE_SELF, &u);
      std::cerr << "tid " << stage << ": "
                << std::chrono::duration<double, std::milli>(t - last_).count() << " ms ("
                << "sidfel hittills " << u.ru_minflt << ")\n";
    }
    last_ = t;
  }

 private:
  static std::chrono::steady_clock::time_point now() { return std::chrono::steady_clock::now(); }
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

// The process ends right after a successful write (see the end of run()).
pdf::Options keep_until_exit() {
  pdf::Options o;
  o.free_document = false;
  return o;
}

int run(const RenderArgs& a) {
  // Overlaps reading the hyphenation answers (or patterns) with reading data and template.
  sv::preload_hyphenation(load::cache_dir().value_or(""));
  Diagnostics diags;
  StageTimer timer;
  auto prepared = prepare(a.templ, a.data, a.parameters, diags);
  timer.mark("data och mall");
  if (!prepared) {
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  std::string out = a.output;
  if (out.empty()) {
    std::string name = std::filesystem::path(resolve_template(a.templ)).filename().string();
    out = "output/" + name + (a.format == "pdf" ? ".pdf" : ".txt");
  }
  if (auto parent = std::filesystem::path(out).parent_path(); !parent.empty())
    std::filesystem::create_directories(parent);
  auto pages = layout::layout(prepared->rendered.document, layout::Context{}, diags);
  timer.mark("sidlayout");
  sv::save_hyphenation_store();
  if (!pages || diags.has_errors()) {
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  bool ok = a.format == "spår" ? xport::write_file_atomically(out, pdf::trace(*pages), diags)
                               : pdf::write_pdf(*pages, out, diags, keep_until_exit());
  timer.mark("skriva");
  print_errors_and_warning_count(diags);
  if (!ok || diags.has_errors()) return InternalError;
  std::cout << "Skrev " << out << " (" << pages->pages.size()
            << (pages->pages.size() == 1 ? " sida" : " sidor") << ")" << std::endl;
  // Done: the document, its page model and the data go back to the system with the
  // process, instead of being freed allocation by allocation (a few milliseconds for the
  // national report). Everything written has been flushed and renamed into place.
  std::cerr.flush();
  std::_Exit(Ok);
}

}  // namespace

void add_render(CLI::App& app, Registry& reg) {
  auto args = std::make_shared<RenderArgs>();
  auto* sub = app.add_subcommand("skapa", "Skapa ett dokument (PDF) från en mall och ett dataset");
  sub->alias("render");
  sub->add_option("mall", args->templ, "Mallens namn (i templates/) eller sökväg till en mallmapp")
      ->required();
  sub->add_option("data", args->data, "YAML-filer eller mappar med bidragsårets data")->required();
  sub->add_option(
      "-p,--parameter", args->parameters,
      "Mallparameter namn=värde (syns i mallen som parametrar.namn), t.ex. grupp=kommuner");
  sub->add_option("-o,--utfil", args->output, "PDF-filen att skriva (standard: output/<mall>.pdf)");
  sub->add_option("--format", args->format, "pdf (standard) eller spår (sidmodellen som text)")
      ->check(CLI::IsMember({"pdf", "spår"}));
  reg.push_back({sub, [args] { return run(*args); }});
}

}  // namespace rv::cli
