// Issue 16, point 2: template errors at their real place, naming the table, once per
// loop or table with the number of passes, and saying the actual cause.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::Run;
using rvtest::sh;

namespace {

const char* kSettings = "typ: bilaga\nmetadata:\n  titel: \"T\"\n  författare: \"A\"\n";

Run render(const fs::path& root, const std::string& settings, const std::string& body) {
  fs::remove_all(root / "mall");
  fs::create_directories(root / "mall");
  rvtest::write(root / "mall" / "mall.yaml", std::string(kSettings) + settings);
  rvtest::write(root / "mall" / "mall.md", body);
  return sh(std::string("'") + RV_BINARY + "' skapa '" + (root / "mall").string() +
            "' data/nationell-2019 -o '" + (root / "ut.pdf").string() + "'");
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

const char* kTable =
    "tabeller:\n"
    "  t1:\n"
    "    rubrik: \"R\"\n"
    "    källa: grupper.kommuner.mottagare\n"
    "    kolumner:\n"
    "      - {rubrik: Kommun, värde: rad.namnn}\n"
    "      - {rubrik: Fördelat, värde: rad.fördelat +, format: heltal}\n";

}  // namespace

TEST_CASE("an error in a table's column is reported once, at its line, naming the table") {
  const fs::path root = rvtest::temp_dir("messages_table");
  Run r = render(root, kTable, "{% tabell t1 %}\n");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(occurrences(r.out, "'namnn'") == 1);
  CHECK(r.out.find("mall.yaml:10:37: fel: tabellen 't1': 'rad' har inget fält 'namnn' (menade "
                   "du 'namn'?) (i alla 290 rader)") != std::string::npos);
  CHECK(r.out.find("mall.yaml:11:49: fel: tabellen 't1', kolumnen 'Fördelat', 'värde': "
                   "uttrycket är tomt eller slutar för tidigt") != std::string::npos);
  CHECK_FALSE(fs::exists(root / "ut.pdf"));
  fs::remove_all(root);
}

TEST_CASE("an error inside a loop is reported once with the number of passes") {
  const fs::path root = rvtest::temp_dir("messages_loop");
  Run r = render(root, "",
                 "# R\n\n{% for k in grupper.regioner.mottagare %}\n- {{ k.namnet }}\n"
                 "{% endfor %}\n{% for k in grupper.regioner.mottagare %}\n"
                 "{% if k.namn == \"Region Gotland\" %}{{ k.x }}{% endif %}\n{% endfor %}\n");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(occurrences(r.out, "'namnet'") == 1);
  CHECK(r.out.find("mall.md:4:8: fel: 'k' har inget fält 'namnet' (menade du 'namn'?) (i alla 21 "
                   "varv)") != std::string::npos);
  // Raised in one pass only: no count.
  CHECK(r.out.find("har inget fält 'x'\n") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("summa of a field the records lack says so, with the closest field") {
  const fs::path root = rvtest::temp_dir("messages_sum");
  Run r = render(root, "", "{{ grupper.kommuner.mottagare | summa(\"fördelad\") }}\n");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("mall.md:1:33: fel: posterna i listan har inget fält 'fördelad' (menade du "
                   "'fördelat'?)") != std::string::npos);
  CHECK(r.out.find("kan bara summera heltal") == std::string::npos);
  r = render(root, "", "{{ grupper.kommuner.mottagare | summa(\"namn\") }}\n");
  CHECK(r.out.find("filtret 'summa' kan bara summera heltal, men fältet 'namn' har text") !=
        std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("an if left open inside a loop is one error at the if") {
  const fs::path root = rvtest::temp_dir("messages_if");
  Run r = render(root, "",
                 "# R\n\n{% for k in grupper.regioner.mottagare %}\n{% if k.fördelat > 0 %}\n"
                 "- {{ k.namn }}\n{% endfor %}\n");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("mall.md:4:1: fel: {% if %} saknar {% endif %} före {% endfor %} på rad 6") !=
        std::string::npos);
  CHECK(r.out.find("1 fel") != std::string::npos);
  fs::remove_all(root);
}

TEST_CASE("a link to nothing is a warning at the link, once") {
  const fs::path root = rvtest::temp_dir("messages_link");
  Run r = render(root, "",
                 "# R\n\nText.\n\nSe [bilagan som inte finns någonstans i hela dokumentet trots "
                 "att den borde finnas där och länken är lång](#finnsinte).\n");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(r.out.find("mall.md:5:5: varning: länken pekar på ”finnsinte” som inte finns") !=
        std::string::npos);
  CHECK(occurrences(r.out, "finnsinte") == 1);
  fs::remove_all(root);
}
