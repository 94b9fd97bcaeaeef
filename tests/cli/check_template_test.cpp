// Acceptance (issue 15, point 4): `kontrollera --mall` says whether a data set holds
// everything a template needs, and says it where the field belongs in the data set. Each
// field of each bundled document's `dokument:` section is removed in turn: kontrollera
// --mall and skapa then agree (both pass or both fail), and every error points into the
// data set, never at a template line.
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::has;
using rvtest::replace_in;
using rvtest::rv;

namespace {

// The keys directly under `dokument:` and the file's text without one of them (and the
// lines that belong to its value).
std::vector<std::string> document_keys(const std::string& text) {
  std::vector<std::string> keys;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.size() > 2 && line.starts_with("  ") && line[2] != ' ' && line[2] != '#' &&
        line.find(':') != std::string::npos)
      keys.push_back(line.substr(2, line.find(':') - 2));
  return keys;
}

std::string without(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  std::string out;
  bool dropping = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("  " + key + ":")) {
      dropping = true;
      continue;
    }
    if (dropping && line.starts_with("   ")) continue;  // the value's own lines
    dropping = false;
    out += line + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("kontrollera --mall and skapa agree on every document field, pointing into the data") {
  const std::pair<const char*, const char*> pairs[] = {
      {"fordelning-beslut", "stockholm-2022"},
      {"uppfoljning-stad", "stockholm-2017"},
      {"uppfoljning-nationell", "nationell-2019"},
      {"anvisningar-rekvisition", "nationell-2019"},
  };
  int failing = 0;
  for (const auto& [templ, set] : pairs) {
    const fs::path source = fs::path(RV_SOURCE_DIR) / "data" / set;
    const std::string original = rvtest::read(source / "dokument.yaml");
    const std::vector<std::string> keys = document_keys(original);
    REQUIRE(keys.size() >= 4);
    for (const auto& key : keys) {
      const fs::path dir = rvtest::temp_dir("check_template");
      fs::copy(source, dir / "d");
      rvtest::write(dir / "d/dokument.yaml", without(original, key));
      rvtest::Run check =
          rvtest::sh(rv("kontrollera '" + (dir / "d").string() + "' --mall " + templ));
      rvtest::Run render =
          rvtest::sh(rv("skapa " + std::string(templ) + " '" + (dir / "d").string() + "' -o '" +
                        (dir / "x.txt").string() + "'"));
      INFO(templ << " without dokument." << key);
      INFO(check.out);
      INFO(render.out);
      CHECK(check.code == render.code);
      if (check.code == 0) continue;
      ++failing;
      std::istringstream lines(check.out);
      bool named = false;
      for (std::string line; std::getline(lines, line);) {
        if (line.find(": fel: ") == std::string::npos) continue;
        CHECK(line.starts_with((dir / "d").string() + "/"));  // in the data, not the template
        named |= line.find("'" + key) != std::string::npos;
      }
      CHECK(named);
    }
  }
  // Some fields are needed (the memo's dates, the title): the check is not vacuous.
  CHECK(failing >= 4);
}
