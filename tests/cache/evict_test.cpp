// The cache folder stays under its cap: the least recently used entries go first, a hit
// counts as a use, and files that are not rapportverk's are never touched.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>

#include "../support/shell.hpp"
#include "cache/cache.hpp"

namespace cache = rv::cache;
namespace fs = std::filesystem;

namespace {

// Backdates a file, so that the order of use does not depend on the clock's resolution.
void used_minutes_ago(const fs::path& p, int minutes) {
  fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::minutes(minutes));
}

}  // namespace

TEST_CASE("cache eviction: the least recently used entries go until the folder fits") {
  const auto dir = rvtest::temp_dir("cache_evict");
  const std::string d = dir.string();
  const std::string kb(1000, 'x');
  for (const char* name : {"a.rvc", "b.rvc", "c.rvc", "d.rvc"})
    cache::write_entry(d, name, "k", kb);
  const auto entry_size = fs::file_size(dir / "a.rvc");
  used_minutes_ago(dir / "a.rvc", 40);
  used_minutes_ago(dir / "b.rvc", 30);
  used_minutes_ago(dir / "c.rvc", 20);
  used_minutes_ago(dir / "d.rvc", 10);
  // Not ours: never counted, never removed, whatever their age.
  rvtest::write(dir / "anteckningar.txt", std::string(5000, 'n'));
  rvtest::write(dir / "data.bin", std::string(5000, 'n'));
  used_minutes_ago(dir / "anteckningar.txt", 100);
  used_minutes_ago(dir / "data.bin", 100);
  // An entry of an older version (before checksums): ours, and the oldest.
  rvtest::write(dir / "0123456789abcdef.bin", kb);
  used_minutes_ago(dir / "0123456789abcdef.bin", 50);

  // A hit makes "a" the most recently used.
  REQUIRE(cache::read_entry(d, "a.rvc", "k"));
  ::setenv("RAPPORTVERK_CACHE_STORLEK", std::to_string(3 * entry_size).c_str(), 1);
  cache::write_entry(d, "e.rvc", "k", kb);  // five entries and the old one: three must go
  ::unsetenv("RAPPORTVERK_CACHE_STORLEK");

  CHECK_FALSE(fs::exists(dir / "0123456789abcdef.bin"));
  CHECK_FALSE(fs::exists(dir / "b.rvc"));
  CHECK_FALSE(fs::exists(dir / "c.rvc"));
  CHECK(fs::exists(dir / "d.rvc"));
  CHECK(fs::exists(dir / "a.rvc"));
  CHECK(fs::exists(dir / "e.rvc"));  // just written
  CHECK(fs::exists(dir / "anteckningar.txt"));
  CHECK(fs::exists(dir / "data.bin"));
  fs::remove_all(dir);
}

TEST_CASE("cache eviction: stale temporary files go, fresh ones may still be written") {
  const auto dir = rvtest::temp_dir("cache_evict_tmp");
  const std::string d = dir.string();
  rvtest::write(dir / "x.rvc.tmp123-0", std::string(3000, 't'));
  used_minutes_ago(dir / "x.rvc.tmp123-0", 120);
  rvtest::write(dir / "y.rvc.tmp456-0", std::string(3000, 't'));
  cache::evict(d, 1000);
  CHECK_FALSE(fs::exists(dir / "x.rvc.tmp123-0"));
  CHECK(fs::exists(dir / "y.rvc.tmp456-0"));
  fs::remove_all(dir);
}

TEST_CASE("cache eviction: symlinks and folders with entry names are left alone") {
  const auto dir = rvtest::temp_dir("cache_evict_links");
  const auto outside = rvtest::temp_dir("cache_evict_outside");
  rvtest::write(outside / "viktig.txt", std::string(5000, 'v'));
  fs::create_symlink(outside / "viktig.txt", dir / "l.rvc");
  fs::create_directory(dir / "m.rvc");
  cache::evict(dir.string(), 0);
  CHECK(fs::exists(outside / "viktig.txt"));
  CHECK(fs::is_symlink(dir / "l.rvc"));
  CHECK(fs::is_directory(dir / "m.rvc"));
  fs::remove_all(dir);
  fs::remove_all(outside);
}
