// Issue 14's acceptance on the bundled national data: one letter per recipient with its own
// figures and nobody else's, the notices' amounts against the key column, and interrupted
// batches that leave only whole PDFs.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <thread>

#include "../support/shell.hpp"
#include "load/load.hpp"
#include "stats/group_allocation.hpp"
#include "stats/stats.hpp"
#include "swedish/swedish.hpp"

using namespace rv;
namespace fs = std::filesystem;

namespace {

const char* const kData = "data/nationell-2019";

GrantYear national() {
  LoadResult loaded = load_data_set({std::string(RV_SOURCE_DIR) + "/" + kData});
  REQUIRE(loaded.ok());
  Diagnostics d;
  stats::apply_group_allocations(loaded.data, d);
  REQUIRE_FALSE(d.has_errors());
  return std::move(loaded.data);
}

// pdftotext's text with every kind of space as a plain space.
std::string pdf_text(const fs::path& pdf) {
  auto r = rvtest::sh("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  REQUIRE(r.code == 0);
  std::string s = r.out, out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA0") == 0)
      out += ' ', ++i;  // NBSP
    else if (s.compare(i, 3, "\xE2\x80\xAF") == 0)
      out += ' ', i += 2;  // narrow NBSP
    else if (s.compare(i, 3, "\xE2\x80\x89") == 0)
      out += ' ', i += 2;  // thin space
    else
      out += s[i];
  }
  return out;
}

std::string kr(int64_t v) {
  std::string s = sv::amount(v, sv::AmountStyle::Kr);
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA0") == 0)
      out += ' ', ++i;
    else if (s.compare(i, 3, "\xE2\x80\xAF") == 0)
      out += ' ', i += 2;
    else
      out += s[i];
  }
  return out;
}

// Whether the text prints the amount as a whole figure ("1 234 kr" not inside "11 234 kr").
bool prints(const std::string& text, const std::string& amount) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t at = text.find(amount); at != std::string::npos; at = text.find(amount, at + 1)) {
    if (at > 0 && digit(text[at - 1])) continue;
    if (at > 1 && text[at - 1] == ' ' && digit(text[at - 2])) continue;
    return true;
  }
  return false;
}

// The manifest's rows: file → (recipient, amount).
std::map<std::string, std::pair<std::string, std::string>> manifest(const fs::path& folder) {
  std::map<std::string, std::pair<std::string, std::string>> out;
  std::istringstream in(rvtest::read(folder / "förteckning.csv"));
  std::string line;
  std::getline(in, line);
  REQUIRE(line == "mottagare,fil,belopp,sidor,sha256\r");
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // RFC 4180: a quoted field may hold commas and doubled quotes.
    std::vector<std::string> f(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
        f.back() += '"', ++i;
      else if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        f.emplace_back();
      else
        f.back() += c;
    }
    REQUIRE(f.size() == 5);
    out[f[1]] = {f[0], f[2]};
  }
  return out;
}

std::string batch(const std::string& templ, const std::string& condition, const fs::path& out) {
  return std::string(RV_BINARY) + " skapa " + templ + " " + kData + " --per-mottagare --urval \"" +
         condition + "\" -o '" + out.string() + "'";
}

}  // namespace

TEST_CASE("aterbetalning: one letter per grant with unspent funds, each with its own figures",
          "[batch][acceptance]") {
  GrantYear year = national();
  stats::Summary summary = stats::summarize(year);
  std::vector<const stats::RecipientFigures*> unspent;
  for (const auto& g : summary.groups)
    for (const auto& r : g.rows_detail)
      if (r.funded && r.unspent && *r.unspent > 0) unspent.push_back(&r);
  REQUIRE(unspent.size() == 76);  // 51 kommuner, 13 regioner, 4 länsstyrelser/NCK, 8 ideella

  fs::path dir = rvtest::temp_dir("aterbetalning");
  auto run = rvtest::sh(batch("aterbetalning", "oförbrukat > 0", dir));
  INFO(run.out);
  REQUIRE(run.code == 0);
  auto rows = manifest(dir);
  REQUIRE(rows.size() == unspent.size());
  size_t pdfs = 0;
  for (const auto& e : fs::directory_iterator(dir)) pdfs += e.path().extension() == ".pdf";
  CHECK(pdfs == unspent.size());

  std::map<std::string, const stats::RecipientFigures*> by_name;
  for (auto* r : unspent) by_name[r->name] = r;
  for (const auto& [file, row] : rows) {
    INFO(file);
    REQUIRE(by_name.count(row.first));
    const stats::RecipientFigures& own = *by_name[row.first];
    CHECK(row.second == std::to_string(*own.unspent));
    std::string text = pdf_text(dir / file);
    const std::string organisation = own.source ? own.source->name : own.name;
    CHECK(text.find(organisation) != std::string::npos);
    const std::vector<int64_t> figures = {own.allocated, *own.spent, *own.unspent};
    for (int64_t v : figures) CHECK(prints(text, kr(v)));
    for (auto* other : unspent) {
      if (other == &own) continue;
      const std::string other_org = other->source ? other->source->name : other->name;
      if (other_org != organisation && organisation.find(other_org) == std::string::npos)
        CHECK(text.find(other_org) == std::string::npos);
      for (int64_t v : {other->allocated, *other->unspent})
        if (std::find(figures.begin(), figures.end(), v) == figures.end())
          CHECK_FALSE(prints(text, kr(v)));
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("besked-fordelning: 290 notices whose amounts are the key column",
          "[batch][acceptance]") {
  GrantYear year = national();
  stats::GroupSummary kommuner = stats::summarize_group(year, "kommuner");
  REQUIRE(kommuner.rows_detail.size() == 290);
  fs::path dir = rvtest::temp_dir("besked");
  auto run = rvtest::sh(batch("besked-fordelning", "grupp = kommuner", dir));
  INFO(run.out);
  REQUIRE(run.code == 0);
  auto rows = manifest(dir);
  REQUIRE(rows.size() == 290);
  std::map<std::string, int64_t> key;
  for (const auto& r : kommuner.rows_detail) key[r.name] = r.key.value_or(-1);
  int64_t sum = 0;
  for (const auto& [file, row] : rows) {
    INFO(file);
    REQUIRE(key.count(row.first));
    CHECK(row.second == std::to_string(key[row.first]));
    sum += std::stoll(row.second);
    std::string text = pdf_text(dir / file);
    CHECK(
        text.find("kan rekvirera " + kr(key[row.first]).substr(0, kr(key[row.first]).size() - 3)) !=
        std::string::npos);
  }
  CHECK(sum == kommuner.key_total);
  fs::remove_all(dir);
}

namespace {

// Starts the batch, waits for its first letters, sends `sig`, and checks the folder.
void interrupt_batch(int sig, const std::string& tag) {
  fs::path dir = rvtest::temp_dir(tag);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    if (chdir(RV_SOURCE_DIR) != 0) _exit(127);
    FILE* ignored = freopen("/dev/null", "w", stdout);
    ignored = freopen("/dev/null", "w", stderr);
    (void)ignored;
    const std::string out = dir.string();
    execl(RV_BINARY, RV_BINARY, "skapa", "besked-fordelning", kData, "--per-mottagare", "-o",
          out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  auto pdf_count = [&] {
    size_t n = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) n += e.path().extension() == ".pdf";
    return n;
  };
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (pdf_count() < 20 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  kill(pid, sig);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(pdf_count() > 0);
  CHECK(pdf_count() < 290);  // stopped part-way, not after the last letter
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    INFO(name);
    CHECK(name.front() != '.');  // no temporary file left
    CHECK(name.find(".tmp") == std::string::npos);
    if (e.path().extension() == ".pdf") {
      auto check = rvtest::sh("qpdf --check '" + e.path().string() + "' >/dev/null");
      CHECK(check.code == 0);
    } else {
      CHECK(name == "förteckning.csv");  // only when the run had finished
    }
  }
  fs::remove_all(dir);
}

}  // namespace

TEST_CASE("batch: SIGINT part-way leaves only whole PDFs", "[batch][acceptance][signals]") {
  interrupt_batch(SIGINT, "batch_sigint");
}

TEST_CASE("batch: SIGKILL part-way leaves only whole PDFs", "[batch][acceptance][signals]") {
  interrupt_batch(SIGKILL, "batch_sigkill");
}
