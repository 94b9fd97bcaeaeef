// The CSV reader: separators, quoting, encodings, and where each cell is.
#include <catch2/catch.hpp>

#include "import/import.hpp"

using namespace rv::import;

namespace {
Sheet read(const std::string& text) {
  rv::Diagnostics d;
  auto s = read_csv("t.csv", text, d);
  INFO((d.empty() ? "" : rv::format_diagnostic(d.all()[0])));
  REQUIRE(s);
  return *s;
}
}  // namespace

TEST_CASE("comma CSV with RFC 4180 quotes and CRLF") {
  Sheet s = read("Namn,Belopp\r\n\"Ale, kommun\",\"1 000\"\r\n\"Säg \"\"hej\"\"\",5\r\n");
  REQUIRE(s.rows.size() == 3);
  CHECK(s.separator == ',');
  CHECK(s.rows[1][0].text == "Ale, kommun");
  CHECK(s.rows[1][1].text == "1 000");
  CHECK(s.rows[2][0].text == "Säg \"hej\"");
  CHECK(s.rows[2][1].at == rv::Span{"t.csv", 3, 15});
}

TEST_CASE("semicolon CSV from Swedish Excel: BOM, decimal commas stay in the field") {
  Sheet s = read("\xEF\xBB\xBFKommun;Andel\r\nAle kommun;12,13\r\n");
  CHECK(s.separator == ';');
  CHECK(s.encoding == "UTF-8 med BOM");
  CHECK(s.rows[0][0].text == "Kommun");
  CHECK(s.rows[1][1].text == "12,13");
  CHECK(s.rows[1][1].at == rv::Span{"t.csv", 2, 12});
}

TEST_CASE("Windows-1252 is recognised and converted to UTF-8") {
  // "Åre kommun;Överkalix" with Latin-1 bytes, and an en dash (0x96).
  Sheet s = read("Kommun;Belopp\n\xC5re kommun;\x96\n\xD6verkalix kommun;5\n");
  CHECK(s.encoding == "Windows-1252");
  CHECK(s.rows[1][0].text == "Åre kommun");
  CHECK(s.rows[1][1].text == "\xE2\x80\x93");
  CHECK(s.rows[2][0].text == "Överkalix kommun");
}

TEST_CASE("a quoted field over two lines keeps the line count right for later cells") {
  Sheet s = read("Namn,Anmärkning\nAle,\"rad ett\nrad två\"\nBjuv,x\n");
  REQUIRE(s.rows.size() == 3);
  CHECK(s.rows[1][1].text == "rad ett\nrad två");
  CHECK(s.rows[2][0].at.line == 4);
}

TEST_CASE("empty fields, a trailing separator and no final line end") {
  Sheet s = read("a;b;c\n1;;\n;;3");
  REQUIRE(s.rows.size() == 3);
  CHECK(s.rows[1].size() == 3);
  CHECK(s.rows[1][1].empty());
  CHECK(s.rows[2][2].text == "3");
}

TEST_CASE("an unterminated quote is an error at the quote") {
  rv::Diagnostics d;
  CHECK_FALSE(read_csv("t.csv", "a,b\n1,\"öppen\n", d));
  REQUIRE(d.error_count() == 1);
  CHECK(rv::format_diagnostic(d.all()[0]) ==
        "t.csv:2:3: fel: citattecknet som börjar här avslutas aldrig");
}

TEST_CASE("a title row without separators does not hide the semicolons below it") {
  Sheet s = read("Fördelning 2020\r\n\r\nKommun;Andel\r\nAle kommun;12,13\r\nBjuv;1,5\r\n");
  CHECK(s.separator == ';');
  CHECK(s.rows[3][1].text == "12,13");
}

TEST_CASE("UTF-16 (Excel's Unicode text) is refused with what to do instead") {
  rv::Diagnostics d;
  CHECK_FALSE(read_csv("t.csv", std::string("\xFF\xFEK\0o\0", 6), d));
  REQUIRE(d.error_count() == 1);
  CHECK(rv::format_diagnostic(d.all()[0]) ==
        "t.csv: fel: filen är UTF-16 (Excels \"Unicode-text\"); spara den som \"CSV UTF-8\" "
        "eller som .xlsx");
}
