// stats/allocation_cache.hpp: a group's specification kept between runs comes back exactly
// as computed, and only for the same path and text; a damaged entry is a miss.
#include "stats/allocation_cache.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace rv;
using namespace rv::stats;
namespace fs = std::filesystem;

TEST_CASE("allocation cache: an entry round-trips, and an edit or damage is a miss") {
  fs::path dir = fs::temp_directory_path() / ("rv_alloc_cache_" + std::to_string(getpid()));
  fs::remove_all(dir);
  ::setenv("RAPPORTVERK_CACHE", dir.c_str(), 1);
  const std::string path = "/data/kommuner-fordelning.yaml";
  const std::string text =
      "fördelning:\n  grupp: kommuner\n  belopp: 1001\n  regel: minimibelopp\n"
      "  minimibelopp: 300\n  mottagare:\n    - {namn: A, nyckel: \"1,5\"}\n"
      "    - {namn: B, nyckel: 7}\n    - {namn: C, nyckel: 2.25}\n";
  ComputedAllocation c;
  SpecRead read = parse_allocation_spec(path, text);
  REQUIRE(read.ok());
  AllocationOutcome out = allocate(*read.spec);
  REQUIRE(out.allocation);
  c.result = GroupAllocation{*read.spec, *out.allocation};
  c.diags.warning(Span{path, 3, 3}, "en varning");

  CHECK_FALSE(read_cached_allocation(path, text));
  write_cached_allocation(path, text, c);
  auto back = read_cached_allocation(path, text);
  REQUIRE(back);
  REQUIRE(back->result);
  CHECK(back->diags.all() == c.diags.all());
  const auto& a = back->result->allocation;
  CHECK(a.amount == 1001);
  CHECK(a.key_decimals == 2);
  REQUIRE(a.lines.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(a.lines[i].name == c.result->allocation.lines[i].name);
    CHECK(a.lines[i].amount == c.result->allocation.lines[i].amount);
    CHECK(a.lines[i].key == c.result->allocation.lines[i].key);
    CHECK(a.lines[i].raised_to_minimum == c.result->allocation.lines[i].raised_to_minimum);
  }
  const auto& s = back->result->spec;
  CHECK(s.group == "kommuner");
  CHECK(s.minimum == 300);
  REQUIRE(s.recipients.size() == 3);
  CHECK(s.recipients[1].span == read.spec->recipients[1].span);  // file restored
  CHECK(s.recipients[1].span.file == path);
  CHECK(s.group_span == read.spec->group_span);

  CHECK_FALSE(read_cached_allocation(path, text + "\n"));        // edited
  CHECK_FALSE(read_cached_allocation("/annan/fil.yaml", text));  // another file
  for (const auto& e : fs::directory_iterator(dir)) {
    std::fstream f(e.path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(60);
    f.put('\x7f');
  }
  CHECK_FALSE(read_cached_allocation(path, text));  // damaged
  ::unsetenv("RAPPORTVERK_CACHE");
  fs::remove_all(dir);
}
