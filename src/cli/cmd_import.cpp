// rapportverk importera <fil.csv|fil.xlsx> -g <grupp> -o <fil.yaml>: a spreadsheet in as
// one group's recipients (docs/import.md).
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "import/import.hpp"
#include "load/load.hpp"
#include "outfile/outfile.hpp"

namespace rv::cli {

namespace {

struct ImportArgs {
  std::string input;
  std::string group;
  std::string output;
  std::string sheet;
  std::string format;  // csv | xlsx; empty: from the file name
  std::string previous;
  std::vector<std::string> mappings;
};

// "kommuner" from "2020/Kommuner.xlsx": the default group is the file's name.
std::string group_from_file(const std::string& path) {
  std::string stem = std::filesystem::path(path).stem().string();
  std::string out;
  for (unsigned char c : stem) out += static_cast<char>(std::tolower(c));
  return out;
}

// Group ids in the bundled data sets: letters (å, ä, ö too), digits, '_' and '-'.
bool plain_id(const std::string& id) {
  if (id.empty()) return false;
  for (unsigned char c : id)
    if (!(c >= 0x80 || std::isalnum(c) || c == '_' || c == '-')) return false;
  return true;
}

int run(const ImportArgs& a) {
  Diagnostics diags;
  std::string format = a.format;
  if (format.empty()) {
    std::string ext = std::filesystem::path(a.input).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv" || ext == ".txt")
      format = "csv";
    else if (ext == ".xlsx" || ext == ".xlsm")
      format = "xlsx";
    else
      diags.error(Span{a.input, 0, 0},
                  ext == ".xls" || ext == ".ods"
                      ? "filformatet " + ext + " läses inte; spara om filen som .xlsx eller .csv"
                      : "filen ska sluta på .csv eller .xlsx (eller ange --format)");
  }
  if (!a.sheet.empty() && format == "csv")
    diags.error(Span{}, "--blad gäller bara XLSX-filer; en CSV-fil har ett enda blad");
  import::Options opt;
  opt.group = a.group.empty() ? group_from_file(a.input) : a.group;
  if (!plain_id(opt.group))
    diags.error(Span{}, a.group.empty() ? "ange gruppens id med --grupp (filnamnet ger '" +
                                              opt.group + "', som inte duger som id)"
                                        : "--grupp '" + opt.group +
                                              "': ett id är bokstäver, siffror och _ (t.ex. "
                                              "kommuner)");
  opt.mappings = a.mappings;
  output_format(a.output, "", {{".yaml", "yaml", "YAML"}, {".yml", "yaml", "YAML"}}, "yaml",
                "importera", diags);
  // The output is checked first: a device, a folder or an unwritable place costs no work.
  std::optional<outfile::Target> target;
  if (!diags.has_errors()) target = outfile::check_target(a.output, diags, true);
  std::string bytes;
  if (!diags.has_errors() && !load::read_file(a.input, bytes))
    diags.error(Span{a.input, 0, 0},
                std::filesystem::exists(a.input) ? "filen går inte att läsa" : "filen finns inte");
  if (!diags.has_errors() && !a.previous.empty()) {
    LoadResult prev = load_data_set({a.previous});
    if (!prev.ok()) {
      diags.append(prev.diags);
      diags.error(Span{a.previous, 0, 0},
                  "förra årets dataset har fel; rätta dem först (rapportverk kontrollera)");
    } else if (!prev.data.find_group(opt.group)) {
      std::string ids;
      for (const auto& g : prev.data.groups) ids += (ids.empty() ? "" : ", ") + g.id;
      diags.error(Span{a.previous, 0, 0}, "förra årets dataset har ingen grupp '" + opt.group +
                                              "' (grupper: " + ids + "); ange --grupp");
    } else {
      opt.check_names = true;
      for (const Recipient* r : prev.data.recipients_in(opt.group))
        opt.known_names.push_back(r->name);
    }
  }
  // An existing data-set file as the output (the group file init wrote): the group's list
  // in it is replaced and the rest kept; its names are last year's, to check against.
  std::string existing;
  const bool merging = !diags.has_errors() && target && !target->to_stdout &&
                       std::filesystem::is_regular_file(target->file) &&
                       load::read_file(target->file, existing);
  if (merging && !opt.check_names) {
    opt.known_names = import::names_in_file(existing, opt.group);
    opt.check_names = !opt.known_names.empty();
  }
  std::optional<import::Sheet> sheet;
  if (!diags.has_errors())
    sheet = format == "csv" ? import::read_csv(a.input, bytes, diags)
                            : import::read_xlsx(a.input, bytes, a.sheet, diags);
  std::optional<std::string> yaml;
  if (sheet) {
    opt.source_label = std::filesystem::path(a.input).filename().string() +
                       (sheet->name.empty() ? "" : " (blad " + sheet->name + ")");
    yaml = import::to_recipients_yaml(*sheet, opt, diags);
  }
  size_t rows = 0;  // the recipients written: one "    - {…}" line each
  for (size_t p = yaml ? yaml->find("\n    - {") : std::string::npos; p != std::string::npos;
       p = yaml->find("\n    - {", p + 1))
    ++rows;
  if (yaml && merging && !diags.has_errors())
    yaml = import::merge_recipients(a.output, existing, opt.group, *yaml, opt.source_label, diags);
  print_diagnostics(diags);
  if (!yaml || diags.has_errors()) {
    std::cerr << "Ingen fil skrevs.\n";
    return InvalidInput;
  }
  if (!outfile::write(*target, *yaml, diags)) {
    print_diagnostics(diags);
    return InvalidInput;
  }
  (target->to_stdout ? std::cerr : std::cout)
      << (merging ? "Förde in " : "Skrev ") << rows << " mottagare i gruppen " << opt.group
      << " ur " << opt.source_label << (merging ? " i " : " till ") << target->shown << "\n";
  return Ok;
}

}  // namespace

void add_import(CLI::App& app, Registry& reg) {
  auto args = std::make_shared<ImportArgs>();
  auto* sub = app.add_subcommand(
      "importera", "Läs ett kalkylblad (CSV eller XLSX) som en grupps mottagare i YAML");
  sub->alias("import");
  sub->add_option("fil", args->input, "Kalkylbladet: .csv (komma eller semikolon) eller .xlsx")
      ->required();
  sub->add_option("-o,--utfil", args->output,
                  "YAML-filen att skriva, t.ex. data/2020/kommuner.yaml (finns den, byts bara "
                  "gruppens mottagarlista); - skriver till standard ut")
      ->required();
  sub->add_option("-g,--grupp", args->group,
                  "Gruppens id i datasetet (standard: filens namn, t.ex. kommuner)");
  sub->add_option("--blad", args->sheet, "XLSX: bladets namn (standard: det första bladet)");
  sub->add_option("-k,--kolumn", args->mappings,
                  "nyckel=Rubrik: läs kolumnen Rubrik som nyckeln, t.ex. fördelat=Summa "
                  "(kan upprepas)");
  sub->add_option("--jämför-med", args->previous,
                  "Förra årets dataset: namnen jämförs med gruppens mottagare där (menade du …?)");
  sub->add_option("--format", args->format, "csv eller xlsx (standard: filens ändelse)")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  reg.push_back({sub, [args] { return run(*args); }});
}

}  // namespace rv::cli
