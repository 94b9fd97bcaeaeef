#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "load/load.hpp"

namespace fs = std::filesystem;

namespace {

fs::path scratch() {
  fs::path d = fs::temp_directory_path() / ("rv_read_file_" + std::to_string(getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

}  // namespace

TEST_CASE("load::read_file: the whole file, byte for byte, zero bytes and all") {
  fs::path dir = scratch();
  std::string bytes;
  for (size_t i = 0; i < 300000; ++i) bytes += static_cast<char>((i * 7919) % 256);  // > any buffer
  { std::ofstream(dir / "f.bin", std::ios::binary) << bytes; }
  std::string out = "previous content";
  REQUIRE(rv::load::read_file((dir / "f.bin").string(), out));
  CHECK(out.size() == bytes.size());
  CHECK(out == bytes);

  { std::ofstream(dir / "empty.txt", std::ios::binary); }
  REQUIRE(rv::load::read_file((dir / "empty.txt").string(), out));
  CHECK(out.empty());
  fs::remove_all(dir);
}

TEST_CASE("load::read_file: a missing file or a folder is not read") {
  fs::path dir = scratch();
  std::string out;
  CHECK_FALSE(rv::load::read_file((dir / "saknas.yaml").string(), out));
  CHECK_FALSE(rv::load::read_file(dir.string(), out));
  fs::remove_all(dir);
}
