// rapportverk init <ny-mapp> --från <förra-årets-mapp>: next year's data set started from
// last year's (docs/init.md).
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "init/init.hpp"
#include "load/load.hpp"

namespace rv::cli {

namespace {

struct InitArgs {
  std::string target;
  std::string source;
};

// Today (UTC) for the files' header comment; SOURCE_DATE_EPOCH pins it, as for the PDFs.
std::string today() {
  std::time_t t = std::time(nullptr);
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env)
    t = static_cast<std::time_t>(std::strtoll(env, nullptr, 10));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// Diagnostics about the temporary folder, as the user will find the files: in the new one.
Diagnostics renamed(const Diagnostics& diags, const std::string& from, const std::string& to) {
  Diagnostics out;
  for (Diagnostic d : diags.all()) {
    if (d.span.file.starts_with(from)) d.span.file = to + d.span.file.substr(from.size());
    out.add(d);
  }
  return out;
}

int run(const InitArgs& a) {
  Diagnostics diags;
  // The target first: a folder with content costs no work and is never touched.
  if (std::string why = init::unusable_target(a.target, a.source); !why.empty()) {
    diags.error(Span{a.target, 0, 0}, why);
    print_diagnostics(diags);
    return InvalidInput;
  }
  LoadResult last = load_data_set({a.source});
  if (!last.ok()) {
    print_diagnostics(last.diags);
    std::cerr << "Förra årets dataset har fel; rätta dem först. Ingen mapp skapades.\n";
    return InvalidInput;
  }
  const GrantYear next = init::advance(last.data);
  std::vector<init::NewFile> files =
      init::next_year_files(last.data, next, a.source, {a.source, today()}, diags);
  if (diags.has_errors()) {
    print_diagnostics(diags);
    std::cerr << "Ingen mapp skapades.\n";
    return InvalidInput;
  }
  // The new data set is read back before it is put in place: what init writes must pass
  // `kontrollera`, with warnings only for what is still to be filled in.
  Diagnostics checked;
  std::string staging;
  bool broken = false;
  auto check = [&](const std::string& folder) {
    staging = folder;
    LoadResult r = load_data_set({folder});
    checked = r.diags;
    broken = !r.ok();
    return r.ok();
  };
  std::string target = a.target;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  if (!init::write_new_folder(target, files, check, diags)) {
    if (broken) {
      print_diagnostics(renamed(checked, staging, target));
      std::cerr << "rapportverk: internt fel: det nya datasetet klarar inte kontrollen (rapportera "
                   "det). Ingen mapp skapades.\n";
      return InternalError;
    }
    print_diagnostics(diags);
    std::cerr << "Ingen mapp skapades.\n";
    return InvalidInput;
  }
  print_diagnostics(renamed(checked, staging, target));
  const size_t added = next.history.size() - last.data.history.size();
  const std::string year = std::to_string(last.data.grant.year);
  const std::string history = added == 0
                                  ? "historiken hade redan " + year
                                  : "historiken har " + std::to_string(added) +
                                        (added == 1 ? " ny rad för " : " nya rader för ") + year;
  std::cout << "Skapade " << target << ": " << next.grant.name << " " << next.grant.year << " ur "
            << a.source << " – " << files.size() << (files.size() == 1 ? " fil, " : " filer, ")
            << next.groups.size() << (next.groups.size() == 1 ? " grupp, " : " grupper, ")
            << next.recipients.size() << " mottagare utan belopp, " << next.questions.size()
            << (next.questions.size() == 1 ? " fråga" : " frågor") << "; " << history << ".\n"
            << "Fyll i beloppen (rapportverk importera) och kontrollera med 'rapportverk "
               "kontrollera "
            << target << "'.\n";
  return Ok;
}

}  // namespace

void add_init(CLI::App& app, Registry& reg) {
  auto args = std::make_shared<InitArgs>();
  auto* sub = app.add_subcommand(
      "init",
      "Starta nästa års dataset ur förra årets: samma grupper, mottagare, enkät och "
      "inställningar, året framflyttat, belopp och svar tömda");
  sub->add_option("mapp", args->target, "Den nya mappen (får inte finnas, eller vara tom)")
      ->required()
      ->type_name("MAPP");
  sub->add_option("-f,--från,--from", args->source, "Förra årets dataset (en mapp)")
      ->required()
      ->type_name("MAPP");
  reg.push_back({sub, [args] { return run(*args); }});
}

}  // namespace rv::cli
