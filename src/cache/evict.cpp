// Keeping the cache folder under its cap: the least recently used entries go first.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <string_view>
#include <vector>

#include "cache/cache.hpp"

namespace rv::cache {

namespace {

// A temporary file younger than this may still be written by a running process.
constexpr time_t kTmpGraceSeconds = 600;

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}
bool all_digits(std::string_view s, bool hex) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [hex](char c) {
    return (c >= '0' && c <= '9') || (hex && c >= 'a' && c <= 'f');
  });
}

// Files rapportverk writes: entries (*.rvc), their temporary files (*.rvc.tmp…), and the
// entries of versions before the checksummed format (<16 hex>.bin, mall-<16 hex>.bin,
// avstavning-<digits>.txt), which no version reads any more.
bool ours(std::string_view name, bool& temporary) {
  if (const size_t tmp = name.find(".tmp"); tmp != std::string_view::npos) {
    temporary = true;
    name = name.substr(0, tmp);
  } else {
    temporary = false;
  }
  if (ends_with(name, ".rvc")) return true;
  if (ends_with(name, ".bin")) {
    std::string_view stem = name.substr(0, name.size() - 4);
    if (stem.rfind("mall-", 0) == 0) stem.remove_prefix(5);
    return stem.size() == 16 && all_digits(stem, true);
  }
  if (name.rfind("avstavning-", 0) == 0 && ends_with(name, ".txt"))
    return all_digits(name.substr(11, name.size() - 15), false);
  return false;
}

struct Found {
  std::string name;
  uint64_t size;
  timespec used;
};

}  // namespace

void evict(const std::string& folder, uint64_t cap, const std::string& keep) {
  DIR* d = ::opendir(folder.c_str());
  if (!d) return;
  const int dfd = ::dirfd(d);
  const time_t now = ::time(nullptr);
  std::vector<Found> files;
  uint64_t total = 0;
  while (const dirent* e = ::readdir(d)) {
    bool temporary = false;
    if (!ours(e->d_name, temporary)) continue;
    struct stat st {};
    if (::fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
    if (temporary && now - st.st_mtim.tv_sec < kTmpGraceSeconds) continue;
    total += static_cast<uint64_t>(st.st_size);
    if (e->d_name != keep)
      files.push_back({e->d_name, static_cast<uint64_t>(st.st_size), st.st_mtim});
  }
  if (total > cap) {
    std::sort(files.begin(), files.end(), [](const Found& a, const Found& b) {
      return a.used.tv_sec != b.used.tv_sec ? a.used.tv_sec < b.used.tv_sec
                                            : a.used.tv_nsec < b.used.tv_nsec;
    });
    // Another process may have removed a file already: then it is gone either way.
    for (size_t i = 0; i < files.size() && total > cap; ++i) {
      ::unlinkat(dfd, files[i].name.c_str(), 0);
      total -= files[i].size;
    }
  }
  ::closedir(d);
}

}  // namespace rv::cache
