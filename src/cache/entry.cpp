// The cache entry file (see cache.hpp): encoding, checking, reading and writing.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "cache/cache.hpp"

namespace rv::cache {

namespace {

constexpr char kMagic[8] = {'R', 'V', 'C', 'A', 'C', 'H', 'E', '2'};
constexpr size_t kWord = 8;
constexpr size_t kHeader = sizeof kMagic + 2 * kWord;  // magic, key length, payload length
constexpr uint64_t kChecksumSeed = 0x72766361636865ull;

// The key as stored: the code version is part of it, so entries of another build never match.
std::string full_key(std::string_view key, std::string_view code) {
  std::string k(code);
  k += '\n';
  k += key;
  return k;
}

void put_u64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), kWord); }
uint64_t get_u64(std::string_view in, size_t at) {
  uint64_t v;
  std::memcpy(&v, in.data() + at, kWord);
  return v;
}

// Where the payload lies in `file`, when the whole file checks out.
bool locate_payload(std::string_view file, std::string_view key, std::string_view code,
                    size_t& offset, size_t& size) {
  if (file.size() < kHeader + kWord) return false;
  if (std::memcmp(file.data(), kMagic, sizeof kMagic) != 0) return false;
  const uint64_t key_size = get_u64(file, sizeof kMagic);
  const uint64_t payload_size = get_u64(file, sizeof kMagic + kWord);
  const uint64_t room = file.size() - kHeader - kWord;
  if (key_size > room || payload_size != room - key_size) return false;
  const std::string expected = full_key(key, code);
  if (file.substr(kHeader, key_size) != expected) return false;
  const size_t body = file.size() - kWord;
  if (hash64(file.substr(0, body), kChecksumSeed) != get_u64(file, body)) return false;
  offset = kHeader + key_size;
  size = payload_size;
  return true;
}

// The regular file at `path`, whole, when it is at most `limit` bytes. Opened without
// following a symlink and without blocking (a FIFO would otherwise wait for a writer), and
// checked with fstat, so a FIFO, a device, a folder or a link to /dev/zero is never read.
bool read_regular_file(const std::string& path, uint64_t limit, std::string& out, int& fd_out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 &&
            static_cast<uint64_t>(st.st_size) <= limit;
  if (ok) {
    out.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < out.size()) {
      const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    ok = done == out.size();  // shorter: truncated meanwhile, a miss
  }
  if (!ok) {
    ::close(fd);
    return false;
  }
  fd_out = fd;
  return true;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

std::string encode_entry(std::string_view key, std::string_view payload, std::string_view code) {
  const std::string k = full_key(key, code);
  std::string out;
  out.reserve(kHeader + k.size() + payload.size() + kWord);
  out.append(kMagic, sizeof kMagic);
  put_u64(out, k.size());
  put_u64(out, payload.size());
  out += k;
  out += payload;
  put_u64(out, hash64(out, kChecksumSeed));
  return out;
}

std::optional<std::string> decode_entry(std::string_view file, std::string_view key,
                                        std::string_view code) {
  size_t offset = 0, size = 0;
  if (!locate_payload(file, key, code, offset, size)) return std::nullopt;
  return std::string(file.substr(offset, size));
}

std::optional<std::string> read_entry(const std::string& folder, const std::string& name,
                                      std::string_view key, std::string_view code) {
  std::string file;
  int fd = -1;
  if (!read_regular_file(folder + "/" + name, size_cap(), file, fd)) return std::nullopt;
  size_t offset = 0, size = 0;
  const bool hit = locate_payload(file, key, code, offset, size);
  if (hit) ::futimens(fd, nullptr);  // recently used: kept longest by evict()
  ::close(fd);
  if (!hit) return std::nullopt;
  file.resize(offset + size);
  file.erase(0, offset);
  return file;
}

void write_entry(const std::string& folder, const std::string& name, std::string_view key,
                 std::string_view payload, std::string_view code) {
  const std::string bytes = encode_entry(key, payload, code);
  const uint64_t cap = size_cap();
  if (bytes.size() > cap) return;  // would only push everything else out, and then itself
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return;
  static std::atomic<unsigned> calls{0};
  const std::string target = folder + "/" + name;
  const std::string tmp =
      target + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(calls++);
  // O_EXCL|O_NOFOLLOW: never write through a file or link someone else put there.
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return;
  const bool written = write_all(fd, bytes);
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(tmp.c_str(), target.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return;
  }
  evict(folder, cap, name);
}

}  // namespace rv::cache
