// Exports officials can open: CSV for Swedish Excel, the total row on request, and XLSX
// with numbers as numbers and the totals as SUM formulas with cached values.
#include <unistd.h>
#include <zip.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "export/export.hpp"
#include "import/import.hpp"

using rv::tmpl::TableData;
using rv::tmpl::Value;
namespace fs = std::filesystem;

namespace {

TableData table() {
  TableData t;
  t.id = "bilaga1";
  t.label = "Bilaga 1";
  t.caption = "Fördelning";
  t.headings = {"Kommun", "Rekvirerat belopp", "Omfördelade medel", "Andel oförbrukade medel"};
  t.formats = {"text", "heltal", "heltal", "procent"};
  t.raw = {{Value("Ale kommun"), Value(int64_t{283502}), Value(int64_t{13754}),
            Value(rv::sv::Fraction{1, 4})},
           {Value("Bjuv; Södra"), Value(int64_t{204166}), Value(), Value(rv::sv::Fraction{0, 1})}};
  t.text = {{"Ale kommun", "283 502", "13 754", "25 %"}, {"Bjuv; Södra", "204 166", "–", "0 %"}};
  t.total_raw = std::vector<Value>{Value("Totalt"), Value(int64_t{487668}), Value(int64_t{99999}),
                                   Value(rv::sv::Fraction{1, 8})};
  t.total_text = std::vector<std::string>{"Totalt", "487 668", "99 999", "13 %"};
  return t;
}

std::string part(const fs::path& file, const char* name) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  REQUIRE(z);
  zip_stat_t st;
  REQUIRE(zip_stat(z, name, 0, &st) == 0);
  std::string out(st.size, '\0');
  zip_file_t* f = zip_fopen(z, name, 0);
  REQUIRE(zip_fread(f, out.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  zip_discard(z);
  return out;
}

}  // namespace

TEST_CASE("plain CSV is unchanged: comma, decimal point, no BOM, no total row") {
  CHECK(rv::xport::to_csv(table()) ==
        "Kommun,Rekvirerat belopp,Omfördelade medel,Andel oförbrukade medel\r\n"
        "Ale kommun,283502,13754,0.2500\r\n"
        "Bjuv; Södra,204166,,0.0000\r\n");
}

TEST_CASE("excel option: semicolons, decimal comma, BOM, --summarad adds the total row") {
  rv::xport::CsvOptions o;
  o.excel = true;
  o.total_row = true;
  CHECK(rv::xport::to_csv(table(), o) ==
        "\xEF\xBB\xBFKommun;Rekvirerat belopp;Omfördelade medel;Andel oförbrukade medel\r\n"
        "Ale kommun;283502;13754;0,2500\r\n"
        "\"Bjuv; Södra\";204166;;0,0000\r\n"
        "Totalt;487668;99999;0,1250\r\n");
}

TEST_CASE("XLSX: a sum total is a formula with its value, a declared one a number, no dashes") {
  fs::path dir = fs::temp_directory_path() / ("rv_excel_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "t.xlsx";
  rv::Diagnostics diags;
  auto target = rv::outfile::check_target(file.string(), diags);
  REQUIRE(target);
  REQUIRE(rv::xport::write_xlsx(table(), *target, diags));
  const std::string sheet = part(file, "xl/worksheets/sheet1.xml");
  // Rows 4–5 are the data (title, caption gap, header on row 3); the total on row 6.
  CHECK(sheet.find("<c r=\"B6\" s=\"6\"><f>SUM(B4:B5)</f><v>487668</v></c>") != std::string::npos);
  // 99 999 is not the column's sum (13 754): written as the number it is.
  CHECK(sheet.find("<c r=\"C6\" s=\"6\"><v>99999</v></c>") != std::string::npos);
  // The missing value is an empty cell, not the text "–".
  CHECK(sheet.find("r=\"C5\"") == std::string::npos);
  CHECK(part(file, "xl/sharedStrings.xml").find("–") == std::string::npos);
  // Read back by the importer: the cached totals are there, the table imports.
  rv::Diagnostics read_diags;
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  auto read = rv::import::read_xlsx("t.xlsx", bytes.str(), "", read_diags);
  REQUIRE(read);
  REQUIRE(read->rows.size() >= 6);
  CHECK(read->rows[5][1].kind == rv::import::Cell::Kind::Number);
  CHECK(read->rows[5][1].text == "487668");
  fs::remove_all(dir);
}
