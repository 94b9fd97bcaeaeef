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
  // ("i dag": a one-letter word does not end a line, see below)
  CHECK(pieces("fr.o.m. tisdag") == std::vector<std::string>{"fr.o.m. ", "tisdag"});
}

TEST_CASE("swedish: numbers grouped with NBSP are never broken", "[swedish][breaks]") {
  const std::string text = "totalt 5\u00A0394\u00A0915 och mer";
  CHECK(pieces(text) == std::vector<std::string>{"totalt ", "5\u00A0394\u00A0915 ", "och ", "mer"});
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

// Issue 18: what Swedish typography keeps on one line, in every template without writing
// no-break spaces ("den 1 | oktober 2019" and "delmål | 5.2" were split in the report).
TEST_CASE("swedish: dates, amounts with units and numbered designations stay together",
          "[swedish][breaks]") {
  CHECK(pieces("sedan den 1 oktober 2019 har") ==
        std::vector<std::string>{"sedan ", "den ", "1 oktober 2019 ", "har"});
  CHECK(pieces("till den 31 december, och") ==
        std::vector<std::string>{"till ", "den ", "31 december, ", "och"});
  CHECK(pieces("i oktober 2019.") == std::vector<std::string>{"i oktober 2019."});
  CHECK(pieces("knappt 5,1 miljoner kronor") ==
        std::vector<std::string>{"knappt ", "5,1 miljoner kronor"});
  CHECK(pieces("(47 procent) och") == std::vector<std::string>{"(47 procent) ", "och"});
  CHECK(pieces("5\u00A0000 kr totalt") == std::vector<std::string>{"5\u00A0000 kr ", "totalt"});
  CHECK(pieces("enligt delmål 5.2 i") == std::vector<std::string>{"enligt ", "delmål 5.2 ", "i"});
  CHECK(pieces("se § 4 och kap. 3") == std::vector<std::string>{"se ", "§ 4 ", "och ", "kap. 3"});
  CHECK(pieces("lag SFS 2018:1937 om") == std::vector<std::string>{"lag ", "SFS 2018:1937 ", "om"});
  // A one-letter word does not end a line: "i", "å", "ö".
  CHECK(pieces("arbete i kommunerna") == std::vector<std::string>{"arbete ", "i kommunerna"});
  // Not kept: a number and a word that is no unit; a year and the next word.
  CHECK(pieces("290 kommuner 2019 gick") ==
        std::vector<std::string>{"290 ", "kommuner ", "2019 ", "gick"});
  CHECK(keep_together("kompetens-", "och"));  // suspension hyphen: not at a line end
  CHECK(keep_together("utvecklings-", "eller"));
  CHECK_FALSE(keep_together("-", "och"));          // a dash on its own may end a line
  CHECK_FALSE(keep_together("Rinkeby-", "Kista"));  // (no space there anyway)
  CHECK(keep_together("1", "oktober"));
  CHECK_FALSE(keep_together("100", "oktober"));  // no day of a month
  CHECK_FALSE(keep_together("oktober", "20190"));
}
