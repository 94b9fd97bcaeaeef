// Each cache's entry replaced by a FIFO or by a link to /dev/zero: a render neither hangs nor
// grows without bound, and gives the same document as without a cache.
#include <sys/resource.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

// A render of a small document as a text trace, stopped after 10 s, so that a hang fails
// the test instead of blocking it. (No ulimit -v against growth: a sanitizer build reserves
// terabytes of address space; the peak is checked afterwards instead, see below.)
std::string render(const fs::path& dir, const std::string& cache) {
  const auto out = dir / "spår.txt";
  fs::remove(out);
  auto r = rvtest::sh("RAPPORTVERK_CACHE='" + cache + "' timeout 10 '" + std::string(RV_BINARY) +
                      "' skapa fordelning-beslut data/stockholm-2022 --format spår -o '" +
                      out.string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  return rvtest::read(out);
}

// The largest resident size of any finished child process so far, in MiB (Linux counts
// the renders, which `timeout` waited for, in it).
long peak_child_mib() {
  rusage u{};
  ::getrusage(RUSAGE_CHILDREN, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

TEST_CASE("cache: an entry that is a FIFO or a link to /dev/zero is a miss") {
  const auto dir = rvtest::temp_dir("cache_cli_special");
  const std::string cache = (dir / "cache").string();
  const std::string uncached = render(dir, "0");
  REQUIRE(render(dir, cache) == uncached);  // fills the cache
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(cache)) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  REQUIRE(entries.size() == 3);  // data set, template settings, hyphenation answers
  for (const auto& entry : entries) {
    for (const std::string kind : {"fifo", "/dev/zero"}) {
      INFO(entry.filename().string() << " som " << kind);
      fs::remove(entry);
      if (kind == "fifo")
        REQUIRE(::mkfifo(entry.c_str(), 0600) == 0);
      else
        fs::create_symlink(kind, entry);
      CHECK(render(dir, cache) == uncached);
      // About 20 MiB; a store read from /dev/zero grew past 1 GiB in two seconds.
      CHECK(peak_child_mib() < 512);
    }
  }
  fs::remove_all(dir);
}
