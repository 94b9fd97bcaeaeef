// The bundled documents as scripts/run.sh renders them (its `$rv skapa … -o
// output/<name>.pdf` lines, continuation lines joined), so that a document added there is
// checked by every test of an output format (tests/html, tests/docx) too.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "shell.hpp"

namespace rvtest {

struct Bundled {
  std::string name, args;  // output name without .pdf; `skapa` arguments before -o
};

inline std::vector<Bundled> read_run_sh() {
  std::ifstream in(std::filesystem::path(RV_SOURCE_DIR) / "scripts" / "run.sh");
  std::vector<Bundled> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("$rv skapa ")) continue;
    std::string command = line.substr(10);
    while (!command.empty() && command.back() == '\\') {
      command.pop_back();
      if (!std::getline(in, line)) break;
      command += line.substr(line.find_first_not_of(' '));
    }
    const size_t o = command.find(" -o output/");
    if (o == std::string::npos || !command.ends_with(".pdf") || has(command, "--per-mottagare"))
      continue;
    const std::string file = command.substr(o + 11);
    out.push_back({file.substr(0, file.size() - 4), command.substr(0, o)});
  }
  return out;
}

inline const std::vector<Bundled>& bundled() {
  static const std::vector<Bundled> documents = read_run_sh();
  REQUIRE(documents.size() >= 10);  // run.sh's list was read
  return documents;
}

// A document of run.sh by its output name.
inline const Bundled& document(const std::string& name) {
  for (const auto& b : bundled())
    if (b.name == name) return b;
  FAIL("scripts/run.sh renders no output/" + name + ".pdf");
  return bundled().front();
}

// The letters of scripts/run.sh, a few recipients each (--per-mottagare).
inline const std::vector<Bundled>& letters() {
  static const std::vector<Bundled> l = {
      {"aterbetalning", "aterbetalning data/nationell-2019 --urval \"namn = 'Ale kommun'\""},
      {"besked", "besked-fordelning data/nationell-2019 --urval \"grupp = regioner\""},
  };
  return l;
}

// `skapa <b.args> -o <dir>/<b.name><ext>`, which must succeed.
inline std::filesystem::path render_bundled(const std::filesystem::path& dir, const Bundled& b,
                                            const std::string& ext) {
  const std::filesystem::path out = dir / (b.name + ext);
  auto r = render(b.args, out);
  INFO(b.args + " -o " + out.string() + "\n" + r.out);
  REQUIRE(r.code == 0);
  return out;
}

// Every letter of letters() for its few recipients as `format` files in dir/<name>/.
inline std::vector<std::filesystem::path> render_letters(const std::filesystem::path& dir,
                                                         const std::string& format) {
  std::vector<std::filesystem::path> files;
  for (const auto& l : letters()) {
    const std::filesystem::path folder = dir / l.name;
    auto r = sh(std::string("'") + RV_BINARY + "' skapa " + l.args + " --per-mottagare --format " +
                format + " -o '" + folder.string() + "'");
    INFO(r.out);
    REQUIRE(r.code == 0);
    size_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(folder))
      if (e.path().extension() == "." + format) files.push_back(e.path()), ++n;
    CHECK(n >= 1);
  }
  return files;
}

}  // namespace rvtest
