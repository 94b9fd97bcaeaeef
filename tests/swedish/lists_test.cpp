#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "swedish/swedish.hpp"

using namespace rv::sv;

TEST_CASE("swedish: acceptance, lists in prose", "[swedish][lists]") {
  CHECK(join_list({"Älvsjö", "Rinkeby-Kista", "Östermalm"}) ==
        "Älvsjö, Rinkeby-Kista och Östermalm");
}

TEST_CASE("swedish: lists of every length", "[swedish][lists]") {
  CHECK(join_list({}) == "");
  CHECK(join_list({"Älvsjö"}) == "Älvsjö");
  CHECK(join_list({"Älvsjö", "Östermalm"}) == "Älvsjö och Östermalm");
  CHECK(join_list({"A", "B", "C", "D"}, "eller") == "A, B, C eller D");
}

TEST_CASE("swedish: straight quotes become Swedish quotes", "[swedish][lists]") {
  CHECK(swedish_quotes("kallat \"Bilaga 1\"") == "kallat \u201DBilaga 1\u201D");
  CHECK(swedish_quotes("Sveriges Kommuners och Regioners 'rapport'") ==
        "Sveriges Kommuners och Regioners \u2019rapport\u2019");
  CHECK(swedish_quotes("åäö utan citat") == "åäö utan citat");
}
