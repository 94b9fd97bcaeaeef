// load::read_file(): one file, whole, into a string.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/load.hpp"

namespace rv::load {

bool read_file(const std::string& path, std::string& out) {
  // O_NONBLOCK: a FIFO put in place of the file after it was checked must not make the
  // open wait for a writer for ever; the fstat below then refuses it.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok) {
    out.resize(static_cast<size_t>(st.st_size));
    size_t done = 0;
    // Short reads are possible; a file that grows meanwhile is read to its size at open.
    while (ok && done < out.size()) {
      ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n < 0) ok = false;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    out.resize(done);
  }
  ::close(fd);
  return ok;
}

}  // namespace rv::load
