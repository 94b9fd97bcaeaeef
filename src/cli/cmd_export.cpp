// rapportverk exportera <mall> <data>… --tabell <id> -o <fil.csv|fil.xlsx>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "export/export.hpp"

namespace rv::cli {

namespace {

struct ExportArgs {
  std::string templ;
  std::vector<std::string> data;
  std::vector<std::string> parameters;
  std::string table;
  std::string output;
};

int run(const ExportArgs& a) {
  Diagnostics diags;
  auto prepared = prepare(a.templ, a.data, a.parameters, diags);
  if (!prepared) {
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
  const auto& tables = prepared->rendered.tables;
  const tmpl::TableData* found = nullptr;
  for (const auto& t : tables)
    if (t.id == a.table) found = &t;
  if (!found) {
    std::string ids;
    for (const auto& t : tables) ids += (ids.empty() ? "" : ", ") + t.id;
    std::cerr << "rapportverk: fel: mallen visar ingen tabell '" << a.table << "'"
              << (ids.empty() ? "" : " (tabeller: " + ids + ")") << "\n";
    return InvalidInput;
  }
  std::string ext = std::filesystem::path(a.output).extension().string();
  if (auto parent = std::filesystem::path(a.output).parent_path(); !parent.empty())
    std::filesystem::create_directories(parent);
  bool ok;
  if (ext == ".csv") {
    ok = xport::write_csv(*found, a.output, diags);
  } else if (ext == ".xlsx") {
    ok = xport::write_xlsx(*found, a.output, diags, prepared->year.document.date);
  } else {
    std::cerr << "rapportverk: fel: utfilen ska sluta på .csv eller .xlsx: " << a.output << "\n";
    return InvalidInput;
  }
  print_errors_and_warning_count(diags);
  if (!ok) return InternalError;
  std::cout << "Skrev " << a.output << " (" << found->raw.size() << " rader"
            << (found->total_raw && ext == ".xlsx" ? " och en summarad" : "") << ")\n";
  return Ok;
}

}  // namespace

void add_export(CLI::App& app, Registry& reg) {
  auto args = std::make_shared<ExportArgs>();
  auto* sub = app.add_subcommand("exportera", "Exportera en tabell ur en mall som CSV eller XLSX");
  sub->alias("export");
  sub->add_option("mall", args->templ, "Mallens namn (i templates/) eller sökväg till en mallmapp")
      ->required();
  sub->add_option("data", args->data, "YAML-filer eller mappar med bidragsårets data")->required();
  sub->add_option(
      "-p,--parameter", args->parameters,
      "Mallparameter namn=värde (syns i mallen som parametrar.namn), t.ex. grupp=kommuner");
  sub->add_option("-t,--tabell", args->table, "Tabellens namn i mallens mall.yaml")->required();
  sub->add_option("-o,--utfil", args->output, "Filen att skriva: .csv eller .xlsx")->required();
  reg.push_back({sub, [args] { return run(*args); }});
}

}  // namespace rv::cli
