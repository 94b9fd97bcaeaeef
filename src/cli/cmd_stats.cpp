// rapportverk statistik <fil-eller-mapp>…: the per-group summary (Tabell 1) of a data set.
#include <iostream>

#include "cli/commands.hpp"
#include "load/load.hpp"
#include "stats/group_allocation.hpp"
#include "stats/output.hpp"
#include "stats/stats.hpp"

namespace rv::cli {

void add_stats(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand(
      "statistik", "Sammanställ fördelade, förbrukade och oförbrukade medel per mottagargrupp");
  sub->alias("stats");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("tabell");
  sub->add_option("data", *paths, "YAML-filer eller mappar som tillsammans utgör ett bidragsår")
      ->required()
      ->type_name("FIL|MAPP");
  sub->add_option("--format", *format, "utdata: tabell (läsbar, standard) eller csv (RFC 4180)")
      ->check(CLI::IsMember({"tabell", "text", "csv"}))
      ->type_name("tabell|csv");
  reg.push_back({sub, [paths, format] {
                   LoadResult r = load_data_set(*paths);
                   if (r.ok()) stats::apply_group_allocations(r.data, r.diags);
                   if (!r.ok()) {
                     print_diagnostics(r.diags);
                     return static_cast<int>(InvalidInput);
                   }
                   stats::Summary s = stats::summarize(r.data);
                   if (*format == "csv") {
                     std::cout << stats::summary_csv(s);
                   } else {
                     print_diagnostics(r.diags);  // warnings only
                     const Grant& g = r.data.grant;
                     std::string caption =
                         "Fördelade och förbrukade medel " + std::to_string(g.year);
                     if (!g.name.empty()) caption += " – " + g.name;
                     std::cout << stats::summary_table(s, caption);
                   }
                   return static_cast<int>(Ok);
                 }});
}

}  // namespace rv::cli
