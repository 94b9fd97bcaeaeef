// The bytes of PDF objects that need no libharu: deflated streams, integers and text strings
// as PDF writes them, and the jobs that paint and compress on all cores.
#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <system_error>
#include <thread>

#include "pdf/internal.hpp"

namespace rv::pdf {

void put_int(std::string& s, long long v) {
  char buf[24];
  int len = 0;
  const bool negative = v < 0;
  unsigned long long u = negative ? 0ull - static_cast<unsigned long long>(v) : v;
  do {
    buf[len++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  if (negative) s += '-';
  while (len) s += buf[--len];
}

void put_text_string(std::string& s, const std::string& utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto unit = [&s](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) s += kHex[(u >> shift) & 0xF];
  };
  s += "<FEFF";
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = font::next_code_point(utf8, i);
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  s += '>';
}

std::string deflate_bytes(const std::string& data) {
  // libdeflate at its fastest level: twice zlib's speed at level 1 with smaller output.
  // A compressor is not thread-safe, and pages are compressed on all cores: one a thread.
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
    ~Compressor() { libdeflate_free_compressor(c); }
  };
  thread_local Compressor z;
  if (!z.c) return {};
  std::string out(libdeflate_zlib_compress_bound(z.c, data.size()), '\0');
  const size_t n = libdeflate_zlib_compress(z.c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) return {};
  out.resize(n);
  return out;
}

void run_jobs(std::vector<std::function<void()>>& jobs, const std::function<void()>& meanwhile) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) jobs[i]();
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> helpers;
  // A thread that cannot be started (a process limit) only means fewer helpers: this
  // thread does the rest. An exception here would end the process with the helpers running.
  for (unsigned k = 1; k < std::min(cores, 4u); ++k) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  meanwhile();
  work();
  for (std::thread& t : helpers) t.join();
}

}  // namespace rv::pdf
