// From a sheet to recipients' YAML: headings, values, and each problem at its cell.
#include <catch2/catch.hpp>

#include "import/import.hpp"
#include "load/load.hpp"

using namespace rv::import;

namespace {

struct Result {
  std::optional<std::string> yaml;
  rv::Diagnostics diags;
  std::string errors() const {
    std::string out;
    for (const auto& d : diags.sorted()) out += rv::format_diagnostic(d) + "\n";
    return out;
  }
};

Result import_csv(const std::string& text, Options opt = {}) {
  Result r;
  if (opt.group.empty()) opt.group = "kommuner";
  opt.source_label = "t.csv";
  auto s = read_csv("t.csv", text, r.diags);
  REQUIRE(s);
  r.yaml = to_recipients_yaml(*s, opt, r.diags);
  return r;
}

}  // namespace

TEST_CASE("usual Swedish headings in any case and spacing") {
  CHECK(key_for_heading("Kommun") == "namn");
  CHECK(key_for_heading("REGION") == "namn");
  CHECK(key_for_heading("Rekvirerat belopp") == "rekvirerat");
  CHECK(key_for_heading("rekvirerat_belopp (kr)") == "rekvirerat");
  CHECK(key_for_heading("Omfördelade medel") == "omfördelat");
  CHECK(key_for_heading("Fördelade  medel") == "fördelat");
  CHECK(key_for_heading("Oförbrukade medel") == "oförbrukat");
  CHECK(key_for_heading("Belopp") == "beviljat");
  CHECK(key_for_heading("Fördelningsnyckel") == "fördelningsnyckel");
  CHECK(key_for_heading("Vill ha mer") == "vill_ha_mer");
  CHECK(key_for_heading("vill_ha_mer") == "vill_ha_mer");
  CHECK(key_for_heading("Andel oförbrukade medel") == "-");
  CHECK(key_for_heading("Befolkning") == "-");
  CHECK(key_for_heading("Summa") == "");
}

TEST_CASE("a table with title rows, Swedish numbers, dashes and a total row") {
  Result r = import_csv(
      "Fördelning 2020;;;\n"
      ";;;\n"
      "Kommun;Rekvirerat belopp;Omfördelade medel;Oförbrukade medel;Vill ha mer\n"
      "Ale kommun;283 502 kr;13 754;109\xC2\xA0"
      "021;ja\n"
      "\"Bjuv, kommun\";204166;–;0;\n"
      "Totalt;487668;13754;109021;\n");
  INFO(r.errors());
  REQUIRE(r.yaml);
  CHECK(r.yaml->find("mottagare:\n  kommuner:   # 2 mottagare\n"
                     "    - {namn: Ale kommun, rekvirerat: 283502, omfördelat: 13754, "
                     "oförbrukat: 109021, vill_ha_mer: ja}\n"
                     "    - {namn: \"Bjuv, kommun\", rekvirerat: 204166, oförbrukat: 0}\n") !=
        std::string::npos);
  CHECK(r.yaml->starts_with("# Mottagare i gruppen kommuner, importerade ur t.csv"));
  // The output is a valid part of a data set.
  auto loaded = rv::load_data_text("ut.yaml", *r.yaml +
                                                  "grupper:\n  - {id: kommuner, etikett: K, "
                                                  "singular: k, plural: k, bestämd_plural: k}\n");
  CHECK(loaded.data.recipients.size() == 2);
}

TEST_CASE("the kolumn option maps a heading the usual ones do not know") {
  Options opt;
  opt.mappings = {"fördelat=Summa", "namn=Mottagande enhet"};
  Result r = import_csv("Mottagande enhet,Rekvirerat,Summa\nAle,10,10\n", opt);
  INFO(r.errors());
  REQUIRE(r.yaml);
  CHECK(r.yaml->find("{namn: Ale, rekvirerat: 10, fördelat: 10}") != std::string::npos);
}

TEST_CASE("a bad --kolumn key gets a suggestion") {
  Options opt;
  opt.mappings = {"fördelt=Summa"};
  Result r = import_csv("Kommun,Summa\nAle,10\n", opt);
  CHECK_FALSE(r.yaml);
  CHECK(r.errors() ==
        "fel: --kolumn 'fördelt=Summa': 'fördelt' är ingen nyckel för mottagare (menade du "
        "'fördelat'?)\n");
}

TEST_CASE("every problem at its cell, all at once") {
  Result r = import_csv(
      "Kommun,Rekvirerat,Oförbrukat\n"
      "Ale kommun,ungefär 200,0\n"
      "Bjuvs kommun,10,12 %\n"
      "Ale kommun,5,0\n"
      "Eda kommun,5,7\n"
      ",5,0\n");
  CHECK_FALSE(r.yaml);
  CHECK(r.errors() ==
        "t.csv:2:12: fel: 'ungefär 200' i kolumnen 'Rekvirerat' är inget belopp (skriv hela "
        "kronor, t.ex. 283 502 eller 283502)\n"
        "t.csv:3:17: fel: '12 %' i kolumnen 'Oförbrukat' är en procentsats, men kolumnen ska ha "
        "belopp i kronor\n"
        "t.csv:4:1: fel: 'Ale kommun' finns redan i tabellen (t.csv:2); varje mottagare ska stå "
        "på en rad (eller skilj ansökningarna åt med en kolumn Ansökan)\n"
        "t.csv:6:1: fel: raden har värden men inget namn i kolumnen 'Kommun'\n");
}

TEST_CASE("the data set's own checks point at the cell") {
  Result r = import_csv("Kommun,Rekvirerat,Oförbrukat\nAle kommun,10,11\n");
  CHECK_FALSE(r.yaml);
  CHECK(r.errors() ==
        "t.csv:2:15: fel: oförbrukat belopp (11 kr) är större än fördelat belopp (10 kr) för Ale "
        "kommun\n");
}

TEST_CASE("an empty row inside the table is an error, notes below it are not") {
  Result gap = import_csv("Kommun,Rekvirerat\nAle,1\n,\nBjuv,2\n");
  CHECK_FALSE(gap.yaml);
  CHECK(gap.errors() ==
        "t.csv:3:1: fel: tom rad mitt i tabellen; ta bort den (eller skriv något i den)\n");
  Result notes = import_csv("Kommun,Rekvirerat\nAle,1\n,\nKälla: Socialstyrelsen,\n");
  INFO(notes.errors());
  CHECK(notes.yaml);
}

TEST_CASE("missing name column, no heading row, values under an empty heading") {
  Result no_name = import_csv("Ort,Rekvirerat\nAle,1\n");
  CHECK(no_name.errors().starts_with("t.csv:1:1: fel: kolumnen med mottagarnas namn saknas"));
  Result nothing = import_csv("a,b\n1,2\n");
  CHECK(nothing.errors().starts_with("t.csv: fel: hittar ingen rubrikrad"));
  Result blank = import_csv("Kommun,Rekvirerat,\nAle,1,5\n");
  CHECK(blank.errors() ==
        "t.csv:1:19: fel: kolumn C har värden (som t.csv:2) men ingen rubrik; är rubrikcellen "
        "sammanfogad med grannens?\n");
}

TEST_CASE("names are checked against last year's: a near miss is an error with a suggestion") {
  Options opt;
  opt.check_names = true;
  opt.known_names = {"Ale kommun", "Alingsås kommun"};
  Result r = import_csv("Kommun,Rekvirerat\nAlingsås komun,1\nNyby kommun,2\nAle kommun,3\n", opt);
  CHECK_FALSE(r.yaml);
  CHECK(r.errors() ==
        "t.csv:2:1: fel: 'Alingsås komun' finns inte bland förra årets mottagare i gruppen "
        "'kommuner' (menade du 'Alingsås kommun'?)\n"
        "t.csv:3:1: varning: 'Nyby kommun' är en ny mottagare (finns inte bland förra årets i "
        "gruppen 'kommuner')\n");
}

TEST_CASE("names YAML would misread are quoted") {
  Result r =
      import_csv("Namn,Beviljat\nJa,1\n\"Förening: #1\",2\n\"Kvinnojouren \"\"Frida\"\"\",3\n");
  INFO(r.errors());
  REQUIRE(r.yaml);
  auto loaded = rv::load_data_text("ut.yaml", *r.yaml +
                                                  "grupper:\n  - {id: kommuner, etikett: K, "
                                                  "singular: k, plural: k, bestämd_plural: k}\n");
  REQUIRE(loaded.data.recipients.size() == 3);
  CHECK(loaded.data.recipients[0].name == "Ja");
  CHECK(loaded.data.recipients[1].name == "Förening: #1");
  CHECK(loaded.data.recipients[2].name == "Kvinnojouren \"Frida\"");
}

TEST_CASE("a misspelt usual heading is an error, an unknown one a warning") {
  Result typo = import_csv("Kommun,Rekvireat belopp,Oförbrukat\nAle kommun,10,0\n");
  CHECK_FALSE(typo.yaml);
  CHECK(typo.errors() ==
        "t.csv:1:8: fel: rubriken 'Rekvireat belopp' känns inte igen (menade du en kolumn för "
        "'rekvirerat'?); rätta rubriken eller ange --kolumn rekvirerat=Rekvireat belopp\n");
  Result other = import_csv("Kommun,Rekvirerat,Kontaktperson\nAle kommun,10,Eva\n");
  CHECK(other.yaml);
  CHECK(other.errors() ==
        "t.csv:1:19: varning: kolumnen 'Kontaktperson' känns inte igen och tas inte med (ange "
        "--kolumn nyckel=Kontaktperson för att läsa den)\n");
}
