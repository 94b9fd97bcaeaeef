// Point 11 of issue 11: the data-set cache was keyed on one source file's build time, so a
// new validation rule elsewhere kept old entries valid. The key now holds the code version
// (a hash of the loader's and model's sources, tests/cache/code_version_test.cpp).
#include <catch2/catch.hpp>

#include "../support/shell.hpp"
#include "load/cache.hpp"
#include "load/load.hpp"

using namespace rv;

TEST_CASE("load: a data-set entry written by other code is not read") {
  const auto dir = rvtest::temp_dir("cache_version");
  const std::string cache = (dir / "cache").string();
  std::string a = "bidrag: {namn: X, år: 2019, myndighet: Y}\n";
  std::vector<load::CachedFile> files{{"a.yaml", &a}};
  LoadResult r = load_data_text("a.yaml", a);
  REQUIRE(r.ok());
  load::write_cached(cache, files, r, "0.1.0+aaaaaaaaaaaaaaaa");
  CHECK(load::read_cached(cache, files, "0.1.0+aaaaaaaaaaaaaaaa"));
  CHECK_FALSE(load::read_cached(cache, files, "0.1.0+bbbbbbbbbbbbbbbb"));
  CHECK_FALSE(load::read_cached(cache, files));
  CHECK(load::cache_key(files, "0.1.0+aaaaaaaaaaaaaaaa") !=
        load::cache_key(files, "0.1.0+bbbbbbbbbbbbbbbb"));
  std::filesystem::remove_all(dir);
}
