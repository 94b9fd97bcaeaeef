// Tuning of glibc's allocator for one short run of the command line. Measured on the
// national report (bench/render.sh): about 3 500 page faults per run came mostly from
// heap memory touched for the first time, at roughly 2.5 µs each in a virtual machine.
// With the heap in transparent huge pages (one fault per 2 MiB) and one arena shared by
// the worker threads, a run takes about a quarter of the faults. This is close to what
// GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.arena_max=1 does, but tunables are
// read before main and users should not have to set them.
#include "cli/allocator.hpp"

#include <malloc.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>

namespace rv::cli {
namespace {

constexpr std::uintptr_t huge_page = 2u << 20;
// Heap grown (not touched) at once; the documents need 10–20 MiB. Kept below glibc's
// largest mmap threshold (32 MiB), so that it comes from the heap.
constexpr std::size_t heap_reserve = 30u << 20;

}  // namespace

void tune_allocator() {
  // One arena: worker threads then allocate from the same huge-page heap instead of
  // fresh arenas of their own; with two or three threads contention is low.
  mallopt(M_ARENA_MAX, 1);
  // Large buffers (content streams, compressed fonts, cache files) come from the heap and
  // are reused when freed, instead of being mapped and unmapped page by page.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);

  // Grow the heap by the whole reserve with one block, advise huge pages on it and give it
  // back. Only the block's boundary tags are written, and they lie outside the advised
  // range: a 2 MiB range with one small page already in it would never become a huge page.
  auto* block = static_cast<char*>(std::malloc(heap_reserve));
  if (block == nullptr) return;
  auto from = (reinterpret_cast<std::uintptr_t>(block) + huge_page - 1) & ~(huge_page - 1);
  auto to = (reinterpret_cast<std::uintptr_t>(block) + heap_reserve) & ~(huge_page - 1);
  if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
  std::free(block);
}

}  // namespace rv::cli
