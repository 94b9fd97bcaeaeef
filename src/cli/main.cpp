// rapportverk: the command line. Thin: parses arguments and calls the pipeline stages.
#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/allocator.hpp"
#include "cli/commands.hpp"
#include "version.hpp"

int main(int argc, char** argv) {
  rv::cli::tune_allocator();
  CLI::App app{
      "rapportverk – gör statsbidragsdata till färdiga, tillgängliga dokument (PDF, CSV, XLSX)",
      "rapportverk"};
  // Section headings of --help in Swedish: CLI11 names option groups "Options" and
  // subcommand groups "Subcommands" unless told otherwise.
  app.option_defaults()->group("Flaggor");
  app.set_help_flag("-h,--help", "Visa den här hjälptexten och avsluta");
  app.set_version_flag("-V,--version", std::function<std::string()>(rv::cli::version_text),
                       "Visa versionen, bibliotekens (libharu, ICU, yaml-cpp) och typsnittens "
                       "versioner och avsluta");
  app.require_subcommand(1);
  app.footer(
      "Avslutningskoder: 0 = klart, 2 = felaktig indata eller en fil som inte går att läsa eller\n"
      "skriva (se meddelandena), 1 = internt fel.\n"
      "\n"
      "Miljövariabler: RAPPORTVERK_MALLAR (mappar med egna mallar, åtskilda med ':', söks\n"
      "först), RAPPORTVERK_FONTS (en annan typsnittsmapp), RAPPORTVERK_CACHE (cachemappen;\n"
      "0 stänger av cachen) och RAPPORTVERK_CACHE_STORLEK (cachens största storlek).\n"
      "'rapportverk mallar' visar var mallarna söks och vilka som finns.\n"
      "\n"
      "Dataformatet och mallarna beskrivs i docs/ i källträdet; i ett installerat program i\n"
      "share/doc/rapportverk/ under installationsprefixet (/usr/share/doc/rapportverk/ med\n"
      "Debianpaketet), med exempeldata i data/. Varje underkommando har en manualsida:\n"
      "man rapportverk-skapa och så vidare.");
  app.formatter(rv::cli::help_formatter());
  app.get_formatter()->label("OPTIONS", "FLAGGOR");
  app.get_formatter()->label("SUBCOMMANDS", "UNDERKOMMANDON");
  app.get_formatter()->label("SUBCOMMAND", "UNDERKOMMANDO");
  app.get_formatter()->label("Positionals", "Argument");
  app.get_formatter()->label("Usage", "Användning");
  app.get_formatter()->label("REQUIRED", "KRÄVS");
  app.get_formatter()->label("TEXT", "TEXT");
  app.get_formatter()->label("Env", "Miljövariabel");
  app.get_formatter()->label("FILE", "FIL");

  rv::cli::register_commands(app);
  std::string diagnostics = "text";
  for (auto* sub : app.get_subcommands({})) {
    sub->group("Underkommandon");
    sub->set_help_flag("-h,--help", "Visa hjälp för underkommandot och avsluta");
    if (sub->get_name() == "hjälp" || sub->get_name() == "mallar") continue;
    sub->add_option("--diagnostik", diagnostics,
                    "Hur fel och varningar skrivs: text (standard) eller json, ett JSON-objekt "
                    "per rad med file, line, col, severity och message (för editorer)")
        ->check(CLI::IsMember({"text", "json"}));
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "rapportverk: fel: " << rv::cli::translate_parse_error(e) << "\n"
              << "Skriv 'rapportverk --help' för hjälp.\n";
    return 2;
  }
  rv::cli::set_json_diagnostics(diagnostics == "json");
  return rv::cli::run_selected(app);
}
