// A year whose recipients are known before their amounts (as `rapportverk init` starts it)
// is valid, with one warning per group rather than one per recipient.
#include <catch2/catch.hpp>

#include "data_header.hpp"
#include "load/load.hpp"

using namespace rv;

namespace {
std::vector<Diagnostic> warnings(const LoadResult& r) {
  std::vector<Diagnostic> out;
  for (const auto& d : r.diags.sorted())
    if (d.severity == Severity::Warning) out.push_back(d);
  return out;
}
}  // namespace

TEST_CASE("recipients with only a name: valid, one summary warning per group") {
  std::string text = std::string(test::kHeader) +
                     "  - {id: ideella, etikett: Ideella, singular: bidrag, plural: bidrag, "
                     "bestämd_plural: bidragen, sätt: ansökan}\n"
                     "mottagare:\n"
                     "  kommuner:\n"
                     "    - {namn: Ale kommun}\n"
                     "    - {namn: Alingsås kommun}\n"
                     "    - {namn: Alvesta kommun}\n"
                     "  ideella:\n"
                     "    - {namn: ATIM, ansökan: ansökan 1}\n";
  auto r = load_data_text("tomt.yaml", text);
  REQUIRE(r.ok());
  auto w = warnings(r);
  REQUIRE(w.size() == 2);
  CHECK(w[0].message ==
        "kommuner: 3 mottagare saknar belopp ('rekvirerat'), den första är Ale kommun");
  CHECK(w[0].span.line == 7);
  CHECK(w[1].message ==
        "ideella: 1 mottagare saknar belopp ('beviljat'), den första är ATIM – ansökan 1");
}

TEST_CASE("some recipients without an amount: the count says how many of how many") {
  std::string text = std::string(test::kHeader) +
                     "mottagare:\n"
                     "  kommuner:\n"
                     "    - {namn: Ale kommun, rekvirerat: 100}\n"
                     "    - {namn: Alingsås kommun}\n";
  auto r = load_data_text("delvis.yaml", text);
  REQUIRE(r.ok());
  auto w = warnings(r);
  REQUIRE(w.size() == 1);
  CHECK(w[0].message ==
        "kommuner: 1 av 2 mottagare saknar belopp ('rekvirerat'), den första är Alingsås kommun");
  CHECK(w[0].span.line == 7);
}

TEST_CASE("rejected applications and unreadable amounts are not counted as missing") {
  std::string text = std::string(test::kHeader) +
                     "mottagare:\n"
                     "  kommuner:\n"
                     "    - {namn: Ale kommun, rekvirerat: 100}\n"
                     "    - {namn: Alingsås kommun, status: avslagen}\n"
                     "    - {namn: Alvesta kommun, rekvirerat: -1}\n";
  auto r = load_data_text("avslag.yaml", text);
  CHECK(r.diags.error_count() == 1);  // the negative amount
  CHECK(warnings(r).empty());
}
