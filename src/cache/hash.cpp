// The caches' hash: file names, content identities and entry checksums.
#include <cstdio>
#include <cstring>

#include "cache/cache.hpp"

namespace rv::cache {

std::string hex(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

namespace {

constexpr uint64_t kMul1 = 0x9e3779b97f4a7c15ull;  // both odd: multiplying is a bijection
constexpr uint64_t kMul2 = 0xc2b2ae3d27d4eb4full;

inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
// Bijective in `h` for a fixed word and in `w` for a fixed state.
inline uint64_t step(uint64_t h, uint64_t w) { return rotl(h ^ (w * kMul1), 29) * kMul2; }
inline uint64_t word(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

}  // namespace

// Four independent lanes (the multiplications overlap); each lane and the final merge keep
// the bijection, so the single-word guarantee of cache.hpp holds across lanes.
uint64_t hash64(std::string_view bytes, uint64_t seed) {
  uint64_t a = seed ^ (bytes.size() * kMul2), b = a + 1, c = a + 2, d = a + 3;
  const char* p = bytes.data();
  size_t n = bytes.size();
  for (; n >= 32; p += 32, n -= 32) {
    a = step(a, word(p));
    b = step(b, word(p + 8));
    c = step(c, word(p + 16));
    d = step(d, word(p + 24));
  }
  for (; n >= 8; p += 8, n -= 8) a = step(a, word(p));
  uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  a = step(a, tail);
  uint64_t h = step(step(step(a, b), c), d);
  h ^= h >> 32;
  h *= kMul1;
  h ^= h >> 29;
  return h;
}

}  // namespace rv::cache
