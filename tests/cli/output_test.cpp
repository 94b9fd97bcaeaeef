// Output files from the command line: whole or untouched, never a device replaced, errors in
// Swedish with exit 2 (issue 11, points 2–4 and the file-system part of 9).
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <set>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::Run;
using rvtest::sh;

namespace {

// A cache of these tests' own: the user's may belong to another build.
std::string rv(const std::string& args) {
  static const std::string cache = (fs::temp_directory_path() / "rv_test_output_cache").string();
  return "RAPPORTVERK_CACHE='" + cache + "' '" + RV_BINARY + "' " + args;
}
std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

// A small document (6 pages, 74 KB): quick enough to render thirty times at once.
std::string render_args(const fs::path& out) {
  return "skapa uppfoljning-stad data/stockholm-2017 -o " + q(out);
}
std::string render_to(const fs::path& out) { return rv(render_args(out)); }

// Runs `cmd` with the file size limit at `kb` KiB and SIGXFSZ ignored: every write past
// the limit fails with EFBIG, as on a full disk. No data cache (it would be cut off too).
Run with_file_limit(int kb, const std::string& args) {
  return sh("bash -c \"trap '' XFSZ; ulimit -f " + std::to_string(kb) +
            "; RAPPORTVERK_CACHE=0 exec '" + RV_BINARY + "' " + args + "\"");
}

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool whole_pdf(const fs::path& p) {
  if (sh("command -v qpdf >/dev/null").code == 0)
    return sh("qpdf --check " + q(p) + " >/dev/null").code == 0;
  const std::string b = rvtest::read(p);
  return b.rfind("%PDF-", 0) == 0 && b.size() > 1000 && has(b.substr(b.size() - 8), "%%EOF");
}

// The pid of a process that has ended (and been reaped).
pid_t dead_pid() {
  const pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return pid;
}

}  // namespace

TEST_CASE("cli output: a full disk keeps the old PDF, says so in Swedish and exits 2") {
  fs::path dir = rvtest::temp_dir("out_full");
  fs::path pdf = dir / "r.pdf";
  REQUIRE(sh(render_to(pdf)).code == 0);
  const std::string good = rvtest::read(pdf);
  Run r = with_file_limit(50, render_args(pdf));  // 50 KiB of a 74 KB document
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(has(r.out, "r.pdf: fel: kan inte skriva filen: filen blir större än tillåtet"));
  CHECK_FALSE(has(r.out, "Skrev"));
  CHECK(rvtest::read(pdf) == good);
  CHECK(names_in(dir) == std::set<std::string>{"r.pdf"});
  fs::remove_all(dir);
}

TEST_CASE("cli output: a full disk keeps the old CSV and XLSX, without libxlsxwriter's English") {
  fs::path dir = rvtest::temp_dir("out_full_export");
  for (const char* name : {"b.csv", "b.xlsx"}) {
    INFO(name);
    fs::path out = dir / name;
    const std::string args = "exportera bilaga data/nationell-2019 --tabell bilaga1 -o " + q(out);
    REQUIRE(sh(rv(args)).code == 0);
    const std::string good = rvtest::read(out);
    Run r = with_file_limit(4, args);  // both are larger than 4 KiB
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(has(r.out, std::string(name) + ": fel: kan inte skriva "));
    CHECK(has(r.out, "filen blir större än tillåtet"));
    CHECK_FALSE(has(r.out, "[ERROR]"));
    CHECK_FALSE(has(r.out, "internt fel"));
    CHECK(rvtest::read(out) == good);
  }
  CHECK(names_in(dir) == std::set<std::string>{"b.csv", "b.xlsx"});
  fs::remove_all(dir);
}

TEST_CASE("cli output: thirty renders to the same file at once all succeed with a whole PDF") {
  fs::path dir = rvtest::temp_dir("out_concurrent");
  fs::path pdf = dir / "s.pdf", reference = dir / "referens" / "s.pdf";
  fs::create_directory(dir / "referens");
  REQUIRE(sh(render_to(reference)).code == 0);
  Run r = sh("for i in $(seq 30); do (" + render_to(pdf) +
             " >/dev/null 2>&1; echo \"slut $?\") & done; wait");
  INFO(r.out);
  size_t ok = 0;
  for (size_t at = r.out.find("slut 0"); at != std::string::npos; at = r.out.find("slut 0", at + 1))
    ++ok;
  CHECK(ok == 30);
  CHECK(whole_pdf(pdf));
  CHECK(rvtest::read(pdf) == rvtest::read(reference));
  CHECK(names_in(dir) == std::set<std::string>{"s.pdf", "referens"});
  fs::remove_all(dir);
}

TEST_CASE("cli output: a folder, a FIFO, a device and a link to a device are refused, unchanged") {
  fs::path dir = rvtest::temp_dir("out_refuse");
  fs::create_directory(dir / "mapp");
  REQUIRE(mkfifo((dir / "fifo").c_str(), 0600) == 0);
  fs::create_symlink("/dev/null", dir / "null-länk");
  // As root, a copy of /dev/null's device node: what `-o /dev/null` would have destroyed.
  const bool root_node = mknod((dir / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0;
  for (const char* name : {"mapp", "fifo", "null-länk", "null"}) {
    if (std::string(name) == "null" && !root_node) continue;
    INFO(name);
    Run r = sh(render_to(dir / name));
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(has(r.out, std::string(name) + ": fel: utfilen är "));
    CHECK(has(r.out, "ange en vanlig fil (eller - för standard ut)"));
    CHECK_FALSE(has(r.out, "Skrev"));
  }
  CHECK(fs::is_directory(dir / "mapp"));
  CHECK(fs::is_fifo(dir / "fifo"));
  CHECK(fs::is_symlink(dir / "null-länk"));
  CHECK(fs::is_character_file("/dev/null"));
  if (root_node) CHECK(fs::is_character_file(dir / "null"));
  CHECK(names_in(dir) == (root_node ? std::set<std::string>{"mapp", "fifo", "null-länk", "null"}
                                    : std::set<std::string>{"mapp", "fifo", "null-länk"}));
  Run x = sh(rv("exportera bilaga data/nationell-2019 --tabell bilaga1 -o " + q(dir / "fifo") +
                " --format csv"));
  CHECK(x.code == 2);
  CHECK(fs::is_fifo(dir / "fifo"));
  fs::remove_all(dir);
}

TEST_CASE("cli output: the output is checked before any work") {
  fs::path dir = rvtest::temp_dir("out_first");
  REQUIRE(mkfifo((dir / "fifo").c_str(), 0600) == 0);
  // Data that does not exist: had the data been read first, that would be the error shown.
  Run r = sh(rv("skapa uppfoljning-stad data/finns-inte -o " + q(dir / "fifo")));
  CHECK(r.code == 2);
  CHECK(has(r.out, "fifo: fel: utfilen är en namngiven pipe (FIFO)"));
  CHECK_FALSE(has(r.out, "finns-inte"));
  fs::remove_all(dir);
}

TEST_CASE("cli output: symlink loops in -o or the template give Swedish errors and exit 2") {
  fs::path dir = rvtest::temp_dir("out_loop");
  fs::create_symlink("loop", dir / "loop");
  Run a = sh(render_to(dir / "loop" / "x.pdf"));
  Run b = sh(render_to(dir / "loop"));
  Run c = sh(rv("skapa " + q(dir / "loop") + " data/stockholm-2017 -o " + q(dir / "x.pdf")));
  for (const Run& r : {a, b, c}) {
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(has(r.out, "för många nivåer av symboliska länkar"));
    CHECK(has(r.out, (dir / "loop").string()));
    CHECK_FALSE(has(r.out, "internt fel"));
    CHECK_FALSE(has(r.out, "Too many levels"));
  }
  fs::remove_all(dir);
}

TEST_CASE("cli output: a symlink to a regular file: the file is replaced, the link kept") {
  fs::path dir = rvtest::temp_dir("out_link");
  fs::create_directory(dir / "arkiv");
  rvtest::write(dir / "arkiv" / "s.pdf", "gammal");
  fs::create_symlink("arkiv/s.pdf", dir / "senaste.pdf");
  Run r = sh(render_to(dir / "senaste.pdf"));
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(fs::is_symlink(dir / "senaste.pdf"));
  CHECK(whole_pdf(dir / "arkiv" / "s.pdf"));
  CHECK(names_in(dir / "arkiv") == std::set<std::string>{"s.pdf"});
  fs::remove_all(dir);
}

TEST_CASE("cli output: -o - writes the PDF, the CSV and the XLSX to standard output") {
  fs::path dir = rvtest::temp_dir("out_stdout");
  REQUIRE(sh(render_to(dir / "fil.pdf")).code == 0);
  // In parentheses: sh() sends the command's stderr to its stdout, this one's to the file.
  Run p = sh("(" + render_to("-") + " > " + q(dir / "ut.pdf") + " 2> " + q(dir / "fel.txt") + ")");
  CHECK(p.code == 0);
  CHECK(rvtest::read(dir / "ut.pdf") == rvtest::read(dir / "fil.pdf"));
  CHECK(has(rvtest::read(dir / "fel.txt"), "Skrev standard ut (6 sidor)"));
  for (const char* format : {"csv", "xlsx"}) {
    INFO(format);
    const std::string base = "exportera bilaga data/nationell-2019 --tabell bilaga1 ";
    fs::path file = dir / (std::string("fil.") + format), out = dir / (std::string("ut.") + format);
    REQUIRE(sh(rv(base + "-o " + q(file))).code == 0);
    Run e = sh("(" + rv(base + "--format " + format + " -o - > " + q(out)) + ")");
    CHECK(e.code == 0);
    CHECK(rvtest::read(out) == rvtest::read(file));
  }
  // Standard output on a full disk: /dev/full answers every write with ENOSPC.
  Run full = sh("(" + render_to("-") + " > /dev/full)");
  CHECK(full.code == 2);
  CHECK(has(full.out, "fel: kan inte skriva till standard ut: disken är full"));
  fs::remove_all(dir);
}

TEST_CASE("cli output: a temporary file left by a killed run is removed by the next run") {
  fs::path dir = rvtest::temp_dir("out_stale");
  const std::string stale = ".s.pdf." + std::to_string(dead_pid()) + ".0123456789ab.tmp";
  rvtest::write(dir / stale, std::string(100000, 'x'));
  Run r = sh(render_to(dir / "s.pdf"));
  CHECK(r.code == 0);
  CHECK(names_in(dir) == std::set<std::string>{"s.pdf"});
  fs::remove_all(dir);
}

TEST_CASE("cli output: a report to a full standard output is an error, not a success") {
  for (const char* command : {"kontrollera data/exempel", "statistik data/exempel"}) {
    INFO(command);
    Run r = sh("(" + rv(command) + " > /dev/full)");
    CHECK(r.code == 2);
    CHECK(has(r.out, "rapportverk: fel: kan inte skriva till standard ut: disken är full"));
  }
}

TEST_CASE("cli output: a PDF is not written to a terminal") {
  // python3's pty gives the program a terminal as standard output.
  const std::string py =
      "import os, pty, sys\n"
      "pid, fd = pty.fork()\n"
      "if pid == 0:\n"
      "    os.execvp('sh', ['sh', '-c', sys.argv[1]])\n"
      "out = b''\n"
      "while True:\n"
      "    try:\n"
      "        d = os.read(fd, 4096)\n"
      "    except OSError:\n"
      "        break\n"
      "    if not d:\n"
      "        break\n"
      "    out += d\n"
      "sys.stdout.write(out.decode(errors='replace'))\n"
      "sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))\n";
  fs::path dir = rvtest::temp_dir("out_tty");
  rvtest::write(dir / "terminal.py", py);  // not pty.py: it would shadow the module
  Run r = sh("python3 " + q(dir / "terminal.py") + " \"" + render_to("-") + "\"");
  CHECK(r.code == 2);
  CHECK(has(r.out, "fel: standard ut är en terminal"));
  CHECK_FALSE(has(r.out, "%PDF"));
  fs::remove_all(dir);
}

TEST_CASE("cli output: a folder the user may not write to: 'åtkomst nekad', exit 2") {
  fs::path dir = rvtest::temp_dir("out_denied");
  fs::create_directory(dir / "skyddad");
  fs::permissions(dir / "skyddad", fs::perms(0555));
  // root may write anywhere: run as nobody then (the folder is not theirs either).
  std::string as_user;
  if (getuid() == 0) {
    if (sh("command -v setpriv >/dev/null").code != 0) {
      WARN("setpriv is missing: not tested as root");
      return;
    }
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  Run r = sh("RAPPORTVERK_CACHE=0 " + as_user + "'" + RV_BINARY + "' " +
             render_args(dir / "skyddad" / "x.pdf"));
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(has(r.out, "x.pdf: fel: kan inte skriva i mappen " + (dir / "skyddad").string() +
                       ": åtkomst nekad"));
  CHECK_FALSE(has(r.out, "libharu"));
  CHECK(fs::is_empty(dir / "skyddad"));
  fs::permissions(dir / "skyddad", fs::perms(0755));
  fs::remove_all(dir);
}
