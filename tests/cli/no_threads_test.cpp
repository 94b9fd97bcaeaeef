// Under a process limit a new thread can be refused (EAGAIN). rapportverk parses, lays
// out and compresses on several threads; without them it must do the same work on one,
// never end with an internal error. The preloaded library refuses every thread.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::Run;
using rvtest::sh;

namespace {

// ASan wants its runtime first among the libraries; the preloaded one comes before it.
Run without_threads(const std::string& args) {
  REQUIRE(fs::exists(RV_NO_THREADS));  // else the loader ignores LD_PRELOAD and threads run
  return sh(std::string("LD_PRELOAD='") + RV_NO_THREADS +
            "' ASAN_OPTIONS=verify_asan_link_order=0 '" + RV_BINARY + "' " + args);
}

}  // namespace

TEST_CASE("without threads the national report is still written, the same as with them") {
  const fs::path dir = rvtest::temp_dir("no_threads");
  const std::string args = "skapa uppfoljning-nationell data/nationell-2019 --format spår -o '";
  Run one = without_threads(args + (dir / "en.txt").string() + "'");
  INFO(one.out);
  CHECK(one.code == 0);
  CHECK(one.out.find("internt fel") == std::string::npos);
  Run many = sh(std::string("'") + RV_BINARY + "' " + args + (dir / "flera.txt").string() + "'");
  REQUIRE(many.code == 0);
  CHECK(rvtest::read(dir / "en.txt") == rvtest::read(dir / "flera.txt"));
  Run pdf =
      without_threads("skapa bilaga data/nationell-2019 -o '" + (dir / "b.pdf").string() + "'");
  INFO(pdf.out);
  CHECK(pdf.code == 0);
  CHECK(fs::file_size(dir / "b.pdf") > 10000);
  fs::remove_all(dir);
}

TEST_CASE("without threads a template error is still exit 2 with its message") {
  const fs::path dir = rvtest::temp_dir("no_threads_error");
  fs::create_directories(dir / "mall");
  rvtest::write(dir / "mall" / "mall.yaml", "typ: bilaga\nmetadata:\n  titel: \"T\"\n");
  rvtest::write(dir / "mall" / "mall.md", "{{ finns_inte }}\n");
  Run r = without_threads("skapa '" + (dir / "mall").string() + "' data/exempel -o '" +
                          (dir / "ut.pdf").string() + "'");
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(r.out.find("mall.md:1:") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "ut.pdf"));
  fs::remove_all(dir);
}

TEST_CASE("without threads every letter of a batch is written") {
  const fs::path dir = rvtest::temp_dir("no_threads_batch");
  Run r = without_threads("skapa aterbetalning data/nationell-2019 --per-mottagare -o '" +
                          (dir / "brev").string() + "'");
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(fs::exists(dir / "brev" / "förteckning.csv"));
  size_t pdfs = 0;
  for (const auto& e : fs::directory_iterator(dir / "brev"))
    if (e.path().extension() == ".pdf") ++pdfs;
  CHECK(pdfs > 1);
  fs::remove_all(dir);
}
