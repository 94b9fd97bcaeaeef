// The caches' code version is a hash of the code that shapes what they hold, not of one
// file's build time: an edit to any of those sources (a new validation rule in src/load, a
// change to the settings parser) gives a new version, and entries of another version are
// misses.
#include <catch2/catch.hpp>
#include <regex>

#include "../support/shell.hpp"
#include "cache/cache.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kBuildDir = fs::path(RV_BINARY).parent_path();

// Runs cmake/code_hash.cmake over `files` and returns the RV_CODE_HASH it wrote.
std::string code_hash(const fs::path& dir, const std::vector<fs::path>& files) {
  std::string list;
  for (const auto& f : files) list += f.string() + "\n";
  rvtest::write(dir / "lista.txt", list);
  auto r = rvtest::sh("cmake -DSOURCE_DIR='" + dir.string() + "' -DLIST='" +
                      (dir / "lista.txt").string() + "' '-DEXTRA=GNU 12' -DOUTPUT='" +
                      (dir / "code_hash.hpp").string() + "' -P cmake/code_hash.cmake");
  REQUIRE(r.code == 0);
  std::smatch m;
  const std::string header = rvtest::read(dir / "code_hash.hpp");
  REQUIRE(std::regex_search(header, m, std::regex("#define RV_CODE_HASH \"([0-9a-f]{16})\"")));
  return m[1];
}

}  // namespace

TEST_CASE("code version: made from every source of the stages the caches keep") {
  const std::string inputs = rvtest::read(kBuildDir / "code_hash_inputs.txt");
  for (const char* source :
       {"src/load/validate.cpp", "src/load/read_recipients.cpp", "src/load/cache.cpp",
        "src/load/archive.hpp", "src/model/model.hpp", "src/diag/diag.hpp",
        "src/template/settings.cpp", "src/template/parse.cpp", "src/template/settings_cache.cpp",
        "src/swedish/hyphenate.cpp", "src/swedish/hyphen_store.cpp", "src/cache/entry.cpp",
        "src/version.hpp.in"}) {
    INFO(source);
    CHECK(inputs.find(std::string(RV_SOURCE_DIR) + "/" + source + "\n") != std::string::npos);
  }
  const std::string header = rvtest::read(kBuildDir / "generated" / "code_hash.hpp");
  CHECK(header.find(std::string(rv::cache::code_version())
                        .substr(rv::cache::code_version().find('+') + 1)) != std::string::npos);
}

TEST_CASE("code version: another content of any source gives another version") {
  const auto dir = rvtest::temp_dir("code_hash");
  fs::create_directories(dir / "src/load");
  rvtest::write(dir / "src/load/validate.cpp", "void validate() {}\n");
  rvtest::write(dir / "src/load/read.cpp", "void read() {}\n");
  const std::vector<fs::path> files{dir / "src/load/read.cpp", dir / "src/load/validate.cpp"};
  const std::string before = code_hash(dir, files);
  CHECK(code_hash(dir, files) == before);  // the same code, the same version
  rvtest::write(dir / "src/load/validate.cpp", "void validate() { new_rule(); }\n");
  const std::string after = code_hash(dir, files);
  CHECK(after != before);
  rvtest::write(dir / "src/load/validate.cpp", "void validate() {}\n");
  CHECK(code_hash(dir, files) == before);  // only content counts, not the time of the edit
  fs::remove_all(dir);
}

TEST_CASE("code version: an entry written by other code is a miss") {
  const auto dir = rvtest::temp_dir("code_version_entry");
  rv::cache::write_entry(dir.string(), "e.rvc", "k", "svar", "0.1.0+aaaaaaaaaaaaaaaa");
  CHECK(rv::cache::read_entry(dir.string(), "e.rvc", "k", "0.1.0+aaaaaaaaaaaaaaaa"));
  CHECK_FALSE(rv::cache::read_entry(dir.string(), "e.rvc", "k", "0.1.0+bbbbbbbbbbbbbbbb"));
  CHECK_FALSE(rv::cache::read_entry(dir.string(), "e.rvc", "k"));  // this build's version
  fs::remove_all(dir);
}
