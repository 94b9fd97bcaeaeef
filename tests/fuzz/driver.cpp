// Runs a fuzz target once over each file named on the command line (or each file of a
// named folder, in name order): the corpus replay the test suite does without libFuzzer.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "fuzz.hpp"

namespace fs = std::filesystem;

static bool replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "kan inte läsa %s\n", file.c_str());
    return false;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string s = bytes.str();
  LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  return true;
}

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    const fs::path p = argv[i];
    if (fs::is_directory(p)) {
      for (const auto& e : fs::directory_iterator(p))
        if (e.is_regular_file()) files.push_back(e.path());
    } else {
      files.push_back(p);
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "ingen korpus att köra\n");
    return 1;
  }
  for (const fs::path& f : files)
    if (!replay(f)) return 1;
  std::printf("%zu indata körda\n", files.size());
  return 0;
}
