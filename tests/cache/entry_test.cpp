// The cache entry: read back exactly as written, and a miss for anything else (a damaged or
// truncated file, another key or code version, a file that is not a regular file).
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "../support/shell.hpp"
#include "cache/cache.hpp"

namespace cache = rv::cache;
namespace fs = std::filesystem;

namespace {

std::string sample_payload() {
  std::string p;
  for (int i = 0; i < 1000; ++i) p += static_cast<char>((i * 131) % 256);
  return p;
}

}  // namespace

TEST_CASE("cache entry: what is written is read back, for this key and code version only") {
  const auto dir = rvtest::temp_dir("cache_entry");
  const std::string payload = sample_payload();
  cache::write_entry(dir.string(), "x.rvc", "nyckel", payload, "kod-1");
  REQUIRE(cache::read_entry(dir.string(), "x.rvc", "nyckel", "kod-1") == payload);
  CHECK_FALSE(cache::read_entry(dir.string(), "x.rvc", "nyckel2", "kod-1"));
  CHECK_FALSE(cache::read_entry(dir.string(), "x.rvc", "nycke", "kod-1"));
  CHECK_FALSE(cache::read_entry(dir.string(), "x.rvc", "nyckel", "kod-2"));
  CHECK_FALSE(cache::read_entry(dir.string(), "saknas.rvc", "nyckel", "kod-1"));
  // The empty payload is a payload.
  cache::write_entry(dir.string(), "tom.rvc", "k", "", "kod-1");
  CHECK(cache::read_entry(dir.string(), "tom.rvc", "k", "kod-1") == std::string());
  fs::remove_all(dir);
}

TEST_CASE("cache entry: every damaged byte and every truncation is a miss") {
  const std::string payload = sample_payload();
  const std::string file = cache::encode_entry("nyckel", payload, "kod");
  REQUIRE(cache::decode_entry(file, "nyckel", "kod") == payload);
  size_t accepted = 0;
  for (size_t i = 0; i < file.size(); ++i)
    for (unsigned char mask : {0x01, 0x80, 0xff}) {
      std::string damaged = file;
      damaged[i] = static_cast<char>(damaged[i] ^ mask);
      accepted += cache::decode_entry(damaged, "nyckel", "kod").has_value();
    }
  CHECK(accepted == 0);
  size_t truncated_accepted = 0;
  for (size_t n = 0; n < file.size(); ++n)
    truncated_accepted += cache::decode_entry(file.substr(0, n), "nyckel", "kod").has_value();
  CHECK(truncated_accepted == 0);
  CHECK_FALSE(cache::decode_entry(file + "x", "nyckel", "kod"));
}

TEST_CASE("cache entry: the hash sees a change in any one word, at any length") {
  for (size_t size : {0, 1, 7, 8, 9, 31, 32, 33, 100}) {
    std::string s(size, 'a');
    const uint64_t h = cache::hash64(s);
    CHECK(cache::hash64(s + '\0') != h);  // the length counts
    for (size_t i = 0; i < size; ++i) {
      std::string t = s;
      t[i] = 'b';
      CHECK(cache::hash64(t) != h);
    }
  }
  CHECK(cache::hash64("abc", 1) != cache::hash64("abc", 2));
  CHECK(cache::hex(0x0123456789abcdefull) == "0123456789abcdef");
}

TEST_CASE("cache entry: a FIFO, a folder, a symlink or a device is a miss, at once") {
  const auto dir = rvtest::temp_dir("cache_special");
  const std::string d = dir.string();
  cache::write_entry(d, "riktig.rvc", "k", "innehåll", "kod");
  REQUIRE(cache::read_entry(d, "riktig.rvc", "k", "kod"));
  REQUIRE(::mkfifo((dir / "fifo.rvc").c_str(), 0600) == 0);
  fs::create_directory(dir / "mapp.rvc");
  fs::create_symlink("/dev/zero", dir / "noll.rvc");
  fs::create_symlink(dir / "riktig.rvc", dir / "länk.rvc");
  for (const char* name : {"fifo.rvc", "mapp.rvc", "noll.rvc", "länk.rvc"}) {
    INFO(name);
    CHECK_FALSE(cache::read_entry(d, name, "k", "kod"));
  }
  // A device node itself (only root may make one): /dev/zero's numbers.
  if (::mknod((dir / "enhet.rvc").c_str(), S_IFCHR | 0600, makedev(1, 5)) == 0)
    CHECK_FALSE(cache::read_entry(d, "enhet.rvc", "k", "kod"));
  // Writing over a FIFO replaces it (rename) instead of blocking on it.
  cache::write_entry(d, "fifo.rvc", "k", "ny", "kod");
  CHECK(cache::read_entry(d, "fifo.rvc", "k", "kod") == std::string("ny"));
  fs::remove_all(dir);
}

TEST_CASE("cache entry: a file larger than the cap is neither written nor read") {
  const auto dir = rvtest::temp_dir("cache_cap");
  const std::string d = dir.string();
  cache::write_entry(d, "stor.rvc", "k", std::string(5000, 'x'), "kod");
  REQUIRE(cache::read_entry(d, "stor.rvc", "k", "kod"));
  ::setenv("RAPPORTVERK_CACHE_STORLEK", "4000", 1);
  CHECK_FALSE(cache::read_entry(d, "stor.rvc", "k", "kod"));
  cache::write_entry(d, "stor2.rvc", "k", std::string(5000, 'x'), "kod");
  CHECK_FALSE(fs::exists(dir / "stor2.rvc"));
  ::unsetenv("RAPPORTVERK_CACHE_STORLEK");
  fs::remove_all(dir);
}

TEST_CASE("cache: the folder and the cap come from the environment") {
  ::setenv("RAPPORTVERK_CACHE", "/tmp/någon-mapp", 1);
  ::unsetenv("RAPPORTVERK_CACHE_STORLEK");
  CHECK(cache::dir() == std::string("/tmp/någon-mapp"));
  CHECK(cache::size_cap() == 256ull << 20);
  const std::pair<const char*, uint64_t> sizes[] = {
      {"1000", 1000},
      {"500K", 500ull << 10},
      {"500k", 500ull << 10},
      {"256M", 256ull << 20},
      {"256MiB", 256ull << 20},
      {"256MB", 256ull << 20},
      {"2G", 2ull << 30},
      {"1T", 1ull << 40},
      {"0", 0},
      {"tio", 256ull << 20},
      {"12Q", 256ull << 20},
      {"-5", 256ull << 20},
      {"99999999999999999999", 256ull << 20},
  };
  for (const auto& [text, bytes] : sizes) {
    INFO(text);
    ::setenv("RAPPORTVERK_CACHE_STORLEK", text, 1);
    CHECK(cache::size_cap() == bytes);
  }
  ::setenv("RAPPORTVERK_CACHE_STORLEK", "0", 1);
  CHECK_FALSE(cache::dir());  // a cap of nothing is no cache
  ::unsetenv("RAPPORTVERK_CACHE_STORLEK");
  ::setenv("RAPPORTVERK_CACHE", "0", 1);
  CHECK_FALSE(cache::dir());
  ::setenv("RAPPORTVERK_CACHE", "av", 1);
  CHECK_FALSE(cache::dir());
  ::unsetenv("RAPPORTVERK_CACHE");
}
