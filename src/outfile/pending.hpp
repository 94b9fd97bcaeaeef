// One output file being written: the steps behind outfile::write, public for the tests
// that end a process in the middle of them.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "outfile/outfile.hpp"

namespace rv::outfile {

class PendingFile {
 public:
  enum class Result : uint8_t { Ok, Failed, CannotName };

  // `unnamed`: try O_TMPFILE first (the temporary file gets a name only just before the
  // rename); otherwise, or where the file system lacks it, a unique name from the start.
  PendingFile(const Target& target, bool unnamed);
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;
  ~PendingFile();  // not committed: the temporary file is removed

  bool open(Diagnostics& diags);
  bool append(std::span<const std::string_view> pieces, Diagnostics& diags);
  // Names the file (if unnamed), closes it and renames it over the target. CannotName:
  // the unnamed file could not be given a name here (no /proc); write it again named.
  Result commit(Diagnostics& diags);

  const std::string& temporary_path() const { return temp_; }  // empty while unnamed

 private:
  bool fail(Diagnostics& diags, const std::string& what, int err);
  void choose_name();
  void forget_name();

  const Target& target_;
  std::string folder_, name_, temp_;
  bool try_unnamed_;
  bool unnamed_ = false;
  int fd_ = -1;
  int slot_ = -1;
};

// Writes all of `pieces` to `fd` (a pipe, a terminal or a file), retrying short writes
// and interruptions; the errno of the failure, or 0.
int write_all(int fd, std::span<const std::string_view> pieces);

// A fresh path `<folder>/.<name>.<pid>.<random>.tmp` (not created).
std::string temporary_name(const std::string& folder, const std::string& name);

// Removes `.<name>.<pid>.<random>.tmp` files and folders in `folder` left by processes
// that no longer run (killed with SIGKILL, a power cut) on a file system without O_TMPFILE.
void sweep_stale(const std::string& folder, const std::string& name);

}  // namespace rv::outfile
