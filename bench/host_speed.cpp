// How fast this machine is right now: a fixed integer workload on one core, then the same
// on every core at once. On a shared virtual machine both vary by a factor of two from
// hour to hour, so bench/render.sh prints them beside its figures. On an idle host of the
// 2-core development machine the first takes about 130 ms, and the second about as long.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

double work() {
  auto start = std::chrono::steady_clock::now();
  volatile uint64_t x = 0;
  for (uint64_t i = 0; i < 200'000'000; ++i) x = x + i;
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

int main() {
  std::printf("värdens fart: en kärna %.0f ms", work());
  const unsigned n = std::max(1u, std::thread::hardware_concurrency());
  std::vector<double> ms(n);
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < n; ++i) threads.emplace_back([&ms, i] { ms[i] = work(); });
  for (auto& t : threads) t.join();
  double slowest = 0;
  for (double m : ms) slowest = std::max(slowest, m);
  std::printf(", alla %u kärnor samtidigt %.0f ms\n", n, slowest);
}
