// Output files that are always whole: every document (PDF, CSV, XLSX, trace) is written
// through here.
//
// A file is written to a temporary file in the target's folder and renamed over the target
// only when every write and the close succeeded, so on any failure (full disk, a signal, a
// crash) the old file is untouched. Where the file system supports it the temporary file
// has no name until the moment before the rename (O_TMPFILE), so even `kill -9` leaves
// nothing; elsewhere it is named `.<name>.<pid>.<random>.tmp`, removed on SIGINT, SIGTERM
// and SIGHUP, and a later write to the same target removes those of processes that no
// longer run. "-" means standard output. Any other target that is not a regular file
// (folder, device, FIFO, socket) is refused; a symbolic link to a regular file is
// followed: the file it points at is replaced, the link kept.
//
// Every file-system error becomes a Swedish diagnostic naming the path.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

#include "diag/diag.hpp"

namespace rv::outfile {

struct Target {
  std::string shown;  // the path as the user gave it, for messages
  std::string file;   // the regular file replaced (a link's target); empty for stdout
  bool to_stdout = false;
};

// Checks a path given with -o before any work is done: "-" (standard output), a path that
// does not exist yet, a regular file, or a symbolic link to one. With `create_folder`, the
// missing folders on the way are created. Anything else: a diagnostic and nullopt.
std::optional<Target> check_target(const std::string& path, Diagnostics& diags,
                                   bool create_folder = false);

// Writes the concatenation of `pieces` to the target, whole or not at all; false with a
// diagnostic when it failed (the old file then is unchanged and no temporary file is
// left). Pieces let a writer with its bytes in chunks (libharu) write without a copy.
bool write(const Target& target, std::span<const std::string_view> pieces, Diagnostics& diags);
bool write(const Target& target, std::string_view bytes, Diagnostics& diags);
// The same for a path not checked before: check_target, then write.
bool write_file(const std::string& path, std::string_view bytes, Diagnostics& diags);

// A private folder next to the target (`.<name>.<pid>.<random>.tmp`) for a library that
// can only write to a path of its own (libxlsxwriter). Removed with everything in it when
// the object dies, on SIGINT/SIGTERM/SIGHUP (the file at `file()`), and by the stale sweep
// of a later run after a crash.
class ScratchFolder {
 public:
  static std::optional<ScratchFolder> create(const Target& target, const std::string& file_name,
                                             Diagnostics& diags);
  ScratchFolder(ScratchFolder&& other) noexcept;
  ScratchFolder& operator=(ScratchFolder&&) = delete;
  ~ScratchFolder();
  const std::string& file() const { return file_; }  // a path inside the folder

 private:
  ScratchFolder() = default;
  std::string folder_, file_;
  int folder_slot_ = -1, file_slot_ = -1;
};

// Reads a whole file (the scratch file of a library) with a Swedish diagnostic on failure.
std::optional<std::string> read_back(const std::string& path, const std::string& shown,
                                     Diagnostics& diags);

// errno as plain Swedish: "disken är full", "åtkomst nekad", "mappen finns inte" …
std::string errno_text(int err);
std::string error_text(const std::error_code& ec);

}  // namespace rv::outfile
