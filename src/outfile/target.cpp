// Which paths may be written: checked before any work, so a wrong -o costs no render.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "outfile/outfile.hpp"

namespace fs = std::filesystem;

namespace rv::outfile {

namespace {

// "en enhetsfil" …: what a non-regular file is, for the refusal.
std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "en mapp";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "en enhetsfil";
  if (S_ISFIFO(mode)) return "en namngiven pipe (FIFO)";
  if (S_ISSOCK(mode)) return "en socket";
  return "ingen vanlig fil";
}

const char* const kAdvice = "; ange en vanlig fil (eller - för standard ut)";

std::optional<Target> refuse(Diagnostics& diags, const std::string& path, std::string message) {
  diags.error(Span{path, 0, 0}, std::move(message));
  return std::nullopt;
}

// A symbolic link: the regular file it ends at, or a refusal.
std::optional<Target> follow_link(const std::string& path, Diagnostics& diags) {
  std::unique_ptr<char, decltype(&std::free)> real(realpath(path.c_str(), nullptr), &std::free);
  if (!real) {
    const int err = errno;
    if (err == ENOENT)
      return refuse(diags, path, "utfilen är en symbolisk länk till något som inte finns");
    return refuse(diags, path, "kan inte följa den symboliska länken: " + errno_text(err));
  }
  struct stat st {};
  if (stat(real.get(), &st) != 0) {
    const int err = errno;
    return refuse(diags, path, "kan inte läsa " + std::string(real.get()) + ": " + errno_text(err));
  }
  if (!S_ISREG(st.st_mode))
    return refuse(diags, path,
                  "utfilen är en symbolisk länk till " + std::string(real.get()) + ", som är " +
                      kind_of(st.st_mode) + kAdvice);
  return Target{path, real.get(), false};
}

}  // namespace

std::optional<Target> check_target(const std::string& path, Diagnostics& diags,
                                   bool create_folder) {
  if (path == "-") return Target{"standard ut", "", true};
  if (path.empty()) {
    diags.error(Span{}, "utfilens namn är tomt");
    return std::nullopt;
  }
  if (path.back() == '/') return refuse(diags, path, std::string("utfilen är en mapp") + kAdvice);
  struct stat st {};
  if (lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) return follow_link(path, diags);
    if (!S_ISREG(st.st_mode))
      return refuse(diags, path,
                    "utfilen är " + kind_of(st.st_mode) + ", inte en vanlig fil" + kAdvice);
  } else if (const int err = errno; err != ENOENT) {
    return refuse(diags, path, "kan inte skriva filen: " + errno_text(err));
  }
  // The folder must exist (or be made) and take new files: the temporary file goes there.
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (create_folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
      return refuse(diags, path,
                    "kan inte skapa mappen " + folder.string() + ": " + error_text(ec));
  }
  struct stat fst {};
  if (stat(folder.c_str(), &fst) != 0) {
    const int err = errno;
    if (err == ENOENT) return refuse(diags, path, "mappen " + folder.string() + " finns inte");
    return refuse(diags, path, "kan inte nå mappen " + folder.string() + ": " + errno_text(err));
  }
  if (!S_ISDIR(fst.st_mode)) return refuse(diags, path, folder.string() + " är ingen mapp");
  if (access(folder.c_str(), W_OK | X_OK) != 0) {
    const int err = errno;
    return refuse(diags, path,
                  "kan inte skriva i mappen " + folder.string() + ": " + errno_text(err));
  }
  return Target{path, path, false};
}

}  // namespace rv::outfile
