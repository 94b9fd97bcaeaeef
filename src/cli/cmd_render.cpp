// rapportverk skapa <mall> <data>… -o <fil.pdf>: data + template → PDF.
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/batch_run.hpp"
#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "cli/watch.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "outfile/outfile.hpp"
#include "pdf/pdf.hpp"
#include "swedish/swedish.hpp"

namespace rv::cli {

namespace {

struct RenderArgs {
  std::string templ;
  std::vector<std::string> data;
  std::vector<std::string> parameters;
  std::string output;
  std::string format;  // pdf | html | docx | spår; empty: from -o's extension, else pdf
  bool per_recipient = false;
  std::string condition;  // --urval
  std::string combined;   // --samlad
  std::string pdfa;       // --pdfa: overrides the template's pdfa: setting
  bool watch = false;     // --bevaka
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

// -o, or output/<mall>.pdf.
std::string output_path(const RenderArgs& a, const std::string& format) {
  if (!a.output.empty()) return a.output;
  std::string name = std::filesystem::path(resolve_template(a.templ)).filename().string();
  return "output/" + name +
         (format == "pdf"    ? ".pdf"
          : format == "html" ? ".html"
          : format == "docx" ? ".docx"
                             : ".txt");
}

// A template that speaks of `mottagare` (a letter) run without --per-mottagare: say
// how to run it, once, instead of leaving only a list of unknown variables.
void hint_per_recipient(Diagnostics& diags) {
  for (const auto& d : diags.all())
    if (d.message.starts_with("okänd variabel 'mottagare'")) {
      diags.error(Span{},
                  "mallen skriver ett dokument per mottagare: kör den med "
                  "--per-mottagare -o <mapp> (docs/brev.md)");
      return;
    }
}

int run(const RenderArgs& args);

// --bevaka: the same command again in a fresh child process after every change to the
// template's folder or the data (cli/watch.hpp).
int run_watching(const RenderArgs& args) {
  if (args.output == "-") {
    std::cerr << "rapportverk: fel: --bevaka skriver om en fil: ange den med -o fil.pdf\n";
    return InvalidInput;
  }
  std::vector<std::string> watched{resolve_template(args.templ)};
  watched.insert(watched.end(), args.data.begin(), args.data.end());
  RenderArgs once = args;
  once.watch = false;
  const std::string output = args.per_recipient
                                 ? args.output
                                 : output_path(args, args.format.empty() ? "pdf" : args.format);
  return watch_and_render(watched, output, [once] { return run(once); });
}

int run(const RenderArgs& args) {
  Diagnostics diags;
  if (args.watch) return run_watching(args);
  if (args.per_recipient)
    return run_batch(BatchArgs{args.templ, args.data, args.parameters, args.condition, args.output,
                               args.combined, args.pdfa, args.format});
  if (!args.condition.empty() || !args.combined.empty()) {
    diags.error(Span{}, std::string(args.condition.empty() ? "--samlad" : "--urval") +
                            " gäller bara med --per-mottagare");
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  RenderArgs a = args;
  a.format = output_format(a.output, args.format,
                           {{".pdf", "pdf", "PDF"},
                            {".html", "html", "HTML"},
                            {".htm", "html", "HTML"},
                            {".docx", "docx", "DOCX"},
                            {".txt", "spår", "sidmodellen som text"},
                            {".spår", "spår", "sidmodellen som text"}},
                           "pdf", "skapa", diags);
  // The output is checked first: a device, a folder or an unwritable place costs no render.
  std::optional<outfile::Target> target;
  if (!a.format.empty())
    target = outfile::check_target(output_path(a, a.format), diags, /*create_folder=*/true);
  if (target && target->to_stdout && a.format == "pdf" && isatty(STDOUT_FILENO)) {
    diags.error(Span{},
                "standard ut är en terminal; skriv PDF:en till en fil med -o fil.pdf "
                "eller omdirigera den (-o - > fil.pdf)");
    target.reset();
  }
  if (!target) {
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  // Overlaps reading the hyphenation answers (or patterns) with reading data and template.
  sv::preload_hyphenation(load::cache_dir().value_or(""));
  StageTimer timer;
  auto prepared = prepare(a.templ, a.data, a.parameters, diags);
  timer.mark("data och mall");
  if (!prepared) {
    hint_per_recipient(diags);
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  auto pages = layout::layout(prepared->rendered.document, layout::Context{}, diags);
  timer.mark("sidlayout");
  sv::save_hyphenation_store();
  if (!pages || diags.has_errors()) {
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  if (auto part = doc::parse_pdfa(a.pdfa)) pages->meta.pdfa = *part;
  pdf::Written written = pdf::Written::Ok;
  if (a.format == "html" || a.format == "docx")
    written = write_document(a.format, prepared->rendered.document, *pages, *target, diags)
                  ? pdf::Written::Ok
                  : pdf::Written::OutputFailed;
  else if (a.format == "spår")
    written = outfile::write(*target, pdf::trace(*pages), diags) ? pdf::Written::Ok
                                                                 : pdf::Written::OutputFailed;
  else
    written = pdf::write_pdf(*pages, *target, diags, keep_until_exit());
  timer.mark("skriva");
  print_errors_and_warning_count(diags);
  // A file that cannot be written is the user's to fix (disk, permissions): 2, like input.
  if (written == pdf::Written::LibraryFailed) return InternalError;
  if (written == pdf::Written::OutputFailed || diags.has_errors()) return InvalidInput;
  // With -o - the document is standard output: the receipt goes to stderr.
  (target->to_stdout ? std::cerr : std::cout)
      << "Skrev " << target->shown << " ("
      << (a.format == "html"   ? std::string("en webbsida")
          : a.format == "docx" ? std::string("ett Word-dokument")
                               : std::to_string(pages->pages.size()) +
                                     (pages->pages.size() == 1 ? " sida" : " sidor"))
      << ")" << std::endl;
  // Done: the document, its page model and the data go back to the system with the
  // process, instead of being freed allocation by allocation (a few milliseconds for the
  // national report). Everything written has been renamed into place (outfile writes
  // with system calls: nothing waits in a buffer).
  std::cerr.flush();
  std::_Exit(Ok);
}

}  // namespace

void add_render(CLI::App& app, Registry& reg) {
  auto args = std::make_shared<RenderArgs>();
  auto* sub = app.add_subcommand(
      "skapa", "Skapa ett dokument (PDF, HTML eller DOCX) från en mall och ett dataset");
  sub->alias("render");
  sub->add_option("mall", args->templ,
                  "Mallens namn (se 'rapportverk mallar') eller sökväg till en mallmapp")
      ->required();
  sub->add_option("data", args->data, "YAML-filer eller mappar med bidragsårets data")->required();
  sub->add_option(
      "-p,--parameter", args->parameters,
      "Mallparameter namn=värde (syns i mallen som parametrar.namn), t.ex. grupp=kommuner");
  sub->add_option("-o,--utfil", args->output,
                  "Filen att skriva: .pdf, .html (en webbsida), .docx (Word) eller .txt för "
                  "sidmodellen (standard: "
                  "output/<mall>.pdf); - skriver till standard ut");
  sub->add_option("--format", args->format,
                  "pdf, html, docx eller spår (sidmodellen som text); standard: utfilens ändelse, "
                  "annars pdf")
      ->check(CLI::IsMember({"pdf", "html", "docx", "spår"}));
  sub->add_flag("--per-mottagare", args->per_recipient,
                "Ett dokument per mottagare (ett bidrag) i mappen som -o anger, och en "
                "förteckning.csv (se docs/brev.md); --format html ger webbsidor, --format docx "
                "Word-dokument");
  sub->add_option("--urval", args->condition,
                  "Vilka mottagare med --per-mottagare, t.ex. \"oförbrukat > 0\" eller "
                  "\"grupp = kommuner and not vill_ha_mer\"");
  sub->add_option("--samlad", args->combined,
                  "Med --per-mottagare: skriv också alla dokument i en PDF, med ett bokmärke "
                  "per mottagare");
  sub->add_option("--pdfa", args->pdfa,
                  "Arkivformatet som PDF:en uppfyller: 2a (standard), 1a, 2b eller av; "
                  "ersätter mallens inställning pdfa (se docs/typografi.md)")
      ->check(CLI::IsMember({"1a", "2a", "2b", "av"}));
  sub->add_flag("--bevaka", args->watch,
                "Skapa dokumentet, och sedan på nytt varje gång mallen, dess inställningar "
                "eller data ändras; vid fel ligger den senaste felfria filen kvar "
                "(Ctrl-C avslutar)");
  reg.push_back({sub, [args] { return run(*args); }});
}

}  // namespace rv::cli
