// The help's two columns line up also where a name has å, ä or ö (CLI11 counts bytes).
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "../support/shell.hpp"

namespace {

// The character column where the description starts on the line that begins with `name`.
size_t description_column(const std::string& help, const std::string& name) {
  std::istringstream in(help);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  " + name, 0) != 0) continue;
    size_t chars = 0, i = 0;
    bool gap = false;
    for (; i < line.size(); ++i) {
      const auto c = static_cast<unsigned char>(line[i]);
      if ((c & 0xC0) == 0x80) continue;
      if (gap && c != ' ') return chars;
      if (i > 2 + name.size() && line.compare(i, 2, "  ") == 0) gap = true;
      ++chars;
    }
  }
  return 0;
}

}  // namespace

TEST_CASE("the help's descriptions line up where names have Swedish letters") {
  const std::string rv = std::string("'") + RV_BINARY + "' ";
  const std::string main_help = rvtest::sh(rv + "--help").out;
  const size_t plain = description_column(main_help, "skapa, render");
  REQUIRE(plain > 0);
  CHECK(description_column(main_help, "fördela, allocate") == plain);
  const std::string import_help = rvtest::sh(rv + "importera --help").out;
  const size_t option = description_column(import_help, "--blad TEXT");
  REQUIRE(option > 0);
  CHECK(description_column(import_help, "--jämför-med TEXT") == option);
}
