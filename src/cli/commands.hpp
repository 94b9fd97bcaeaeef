// The subcommands. Each lives in its own cmd_<name>.cpp and registers itself here.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diag/diag.hpp"

namespace rv::cli {

enum ExitCode : int { Ok = 0, InternalError = 1, InvalidInput = 2 };

struct Command {
  CLI::App* app;
  std::function<int()> run;
};
using Registry = std::vector<Command>;

void register_commands(CLI::App& app);
// The help's layout, with the left column padded by characters rather than bytes.
std::shared_ptr<CLI::Formatter> help_formatter();
int run_selected(CLI::App& app);
// Runs a command as run_selected does: a file system problem, lack of memory or an
// internal error becomes its message and exit code instead of an exception.
int run_guarded(const std::function<int()>& command);
std::string translate_parse_error(const CLI::ParseError& e);

// --diagnostik text|json: how diagnostics are written to stderr. JSON is one object a
// line (format_diagnostic_json), every diagnostic, with no summary line: for editors.
void set_json_diagnostics(bool on);
bool json_diagnostics();
// One diagnostic to stderr in the chosen form; `prefix` goes before the message text
// ("Åre kommun: " for a letter's recipient).
void print_diagnostic(const Diagnostic& d, const std::string& prefix = {});

// Prints diagnostics sorted by file and line to stderr, then a Swedish summary line.
void print_diagnostics(const Diagnostics& diags);
// For commands that produce documents: errors in full; warnings (already the business of
// `kontrollera`) only counted, so they do not drown the result.
void print_errors_and_warning_count(const Diagnostics& diags);

// The format to write from the -o file's extension (`known`), --format (may be empty) or,
// for standard output and names without an extension, `fallback`. An extension the
// command does not write, or one that contradicts --format, is an error: "" is returned.
struct FormatByExtension {
  std::string extension;    // ".pdf"
  std::string format;       // "pdf"
  std::string description;  // "PDF", for the message
};
std::string output_format(const std::string& path, const std::string& explicit_format,
                          const std::vector<FormatByExtension>& known, const std::string& fallback,
                          const std::string& command, Diagnostics& diags);

void add_check(CLI::App& app, Registry& reg);
void add_stats(CLI::App& app, Registry& reg);
void add_allocate(CLI::App& app, Registry& reg);
void add_render(CLI::App& app, Registry& reg);
void add_export(CLI::App& app, Registry& reg);
void add_import(CLI::App& app, Registry& reg);
void add_init(CLI::App& app, Registry& reg);
void add_templates(CLI::App& app, Registry& reg);
void add_help(CLI::App& app, Registry& reg);

// --version's text: the program, libharu, ICU, yaml-cpp and the fonts' name-table versions.
std::string version_text();
// The manual page (roff, Swedish) of `command` ("" for the program itself), made from the
// same descriptions as --help; nullopt for an unknown command.
std::optional<std::string> man_page(const CLI::App& root, const std::string& command);
// The names of the man pages man_page() makes: "rapportverk", "rapportverk-skapa", …
std::vector<std::string> man_page_names(const CLI::App& root);
// A bash completion script for the commands, their options, the values an option allows
// and template names (from `rapportverk mallar --namn`).
std::string bash_completion(const CLI::App& root);

}  // namespace rv::cli
