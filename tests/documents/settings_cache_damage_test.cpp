// A damaged template-settings cache entry is a miss, never other settings: a dense sample
// of single-byte changes over a real entry, each read either misses (the file is read
// again) or gives exactly the settings a fresh read gives.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

#include "../support/shell.hpp"
#include "template/settings.hpp"
#include "template/settings_cache.hpp"

namespace fs = std::filesystem;
using namespace rv;

namespace {

// Changes one byte in place (rewriting the whole file makes ext4 flush it each time).
void put_byte(const fs::path& p, size_t at, char c) {
  std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(at));
  f.put(c);
}

}  // namespace

TEST_CASE("settings cache: every sampled damaged byte of an entry is a miss") {
  const auto dir = rvtest::temp_dir("settings_damage");
  const std::string cache = (dir / "cache").string();
  const std::string templ = std::string(RV_SOURCE_DIR) + "/templates/uppfoljning-nationell";
  const std::string file = templ + "/mall.yaml";
  const std::string text = rvtest::read(file);

  ::setenv("RAPPORTVERK_CACHE", "0", 1);
  Diagnostics diags;
  auto fresh = tmpl::read_settings(templ, diags);
  REQUIRE(fresh);
  REQUIRE(diags.all().empty());
  const std::string expected = tmpl::encode_settings(*fresh);

  ::setenv("RAPPORTVERK_CACHE", cache.c_str(), 1);
  REQUIRE(tmpl::read_settings(templ, diags));  // writes the entry
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(cache)) entries.push_back(e.path());
  REQUIRE(entries.size() == 1);
  const fs::path entry = entries.front();
  const std::string good = rvtest::read(entry);
  auto hit = tmpl::read_cached_settings(file, text);
  REQUIRE(hit);
  REQUIRE(tmpl::encode_settings(*hit) == expected);

  size_t tries = 0, hits = 0, wrong = 0;
  for (size_t i = 0; i < good.size(); i += (i < 512 || i + 512 >= good.size()) ? 1 : 13) {
    put_byte(entry, i, static_cast<char>(good[i] ^ (1 << (i % 8))));
    ++tries;
    auto got = tmpl::read_cached_settings(file, text);
    put_byte(entry, i, good[i]);
    if (!got) continue;
    ++hits;
    if (tmpl::encode_settings(*got) != expected) {
      ++wrong;
      UNSCOPED_INFO("byte " << i << " gav andra inställningar");
    }
  }
  ::unsetenv("RAPPORTVERK_CACHE");
  INFO(tries << " skadade bytes, " << hits << " träffar");
  CHECK(wrong == 0);
  fs::remove_all(dir);
}
