#include <iostream>

#include "cli/commands.hpp"

namespace rv::cli {

void add_check(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand("kontrollera", "(ännu inte tillgängligt)");
  sub->alias("check");
  reg.push_back({sub, [] {
                   std::cerr << "rapportverk: kontrollera: inte implementerat ännu\n";
                   return static_cast<int>(InternalError);
                 }});
}

}  // namespace rv::cli
