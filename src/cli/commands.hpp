// The subcommands. Each lives in its own cmd_<name>.cpp and registers itself here.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
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
std::string translate_parse_error(const CLI::ParseError& e);

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

}  // namespace rv::cli
