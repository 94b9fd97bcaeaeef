#include <atomic>
#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "swedish/swedish.hpp"

using namespace rv::sv;

// The typesetter and the statistics stage call this layer from several threads at once;
// the lazily created ICU objects and the hyphenation dictionary must cope.
TEST_CASE("swedish: concurrent callers get the same answers", "[swedish][threads]") {
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&wrong] {
      for (int i = 0; i < 200; ++i) {
        if (hyphenate_visibly("utvecklingsmedel") != "ut-veck-lings-medel") ++wrong;
        if (line_breaks("gäller t.o.m. 2019").size() != 2) ++wrong;
        if (!collate_less("Ystad", "Åmål")) ++wrong;
        if (number_words(3) != "tre") ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(wrong == 0);
}
