// skapa --bevaka (issue 20): a template edited three times, the second edit broken, gives
// two new PDFs and one error with its position, and the broken edit leaves the last good
// PDF as it was. Every wait is for the program's own output, with a deadline, so the test
// never sleeps longer than the program takes and cannot hang the suite.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "../support/pdf_text.hpp"
#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::occurrences;
using rvtest::read;

namespace {

// The watching program, stopped (and if need be killed) when the test ends.
class Watching {
 public:
  Watching(const std::vector<std::string>& args, const fs::path& log) : log_(log) {
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      setenv("RAPPORTVERK_CACHE", "0", 1);
      std::vector<char*> argv{const_cast<char*>(RV_BINARY)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(RV_BINARY, argv.data());
      _exit(127);
    }
  }
  ~Watching() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  std::string log() const { return read(log_); }
  // Waits until `done(log)` holds; false after `seconds`.
  template <typename F>
  bool wait_for(F done, double seconds = 60) const {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      if (done(log())) return true;
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) return done(log());  // it ended
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
  // SIGTERM, as Ctrl-C would; the exit code, or -1 if it did not end within the deadline.
  int stop() {
    kill(pid_, SIGTERM);
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    int status = 0;
    while (std::chrono::steady_clock::now() < end) {
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

 private:
  fs::path log_;
  pid_t pid_ = -1;
};

std::string pdf_words(const fs::path& pdf) {
  return rvtest::flatten_words(rvtest::sh("pdftotext '" + pdf.string() + "' -").out);
}

}  // namespace

TEST_CASE("skapa --bevaka renders again after each edit and keeps the last good PDF", "[bevaka]") {
  const fs::path tmp = rvtest::temp_dir("bevaka");
  const fs::path templ = tmp / "mall";
  fs::create_directories(templ);
  rvtest::write(templ / "mall.yaml",
                "typ: bilaga\nmetadata:\n  titel: \"Bevakning {{ bidrag.år }}\"\n"
                "  författare: \"{{ bidrag.myndighet }}\"\n");
  auto edit = [&](const std::string& sentence) {
    rvtest::write(templ / "mall.md", "# Rubrik\n\n" + sentence + "\n");
  };
  edit("Utgångsläget för {{ bidrag.år }}.");
  const fs::path pdf = tmp / "ut" / "dokument.pdf";
  Watching w({"skapa", templ.string(), std::string(RV_SOURCE_DIR) + "/data/exempel", "--bevaka",
              "-o", pdf.string()},
             tmp / "logg.txt");
  auto written = [](int n) {
    return [n](const std::string& log) { return occurrences(log, "Skrev ") == size_t(n); };
  };
  REQUIRE(
      w.wait_for([](const std::string& log) { return log.find("Bevakar") != std::string::npos; }));
  INFO(w.log());
  REQUIRE(occurrences(w.log(), "Skrev ") == 1);
  const std::string first = read(pdf);
  CHECK(pdf_words(pdf).find("Utgångsläget för") != std::string::npos);

  // 1: a good edit → a new PDF with the new text.
  edit("Första ändringen för {{ bidrag.år }}.");
  REQUIRE(w.wait_for(written(2)));
  const std::string good = read(pdf);
  CHECK(good != first);
  CHECK(pdf_words(pdf).find("Första ändringen för") != std::string::npos);

  // 2: a broken edit → the error with its position; the PDF is the last good one.
  edit("Andra ändringen för {{ bidrag.årtal }}.");
  REQUIRE(w.wait_for([](const std::string& log) {
    return log.find("Den senaste felfria utfilen ligger kvar") != std::string::npos;
  }));
  {
    INFO(w.log());
    CHECK(w.log().find((templ / "mall.md").string() + ":3:") != std::string::npos);
    CHECK(occurrences(w.log(), ": fel: ") == 1);
    CHECK(occurrences(w.log(), "Skrev ") == 2);
    CHECK(read(pdf) == good);
  }

  // 3: the error put right → a new PDF again.
  edit("Tredje ändringen för {{ bidrag.år }}.");
  REQUIRE(w.wait_for(written(3)));
  CHECK(pdf_words(pdf).find("Tredje ändringen för") != std::string::npos);
  CHECK(read(pdf) != good);

  const int code = w.stop();
  INFO(w.log());
  CHECK(code == 0);
  CHECK(w.log().find("Slutar bevaka.") != std::string::npos);
  // Two new PDFs after the first, one error: nothing rendered twice for one edit.
  CHECK(occurrences(w.log(), "Skrev ") == 3);
  CHECK(occurrences(w.log(), ": fel: ") == 1);
  CHECK(occurrences(w.log(), "Ändrat:") == 3);
  fs::remove_all(tmp);
}

TEST_CASE("skapa --bevaka refuses standard output", "[bevaka]") {
  const auto r = rvtest::sh(std::string("'") + RV_BINARY +
                            "' skapa bilaga data/exempel --bevaka -o - </dev/null");
  CHECK(r.code == 2);
  CHECK(r.out.find("--bevaka skriver om en fil") != std::string::npos);
}
