// Template parameters (-p) and the output's extension: a misspelt parameter or value, or an
// extension the command does not write, is an error with exit 2 and nothing written.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

using rvtest::Run;
using rvtest::sh;

std::string rv(const std::string& args) { return std::string("'") + RV_BINARY + "' " + args; }
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }
bool has(const Run& r, const std::string& text) { return r.out.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("template parameters (-p): a misspelt value is an error with a suggestion and no file") {
  fs::path dir = rvtest::temp_dir("param-value");
  Run r = sh(rv("skapa bilaga data/nationell-2019 -p grupp=kommun -o " + q(dir / "b.pdf")));
  CHECK(r.code == 2);
  CHECK(has(r, "fel: -p grupp=kommun: okänt värde för parametern 'grupp'; menade du 'kommuner'?"));
  CHECK(has(r, "(möjliga värden: 'alla', 'kommuner', 'regioner' eller 'ideella')"));
  CHECK_FALSE(fs::exists(dir / "b.pdf"));
}

TEST_CASE(
    "template parameters (-p): an unknown parameter is an error with a suggestion, so is any -p to "
    "a template "
    "without parameters") {
  fs::path dir = rvtest::temp_dir("param-name");
  Run r = sh(rv("skapa bilaga data/nationell-2019 -p grup=kommuner -o " + q(dir / "b.pdf")));
  CHECK(r.code == 2);
  CHECK(has(r,
            "fel: -p grup=kommuner: mallen 'bilaga' har ingen parameter 'grup'; menade du "
            "'grupp'?"));
  Run s =
      sh(rv("skapa uppfoljning-stad data/stockholm-2017 -p grupp=kommuner -o " + q(dir / "s.pdf")));
  CHECK(s.code == 2);
  CHECK(has(s, "fel: -p grupp=kommuner: mallen 'uppfoljning-stad' tar inga parametrar"));
  Run e = sh(rv("exportera bilaga data/nationell-2019 -t bilaga1 -p grupp=kommunr -o " +
                q(dir / "b.csv")));
  CHECK(e.code == 2);
  CHECK(has(e, "menade du 'kommuner'?"));
  CHECK_FALSE(fs::exists(dir / "b.pdf"));
  CHECK_FALSE(fs::exists(dir / "s.pdf"));
  CHECK_FALSE(fs::exists(dir / "b.csv"));
}

TEST_CASE(
    "template parameters (-p): a group the template knows but the data set lacks is named as "
    "such") {
  fs::path dir = rvtest::temp_dir("param-group");
  // The national set without its NGOs: the groups' own files and the follow-up of the rest.
  for (const char* f : {"bidrag", "kommuner", "regioner", "dokument"})
    fs::copy_file(fs::path(RV_SOURCE_DIR) / "data/nationell-2019" / (std::string(f) + ".yaml"),
                  dir / (std::string(f) + ".yaml"));
  Run r = sh(rv("skapa bilaga " + q(dir) + " -p grupp=ideella -o " + q(dir / "b.pdf")));
  CHECK(r.code == 2);
  CHECK(has(r,
            "fel: -p grupp=ideella: datasetet har ingen grupp 'ideella' (grupperna i data: "
            "'kommuner' och 'regioner')"));
  // A group the data has but the template has no table for is not a value at all.
  Run l =
      sh(rv("skapa bilaga data/nationell-2019 -p grupp=lansstyrelser_nck -o " + q(dir / "b.pdf")));
  CHECK(l.code == 2);
  CHECK(has(l, "okänt värde för parametern 'grupp'"));
  CHECK_FALSE(fs::exists(dir / "b.pdf"));
}

TEST_CASE(
    "template parameters (-p): the same parameter twice is an error, a declared default needs no "
    "-p") {
  fs::path dir = rvtest::temp_dir("param-twice");
  Run r = sh(rv("skapa bilaga data/nationell-2019 -p grupp=kommuner -p grupp=regioner -o " +
                q(dir / "b.pdf")));
  CHECK(r.code == 2);
  CHECK(has(r, "parametern 'grupp' anges två gånger"));
  Run all = sh(rv("skapa bilaga data/nationell-2019 --format spår -o " + q(dir / "alla.txt")));
  Run one = sh(rv("skapa bilaga data/nationell-2019 -p grupp=regioner -o " + q(dir / "r.txt")));
  REQUIRE(all.code == 0);
  REQUIRE(one.code == 0);
  CHECK(rvtest::read(dir / "alla.txt").find("Bilaga 3.") != std::string::npos);
  CHECK(rvtest::read(dir / "r.txt").find("Bilaga 2.") != std::string::npos);
  CHECK(rvtest::read(dir / "r.txt").find("Bilaga 1.") == std::string::npos);
}

TEST_CASE(
    "the output extension (-o): the extension chooses the format, and one the command cannot write "
    "is an error") {
  fs::path dir = rvtest::temp_dir("ext");
  Run d = sh(rv("skapa bilaga data/nationell-2019 -o " + q(dir / "brev.odt")));
  CHECK(d.code == 2);
  CHECK(has(d, "brev.odt: fel: skapa skriver inte .odt-filer; utfilen ska sluta på .pdf (PDF)"));
  CHECK(has(d, ".docx (DOCX)"));
  CHECK_FALSE(fs::exists(dir / "brev.odt"));
  // .txt is the page model as text; a PDF under that name would be a lie.
  Run t = sh(rv("skapa bilaga data/nationell-2019 -p grupp=regioner -o " + q(dir / "s.txt")));
  REQUIRE(t.code == 0);
  CHECK(rvtest::read(dir / "s.txt").rfind("page 1 ", 0) == 0);
  Run c = sh(rv("skapa bilaga data/nationell-2019 --format pdf -o " + q(dir / "c.txt")));
  CHECK(c.code == 2);
  CHECK(has(c, "--format pdf och ändelsen .txt säger olika saker"));
  Run x = sh(
      rv("exportera bilaga data/nationell-2019 -t bilaga1 --format csv -o " + q(dir / "x.xlsx")));
  CHECK(x.code == 2);
  Run h = sh(rv("exportera bilaga data/nationell-2019 -t bilaga1 -o " + q(dir / "x.html")));
  CHECK(h.code == 2);
  CHECK(has(h, "exportera skriver inte .html-filer"));
  rvtest::write(dir / "in.csv", "Kommun;Fördelat\nAle kommun;100\n");
  Run i = sh(rv("importera " + q(dir / "in.csv") + " -g kommuner -o " + q(dir / "k.csv")));
  CHECK(i.code == 2);
  CHECK(has(i, "importera skriver inte .csv-filer; utfilen ska sluta på .yaml (YAML) eller .yml"));
  for (const char* f : {"c.txt", "x.xlsx", "x.html", "k.csv"}) CHECK_FALSE(fs::exists(dir / f));
}
