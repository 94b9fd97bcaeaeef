// outfile: output written whole or not at all, whatever happens to the process or the disk.
#include "outfile/outfile.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>

#include "../support/shell.hpp"
#include "outfile/pending.hpp"

namespace fs = std::filesystem;
using namespace rv;

namespace {

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

std::string messages(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += format_diagnostic(x) + "\n";
  return s;
}

outfile::Target target_for(const fs::path& p) {
  Diagnostics d;
  auto t = outfile::check_target(p.string(), d);
  INFO(messages(d));
  REQUIRE(t);
  return *t;
}

// Runs `child` in a forked process with SIGINT/SIGTERM at their defaults (not Catch2's);
// returns the raw wait status.
template <class F>
int in_child(F child) {
  std::fflush(nullptr);
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    child();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

const std::string kBig(200 * 1024, 'x');

}  // namespace

TEST_CASE("outfile: a new file is written and an old one replaced, no temporary file left") {
  fs::path dir = rvtest::temp_dir("outfile_write");
  Diagnostics d;
  REQUIRE(outfile::write_file((dir / "a.pdf").string(), "första", d));
  CHECK(rvtest::read(dir / "a.pdf") == "första");
  REQUIRE(outfile::write_file((dir / "a.pdf").string(), "andra", d));
  CHECK(rvtest::read(dir / "a.pdf") == "andra");
  CHECK(names_in(dir) == std::set<std::string>{"a.pdf"});
  CHECK(d.empty());
  fs::remove_all(dir);
}

TEST_CASE("outfile: a replaced file keeps its permissions") {
  fs::path dir = rvtest::temp_dir("outfile_mode");
  rvtest::write(dir / "a.csv", "gammal");
  REQUIRE(chmod((dir / "a.csv").c_str(), 0640) == 0);
  Diagnostics d;
  REQUIRE(outfile::write_file((dir / "a.csv").string(), "ny", d));
  struct stat st {};
  REQUIRE(stat((dir / "a.csv").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  fs::remove_all(dir);
}

TEST_CASE("outfile: pieces are written in order, as one file") {
  fs::path dir = rvtest::temp_dir("outfile_pieces");
  std::vector<std::string_view> pieces;
  std::string expected;
  std::vector<std::string> store;
  for (int i = 0; i < 3000; ++i) store.push_back(std::to_string(i) + ",");  // > IOV_MAX pieces
  for (const auto& s : store) {
    pieces.emplace_back(s);
    expected += s;
  }
  Diagnostics d;
  REQUIRE(outfile::write(target_for(dir / "t.csv"), pieces, d));
  CHECK(rvtest::read(dir / "t.csv") == expected);
  fs::remove_all(dir);
}

TEST_CASE("outfile: a folder, a FIFO and a device are refused and left as they were") {
  fs::path dir = rvtest::temp_dir("outfile_refuse");
  fs::create_directory(dir / "mapp");
  REQUIRE(mkfifo((dir / "fifo").c_str(), 0600) == 0);
  fs::create_symlink("/dev/null", dir / "till-enhet");
  Diagnostics d;
  CHECK_FALSE(outfile::check_target((dir / "mapp").string(), d));
  CHECK_FALSE(outfile::check_target((dir / "fifo").string(), d));
  CHECK_FALSE(outfile::check_target((dir / "till-enhet").string(), d));
  CHECK_FALSE(outfile::check_target("/dev/null", d));
  const std::string m = messages(d);
  CHECK(m.find("mapp: fel: utfilen är en mapp, inte en vanlig fil") != std::string::npos);
  CHECK(m.find("fifo: fel: utfilen är en namngiven pipe (FIFO), inte en vanlig fil") !=
        std::string::npos);
  CHECK(
      m.find("till-enhet: fel: utfilen är en symbolisk länk till /dev/null, som är en enhetsfil") !=
      std::string::npos);
  CHECK(m.find("/dev/null: fel: utfilen är en enhetsfil, inte en vanlig fil") != std::string::npos);
  CHECK(fs::is_fifo(dir / "fifo"));
  CHECK(fs::is_symlink(dir / "till-enhet"));
  CHECK(fs::is_character_file("/dev/null"));
  // A device node of our own (needs root): the same character device as /dev/null.
  if (mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    CHECK_FALSE(outfile::write_file((dir / "null").string(), "x", d));
    CHECK(fs::is_character_file(dir / "null"));
  }
  fs::remove_all(dir);
}

TEST_CASE("outfile: a symlink to a regular file replaces that file and keeps the link") {
  fs::path dir = rvtest::temp_dir("outfile_link");
  fs::create_directory(dir / "arkiv");
  rvtest::write(dir / "arkiv" / "rapport.pdf", "gammal");
  fs::create_symlink("arkiv/rapport.pdf", dir / "senaste.pdf");
  Diagnostics d;
  REQUIRE(outfile::write_file((dir / "senaste.pdf").string(), "ny", d));
  CHECK(fs::is_symlink(dir / "senaste.pdf"));
  CHECK(rvtest::read(dir / "arkiv" / "rapport.pdf") == "ny");
  CHECK(names_in(dir / "arkiv") == std::set<std::string>{"rapport.pdf"});
  fs::remove_all(dir);
}

TEST_CASE("outfile: symlink loops, missing folders and dangling links get Swedish messages") {
  fs::path dir = rvtest::temp_dir("outfile_paths");
  fs::create_symlink("loop", dir / "loop");
  fs::create_symlink("finns-inte.pdf", dir / "dinglar.pdf");
  Diagnostics d;
  CHECK_FALSE(outfile::check_target((dir / "loop" / "x.pdf").string(), d, true));
  CHECK_FALSE(outfile::check_target((dir / "loop").string(), d));
  CHECK_FALSE(outfile::check_target((dir / "saknas" / "x.pdf").string(), d));
  CHECK_FALSE(outfile::check_target((dir / "dinglar.pdf").string(), d));
  const std::string m = messages(d);
  INFO(m);
  CHECK(m.find("loop/x.pdf: fel: kan inte skriva filen: för många nivåer av symboliska länkar") !=
        std::string::npos);
  CHECK(m.find("loop: fel: kan inte följa den symboliska länken: för många nivåer av symboliska "
               "länkar") != std::string::npos);
  CHECK(m.find("saknas/x.pdf: fel: mappen " + (dir / "saknas").string() + " finns inte") !=
        std::string::npos);
  CHECK(m.find("dinglar.pdf: fel: utfilen är en symbolisk länk till något som inte finns") !=
        std::string::npos);
  // Asked to, the missing folders are made.
  Diagnostics ok;
  CHECK(outfile::check_target((dir / "ny" / "mapp" / "x.pdf").string(), ok, true));
  CHECK(fs::is_directory(dir / "ny" / "mapp"));
  fs::remove_all(dir);
}

TEST_CASE("outfile: a full disk (file size limit) fails the write and keeps the old file") {
  fs::path dir = rvtest::temp_dir("outfile_full");
  rvtest::write(dir / "r.pdf", "den gamla, hela filen");
  const outfile::Target t = target_for(dir / "r.pdf");
  for (bool unnamed : {true, false}) {
    INFO("unnamed: " << unnamed);
    const int status = in_child([&] {
      signal(SIGXFSZ, SIG_IGN);  // writes past the limit fail with EFBIG instead
      rlimit limit{16 * 1024, 16 * 1024};
      setrlimit(RLIMIT_FSIZE, &limit);
      Diagnostics d;
      bool written;
      {
        outfile::PendingFile f(t, unnamed);  // its destructor cleans up, before _exit
        written = f.open(d) && f.append({{std::string_view(kBig)}}, d) &&
                  f.commit(d) == outfile::PendingFile::Result::Ok;
      }
      const bool said = messages(d).find(
                            "r.pdf: fel: kan inte skriva filen: filen blir större "
                            "än tillåtet") != std::string::npos;
      _exit(!written && said ? 0 : 1);
    });
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(rvtest::read(dir / "r.pdf") == "den gamla, hela filen");
    CHECK(names_in(dir) == std::set<std::string>{"r.pdf"});
  }
  fs::remove_all(dir);
}

TEST_CASE("outfile: SIGTERM and SIGINT in the middle of a write remove the temporary file") {
  fs::path dir = rvtest::temp_dir("outfile_sigterm");
  rvtest::write(dir / "r.pdf", "gammal");
  const outfile::Target t = target_for(dir / "r.pdf");
  for (int sig : {SIGTERM, SIGINT}) {
    const int status = in_child([&] {
      Diagnostics d;
      outfile::PendingFile f(t, /*unnamed=*/false);  // a named file: the handler's work
      if (!f.open(d) || !f.append({{std::string_view(kBig)}}, d)) _exit(3);
      if (!fs::exists(f.temporary_path())) _exit(4);
      raise(sig);
      _exit(5);  // not reached: the signal ends the process
    });
    REQUIRE(WIFSIGNALED(status));  // ended by the signal, as without the handler
    CHECK(WTERMSIG(status) == sig);
    CHECK(names_in(dir) == std::set<std::string>{"r.pdf"});
    CHECK(rvtest::read(dir / "r.pdf") == "gammal");
  }
  fs::remove_all(dir);
}

TEST_CASE("outfile: SIGKILL leaves no temporary file, or one the next write removes") {
  fs::path dir = rvtest::temp_dir("outfile_sigkill");
  rvtest::write(dir / "r.pdf", "gammal");
  const outfile::Target t = target_for(dir / "r.pdf");
  for (bool unnamed : {true, false}) {
    INFO("unnamed: " << unnamed);
    const int status = in_child([&] {
      Diagnostics d;
      outfile::PendingFile f(t, unnamed);
      if (!f.open(d) || !f.append({{std::string_view(kBig)}}, d)) _exit(3);
      raise(SIGKILL);
    });
    REQUIRE(WIFSIGNALED(status));
    CHECK(rvtest::read(dir / "r.pdf") == "gammal");
    if (unnamed) {
      // O_TMPFILE (ext4, XFS, btrfs, tmpfs): the file never had a name.
      CHECK(names_in(dir) == std::set<std::string>{"r.pdf"});
    } else {
      CHECK(names_in(dir).size() == 2);  // nothing could remove it …
      Diagnostics d;
      REQUIRE(outfile::write(t, "ny", d));  // … until the next write to the same file
      CHECK(names_in(dir) == std::set<std::string>{"r.pdf"});
      CHECK(rvtest::read(dir / "r.pdf") == "ny");
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("outfile: the sweep leaves temporary files of running processes and other files") {
  fs::path dir = rvtest::temp_dir("outfile_sweep");
  const std::string running = ".r.pdf." + std::to_string(getppid()) + ".0123456789ab.tmp";
  rvtest::write(dir / running, "en annan körning skriver");
  rvtest::write(dir / ".r.pdf.tmp", "inte vårt mönster");
  rvtest::write(dir / ".annan.pdf.999999999.0123456789ab.tmp", "en annan fil");
  Diagnostics d;
  REQUIRE(outfile::write_file((dir / "r.pdf").string(), "ny", d));
  CHECK(names_in(dir) == std::set<std::string>{"r.pdf", running, ".r.pdf.tmp",
                                               ".annan.pdf.999999999.0123456789ab.tmp"});
  fs::remove_all(dir);
}

TEST_CASE("outfile: a scratch folder goes away with its object, its file and SIGTERM") {
  fs::path dir = rvtest::temp_dir("outfile_scratch");
  const outfile::Target t = target_for(dir / "b.xlsx");
  {
    Diagnostics d;
    auto s = outfile::ScratchFolder::create(t, "arbetsbok.xlsx", d);
    REQUIRE(s);
    rvtest::write(s->file(), "innehåll");
    rvtest::write(fs::path(s->file()).parent_path() / "bibliotekets-egen", "x");
    CHECK(names_in(dir).size() == 1);
  }
  CHECK(names_in(dir).empty());
  const int status = in_child([&] {
    Diagnostics d;
    auto s = outfile::ScratchFolder::create(t, "arbetsbok.xlsx", d);
    if (!s) _exit(3);
    rvtest::write(s->file(), "innehåll");
    raise(SIGTERM);
  });
  REQUIRE(WIFSIGNALED(status));
  CHECK(names_in(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("outfile: errno values read as Swedish") {
  CHECK(outfile::errno_text(ENOSPC) == "disken är full");
  CHECK(outfile::errno_text(EACCES) == "åtkomst nekad");
  CHECK(outfile::errno_text(ELOOP) == "för många nivåer av symboliska länkar");
  CHECK(outfile::errno_text(EROFS) == "filsystemet är skrivskyddat");
  CHECK(outfile::error_text(std::make_error_code(std::errc::no_space_on_device)) ==
        "disken är full");
}
