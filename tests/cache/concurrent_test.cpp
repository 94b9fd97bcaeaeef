// Processes and threads writing the same entry at once: a reader meanwhile sees one whole
// payload or a miss, never a mixture, and no temporary file is left behind.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <functional>
#include <set>
#include <thread>
#include <vector>

#include "../support/shell.hpp"
#include "cache/cache.hpp"

namespace cache = rv::cache;
namespace fs = std::filesystem;

namespace {

// Large enough that a write takes a while; each writer's payload is different throughout.
std::string payload(int writer) { return std::string(300000, static_cast<char>('a' + writer)); }

// Reads the entry until `done` says stop; counts what it saw.
void read_until(const std::string& d, const std::function<bool()>& done, size_t& hits,
                size_t& wrong) {
  std::set<std::string> valid;
  for (int w = 0; w < 8; ++w) valid.insert(payload(w));
  while (!done()) {
    auto got = cache::read_entry(d, "delad.rvc", "k");
    if (!got) continue;
    ++hits;
    wrong += valid.count(*got) == 0;
  }
}

size_t leftover_temporaries(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    n += e.path().filename().string().find(".tmp") != std::string::npos;
  return n;
}

}  // namespace

TEST_CASE("cache entry: concurrent writers in several processes, one reader") {
  const auto dir = rvtest::temp_dir("cache_processes");
  const std::string d = dir.string();
  std::vector<pid_t> children;
  for (int w = 0; w < 4; ++w) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      for (int i = 0; i < 40; ++i) cache::write_entry(d, "delad.rvc", "k", payload(w));
      ::_exit(0);
    }
    children.push_back(pid);
  }
  size_t running = children.size(), hits = 0, wrong = 0;
  read_until(
      d,
      [&] {
        for (pid_t& pid : children)
          if (pid > 0 && ::waitpid(pid, nullptr, WNOHANG) == pid) pid = 0, --running;
        return running == 0;
      },
      hits, wrong);
  CHECK(wrong == 0);
  CHECK(cache::read_entry(d, "delad.rvc", "k"));
  CHECK(leftover_temporaries(dir) == 0);
  fs::remove_all(dir);
}

TEST_CASE("cache entry: concurrent writers in one process, one reader") {
  const auto dir = rvtest::temp_dir("cache_threads");
  const std::string d = dir.string();
  std::atomic<int> finished{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w)
    writers.emplace_back([&, w] {
      for (int i = 0; i < 40; ++i) cache::write_entry(d, "delad.rvc", "k", payload(w));
      ++finished;
    });
  size_t hits = 0, wrong = 0;
  read_until(
      d, [&] { return finished == 4; }, hits, wrong);
  for (auto& t : writers) t.join();
  CHECK(wrong == 0);
  CHECK(cache::read_entry(d, "delad.rvc", "k"));
  CHECK(leftover_temporaries(dir) == 0);
  fs::remove_all(dir);
}
