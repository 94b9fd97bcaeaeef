// The cache folder as users meet it: RAPPORTVERK_CACHE_STORLEK bounds it, and renders that
// run at the same time into one empty cache leave entries the next render can use.
#include <catch2/catch.hpp>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

std::string command(const fs::path& out, const std::string& env) {
  return env + " timeout 60 '" + std::string(RV_BINARY) +
         "' skapa uppfoljning-nationell data/nationell-2019 --format spår -o '" + out.string() +
         "'";
}

std::string render(const fs::path& out, const std::string& env) {
  fs::remove(out);
  auto r = rvtest::sh(command(out, env));
  INFO(r.out);
  REQUIRE(r.code == 0);
  return rvtest::read(out);
}

uintmax_t folder_size(const fs::path& dir) {
  uintmax_t total = 0;
  for (const auto& e : fs::directory_iterator(dir)) total += e.file_size();
  return total;
}

}  // namespace

TEST_CASE("cache: RAPPORTVERK_CACHE_STORLEK bounds the folder, and the documents stay the same") {
  const auto dir = rvtest::temp_dir("cache_cli_cap");
  const fs::path cache = dir / "cache";
  const std::string uncached = render(dir / "a.txt", "RAPPORTVERK_CACHE=0");
  // 200 KiB: the settings and the hyphenation answers fit (~105 KB together, with the
  // national template's full text), the data set (~525 KB) does not.
  const std::string env =
      "RAPPORTVERK_CACHE='" + cache.string() + "' RAPPORTVERK_CACHE_STORLEK=200K";
  CHECK(render(dir / "b.txt", env) == uncached);
  CHECK(render(dir / "c.txt", env) == uncached);
  CHECK(folder_size(cache) <= 200 * 1024);
  size_t entries = 0, data_entries = 0, allocation_entries = 0;
  for (const auto& e : fs::directory_iterator(cache)) {
    ++entries;
    data_entries += e.path().filename().string().rfind("data-", 0) == 0;
    // The groups' key specifications (stats/allocation_cache.hpp), when they fit.
    allocation_entries += e.path().filename().string().rfind("fordelning-", 0) == 0;
  }
  CHECK(entries - allocation_entries == 2);
  CHECK(allocation_entries <= 2);
  CHECK(data_entries == 0);
  fs::remove_all(dir);
}

TEST_CASE("cache: renders at the same time into one empty cache, then one from it") {
  const auto dir = rvtest::temp_dir("cache_cli_parallel");
  const std::string env = "RAPPORTVERK_CACHE='" + (dir / "cache").string() + "'";
  const std::string uncached = render(dir / "u.txt", "RAPPORTVERK_CACHE=0");
  // Both from one shell, in the background, so that they really overlap.
  auto r = rvtest::sh(command(dir / "a.txt", env) + " 2>&1 & a=$!; " + command(dir / "b.txt", env) +
                      " 2>&1 & b=$!; wait $a && wait $b");
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(rvtest::read(dir / "a.txt") == uncached);
  CHECK(rvtest::read(dir / "b.txt") == uncached);
  CHECK(render(dir / "c.txt", env) == uncached);
  size_t temporaries = 0;
  for (const auto& e : fs::directory_iterator(dir / "cache"))
    temporaries += e.path().filename().string().find(".tmp") != std::string::npos;
  CHECK(temporaries == 0);
  fs::remove_all(dir);
}
