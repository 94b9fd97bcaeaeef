#include "outfile/cleanup.hpp"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <mutex>

namespace rv::outfile::cleanup {

namespace {

enum State : int { Free = 0, Filling = 1, Armed = 2 };

struct Slot {
  std::atomic<int> state{Free};
  bool folder = false;
  char path[PATH_MAX];
};

// A handful: a process writes one output at a time (plus a scratch folder and its file).
constexpr int kSlots = 8;
Slot slots[kSlots];

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction previous[3];

static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads the state");

void remove_armed(bool folders) {
  for (Slot& s : slots)
    if (s.state.load() == Armed && s.folder == folders) {
      if (folders)
        rmdir(s.path);
      else
        unlink(s.path);
    }
}

void on_signal(int sig) {
  const int saved_errno = errno;
  remove_armed(false);  // files first: a scratch folder must be empty to go
  remove_armed(true);
  for (size_t i = 0; i < std::size(kSignals); ++i)
    if (kSignals[i] == sig) sigaction(sig, &previous[i], nullptr);
  // Blocked while this handler runs: delivered to the previous action when it returns.
  raise(sig);
  errno = saved_errno;
}

// Takes each signal over unless it is ignored (started with nohup …) or already ours; what
// was there before runs after the cleanup. Checked on every arm, not once: a handler
// installed since (a test framework's, a forked child's reset) is chained, not lost.
void install() {
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  for (size_t i = 0; i < std::size(kSignals); ++i) {
    struct sigaction current {};
    sigaction(kSignals[i], nullptr, &current);
    if (current.sa_handler == SIG_IGN || current.sa_handler == on_signal) continue;
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int other : kSignals) sigaddset(&sa.sa_mask, other);
    previous[i] = current;
    sigaction(kSignals[i], &sa, nullptr);
  }
}

}  // namespace

int arm(const char* path, bool folder) {
  const size_t n = std::strlen(path);
  if (n >= PATH_MAX) return -1;
  install();
  for (int i = 0; i < kSlots; ++i) {
    int expected = Free;
    if (!slots[i].state.compare_exchange_strong(expected, Filling)) continue;
    std::memcpy(slots[i].path, path, n + 1);
    slots[i].folder = folder;
    slots[i].state.store(Armed);
    return i;
  }
  return -1;
}

void disarm(int slot) {
  if (slot >= 0 && slot < kSlots) slots[slot].state.store(Free);
}

}  // namespace rv::outfile::cleanup
