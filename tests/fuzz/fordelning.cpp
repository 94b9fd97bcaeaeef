// Fuzz target: an allocation specification (fördelning) read, validated and allocated.
#include "fuzz.hpp"
#include "stats/allocate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  rv::stats::SpecRead read =
      rv::stats::parse_allocation_spec("fordelning.yaml", rv::fuzz::text(data, size));
  if (read.ok()) static_cast<void>(rv::stats::allocate(*read.spec));
  return 0;
}
