// Inputs that once took quadratic time (issue 11, point 12). No timing assertions: each
// case asserts the behaviour, on an input large enough that the old quadratic code would
// not finish within the test's time (the figures are in bench/scaling.sh).
#include <catch2/catch.hpp>
#include <string>

#include "data_header.hpp"
#include "load/load.hpp"
#include "load/suggest.hpp"

using namespace rv;

using test::kHeader;

TEST_CASE("a 10 MB unknown key gets its error and no suggestion") {
  // An explicit key: yaml-cpp limits implicit keys to 1 024 characters.
  std::string key(10'000'000, 'x');
  auto r = load_data_text("x.yaml", std::string(kHeader) + "? " + key + "\n: 1\n");
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.diags.error_count() == 1);
  const auto& d = r.diags.all().front();
  CHECK(d.span.line == 4);
  CHECK(d.message.rfind("okänd nyckel 'xxx", 0) == 0);
  CHECK(d.message.find("menade du") == std::string::npos);
}

TEST_CASE("a 1 MB unknown recipient in an answer gets its error and no suggestion") {
  // Compared with 300 names this took minutes; 100 KB took 2.3 s.
  std::string text = std::string(kHeader) + "mottagare:\n  kommuner:\n";
  for (int i = 0; i < 300; ++i)
    text += "    - {namn: Kommun nummer " + std::to_string(i) + ", rekvirerat: 5}\n";
  text += "svar:\n  - {mottagare: " + std::string(1'000'000, 'k') + ", svar: {}}\n";
  auto r = load_data_text("x.yaml", text);
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all().front().message.rfind("svar från okänd mottagare 'kkk", 0) == 0);
  CHECK(r.diags.all().front().message.find("menade du") == std::string::npos);
}

TEST_CASE("suggestions still find typos") {
  using load::closest;
  std::vector<std::string_view> known = {"oförbrukat", "förbrukat", "rekvirerat", "namn"};
  CHECK(closest("oförbrukad", known) == std::optional<std::string>("oförbrukat"));
  CHECK(closest("rekvireratt", known) == std::optional<std::string>("rekvirerat"));
  CHECK(closest("nam", known) == std::optional<std::string>("namn"));
  CHECK(closest("xyz", known) == std::nullopt);
  CHECK(closest(std::string(5000, 'a'), known) == std::nullopt);
  // The first of equally close words, as before.
  CHECK(closest("ab", {"ax", "ay"}) == std::optional<std::string>("ax"));
}

TEST_CASE("40 000 errors are all reported, each with its position") {
  // Each row has a misspelt key; counting the errors once per row was quadratic.
  std::string text = std::string(kHeader) + "mottagare:\n  kommuner:\n";
  const int n = 40'000;
  for (int i = 0; i < n; ++i)
    text += "    - {namn: K" + std::to_string(i) + ", rekvirerat: 100, oförbrukad: 0}\n";
  auto r = load_data_text("x.yaml", text);
  REQUIRE(r.diags.error_count() == static_cast<size_t>(n));
  CHECK(r.diags.all().back().span.line == 5 + n);
  CHECK(r.diags.all().front().message.find("menade du 'oförbrukat'") != std::string::npos);
}

TEST_CASE("20 000 answers from unknown recipients against 20 000 names are all reported") {
  std::string text = std::string(kHeader) + "mottagare:\n  kommuner:\n";
  const int n = 20'000;
  for (int i = 0; i < n; ++i)
    text += "    - {namn: Kommun nummer " + std::to_string(i) + ", rekvirerat: 5}\n";
  text += "svar:\n";
  for (int i = 0; i < n; ++i)
    text += "  - {mottagare: Kommun numer " + std::to_string(i) + ", svar: {}}\n";
  auto r = load_data_text("x.yaml", text);
  size_t unknown = 0, suggested = 0;
  for (const auto& d : r.diags.all()) {
    if (d.message.rfind("svar från okänd mottagare", 0) != 0) continue;
    ++unknown;
    suggested += d.message.find("menade du") != std::string::npos;
  }
  CHECK(unknown == static_cast<size_t>(n));
  // The first ones still get their "menade du …?" within the suggestion budget.
  CHECK(suggested > 0);
  CHECK(r.diags.all().front().message.find("(menade du 'Kommun nummer 0'?)") != std::string::npos);
}
