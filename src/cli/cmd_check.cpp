// rapportverk kontrollera <fil-eller-mapp>…: load and validate a data set, report everything.
#include <iostream>
#include <set>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "load/load.hpp"
#include "stats/allocate.hpp"
#include "stats/consistency.hpp"
#include "stats/group_allocation.hpp"

namespace rv::cli {

void add_check(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand(
      "kontrollera",
      "Läs och kontrollera ett dataset (YAML-filer eller mappar); visa alla fel och varningar");
  sub->alias("check");
  auto paths = std::make_shared<std::vector<std::string>>();
  sub->add_option("data", *paths, "YAML-filer eller mappar som tillsammans utgör ett bidragsår")
      ->required()
      ->type_name("FIL|MAPP");
  auto templ = std::make_shared<std::string>();
  auto parameters = std::make_shared<std::vector<std::string>>();
  sub->add_option("--mall", *templ,
                  "Kontrollera också att datasetet har allt som mallen behöver (samma kontroll "
                  "som skapa gör först); det som saknas visas där det ska stå i datat")
      ->type_name("MALL");
  sub->add_option("-p,--parameter", *parameters,
                  "Mallparameter namn=värde för --mall, t.ex. grupp=kommuner")
      ->type_name("NAMN=VÄRDE");
  reg.push_back(
      {sub, [paths, templ, parameters] {
         LoadResult r = load_data_set(*paths);
         // A group's keys come from its specification (and are compared with stated ones).
         // (With errors in the data the recipients may be incomplete: the specifications
         // are then only checked on their own, below.)
         std::set<std::string> applied;
         if (r.ok()) {
           stats::apply_group_allocations(r.data, r.diags);
           for (const auto& [group, file] : r.data.key_specs) applied.insert(file);
           stats::check_allocations(r.data, r.diags);
         }
         // Allocation specifications in the data set are checked too, and allocated, so
         // an impossible one (fixed amounts above the total) shows here.
         for (const auto& spec_file : r.data.allocation_spec_files) {
           if (applied.count(spec_file)) continue;
           stats::SpecRead spec = stats::read_allocation_spec(spec_file);
           r.diags.append(spec.diags);
           if (spec.ok()) r.diags.append(stats::allocate(*spec.spec).diags);
         }
         // With --mall: the template evaluated on the data set, as skapa does before it lays
         // anything out; a field it needs and the data lacks is reported in the data.
         if (!templ->empty() && r.ok()) {
           if (auto params = parse_parameters(*parameters, r.diags))
             tmpl::render_template(resolve_template(*templ), r.data, r.diags, *params);
         }
         print_diagnostics(r.diags);
         if (!r.ok()) return static_cast<int>(InvalidInput);
         const GrantYear& y = r.data;
         size_t answers = 0;
         for (const auto& resp : y.responses) answers += resp.answers.size();
         std::cout << "Kontrollerat: " << y.grant.name << " " << y.grant.year << " – "
                   << y.files.size() << (y.files.size() == 1 ? " fil, " : " filer, ")
                   << y.groups.size() << (y.groups.size() == 1 ? " grupp, " : " grupper, ")
                   << y.recipients.size() << " mottagare, " << y.questions.size()
                   << (y.questions.size() == 1 ? " fråga, " : " frågor, ") << y.responses.size()
                   << " svarande (" << answers << " svar). "
                   << (r.diags.warning_count() == 0
                           ? "Inga fel."
                           : "Inga fel, " + std::to_string(r.diags.warning_count()) +
                                 (r.diags.warning_count() == 1 ? " varning." : " varningar."))
                   << "\n";
         return static_cast<int>(Ok);
       }});
}

}  // namespace rv::cli
