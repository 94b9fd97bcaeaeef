// rapportverk hjälp [kommando]: the help text; with --man the same as a manual page, with
// --bash-komplettering the completion script. The build makes the installed man pages
// and completion with these, so they always say what --help says.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "outfile/outfile.hpp"

namespace fs = std::filesystem;

namespace rv::cli {

namespace {

struct HelpArgs {
  std::string command;
  bool man = false;
  std::string man_folder;
  bool completion = false;
};

int run(const CLI::App& root, const HelpArgs& a) {
  Diagnostics diags;
  if (a.completion) {
    std::cout << bash_completion(root);
    return Ok;
  }
  if (!a.man_folder.empty()) {
    for (const std::string& name : man_page_names(root)) {
      const std::string command = name == "rapportverk" ? "" : name.substr(12);
      auto target = outfile::check_target((fs::path(a.man_folder) / (name + ".1")).string(), diags,
                                          /*create_folder=*/true);
      if (!target || !outfile::write(*target, *man_page(root, command), diags)) break;
    }
    print_diagnostics(diags);
    return diags.has_errors() ? InvalidInput : Ok;
  }
  const CLI::App* sub = nullptr;
  if (!a.command.empty()) {
    for (const CLI::App* s : root.get_subcommands([](const CLI::App*) { return true; }))
      if (s->check_name(a.command)) sub = s;
    if (!sub) {
      std::cerr << "rapportverk: fel: det finns inget underkommando '" << a.command
                << "' (se 'rapportverk --help')\n";
      return InvalidInput;
    }
  }
  if (a.man) {
    std::cout << *man_page(root, sub ? sub->get_name() : "");
    return Ok;
  }
  std::cout << (sub ? sub->help("rapportverk") : root.help());
  return Ok;
}

}  // namespace

void add_help(CLI::App& app, Registry& reg) {
  auto args = std::make_shared<HelpArgs>();
  auto* sub = app.add_subcommand("hjälp", "Visa hjälpen för programmet eller ett underkommando");
  sub->alias("help");
  sub->add_option("kommando", args->command, "Underkommandot (standard: hela programmet)");
  sub->add_flag("--man", args->man, "Skriv hjälpen som manualsida (roff) till standard ut");
  sub->add_option("--man-mapp", args->man_folder,
                  "Skriv en manualsida per underkommando (rapportverk-<kommando>.1) i mappen");
  sub->add_flag("--bash-komplettering", args->completion,
                "Skriv skriptet för bash-komplettering av kommandon, flaggor och mallnamn");
  const CLI::App* root = &app;
  reg.push_back({sub, [root, args] { return run(*root, *args); }});
}

}  // namespace rv::cli
