#include <iostream>

#include "cli/commands.hpp"

namespace rv::cli {

void add_allocate(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand("fördela", "(ännu inte tillgängligt)");
  sub->alias("allocate");
  reg.push_back({sub, [] {
                   std::cerr << "rapportverk: fördela: inte implementerat ännu\n";
                   return static_cast<int>(InternalError);
                 }});
}

}  // namespace rv::cli
