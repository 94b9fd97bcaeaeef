#include <iostream>

#include "cli/commands.hpp"

namespace rv::cli {

void add_render(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand("skapa", "(ännu inte tillgängligt)");
  sub->alias("render");
  reg.push_back({sub, [] {
                   std::cerr << "rapportverk: skapa: inte implementerat ännu\n";
                   return static_cast<int>(InternalError);
                 }});
}

}  // namespace rv::cli
