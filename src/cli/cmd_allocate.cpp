// rapportverk fördela <spec.yaml>…: allocate an amount in whole kronor (docs/fordelning.md).
//
// An argument may also be a data set folder: its allocation specifications
// (files with top-level key `fördelning`) are allocated one after the other.
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "load/load.hpp"
#include "stats/allocate.hpp"
#include "stats/output.hpp"

namespace rv::cli {

namespace {

// The specification files named by the arguments (folders: those of the data set).
std::vector<std::string> spec_files(const std::vector<std::string>& args, Diagnostics& diags) {
  std::vector<std::string> files;
  for (const auto& a : args) {
    std::error_code ec;  // a path that cannot be examined is read as a file, which reports it
    if (!std::filesystem::is_directory(a, ec)) {
      files.push_back(a);
      continue;
    }
    LoadResult r = load_data_set({a});
    diags.append(r.diags);
    if (r.data.allocation_spec_files.empty())
      diags.error(Span{a, 0, 0}, "mappen innehåller ingen fil med 'fördelning:'");
    files.insert(files.end(), r.data.allocation_spec_files.begin(),
                 r.data.allocation_spec_files.end());
  }
  return files;
}

}  // namespace

void add_allocate(CLI::App& app, Registry& reg) {
  auto* sub = app.add_subcommand(
      "fördela", "Fördela ett belopp i hela kronor enligt en fördelningsspecifikation (YAML)");
  sub->alias("allocate");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("tabell");
  sub->add_option("spec", *paths,
                  "fördelningsspecifikationer (YAML med 'fördelning:') eller datasetmappar")
      ->required()
      ->type_name("FIL|MAPP");
  sub->add_option("--format", *format, "utdata: tabell (läsbar, standard) eller csv (RFC 4180)")
      ->check(CLI::IsMember({"tabell", "text", "csv"}))
      ->type_name("tabell|csv");
  reg.push_back({sub, [paths, format] {
                   Diagnostics diags;
                   std::vector<stats::Allocation> results;
                   for (const auto& file : spec_files(*paths, diags)) {
                     stats::SpecRead read = stats::read_allocation_spec(file);
                     diags.append(read.diags);
                     if (!read.ok()) continue;
                     stats::AllocationOutcome o = stats::allocate(*read.spec);
                     diags.append(o.diags);
                     if (o.allocation) results.push_back(std::move(*o.allocation));
                   }
                   if (*format == "csv" && results.size() > 1)
                     diags.error(Span{},
                                 "--format csv ger en tabell; ange en specifikation i taget (" +
                                     std::to_string(results.size()) + " angavs)");
                   print_diagnostics(diags);
                   if (diags.has_errors()) return static_cast<int>(InvalidInput);
                   for (size_t i = 0; i < results.size(); ++i) {
                     if (*format == "csv") {
                       std::cout << stats::allocation_csv(results[i]);
                     } else {
                       if (i) std::cout << "\n";
                       std::cout << stats::allocation_table(results[i]);
                     }
                   }
                   return static_cast<int>(Ok);
                 }});
}

}  // namespace rv::cli
