// The hyphenation answers kept between runs: read back as written, and ignored when they
// were made for other patterns or are damaged.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "swedish/hyphen_store.hpp"

namespace fs = std::filesystem;
using rv::sv::detail::HyphenStore;

namespace {

fs::path fresh_dir() {
  fs::path d = fs::temp_directory_path() / ("rv_hyphen_store_" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// A stand-in pattern file: the store only looks at its identity.
fs::path patterns(const fs::path& dir, const std::string& content) {
  fs::path p = dir / "hyph_test.dic";
  std::ofstream(p) << content;
  return p;
}

}  // namespace

TEST_CASE("hyphen store: answers written by one run are read by the next") {
  const fs::path dir = fresh_dir();
  const std::string pat = patterns(dir, "ISO8859-1\n1ba\n").string();
  {
    HyphenStore s;
    CHECK_FALSE(s.open(dir.string(), pat));  // nothing stored yet
    s.add(U"kommunerna", {2, 5, 7});
    s.add(U"våld", {});
    s.save();
  }
  HyphenStore s;
  REQUIRE(s.open(dir.string(), pat));
  REQUIRE(s.find(U"kommunerna"));
  CHECK(*s.find(U"kommunerna") == std::vector<int>{2, 5, 7});
  REQUIRE(s.find(U"våld"));
  CHECK(s.find(U"våld")->empty());
  CHECK(s.find(U"region") == nullptr);
  fs::remove_all(dir);
}

TEST_CASE("hyphen store: answers for other patterns or a damaged file are not used") {
  const fs::path dir = fresh_dir();
  const std::string pat = patterns(dir, "ISO8859-1\n1ba\n").string();
  {
    HyphenStore s;
    s.open(dir.string(), pat);
    s.add(U"kommunerna", {2, 5, 7});
    s.save();
  }
  // Changed patterns (another size): the old answers no longer apply.
  patterns(dir, "ISO8859-1\n1ba\n1be\n");
  HyphenStore changed;
  CHECK_FALSE(changed.open(dir.string(), pat));
  CHECK(changed.find(U"kommunerna") == nullptr);
  changed.add(U"kommunerna", {2, 5, 7});
  changed.save();
  {
    HyphenStore again;
    REQUIRE(again.open(dir.string(), pat));  // the answers for the current patterns
  }

  // A damaged line makes the whole file unusable rather than half-read.
  for (const auto& f : fs::directory_iterator(dir))
    if (f.path().filename().string().rfind("avstavning-", 0) == 0) {
      std::ifstream in(f.path());
      std::string header;
      std::getline(in, header);
      in.close();
      std::ofstream(f.path()) << header << "\nkommunerna\t2,x,7\n";
    }
  HyphenStore damaged;
  CHECK_FALSE(damaged.open(dir.string(), pat));
  CHECK(damaged.find(U"kommunerna") == nullptr);
  fs::remove_all(dir);
}

TEST_CASE("hyphen store: without a cache folder nothing is kept") {
  HyphenStore s;
  CHECK_FALSE(s.open("", "/usr/share/hyphen/hyph_sv_SE.dic"));
  s.add(U"kommunerna", {2});
  s.save();
  CHECK(s.find(U"kommunerna") == nullptr);
}
