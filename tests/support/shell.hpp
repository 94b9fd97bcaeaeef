// Helpers the end-to-end tests share: run a command from the repository root as a user
// would, make a scratch folder, read and write files.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace rvtest {

namespace fs = std::filesystem;

struct Run {
  int code;
  std::string out;  // stdout and stderr together
};

// Runs `cmd` with /bin/sh in the repository root; stderr is merged into `out`.
inline Run sh(const std::string& cmd) {
  std::string full = std::string("cd '") + RV_SOURCE_DIR + "' && " + cmd + " 2>&1";
  FILE* p = popen(full.c_str(), "r");
  REQUIRE(p);
  Run r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

// A fresh, empty folder under the system temp dir, unique to this process and tag.
inline fs::path temp_dir(const std::string& tag) {
  fs::path d = fs::temp_directory_path() / ("rv_" + tag + "_" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

inline std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// `rapportverk skapa <args> -o <out>` as a user would type it.
inline Run render(const std::string& args, const fs::path& out) {
  return sh(std::string("'") + RV_BINARY + "' skapa " + args + " -o '" + out.string() + "'");
}

// A PDF in qpdf's QDF form (streams uncompressed, objects one a line), written next to it
// as <pdf>.qdf: its bytes, for tests that read or edit the objects.
inline std::string qdf(const fs::path& pdf) {
  const fs::path out = pdf.string() + ".qdf";
  REQUIRE(sh("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + out.string() + "'")
              .code == 0);
  return read(out);
}

// How many times `what` occurs in `text`, overlaps included.
inline size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

inline void write(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

}  // namespace rvtest

namespace rvtest {

// The binary under test with its caches off, as the end-to-end tests run it.
inline std::string rv(const std::string& args) {
  return std::string("RAPPORTVERK_CACHE=0 '") + RV_BINARY + "' " + args;
}

inline bool has(const std::string& text, const std::string& s) {
  return text.find(s) != std::string::npos;
}

// Replaces the first `from` in a file by `to`; the test fails if `from` is not there.
inline void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = read(file);
  size_t at = text.find(from);
  INFO(file.string() + ": " + from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  write(file, text);
}

}  // namespace rvtest
