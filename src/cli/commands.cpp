#include "cli/commands.hpp"

#include <cerrno>
#include <filesystem>
#include <iostream>
#include <new>

#include "outfile/outfile.hpp"

namespace rv::cli {

namespace {
bool json_output = false;

Registry& registry() {
  static Registry reg;
  return reg;
}

// "<sökväg>: för många nivåer av symboliska länkar" instead of libstdc++'s English.
std::string filesystem_problem(const std::filesystem::filesystem_error& e) {
  std::string where = e.path1().string();
  if (!e.path2().empty()) where += " → " + e.path2().string();
  return (where.empty() ? std::string() : where + ": ") + outfile::error_text(e.code());
}
// The tables and reports the commands print: a full disk or a closed pipe behind standard
// output must not pass for success.
int checked_stdout() {
  errno = 0;
  std::cout.flush();
  if (std::cout) return Ok;
  const int err = errno;
  std::cerr << "rapportverk: fel: kan inte skriva till standard ut"
            << (err ? ": " + outfile::errno_text(err) : std::string()) << "\n";
  return InvalidInput;
}
}  // namespace

void register_commands(CLI::App& app) {
  add_check(app, registry());
  add_stats(app, registry());
  add_allocate(app, registry());
  add_render(app, registry());
  add_export(app, registry());
  add_import(app, registry());
  add_init(app, registry());
  add_templates(app, registry());
  add_help(app, registry());
}

int run_guarded(const std::function<int()>& command) {
  try {
    const int code = command();
    return code == Ok ? checked_stdout() : code;
  } catch (const std::filesystem::filesystem_error& e) {
    // A file or folder the user named that cannot be examined: their problem to fix.
    if (json_output)
      print_diagnostic({Severity::Error, Span{e.path1().string()}, outfile::error_text(e.code())});
    else
      std::cerr << "rapportverk: fel: " << filesystem_problem(e) << "\n";
    return InvalidInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "rapportverk: fel: minnet räckte inte till\n";
    return InvalidInput;
  } catch (const std::exception& e) {
    std::cerr << "rapportverk: internt fel: " << e.what() << "\n";
    return InternalError;
  }
}

int run_selected(CLI::App&) {
  for (auto& c : registry())
    if (c.app->parsed()) return run_guarded(c.run);
  return InternalError;
}

std::string translate_parse_error(const CLI::ParseError& e) {
  std::string what = e.what();
  // CLI11 speaks English; translate the messages a user meets most often.
  if (what.find("A subcommand is required") != std::string::npos)
    return "ange ett underkommando (kontrollera, statistik, fördela, skapa, exportera, importera, "
           "init, mallar eller hjälp)";
  if (auto pos = what.find(" is required"); pos != std::string::npos)
    return "'" + what.substr(0, pos) + "' saknas men krävs";
  // "--format: xml not in {tabell,text,csv}"
  if (auto pos = what.find(" not in {"); pos != std::string::npos) {
    auto colon = what.find(": ");
    std::string option = colon != std::string::npos && colon < pos ? what.substr(0, colon) : "";
    std::string value = what.substr(colon == std::string::npos ? 0 : colon + 2,
                                    pos - (colon == std::string::npos ? 0 : colon + 2));
    std::string allowed = what.substr(pos + 9);
    if (!allowed.empty() && allowed.back() == '}') allowed.pop_back();
    return option + ": '" + value + "' är inget tillåtet värde (tillåtna: " + allowed + ")";
  }
  if (what.find("The following arguments were not expected") != std::string::npos)
    return "okända argument: " + what.substr(what.find(':') + 1);
  return what;
}

void set_json_diagnostics(bool on) { json_output = on; }
bool json_diagnostics() { return json_output; }

void print_diagnostic(const Diagnostic& d, const std::string& prefix) {
  Diagnostic shown = d;
  shown.message = prefix + d.message;
  if (json_output)
    std::cerr << format_diagnostic_json(shown) << "\n";
  else if (prefix.empty())
    std::cerr << format_diagnostic(d) << "\n";
  else  // the prefix names what the diagnostic is about: before the position
    std::cerr << prefix << format_diagnostic(d) << "\n";
}

void print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.sorted()) print_diagnostic(d);
  if (json_output) return;
  size_t e = diags.error_count(), w = diags.warning_count();
  if (e) std::cerr << e << " fel, " << w << (w == 1 ? " varning" : " varningar") << "\n";
}

}  // namespace rv::cli

namespace rv::cli {

void print_errors_and_warning_count(const Diagnostics& diags) {
  if (json_output) {  // an editor wants every one, and no summary
    for (const auto& d : diags.sorted()) print_diagnostic(d);
    return;
  }
  // Data warnings are `kontrollera`'s business: count them. Problems found while making
  // the document (a template, a character the fonts lack) are shown in full.
  Diagnostics shown;
  size_t data_warnings = 0;
  for (const auto& d : diags.all()) {
    // (A template's settings file, mall.yaml, is not data: what is found there is shown.)
    const bool settings = d.span.file == "mall.yaml" || d.span.file.ends_with("/mall.yaml");
    bool from_data = !settings && d.span.file.size() > 5 &&
                     (d.span.file.ends_with(".yaml") || d.span.file.ends_with(".yml"));
    if (d.severity == Severity::Warning && from_data)
      ++data_warnings;
    else
      shown.add(d);
  }
  for (const auto& d : shown.sorted()) std::cerr << format_diagnostic(d) << "\n";
  if (shown.has_errors()) std::cerr << shown.error_count() << " fel\n";
  if (data_warnings > 0)
    std::cerr << "(" << data_warnings << (data_warnings == 1 ? " varning" : " varningar")
              << " i indata; kör 'rapportverk kontrollera' för detaljer)\n";
}

}  // namespace rv::cli
