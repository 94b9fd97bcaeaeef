// The atomic write: temporary file in the target's folder, every call checked, rename last.
//
// No fsync before the rename: it costs 1–9 ms on this project's machines (a quarter of a
// warm render of the national report), and what it guards against is a power cut, not a
// wrong document: ext4 and XFS flush a file replaced by rename before the rename itself
// becomes durable, and an error the disk reports (a full disk included) shows up in write
// or close, both checked here.
#include "outfile/pending.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <vector>

#include "outfile/cleanup.hpp"

namespace fs = std::filesystem;

namespace rv::outfile {

namespace {

std::string random_hex() {
  unsigned char bytes[6];
  if (getrandom(bytes, sizeof bytes, GRND_NONBLOCK) != static_cast<ssize_t>(sizeof bytes)) {
    // No entropy yet (early boot): the clock and a counter still make a name unique in
    // this process, and the pid in the name separates processes.
    static std::atomic<unsigned> counter{0};
    auto t = static_cast<unsigned long long>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    t ^= static_cast<unsigned long long>(counter.fetch_add(1)) << 40;
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(t >> (8 * (&b - bytes)));
  }
  static const char digits[] = "0123456789abcdef";
  std::string s;
  for (unsigned char b : bytes) {
    s += digits[b >> 4];
    s += digits[b & 15];
  }
  return s;
}

// The pid in "<pid>.<random>", or -1.
pid_t pid_in(std::string_view middle) {
  auto dot = middle.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot > 9) return -1;
  pid_t pid = 0;
  for (char c : middle.substr(0, dot)) {
    if (c < '0' || c > '9') return -1;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

}  // namespace

std::string temporary_name(const std::string& folder, const std::string& name) {
  return folder + "/." + name + "." + std::to_string(getpid()) + "." + random_hex() + ".tmp";
}

void sweep_stale(const std::string& folder, const std::string& name) {
  DIR* d = opendir(folder.c_str());
  if (!d) return;
  const std::string prefix = "." + name + ".";
  std::vector<std::string> stale;
  while (const dirent* e = readdir(d)) {
    std::string_view n = e->d_name;
    if (n.size() <= prefix.size() + 4 || !n.starts_with(prefix) || !n.ends_with(".tmp")) continue;
    const pid_t pid = pid_in(n.substr(prefix.size(), n.size() - prefix.size() - 4));
    if (pid <= 0 || pid == getpid()) continue;
    // EPERM: the process runs (as another user); only ESRCH says it is gone.
    if (kill(pid, 0) == 0 || errno != ESRCH) continue;
    stale.emplace_back(n);
  }
  closedir(d);
  for (const auto& n : stale) {
    std::error_code ec;
    fs::remove_all(fs::path(folder) / n, ec);  // best effort: a leftover is only clutter
  }
}

int write_all(int fd, std::span<const std::string_view> pieces) {
  std::vector<iovec> iov;
  iov.reserve(pieces.size());
  for (std::string_view p : pieces)
    if (!p.empty()) iov.push_back({const_cast<char*>(p.data()), p.size()});
  size_t i = 0;
  while (i < iov.size()) {
    const int count = static_cast<int>(std::min<size_t>(iov.size() - i, IOV_MAX));
    ssize_t n = writev(fd, &iov[i], count);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {  // a non-blocking pipe given as standard output
        pollfd p{fd, POLLOUT, 0};
        poll(&p, 1, -1);
        continue;
      }
      return errno;
    }
    if (n == 0) return EIO;
    for (auto left = static_cast<size_t>(n); left > 0;) {
      if (left >= iov[i].iov_len) {
        left -= iov[i].iov_len;
        ++i;
      } else {
        iov[i].iov_base = static_cast<char*>(iov[i].iov_base) + left;
        iov[i].iov_len -= left;
        left = 0;
      }
    }
  }
  return 0;
}

PendingFile::PendingFile(const Target& target, bool unnamed)
    : target_(target), try_unnamed_(unnamed) {
  fs::path file(target.file);
  folder_ = file.parent_path().empty() ? "." : file.parent_path().string();
  name_ = file.filename().string();
}

PendingFile::~PendingFile() {
  if (fd_ >= 0) close(fd_);
  forget_name();
}

void PendingFile::forget_name() {
  if (!temp_.empty()) unlink(temp_.c_str());
  cleanup::disarm(slot_);
  slot_ = -1;
  temp_.clear();
}

bool PendingFile::fail(Diagnostics& diags, const std::string& what, int err) {
  diags.error(Span{target_.shown, 0, 0}, what + ": " + errno_text(err));
  return false;
}

// A fresh `.<name>.<pid>.<random>.tmp`, armed for removal on a signal before it exists.
void PendingFile::choose_name() {
  temp_ = temporary_name(folder_, name_);
  slot_ = cleanup::arm(temp_.c_str(), false);
}

bool PendingFile::open(Diagnostics& diags) {
  sweep_stale(folder_, name_);
  // A file replaced keeps its permissions (a new one gets 0666 minus the umask).
  struct stat old {};
  const bool replaces = stat(target_.file.c_str(), &old) == 0 && S_ISREG(old.st_mode);
  if (try_unnamed_) {
    fd_ = ::open(folder_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd_ >= 0) {
      unnamed_ = true;
    } else if (const int err = errno; err != EOPNOTSUPP && err != EISDIR && err != EINVAL) {
      return fail(diags, "kan inte skapa en tillfällig fil i mappen " + folder_, err);
    }
  }
  for (int attempt = 0; fd_ < 0; ++attempt) {
    choose_name();
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ >= 0) break;
    const int err = errno;
    cleanup::disarm(slot_);  // not ours: nothing to remove
    slot_ = -1;
    temp_.clear();
    if (err != EEXIST || attempt == 20)
      return fail(diags, "kan inte skapa en tillfällig fil i mappen " + folder_, err);
  }
  if (replaces) fchmod(fd_, old.st_mode & 07777);  // best effort, like cp -p
  return true;
}

bool PendingFile::append(std::span<const std::string_view> pieces, Diagnostics& diags) {
  if (int err = write_all(fd_, pieces)) return fail(diags, "kan inte skriva filen", err);
  return true;
}

PendingFile::Result PendingFile::commit(Diagnostics& diags) {
  if (unnamed_) {
    const std::string proc = "/proc/self/fd/" + std::to_string(fd_);
    for (int attempt = 0;; ++attempt) {
      choose_name();
      if (linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, temp_.c_str(), AT_SYMLINK_FOLLOW) == 0) break;
      const int err = errno;
      cleanup::disarm(slot_);
      slot_ = -1;
      temp_.clear();
      if (err == EEXIST && attempt < 20) continue;
      if (err == ENOENT || err == EPERM || err == EACCES) return Result::CannotName;
      fail(diags, "kan inte skapa en tillfällig fil i mappen " + folder_, err);
      return Result::Failed;
    }
  }
  const int fd = fd_;
  fd_ = -1;
  if (close(fd) != 0) {
    const int err = errno;
    fail(diags, "kan inte skriva filen", err);
    return Result::Failed;
  }
  // Checked before work began; checked again, so that a device node put there since is
  // never replaced by a regular file.
  struct stat st {};
  if (lstat(target_.file.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    diags.error(Span{target_.shown, 0, 0}, "utfilen är inte längre en vanlig fil; skrev inget");
    return Result::Failed;
  }
  if (rename(temp_.c_str(), target_.file.c_str()) != 0) {
    const int err = errno;
    fail(diags, "kan inte ersätta filen", err);
    return Result::Failed;
  }
  // Renamed: the temporary name is gone; disarm after, so a signal in between finds no file.
  cleanup::disarm(slot_);
  slot_ = -1;
  temp_.clear();
  return Result::Ok;
}

}  // namespace rv::outfile
