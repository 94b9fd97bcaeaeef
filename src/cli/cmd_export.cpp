// rapportverk exportera <mall> <data>… --tabell <id> -o <fil.csv|fil.xlsx>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <optional>

#include "cli/commands.hpp"
#include "cli/pipeline.hpp"
#include "export/export.hpp"
#include "outfile/outfile.hpp"

namespace rv::cli {

namespace {

struct ExportArgs {
  std::string templ;
  std::vector<std::string> data;
  std::vector<std::string> parameters;
  std::string table;
  std::string output;
  std::string format;  // csv | xlsx; empty: from the file name
  xport::CsvOptions csv;
};

// "csv" or "xlsx" from --format or the file name; empty (with a diagnostic) when they
// disagree, or the extension is one export does not write.
std::string export_format(const ExportArgs& a, Diagnostics& diags) {
  std::string format = output_format(
      a.output, a.format,
      {{".csv", "csv", "CSV"}, {".txt", "csv", "CSV"}, {".xlsx", "xlsx", "Excel-arbetsbok"}}, "csv",
      "exportera", diags);
  if (format == "xlsx" && (a.csv.excel || a.csv.total_row)) {
    diags.error(Span{a.output, 0, 0}, std::string(a.csv.excel ? "--excel" : "--summarad") +
                                          " gäller CSV; en XLSX-fil har alltid summaraden och "
                                          "öppnas i Excel som den är");
    return "";
  }
  return format;
}

int run(const ExportArgs& a) {
  Diagnostics diags;
  // The output is checked first: a device, a folder or an unwritable place costs no work.
  const std::string format = export_format(a, diags);
  std::optional<outfile::Target> target;
  if (!format.empty()) target = outfile::check_target(a.output, diags, /*create_folder=*/true);
  if (target && target->to_stdout && format == "xlsx" && isatty(STDOUT_FILENO)) {
    diags.error(Span{},
                "standard ut är en terminal; skriv arbetsboken till en fil med -o fil.xlsx "
                "eller omdirigera den (-o - > fil.xlsx)");
    target.reset();
  }
  if (!target) {
    print_errors_and_warning_count(diags);
    return InvalidInput;
  }
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
    // A declared table the document leaves out for this data set (its group is absent).
    Diagnostics ignored;
    bool declared = false;
    for (const auto& id : tmpl::table_ids(resolve_template(a.templ), ignored))
      declared |= id == a.table;
    if (declared)
      std::cerr << "rapportverk: fel: mallen tar inte med tabellen '" << a.table
                << "' för det här datasetet (t.ex. för att gruppen den redovisar saknas)"
                << (ids.empty() ? "" : "; tabeller som visas: " + ids) << "\n";
    else
      std::cerr << "rapportverk: fel: mallen visar ingen tabell '" << a.table << "'"
                << (ids.empty() ? "" : " (tabeller: " + ids + ")") << "\n";
    return InvalidInput;
  }
  const bool ok = format == "csv"
                      ? xport::write_csv(*found, *target, diags, a.csv)
                      : xport::write_xlsx(*found, *target, diags, prepared->year.document.date);
  print_errors_and_warning_count(diags);
  // What can fail here is the user's to fix (disk, permissions, a cell too long): 2.
  if (!ok) return InvalidInput;
  // With -o - the table is standard output: the receipt goes to stderr.
  (target->to_stdout ? std::cerr : std::cout)
      << "Skrev " << target->shown << " (" << found->raw.size() << " rader"
      << (found->total_raw && (format == "xlsx" || a.csv.total_row) ? " och en summarad" : "")
      << (a.csv.excel ? ", för svenska Excel" : "") << ")\n";
  return Ok;
}

}  // namespace

void add_export(CLI::App& app, Registry& reg) {
  auto args = std::make_shared<ExportArgs>();
  auto* sub = app.add_subcommand("exportera", "Exportera en tabell ur en mall som CSV eller XLSX");
  sub->alias("export");
  sub->add_option("mall", args->templ,
                  "Mallens namn (se 'rapportverk mallar') eller sökväg till en mallmapp")
      ->required();
  sub->add_option("data", args->data, "YAML-filer eller mappar med bidragsårets data")->required();
  sub->add_option(
      "-p,--parameter", args->parameters,
      "Mallparameter namn=värde (syns i mallen som parametrar.namn), t.ex. grupp=kommuner");
  sub->add_option("-t,--tabell", args->table, "Tabellens namn i mallens mall.yaml")->required();
  sub->add_option("-o,--utfil", args->output,
                  "Filen att skriva: .csv eller .xlsx; - skriver till standard ut (CSV om inte "
                  "--format xlsx)")
      ->required();
  sub->add_option("--format", args->format, "csv eller xlsx (standard: utfilens ändelse)")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  sub->add_flag("--excel", args->csv.excel,
                "CSV för svenska Excel: semikolon mellan fälten, decimalkomma, UTF-8 med BOM");
  sub->add_flag("--summarad", args->csv.total_row,
                "CSV: ta med tabellens summarad sist (XLSX har den alltid)");
  reg.push_back({sub, [args] { return run(*args); }});
}

}  // namespace rv::cli
