#include <iostream>

#include "cli/commands.hpp"

namespace rv::cli {

void add_stats(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand("statistik", "(ännu inte tillgängligt)");
  sub->alias("stats");
  reg.push_back({sub, [] {
                   std::cerr << "rapportverk: statistik: inte implementerat ännu\n";
                   return static_cast<int>(InternalError);
                 }});
}

}  // namespace rv::cli
