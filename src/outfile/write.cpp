// outfile::write and the scratch folder for libraries that write to a path themselves.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "outfile/cleanup.hpp"
#include "outfile/pending.hpp"

namespace fs = std::filesystem;

namespace rv::outfile {

bool write(const Target& target, std::span<const std::string_view> pieces, Diagnostics& diags) {
  if (target.to_stdout) {
    if (int err = write_all(STDOUT_FILENO, pieces)) {
      diags.error(Span{}, "kan inte skriva till standard ut: " + errno_text(err));
      return false;
    }
    return true;
  }
  for (bool unnamed : {true, false}) {
    PendingFile file(target, unnamed);
    if (!file.open(diags) || !file.append(pieces, diags)) return false;
    const auto result = file.commit(diags);
    if (result != PendingFile::Result::CannotName) return result == PendingFile::Result::Ok;
  }
  return false;  // not reached: a named file never answers CannotName
}

bool write(const Target& target, std::string_view bytes, Diagnostics& diags) {
  return write(target, std::span<const std::string_view>(&bytes, 1), diags);
}

bool write_file(const std::string& path, std::string_view bytes, Diagnostics& diags) {
  auto target = check_target(path, diags);
  return target && write(*target, bytes, diags);
}

std::optional<ScratchFolder> ScratchFolder::create(const Target& target,
                                                   const std::string& file_name,
                                                   Diagnostics& diags) {
  // Next to the target, so that the stale sweep of a later write finds it after a crash;
  // for standard output in the system's folder for temporary files.
  const fs::path where =
      target.to_stdout ? fs::temp_directory_path() / "rapportverk" : fs::path(target.file);
  const std::string folder = where.parent_path().empty() ? "." : where.parent_path().string();
  const std::string name = where.filename().string();
  sweep_stale(folder, name);
  ScratchFolder s;
  for (int attempt = 0;; ++attempt) {
    s.folder_ = temporary_name(folder, name);
    s.folder_slot_ = cleanup::arm(s.folder_.c_str(), true);
    if (mkdir(s.folder_.c_str(), 0700) == 0) break;
    const int err = errno;
    cleanup::disarm(s.folder_slot_);
    s.folder_slot_ = -1;
    s.folder_.clear();
    if (err != EEXIST || attempt == 20) {
      diags.error(Span{target.shown, 0, 0},
                  "kan inte skapa en tillfällig mapp i " + folder + ": " + errno_text(err));
      return std::nullopt;
    }
  }
  s.file_ = s.folder_ + "/" + file_name;
  s.file_slot_ = cleanup::arm(s.file_.c_str(), false);
  return s;
}

ScratchFolder::ScratchFolder(ScratchFolder&& other) noexcept
    : folder_(std::move(other.folder_)),
      file_(std::move(other.file_)),
      folder_slot_(other.folder_slot_),
      file_slot_(other.file_slot_) {
  other.folder_.clear();
  other.file_.clear();
  other.folder_slot_ = other.file_slot_ = -1;
}

ScratchFolder::~ScratchFolder() {
  if (!folder_.empty()) {
    std::error_code ec;
    fs::remove_all(folder_, ec);  // the library may have left files of its own
  }
  cleanup::disarm(file_slot_);
  cleanup::disarm(folder_slot_);
}

std::optional<std::string> read_back(const std::string& path, const std::string& shown,
                                     Diagnostics& diags) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (fd < 0 || fstat(fd, &st) != 0) {
    const int err = errno;
    if (fd >= 0) close(fd);
    diags.error(Span{shown, 0, 0}, "kan inte läsa den tillfälliga filen: " + errno_text(err));
    return std::nullopt;
  }
  std::string bytes(static_cast<size_t>(st.st_size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      close(fd);
      diags.error(Span{shown, 0, 0}, "kan inte läsa den tillfälliga filen: " + errno_text(err));
      return std::nullopt;
    }
    done += static_cast<size_t>(n);
  }
  close(fd);
  return bytes;
}

}  // namespace rv::outfile
