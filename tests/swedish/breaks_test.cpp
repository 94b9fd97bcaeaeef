#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "swedish/swedish.hpp"

using namespace rv::sv;

namespace {

// The text cut into the pieces between break opportunities.
std::vector<std::string> pieces(const std::string& text) {
  std::vector<std::string> out;
  size_t last = 0;
  for (const BreakOpportunity& b : line_breaks(text)) {
    out.push_back(text.substr(last, b.offset - last));
    last = b.offset;
  }
  out.push_back(text.substr(last));
  return out;
}

}  // namespace

TEST_CASE("swedish: line breaks after spaces keep abbreviations together", "[swedish][breaks]") {
  CHECK(pieces("gäller t.o.m. 2019") == std::vector<std::string>{"gäller ", "t.o.m. ", "2019"});
  CHECK(pieces("fr.o.m. i dag") == std::vector<std::string>{"fr.o.m. ", "i ", "dag"});
}

TEST_CASE("swedish: numbers grouped with NBSP are never broken", "[swedish][breaks]") {
  const std::string text = "totalt 5\u00A0394\u00A0915 kronor";
  CHECK(pieces(text) == std::vector<std::string>{"totalt ", "5\u00A0394\u00A0915 ", "kronor"});
  // With plain spaces the number would break: the test really depends on the NBSP.
  CHECK(pieces("5 394 915").size() == 3);
}

TEST_CASE("swedish: line breaks after hyphens and en dashes", "[swedish][breaks]") {
  CHECK(pieces("Rinkeby-Kista") == std::vector<std::string>{"Rinkeby-", "Kista"});
  CHECK(pieces("perioden 2016–2019") == std::vector<std::string>{"perioden ", "2016–", "2019"});
}

TEST_CASE("swedish: offsets are UTF-8 bytes and newlines are mandatory", "[swedish][breaks]") {
  const std::string text = "Älvsjö och\nÖstermalm";
  const auto breaks = line_breaks(text);
  REQUIRE(breaks.size() == 2);
  CHECK(breaks[0].offset == std::string("Älvsjö ").size());
  CHECK_FALSE(breaks[0].mandatory);
  CHECK(breaks[1].offset == std::string("Älvsjö och\n").size());
  CHECK(breaks[1].mandatory);
  CHECK(line_breaks("").empty());
  CHECK(line_breaks("ord").empty());
}
