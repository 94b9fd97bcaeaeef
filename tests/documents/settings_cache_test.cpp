// The template settings cache changes nothing: every bundled document traces the same
// without a cache, when the cache is written (first run) and when it is read (second run).
#include <catch2/catch.hpp>

#include "../support/shell.hpp"

namespace {

std::string trace(const rvtest::fs::path& dir, const std::string& cache, const std::string& args) {
  auto out = dir / "spår.txt";
  rvtest::fs::remove(out);
  auto r = rvtest::sh("RAPPORTVERK_CACHE='" + cache + "' '" + std::string(RV_BINARY) + "' skapa " +
                      args + " --format spår -o '" + out.string() + "'");
  REQUIRE(r.code == 0);
  return rvtest::read(out);
}

}  // namespace

TEST_CASE("settings cache: bundled documents trace the same with and without it") {
  auto dir = rvtest::temp_dir("mallcache");
  const std::string cache = (dir / "cache").string();
  for (const std::string args :
       {"uppfoljning-nationell data/nationell-2019", "bilaga data/nationell-2019 -p grupp=regioner",
        "uppfoljning-stad data/stockholm-2017", "fordelning-beslut data/stockholm-2022"}) {
    INFO(args);
    std::string uncached = trace(dir, "0", args);
    CHECK(trace(dir, cache, args) == uncached);
    CHECK(trace(dir, cache, args) == uncached);
  }
  size_t settings_files = 0;
  for (const auto& e : rvtest::fs::directory_iterator(cache))
    settings_files += e.path().filename().string().rfind("mall-", 0) == 0;
  CHECK(settings_files == 4);
  rvtest::fs::remove_all(dir);
}
