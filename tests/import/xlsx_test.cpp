// The XLSX reader on workbooks made by the test: strings, numbers, formulas, sheets.
#include <catch2/catch.hpp>

#include "import/import.hpp"
#include "make_xlsx.hpp"

using namespace rv::import;
using rvtest::xlsx_bytes;
using rvtest::XlsxSpec;

TEST_CASE("shared and inline strings, numbers and cached formula values with cell places") {
  XlsxSpec spec;
  spec.rows = {
      {"'Kommun", "\"Belopp"}, {"'Ale kommun", "283502"}, {"'Totalt", "=SUM(B2:B2)|283502"}};
  rv::Diagnostics d;
  auto s = read_xlsx("k.xlsx", xlsx_bytes(spec), "", d);
  REQUIRE(s);
  CHECK(d.empty());
  CHECK(s->name == "Blad1");
  REQUIRE(s->rows.size() == 3);
  CHECK(s->rows[0][1].text == "Belopp");
  CHECK(s->rows[1][0].text == "Ale kommun");
  CHECK(s->rows[1][1].kind == Cell::Kind::Number);
  CHECK(s->rows[1][1].text == "283502");
  CHECK(s->rows[2][1].text == "283502");
  CHECK(rv::format_diagnostic({rv::Severity::Error, s->rows[1][1].at, "x"}) ==
        "k.xlsx:Blad1!B2: fel: x");
}

TEST_CASE("a formula without a cached value is an error at its cell") {
  XlsxSpec spec;
  spec.rows = {{"'Kommun", "'Belopp"}, {"'Ale kommun", "=SUM(A1:A1)"}};
  rv::Diagnostics d;
  CHECK_FALSE(read_xlsx("k.xlsx", xlsx_bytes(spec), "", d));
  REQUIRE(d.error_count() == 1);
  CHECK(rv::format_diagnostic(d.all()[0])
            .starts_with(
                "k.xlsx:Blad1!B2: fel: cellen har en formel (=SUM(A1:A1)) men inget sparat värde"));
}

TEST_CASE("the first sheet by default, a named one with --blad, and the names when missing") {
  XlsxSpec spec;
  spec.sheet_name = "Kommuner";
  spec.extra_sheet = "Försättsblad";
  spec.rows = {{"'Kommun"}};
  rv::Diagnostics d;
  auto first = read_xlsx("k.xlsx", xlsx_bytes(spec), "", d);
  REQUIRE(first);
  CHECK(first->name == "Försättsblad");
  auto named = read_xlsx("k.xlsx", xlsx_bytes(spec), "Kommuner", d);
  REQUIRE(named);
  CHECK(named->rows[0][0].text == "Kommun");
  CHECK_FALSE(read_xlsx("k.xlsx", xlsx_bytes(spec), "Regioner", d));
  REQUIRE(d.error_count() == 1);
  CHECK(rv::format_diagnostic(d.all()[0]) ==
        "k.xlsx: fel: arbetsboken har inget blad 'Regioner' (bladen: 'Försättsblad', 'Kommuner')");
}

TEST_CASE("merged ranges are read") {
  XlsxSpec spec;
  spec.rows = {{"'Kommun", "'Belopp"}};
  spec.merges = {"B1:C1"};
  rv::Diagnostics d;
  auto s = read_xlsx("k.xlsx", xlsx_bytes(spec), "", d);
  REQUIRE(s);
  REQUIRE(s->merges.size() == 1);
  CHECK(s->merges[0].first_col == 1);
  CHECK(s->merges[0].last_col == 2);
  CHECK(s->merges[0].ref == "B1:C1");
}

TEST_CASE("a file that is not a zip archive, or a truncated one, is one Swedish error") {
  rv::Diagnostics d;
  CHECK_FALSE(read_xlsx("k.xlsx", "Kommun;Belopp\n", "", d));
  std::string cut = xlsx_bytes(XlsxSpec{});
  cut.resize(cut.size() / 2);
  CHECK_FALSE(read_xlsx("k.xlsx", cut, "", d));
  REQUIRE(d.error_count() == 2);
  for (const auto& e : d.all()) CHECK(e.message.find("XLSX") != std::string::npos);
}

TEST_CASE("column letters") {
  CHECK(column_letters(0) == "A");
  CHECK(column_letters(25) == "Z");
  CHECK(column_letters(26) == "AA");
  CHECK(column_letters(701) == "ZZ");
  CHECK(column_letters(702) == "AAA");
}
