// A damaged hyphenation store is a miss, never different answers: every byte of a real
// store, changed in turn, either makes open() fail (and the patterns are asked again) or
// leaves every stored answer as it was.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "swedish/hyphen_store.hpp"

namespace fs = std::filesystem;
using rv::sv::detail::HyphenStore;

namespace {

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("hyphen store: every damaged byte is a miss or the same answers") {
  const fs::path dir =
      fs::temp_directory_path() / ("rv_hyphen_damage_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path pat = dir / "hyph_test.dic";
  std::ofstream(pat) << "ISO8859-1\n1ba\n";

  std::vector<std::pair<std::u32string, std::vector<int>>> words;
  const std::u32string stems[] = {U"kommun", U"region", U"stadsdel", U"nämnd", U"förvaltning"};
  for (int i = 0; i < 60; ++i) {
    std::u32string w =
        stems[i % 5] + std::u32string(1, static_cast<char32_t>(U'a' + i % 26)) + U"erna";
    words.push_back({w, {2 + i % 3, 5 + i % 4, 9 + i % 7}});
  }
  words.push_back({U"våld", {}});
  {
    HyphenStore s;
    s.open(dir.string(), pat.string());
    for (const auto& [w, b] : words) s.add(w, b);
    s.save();
  }
  fs::path store;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().rfind("avstavning-", 0) == 0) store = e.path();
  REQUIRE(!store.empty());
  const std::string good = read_bytes(store);
  {
    HyphenStore s;
    REQUIRE(s.open(dir.string(), pat.string()));
  }

  size_t hits = 0, wrong = 0;
  for (size_t i = 0; i < good.size(); ++i) {
    {  // in place: rewriting the whole file makes ext4 flush it to disk each time
      std::fstream f(store, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(i));
      f.put(static_cast<char>(good[i] ^ (i % 2 ? 0x01 : 0x0f)));
    }
    HyphenStore s;
    const bool opened = s.open(dir.string(), pat.string());
    {
      std::fstream f(store, std::ios::in | std::ios::out | std::ios::binary);
      f.seekp(static_cast<std::streamoff>(i));
      f.put(good[i]);
    }
    size_t differing = 0;
    for (const auto& [w, b] : words) {
      const std::vector<int>* found = s.find(w);
      differing += opened ? (!found || *found != b) : found != nullptr;
    }
    hits += opened;
    if (differing) {
      ++wrong;
      UNSCOPED_INFO("byte " << i << " gav andra svar");
    }
  }
  INFO(good.size() << " skadade bytes, " << hits << " träffar");
  CHECK(wrong == 0);
  fs::remove_all(dir);
}
