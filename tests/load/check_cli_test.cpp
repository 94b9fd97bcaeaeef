// Runs `rapportverk kontrollera` on one broken file per problem class and compares its
// messages with the expectations written in the file itself ("# förväntat: rad:kol: …").
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code;
  std::string out, err;
};

Run run_check(const std::string& path) {
  std::string errfile = fs::temp_directory_path() / ("rv_check_err_" + std::to_string(getpid()));
  std::string cmd = std::string("cd '") + RV_SOURCE_DIR + "' && '" + RV_BINARY + "' kontrollera '" +
                    path + "' 2>'" + errfile + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  Run r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(errfile);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  fs::remove(errfile);
  return r;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "# förväntat: 7:43: fel: …" → "<file>:7:43: fel: …"
std::vector<std::string> expectations(const std::string& rel) {
  std::ifstream in(std::string(RV_SOURCE_DIR) + "/" + rel);
  std::vector<std::string> out;
  std::string line;
  const std::string tag = "# förväntat: ";
  while (std::getline(in, line))
    if (line.rfind(tag, 0) == 0) out.push_back(rel + ":" + line.substr(tag.size()));
  return out;
}

}  // namespace

TEST_CASE("kontrollera reports each problem class with exact message and position") {
  const fs::path dir = fs::path(RV_SOURCE_DIR) / "tests/load/broken";
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".yaml")
      files.push_back("tests/load/broken/" + e.path().filename().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 15);

  for (const auto& rel : files) {
    INFO("fil: " << rel);
    auto expected = expectations(rel);
    REQUIRE_FALSE(expected.empty());
    Run r = run_check(rel);
    std::vector<std::string> got;
    for (const auto& l : lines_of(r.err))
      if (l.rfind("tests/", 0) == 0) got.push_back(l);
    CHECK(got == expected);
    bool any_error = false;
    for (const auto& e : expected) any_error |= e.find(": fel: ") != std::string::npos;
    CHECK(r.exit_code == (any_error ? 2 : 0));
    if (!any_error) CHECK(r.out.find("Kontrollerat:") != std::string::npos);
  }
}

TEST_CASE("conflicting definitions in two files of one folder are errors") {
  const std::string rel = "tests/load/broken/konflikt/b-bidrag.yaml";
  Run r = run_check("tests/load/broken/konflikt");
  std::vector<std::string> got;
  for (const auto& l : lines_of(r.err))
    if (l.rfind("tests/", 0) == 0) got.push_back(l);
  CHECK(got == expectations(rel));
  CHECK(r.exit_code == 2);
}

TEST_CASE("a missing path is an error, not a crash") {
  Run r = run_check("finns/inte.yaml");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("finns/inte.yaml: fel: filen eller mappen finns inte") != std::string::npos);
}
