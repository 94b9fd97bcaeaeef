// Issue 20: `cmake --install` into a temporary prefix gives a program that needs neither
// the source tree nor the build folder: with both hidden (a private mount namespace
// mounts empty folders over them), the installed program renders every document
// scripts/run.sh renders from the installed example data, byte for byte as the
// build-tree program does.
#include <filesystem>
#include <fstream>
#include <set>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::read;
using rvtest::sh;

namespace {

// The `$rv skapa …` lines of scripts/run.sh (continuation lines joined), without "$rv ".
std::vector<std::string> bundled_documents() {
  std::ifstream in(fs::path(RV_SOURCE_DIR) / "scripts" / "run.sh");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("$rv skapa ")) continue;
    std::string command = line.substr(4);
    while (!command.empty() && command.back() == '\\') {
      command.pop_back();
      if (!std::getline(in, line)) break;
      command += line.substr(line.find_first_not_of(' '));
    }
    out.push_back(command);
  }
  return out;
}

// A shell script that renders them all with `binary`, from the working folder.
std::string render_script(const std::string& binary) {
  std::string s = "set -e\nexport RAPPORTVERK_CACHE=0\n";
  for (const auto& c : bundled_documents()) s += "'" + binary + "' " + c + " >/dev/null\n";
  return s;
}

std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file()) out.insert(fs::relative(e.path(), root).string());
  return out;
}

// Runs `script` with the source tree and the build folder hidden under empty folders.
rvtest::Run hidden_from_source(const fs::path& script) {
  std::string hide = "mount -t tmpfs rv-gömd '" + std::string(RV_SOURCE_DIR) + "'\n";
  const fs::path build = fs::weakly_canonical(RV_BUILD_DIR);
  const fs::path source = fs::weakly_canonical(RV_SOURCE_DIR);
  if (build.string().rfind(source.string() + "/", 0) != 0)
    hide += "mount -t tmpfs rv-gömd '" + build.string() + "'\n";
  // Proof that they are gone before anything runs.
  hide += "test ! -e '" + source.string() + "/templates'\ntest ! -e '" + build.string() +
          "/rapportverk'\n";
  const fs::path wrapped = script.string() + ".gömd";
  rvtest::write(wrapped, "set -e\n" + hide + "sh '" + script.string() + "'\n");
  // As root a mount namespace suffices; otherwise a user namespace maps us to root in it.
  rvtest::Run r = sh("unshare -m sh '" + wrapped.string() + "'");
  if (r.code != 0) r = sh("unshare -rm sh '" + wrapped.string() + "'");
  return r;
}

}  // namespace

TEST_CASE("the installed program renders every bundled document without the source tree",
          "[install]") {
  const fs::path tmp = rvtest::temp_dir("install");
  const fs::path prefix = tmp / "prefix";
  const auto install = sh("'" + std::string(RV_CMAKE) + "' --install '" + RV_BUILD_DIR +
                          "' --prefix '" + prefix.string() + "'");
  INFO(install.out);
  REQUIRE(install.code == 0);
  const fs::path bin = prefix / "bin" / "rapportverk";
  const fs::path share = prefix / "share" / "rapportverk";
  const fs::path doc = prefix / "share" / "doc" / "rapportverk";
  REQUIRE(fs::is_regular_file(bin));
  // Every bundled template and font file, the docs and the example data are installed.
  for (const std::string& f : files_under(fs::path(RV_SOURCE_DIR) / "templates"))
    CHECK(fs::is_regular_file(share / "templates" / f));
  for (const std::string& f : files_under(fs::path(RV_SOURCE_DIR) / "fonts"))
    CHECK(fs::is_regular_file(share / "fonts" / f));
  for (const std::string& f : files_under(fs::path(RV_SOURCE_DIR) / "docs"))
    CHECK(fs::is_regular_file(doc / "docs" / f));
  CHECK(fs::is_regular_file(doc / "README.md"));
  CHECK(fs::is_regular_file(prefix / "share" / "man" / "man1" / "rapportverk-skapa.1.gz"));
  CHECK(fs::is_regular_file(prefix / "share" / "bash-completion" / "completions" / "rapportverk"));

  const auto documents = bundled_documents();
  REQUIRE(documents.size() >= 10);  // run.sh's list was read

  // The build tree's program, on the source tree's data.
  const fs::path reference = tmp / "källträdet";
  fs::create_directories(reference);
  fs::create_directory_symlink(fs::path(RV_SOURCE_DIR) / "data", reference / "data");
  rvtest::write(tmp / "referens.sh", render_script(RV_BINARY));
  const auto ref =
      sh("cd '" + reference.string() + "' && sh '" + (tmp / "referens.sh").string() + "'");
  INFO(ref.out);
  REQUIRE(ref.code == 0);

  // The installed program, on the installed example data, with the source tree and the
  // build folder gone.
  const fs::path installed = tmp / "installerat";
  fs::create_directories(installed);
  fs::create_directory_symlink(doc / "data", installed / "data");
  rvtest::write(tmp / "installerat.sh", "cd '" + installed.string() + "'\n" +
                                            render_script(bin.string()) + "'" + bin.string() +
                                            "' --version > version.txt\n");
  const auto run = hidden_from_source(tmp / "installerat.sh");
  INFO(run.out);
  REQUIRE(run.code == 0);
  // It read its data from the prefix.
  CHECK(read(installed / "version.txt").find(share.string() + " (installerade)") !=
        std::string::npos);

  const auto expected = files_under(reference / "output");
  REQUIRE(expected.size() > documents.size());  // the letters are one file each
  CHECK(files_under(installed / "output") == expected);
  for (const std::string& f : expected) {
    INFO(f);
    CHECK(read(installed / "output" / f) == read(reference / "output" / f));
  }
  fs::remove_all(tmp);
}
