#include <catch2/catch.hpp>

#include "../support/shell.hpp"
#include "load/load.hpp"

TEST_CASE("load::read_file: the whole file, byte for byte, zero bytes and all") {
  const auto dir = rvtest::temp_dir("read_file");
  std::string bytes;
  for (size_t i = 0; i < 300000; ++i) bytes += static_cast<char>((i * 7919) % 256);  // > any buffer
  rvtest::write(dir / "f.bin", bytes);
  std::string out = "previous content";
  REQUIRE(rv::load::read_file((dir / "f.bin").string(), out));
  CHECK(out.size() == bytes.size());
  CHECK(out == bytes);

  rvtest::write(dir / "empty.txt", "");
  REQUIRE(rv::load::read_file((dir / "empty.txt").string(), out));
  CHECK(out.empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("load::read_file: a missing file or a folder is not read") {
  const auto dir = rvtest::temp_dir("read_file");
  std::string out;
  CHECK_FALSE(rv::load::read_file((dir / "saknas.yaml").string(), out));
  CHECK_FALSE(rv::load::read_file(dir.string(), out));
  std::filesystem::remove_all(dir);
}
