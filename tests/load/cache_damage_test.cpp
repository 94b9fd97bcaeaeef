// A damaged data-set cache entry is a miss, never a different data set: a dense sample of
// single-byte changes over a real entry, each read either misses or gives exactly the data
// and warnings of a fresh load.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "../support/shell.hpp"
#include "load/cache.hpp"
#include "load/load.hpp"

namespace fs = std::filesystem;
using namespace rv;

namespace {

// The data set's files as load_data_set() reads them: its YAML files in name order.
std::vector<std::pair<std::string, std::string>> data_set_files(const std::string& set) {
  std::vector<std::string> paths;
  for (const auto& e : fs::recursive_directory_iterator(set))
    if (e.path().extension() == ".yaml" || e.path().extension() == ".yml")
      paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& p : paths) files.emplace_back(p, rvtest::read(p));
  return files;
}

// Changes one byte in place: rewriting the whole file each time would make the file system
// flush it to disk each time (ext4 does so for a file truncated and written again).
void put_byte(const fs::path& p, size_t at, char c) {
  std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(at));
  f.put(c);
}

}  // namespace

TEST_CASE("load: every sampled damaged byte of a data-set cache entry is a miss") {
  const auto dir = rvtest::temp_dir("cache_damage");
  const std::string cache = (dir / "cache").string();
  const std::string set = std::string(RV_SOURCE_DIR) + "/data/nationell-2019";

  ::setenv("RAPPORTVERK_CACHE", "0", 1);
  const LoadResult fresh = load_data_set({set});
  REQUIRE(fresh.ok());
  ::setenv("RAPPORTVERK_CACHE", cache.c_str(), 1);
  REQUIRE(load_data_set({set}).ok());  // writes the entry
  ::unsetenv("RAPPORTVERK_CACHE");

  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(cache)) entries.push_back(e.path());
  REQUIRE(entries.size() == 1);
  const fs::path entry = entries.front();
  const std::string good = rvtest::read(entry);

  const auto texts = data_set_files(set);
  std::vector<load::CachedFile> files;
  for (const auto& [path, text] : texts) files.push_back({path, &text});
  REQUIRE(load::read_cached(cache, files));  // the undamaged entry is a hit

  // Every byte of the first and last 512 (header, key, checksum), and a dense sample of the
  // rest with a prime stride so that every field's bytes are hit at varying offsets.
  std::vector<size_t> positions;
  for (size_t i = 0; i < good.size(); ++i)
    if (i < 512 || i + 512 >= good.size() || i % 89 == 0) positions.push_back(i);
  size_t hits = 0, wrong = 0;
  for (size_t n = 0; n < positions.size(); ++n) {
    const size_t at = positions[n];
    const unsigned char masks[] = {0x01, 0x10, 0x80, 0xff};
    put_byte(entry, at, static_cast<char>(good[at] ^ masks[n % 4]));
    auto got = load::read_cached(cache, files);
    put_byte(entry, at, good[at]);
    if (!got) continue;
    ++hits;
    if (!(got->data == fresh.data) || !(got->diags.all() == fresh.diags.all())) {
      ++wrong;
      UNSCOPED_INFO("byte " << positions[n] << " gav ett annat dataset");
    }
  }
  INFO(positions.size() << " skadade bytes, " << hits << " träffar");
  CHECK(wrong == 0);

  // Cut short anywhere: a miss too.
  size_t truncated_hits = 0;
  for (size_t size = good.size() - 1; size > 0; size = size > 997 ? size - 997 : 0) {
    fs::resize_file(entry, size);
    truncated_hits += load::read_cached(cache, files).has_value();
  }
  CHECK(truncated_hits == 0);
  fs::remove_all(dir);
}
