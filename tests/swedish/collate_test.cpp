#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "swedish/swedish.hpp"

using namespace rv::sv;

namespace {

// Bilaga 1 of the national report lists the 290 municipalities in this order.
std::vector<std::string> bilaga1_order() {
  std::ifstream in(std::string(RV_TEST_DIR) + "/swedish/fixtures/kommuner2019-ordning.txt");
  std::vector<std::string> names;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) names.push_back(line);
  return names;
}

}  // namespace

TEST_CASE("swedish: acceptance, sorting the 290 municipalities gives Bilaga 1's order",
          "[swedish][collate]") {
  const std::vector<std::string> expected = bilaga1_order();
  REQUIRE(expected.size() == 290);
  for (unsigned seed : {1u, 42u, 2019u, 290u, 123456789u}) {
    std::vector<std::string> names = expected;
    std::mt19937 rng(seed);
    std::shuffle(names.begin(), names.end(), rng);
    REQUIRE(names != expected);
    sort_swedish(names);
    INFO("seed " << seed);
    CHECK(names == expected);
  }
  std::vector<std::string> names = expected;
  std::reverse(names.begin(), names.end());
  std::sort(names.begin(), names.end(), collate_less);
  CHECK(names == expected);
}

TEST_CASE("swedish: Å Ä Ö after Z and v, w distinct", "[swedish][collate]") {
  std::vector<std::string> names = {"Örebro",  "Åmål",    "Ystad",     "Älmhult",
                                    "Wilhelm", "Vaxholm", "Västerås",  "Ödeshög",
                                    "Ånge",    "Öckerö",  "Ängelholm", "Östra Göinge"};
  sort_swedish(names);
  CHECK(names == std::vector<std::string>{"Vaxholm", "Västerås", "Wilhelm", "Ystad", "Åmål", "Ånge",
                                          "Älmhult", "Ängelholm", "Öckerö", "Ödeshög", "Örebro",
                                          "Östra Göinge"});
  CHECK(collate_less("Zinkgruvan", "Åmål"));
  CHECK_FALSE(collate_less("Åmål", "Zinkgruvan"));
  CHECK(collate_less("Åmål", "Älmhult"));
  CHECK(collate_less("Älmhult", "Örebro"));
}

TEST_CASE("swedish: sort keys order like the collator", "[swedish][collate]") {
  CHECK(sort_key("Ystad") < sort_key("Åmål"));
  CHECK(sort_key("Åmål") < sort_key("Ängelholm"));
  CHECK(sort_key("Västerås") < sort_key("Wilhelm"));
  CHECK(sort_key("Ale") == sort_key("Ale"));
  CHECK_FALSE(sort_key("Ale").empty());
}
