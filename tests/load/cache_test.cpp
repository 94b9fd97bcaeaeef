#include "load/cache.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "load/load.hpp"

namespace fs = std::filesystem;
using namespace rv;

namespace {

fs::path scratch() {
  fs::path d = fs::temp_directory_path() / ("rv_cache_" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST_CASE("load: a cached data set equals the parsed one, warnings included") {
  // nationell-2019's key warnings come after loading, from its key specifications
  // (stats/group_allocation.hpp); stockholm-2022 has a warning of the loader's own.
  for (const auto& [name, warnings] : {std::pair{"nationell-2019", 0}, {"stockholm-2022", 1}}) {
    fs::path dir = scratch();
    ::setenv("RAPPORTVERK_CACHE", (dir / "cache").c_str(), 1);
    const std::string set = std::string(RV_SOURCE_DIR) + "/data/" + name;
    LoadResult parsed = load_data_set({set});
    REQUIRE(parsed.ok());
    REQUIRE(fs::exists(dir / "cache"));
    REQUIRE(std::distance(fs::directory_iterator(dir / "cache"), fs::directory_iterator{}) == 1);
    LoadResult cached = load_data_set({set});
    CHECK(cached.data == parsed.data);
    CHECK(cached.diags.all() == parsed.diags.all());
    CHECK(cached.diags.warning_count() == static_cast<size_t>(warnings));
    ::unsetenv("RAPPORTVERK_CACHE");
    fs::remove_all(dir);
  }
}

TEST_CASE("load: any edit, a damaged cache file or an invalid data set means no cache hit") {
  fs::path dir = scratch();
  const std::string cache = (dir / "cache").string();
  std::string a = "bidrag: {namn: X, år: 2019, myndighet: Y}\n";
  std::string b = "grupper: []\n";
  std::vector<load::CachedFile> files{{"a.yaml", &a}, {"b.yaml", &b}};

  LoadResult r = load_data_text("a.yaml", a);
  REQUIRE(r.ok());
  load::write_cached(cache, files, r);
  auto hit = load::read_cached(cache, files);
  REQUIRE(hit);
  CHECK(hit->data == r.data);

  std::string a2 = a + "# en kommentar ändrar också nyckeln\n";
  std::vector<load::CachedFile> edited{{"a.yaml", &a2}, {"b.yaml", &b}};
  CHECK_FALSE(load::read_cached(cache, edited));
  std::vector<load::CachedFile> renamed{{"c.yaml", &a}, {"b.yaml", &b}};
  CHECK_FALSE(load::read_cached(cache, renamed));

  // A truncated file is a miss, not a crash.
  fs::path file = fs::path(cache) / load::cache_key(files);
  fs::resize_file(file, fs::file_size(file) / 2);
  CHECK_FALSE(load::read_cached(cache, files));

  // Data sets with errors are never cached.
  std::string bad = "bidrag: {namn: X, år: tjugo, myndighet: Y}\n";
  std::vector<load::CachedFile> bad_files{{"bad.yaml", &bad}};
  LoadResult broken = load_data_text("bad.yaml", bad);
  REQUIRE_FALSE(broken.ok());
  load::write_cached(cache, bad_files, broken);
  CHECK_FALSE(load::read_cached(cache, bad_files));
  fs::remove_all(dir);
}
