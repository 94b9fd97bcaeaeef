// The libFuzzer entry point every target in tests/fuzz/ defines. A target is built two
// ways (tests/fuzz/CMakeLists.txt): with clang's libFuzzer for real fuzzing
// (scripts/fuzz.sh), and with driver.cpp as a plain program that runs every file of its
// corpus once, so the ordinary and the sanitizer test runs replay the corpora.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace rv::fuzz {
inline std::string text(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}
}  // namespace rv::fuzz
