#include "cli/watch.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "outfile/outfile.hpp"

namespace fs = std::filesystem;

namespace rv::cli {

namespace {

volatile std::sig_atomic_t stop_signal = 0;
void on_stop(int sig) { stop_signal = sig; }

// A watched folder: the files in it that count (empty: all of them).
struct Watched {
  fs::path folder;
  std::set<std::string> only;
};

bool ignored_name(const std::string& name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name == "4913" ||
         name.ends_with(".swp") || name.ends_with(".tmp");
}

class Watcher {
 public:
  Watcher() : fd_(inotify_init1(IN_CLOEXEC | IN_NONBLOCK)) {}
  ~Watcher() {
    if (fd_ >= 0) close(fd_);
  }
  bool ok() const { return fd_ >= 0; }
  int fd() const { return fd_; }

  bool add(const fs::path& folder, const std::string& only_file) {
    const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;
    const int wd = inotify_add_watch(fd_, folder.c_str(), mask);
    if (wd < 0) return false;
    Watched& w = watched_[wd];
    w.folder = folder;
    if (!only_file.empty()) w.only.insert(only_file);
    return true;
  }

  // Reads the pending events; the names of the changed files that count.
  std::vector<std::string> changes(const fs::path& output) {
    std::vector<std::string> out;
    alignas(inotify_event) char buf[16 * (sizeof(inotify_event) + NAME_MAX + 1)];
    for (;;) {
      const ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) break;
      for (ssize_t at = 0; at < n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(buf + at);
        at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
        auto w = watched_.find(e->wd);
        if (w == watched_.end() || e->len == 0) continue;
        const std::string name = e->name;
        if (ignored_name(name) || (!w->second.only.empty() && !w->second.only.count(name)))
          continue;
        const fs::path path = w->second.folder / name;
        std::error_code ec;
        if (!output.empty() && fs::equivalent(path, output, ec)) continue;
        // The output itself, or inside it (--per-mottagare writes a folder).
        const fs::path rel = path.lexically_normal().lexically_relative(output.lexically_normal());
        if (!output.empty() && (rel == "." || (!rel.empty() && *rel.begin() != ".."))) continue;
        // A new subfolder of a watched folder is watched too.
        if ((e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR) && w->second.only.empty())
          add_tree(path);
        out.push_back(path.string());
      }
    }
    return out;
  }

  void add_tree(const fs::path& folder) {
    if (!add(folder, "")) return;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_directory(ec) && !ignored_name(it->path().filename().string()))
        add(it->path(), "");
  }

 private:
  int fd_;
  std::map<int, Watched> watched_;
};

// Runs `render` in a child: each render starts from a clean process, as a user's run
// would (the template's hyphenation list, the caches' state), and a crash is only a
// failed render. The exit code, or -1 when stopped by a signal.
int render_in_child(const std::function<int()>& render) {
  std::cout.flush();
  std::cerr.flush();
  const pid_t child = fork();
  if (child < 0) return InternalError;
  if (child == 0) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    // Nothing may leave this function in the child: an exception would carry on
    // watching in a second process.
    const int code = run_guarded(render);
    std::cout.flush();
    std::cerr.flush();
    _exit(code);
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) return InternalError;
    if (stop_signal) kill(child, SIGTERM);  // and wait for it
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (stop_signal) return -1;
  // (strsignal() would say it in English.)
  std::cerr << "rapportverk: internt fel: omgången avbröts av signal " << WTERMSIG(status) << "\n";
  return InternalError;
}

}  // namespace

int watch_and_render(const std::vector<std::string>& watched, const std::string& output,
                     const std::function<int()>& render) {
  Watcher watcher;
  if (!watcher.ok()) {
    std::cerr << "rapportverk: fel: kan inte bevaka filerna: " << outfile::errno_text(errno)
              << "\n";
    return InvalidInput;
  }
  for (const std::string& p : watched) {
    std::error_code ec;
    const fs::path path = fs::absolute(p, ec);
    if (fs::is_directory(path, ec))
      watcher.add_tree(path);
    else if (!watcher.add(path.parent_path(), path.filename().string()))
      std::cerr << "rapportverk: varning: kan inte bevaka " << p << ": "
                << outfile::errno_text(errno) << "\n";
  }
  struct sigaction sa {};
  sa.sa_handler = on_stop;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: poll() and waitpid() return on a signal
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaction(sig, &sa, nullptr);

  std::error_code ec;
  const fs::path out = output.empty() ? fs::path() : fs::absolute(output, ec);
  int code = render_in_child(render);
  std::cout << "Bevakar mallen och data; en ändring skapar dokumentet på nytt (Ctrl-C avslutar)."
            << std::endl;
  while (!stop_signal) {
    pollfd p{watcher.fd(), POLLIN, 0};
    if (poll(&p, 1, -1) <= 0) continue;
    std::vector<std::string> changed = watcher.changes(out);
    // An editor's save is several events (a temporary file, a rename): wait until the
    // files have been quiet for a moment, then render once.
    while (!stop_signal) {
      pollfd q{watcher.fd(), POLLIN, 0};
      if (poll(&q, 1, 100) <= 0) break;
      for (auto& c : watcher.changes(out)) changed.push_back(std::move(c));
    }
    if (changed.empty() || stop_signal) continue;
    // Names as the user gave them: relative to the working folder where that is shorter.
    std::set<std::string> names;
    const fs::path here = fs::current_path(ec);
    for (const auto& c : changed) {
      const fs::path rel = fs::path(c).lexically_relative(here);
      names.insert(ec || rel.empty() || *rel.begin() == ".." ? c : rel.string());
    }
    std::cout << "\nÄndrat:";
    for (const auto& n : names) std::cout << " " << n;
    std::cout << std::endl;
    code = render_in_child(render);
    if (code != Ok && code != -1 && !output.empty() && fs::exists(out, ec))
      std::cout << "Den senaste felfria utfilen ligger kvar: " << output << std::endl;
  }
  std::cout << "Slutar bevaka." << std::endl;
  return Ok;
}

}  // namespace rv::cli
