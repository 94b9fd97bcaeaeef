#include <iostream>

#include "cli/commands.hpp"

namespace rv::cli {

void add_export(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand("exportera", "(ännu inte tillgängligt)");
  sub->alias("export");
  reg.push_back({sub, [] {
                   std::cerr << "rapportverk: exportera: inte implementerat ännu\n";
                   return static_cast<int>(InternalError);
                 }});
}

}  // namespace rv::cli
