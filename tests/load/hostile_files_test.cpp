// Data folders with entries that are not regular files, and the command line's answer to
// a data set whose totals cannot be represented (issue 11, points 8 and 9).
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"
#include "load/load.hpp"

using namespace rv;
namespace fs = std::filesystem;

namespace {

const char* kValid =
    "bidrag: {namn: Utvecklingsmedel, år: 2019, myndighet: Socialstyrelsen}\n"
    "grupper:\n"
    "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner, "
    "bestämd_plural: kommunerna}\n";

std::string messages(const LoadResult& r) {
  std::string out;
  for (const auto& d : r.diags.sorted()) out += format_diagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("a dangling symlink and a FIFO named *.yaml in a data folder are errors") {
  fs::path dir = rvtest::temp_dir("hostile_files");
  rvtest::write(dir / "a.yaml", kValid);
  fs::create_symlink(dir / "finns-inte.yaml", dir / "b.yaml");
  // Never opened: opening a FIFO for reading would wait for a writer for ever.
  REQUIRE(mkfifo((dir / "c.yaml").c_str(), 0600) == 0);
  fs::create_symlink(dir / "d.yaml", dir / "d.yaml");  // a link to itself
  fs::create_directories(dir / "underkatalog.yaml");   // a folder is searched, not an error
  auto r = load_data_set({dir.string()});
  std::string m = messages(r);
  INFO(m);
  REQUIRE_FALSE(r.ok());
  CHECK(m.find((dir / "b.yaml").string() +
               ": fel: den symboliska länken pekar på en fil som inte finns") != std::string::npos);
  CHECK(m.find((dir / "c.yaml").string() +
               ": fel: är en namngiven rörledning (FIFO), inte en vanlig fil") !=
        std::string::npos);
  CHECK(m.find((dir / "d.yaml").string() + ": fel: de symboliska länkarna går i en slinga") !=
        std::string::npos);
  CHECK(m.find("underkatalog") == std::string::npos);
  CHECK(r.diags.error_count() == 3);
  fs::remove_all(dir);
}

TEST_CASE("a FIFO named on the command line is an error, not a hang") {
  fs::path dir = rvtest::temp_dir("hostile_fifo");
  REQUIRE(mkfifo((dir / "data.yaml").c_str(), 0600) == 0);
  auto r = load_data_set({(dir / "data.yaml").string()});
  REQUIRE_FALSE(r.ok());
  CHECK(messages(r).find("är en namngiven rörledning (FIFO)") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("kontrollera, statistik and skapa bilaga refuse totals past int64 with exit 2") {
  fs::path dir = rvtest::temp_dir("hostile_overflow");
  std::string text = std::string(kValid) + "mottagare:\n  kommuner:\n";
  for (int i = 0; i < 9300; ++i)
    text +=
        "    - {namn: K" + std::to_string(i) + ", rekvirerat: 1000000000000000, oförbrukat: 0}\n";
  rvtest::write(dir / "data.yaml", text);
  const std::string bin = std::string("RAPPORTVERK_CACHE=0 '") + RV_BINARY + "' ";
  const std::string data = "'" + (dir / "data.yaml").string() + "'";

  auto check = rvtest::sh(bin + "kontrollera " + data);
  CHECK(check.code == 2);
  CHECK(check.out.find("data.yaml:1006:7: fel: summan av 'rekvirerat/beviljat' blir större än") !=
        std::string::npos);
  CHECK(check.out.find("Inga fel") == std::string::npos);

  auto stats = rvtest::sh(bin + "statistik " + data);
  CHECK(stats.code == 2);
  CHECK(stats.out.find("−9") == std::string::npos);

  fs::path pdf = dir / "bilaga.pdf";
  auto render = rvtest::sh(bin + "skapa bilaga " + data + " -o '" + pdf.string() + "'");
  CHECK(render.code == 2);
  CHECK_FALSE(fs::exists(pdf));
  CHECK(render.out.find("internt fel") == std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("load::read_file refuses a FIFO without waiting for a writer") {
  // The folder listing never hands it a FIFO; this covers one swapped in after the check.
  fs::path dir = rvtest::temp_dir("hostile_read_fifo");
  REQUIRE(mkfifo((dir / "data.yaml").c_str(), 0600) == 0);
  std::string out;
  CHECK_FALSE(load::read_file((dir / "data.yaml").string(), out));
  fs::remove_all(dir);
}
