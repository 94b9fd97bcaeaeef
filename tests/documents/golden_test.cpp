// Golden text traces: a whole document through every stage (data → template → layout),
// compared line by line with a readable trace in tests/golden/. After an intended change,
// regenerate with RV_ACCEPT=1 and review the diff like any other change.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "../support/shell.hpp"

namespace {

std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ea = !std::getline(a, la), eb = !std::getline(b, lb);
    if (ea && eb) return "";
    if (ea || eb || la != lb)
      return "rad " + std::to_string(line) + ":\n  väntat: " + (ea ? "<slut>" : la) +
             "\n  fick:   " + (eb ? "<slut>" : lb);
  }
}

void check_golden(const std::string& golden, const std::string& args) {
  auto dir = rvtest::temp_dir("golden");
  auto out = dir / "spår.txt";
  auto r = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa " + args +
                      " --format spår -o '" + out.string() + "'");
  REQUIRE(r.code == 0);
  std::string got = rvtest::read(out);
  std::string path = std::string(RV_SOURCE_DIR) + "/tests/golden/" + golden;
  if (std::getenv("RV_ACCEPT")) rvtest::write(path, got);
  std::string want = rvtest::read(path);
  INFO(first_difference(want, got));
  CHECK(got == want);
  rvtest::fs::remove_all(dir);
}

}  // namespace

TEST_CASE("golden: the Bilaga 3 document traces as accepted") {
  check_golden("bilaga-ideella.spår", "bilaga data/nationell-2019 -p grupp=ideella");
}

TEST_CASE("golden: the allocation memo traces as accepted") {
  check_golden("fordelning-beslut.spår", "fordelning-beslut data/stockholm-2022");
}

// The whole national report (43 pages): the document that is laid out on two cores.
TEST_CASE("golden: the national report traces as accepted") {
  check_golden("uppfoljning-nationell.spår", "uppfoljning-nationell data/nationell-2019");
}

// With a cache folder, the second run takes the hyphenation answers from the first run's
// store (and the data and settings from their caches): the document must not change.
TEST_CASE("golden: a second run from the caches traces the same national report") {
  auto dir = rvtest::temp_dir("golden_cache");
  const std::string run = "RAPPORTVERK_CACHE='" + (dir / "cache").string() + "' '" +
                          std::string(RV_BINARY) +
                          "' skapa uppfoljning-nationell data/nationell-2019 --format spår -o '";
  REQUIRE(rvtest::sh(run + (dir / "first.txt").string() + "'").code == 0);
  bool stored = false;
  for (const auto& f : rvtest::fs::directory_iterator(dir / "cache"))
    stored |= f.path().filename().string().rfind("avstavning-", 0) == 0;
  CHECK(stored);
  REQUIRE(rvtest::sh(run + (dir / "second.txt").string() + "'").code == 0);
  const std::string want =
      rvtest::read(std::string(RV_SOURCE_DIR) + "/tests/golden/uppfoljning-nationell.spår");
  CHECK(rvtest::read(dir / "first.txt") == want);
  CHECK(rvtest::read(dir / "second.txt") == want);
  rvtest::fs::remove_all(dir);
}
