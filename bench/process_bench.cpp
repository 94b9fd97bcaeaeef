// Times a whole command as a user runs it: N runs after one warm-up, each in its own
// process; prints the median, fastest and slowest wall time and the peak resident memory
// (from wait4's rusage, so it is the child's own high-water mark).
//
//   process_bench 20 build/rapportverk skapa uppfoljning-nationell data/nationell-2019 -o /tmp/r.pdf
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

struct Sample {
  double ms;
  long max_rss_kib;
  int status;
};

Sample run_once(char** argv) {
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execvp(argv[0], argv);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return {ms, usage.ru_maxrss, status};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "användning: process_bench ANTAL KOMMANDO [ARGUMENT…]\n");
    return 2;
  }
  int n = std::atoi(argv[1]);
  char** cmd = argv + 2;
  Sample warm = run_once(cmd);
  if (!WIFEXITED(warm.status) || WEXITSTATUS(warm.status) != 0) {
    std::fprintf(stderr, "kommandot misslyckades (status %d)\n", warm.status);
    return 1;
  }
  std::vector<double> times;
  long peak = 0;
  for (int i = 0; i < n; ++i) {
    Sample s = run_once(cmd);
    times.push_back(s.ms);
    peak = std::max(peak, s.max_rss_kib);
  }
  std::sort(times.begin(), times.end());
  double median = times.size() % 2 ? times[times.size() / 2]
                                   : (times[times.size() / 2 - 1] + times[times.size() / 2]) / 2;
  std::printf("körningar: %d\nmedian: %.1f ms\nsnabbast: %.1f ms\nlångsammast: %.1f ms\n"
              "högsta minnesanvändning: %.1f MiB\n",
              n, median, times.front(), times.back(), peak / 1024.0);
  return 0;
}
