// What the template language gives for data sets that lack a part: `| finns`, the null
// literal `inget`, a summed column with no known value, `kräver:` in mall.yaml, and errors
// in mall.yaml's expressions at the line and column where they are written.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"
#include "template/expand.hpp"

using namespace rv;
using namespace rv::tmpl;
namespace fs = std::filesystem;

namespace {

Value context() {
  Map kommuner{{"fördelat", Value(int64_t{100})},
               {"oförbrukat", Value()},
               {"namn", Value("")},
               {"historik", Value(List{Value(Map{{"år", Value(int64_t{2018})}})})}};
  return Value(Map{{"grupper", Value(Map{{"kommuner", Value(std::move(kommuner))}})},
                   {"tal", Value(int64_t{7})}});
}

std::string expand(const std::string& tpl, Diagnostics& d) {
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(context(), HouseStyle{}, nullptr, d);
  return ex.expand(b).markdown;
}

const std::string kData = "tests/documents/fixtures/tva-grupper";  // kommuner, regioner only

rvtest::Run render(const fs::path& templ, const std::string& out) {
  return rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa '" +
                    templ.string() + "' " + kData + " --format spår -o '" + out + "'");
}

}  // namespace

TEST_CASE("'finns' says whether the data has a field, without an error when it does not") {
  Diagnostics d;
  CHECK(expand("{{ grupper.kommuner | finns }}", d) == "ja");
  CHECK(expand("{{ grupper.ideella | finns }}", d) == "nej");
  CHECK(expand("{{ grupper.ideella.mottagare.namn | finns }}", d) == "nej");  // missing on the way
  CHECK(expand("{{ grupper.kommuner.oförbrukat | finns }}", d) == "nej");     // no value
  CHECK(expand("{{ grupper.kommuner.namn | finns }}", d) == "nej");           // empty text
  CHECK(expand("{{ grupper[\"kommuner\"].fördelat | finns }}", d) == "ja");
  CHECK(expand("{{ grupper.kommuner.historik[0].år | finns }}", d) == "ja");
  CHECK(expand("{{ grupper.kommuner.historik[1].år | finns }}", d) == "nej");  // past the end
  CHECK(expand("{% if not (grupper.ideella | finns) %}Ingen.{% endif %}", d) == "Ingen.");
  CHECK(expand("{{ grupper.ideella if (grupper.ideella | finns) else inget | finns }}", d) ==
        "nej");
  CHECK(d.empty());
}

TEST_CASE("'finns' still reports a misspelt variable, a type error and arguments") {
  Diagnostics d;
  expand("{{ grupperr.kommuner | finns }}", d);
  expand("{{ tal.x | finns }}", d);
  expand("{{ grupper | finns(1) }}", d);
  auto all = d.sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].message == "okänd variabel 'grupperr' (menade du 'grupper'?)");
  CHECK(all[1].message == "'tal' är ett heltal och har inget fält 'x'");
  CHECK(all[2].message == "filtret 'finns' tar inga argument");
}

TEST_CASE("an error in a mall.yaml expression points at that expression, not at line 1") {
  const fs::path dir = rvtest::temp_dir("mallyaml_span");
  const fs::path t = dir / "mall";
  fs::create_directories(t);
  rvtest::write(t / "mall.md", "{% tabell t %}\n");
  rvtest::write(t / "mall.yaml",
                "# En kommentar på första raden: felet ska inte pekas hit.\n"
                "typ: bilaga\n"
                "metadata: {titel: T, författare: F}\n"
                "tabeller:\n"
                "  t:\n"
                "    rubrik: Rubrik\n"
                "    källa: grupper.ideella.mottagare\n"
                "    kolumner:\n"
                "      - {rubrik: Namn, värde: rad.namn}\n"
                "      - {rubrik: Belopp, värde: rad.fördelat, summa: grupper.kommuner.fördelatt}\n"
                "    summarad: Totalt\n");
  auto r = render(t, (dir / "ut.txt").string());
  CAPTURE(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find((t / "mall.yaml").string() +
                   ":7:20: fel: tabellen 't': 'grupper' har inget fält 'ideella'") !=
        std::string::npos);
  CHECK(r.out.find(":1:") == std::string::npos);

  // The same table over a source that exists: the total's expression is reported at its column.
  std::string yaml = rvtest::read(t / "mall.yaml");
  yaml.replace(yaml.find("grupper.ideella"), 15, "grupper.kommuner");
  rvtest::write(t / "mall.yaml", yaml);
  r = render(t, (dir / "ut.txt").string());
  CAPTURE(r.out);
  CHECK(r.out.find(
            (t / "mall.yaml").string() +
            ":10:71: fel: tabellen 't': 'grupper.kommuner' har inget fält 'fördelatt' (menade du "
            "'fördelat'?)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a summed column with no known value totals '–', not 0") {
  const fs::path dir = rvtest::temp_dir("sum_unknown");
  const fs::path csv = dir / "b1.csv";
  auto r = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' exportera bilaga " +
                      kData + " --tabell bilaga1 --summarad -o '" + csv.string() + "'");
  CAPTURE(r.out);
  REQUIRE(r.code == 0);
  // Oförbrukat is unknown for every municipality (no follow-up yet): an empty total.
  // The key column totals as published (deklarerad_summa), not the rows' 79 999 998.
  CHECK(rvtest::read(csv).find("\r\nTotalt,80000000,77386782,2613111,79999893,,\r\n") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("kräver: a document whose subject the data set lacks is written, with a warning") {
  const fs::path dir = rvtest::temp_dir("requires");
  const fs::path t = dir / "memo";
  fs::create_directories(t);
  rvtest::write(t / "mall.md",
                "{% if fördelning | finns %}\n# {{ fördelning.rubrik }}\n{% else %}\n"
                "Inget förslag kan lämnas ännu.\n{% endif %}\n");
  const std::string head =
      "typ: bilaga\n"
      "metadata: {titel: T, författare: F}\n";
  rvtest::write(t / "mall.yaml", head +
                                     "kräver:\n"
                                     "  - värde: fördelning\n"
                                     "    saknas: datasetet har ingen fördelning\n");
  const fs::path out = dir / "ut.txt";
  auto r = render(t, out.string());
  CAPTURE(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.find(kData + ": varning: mallen 'memo': datasetet har ingen fördelning") !=
        std::string::npos);
  CHECK(r.out.find("fel:") == std::string::npos);
  // The document is written and says it in its own words.
  REQUIRE(fs::exists(out));
  CHECK(rvtest::read(out).find("\"Inget förslag kan lämnas ännu.\"") != std::string::npos);

  // What the data set has gives no warning.
  rvtest::write(t / "mall.yaml", head +
                                     "kräver:\n"
                                     "  - värde: grupper.kommuner\n"
                                     "    saknas: datasetet har inga kommuner\n");
  r = render(t, out.string());
  CHECK(r.code == 0);
  CHECK(r.out.find("varning: mallen") == std::string::npos);

  rvtest::write(t / "mall.yaml", head + "kräver: fördelning\n");
  r = render(t, out.string());
  CHECK(r.out.find("mall.yaml:3:9: fel: 'kräver' ska vara en lista med 'värde' och 'saknas'") !=
        std::string::npos);
  fs::remove_all(dir);
}
