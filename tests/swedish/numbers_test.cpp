#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "swedish/swedish.hpp"

using namespace rv::sv;

// Expectations spell the no-break space out; a plain space must fail them.
#define NB "\u00A0"

TEST_CASE("swedish: acceptance, hedged amounts in millions and thousands", "[swedish][numbers]") {
  CHECK(approx(14183942, Unit::Millions) == "knappt 14,2" NB "miljoner kronor");
  CHECK(approx(39249986, Unit::Millions) == "drygt 39,2" NB "miljoner kronor");
  CHECK(approx(5050766, Unit::Millions) == "knappt 5,1" NB "miljoner kronor");
  CHECK(approx(30806636, Unit::Millions) == "drygt 30,8" NB "miljoner kronor");
  CHECK(approx(272189, Unit::Thousands) == "drygt 272" NB "000" NB "kronor");
  CHECK(approx(417637, Unit::Thousands) == "knappt 418" NB "000" NB "kronor");
  CHECK(approx(272189, Unit::Thousands) != "drygt 272 000 kronor");
}

TEST_CASE("swedish: hedge words", "[swedish][numbers]") {
  CHECK(approx(14200000, Unit::Millions) == "14,2" NB "miljoner kronor");
  CHECK(approx(80000000, Unit::Millions) == "80" NB "miljoner kronor");
  CHECK(approx(79999893, Unit::Millions) == "knappt 80" NB "miljoner kronor");
  CHECK(approx(1000000, Unit::Millions) == "1" NB "miljon kronor");
  CHECK(approx(14183942, Unit::Millions, Hedge::Cirka) == "cirka 14,2" NB "miljoner kronor");
  CHECK(approx(14183942, Unit::Millions, Hedge::None) == "14,2" NB "miljoner kronor");
  CHECK(approx(14183942, Unit::Millions, Hedge::Auto, 0) == "drygt 14" NB "miljoner kronor");
  CHECK(approx(272000, Unit::Thousands) == "272" NB "000" NB "kronor");
  // Exactly half way rounds up, so the rounded figure is above: "knappt".
  CHECK(approx(14150000, Unit::Millions) == "knappt 14,2" NB "miljoner kronor");
}

TEST_CASE("swedish: acceptance, percent in prose and tables", "[swedish][numbers]") {
  CHECK(percent_prose({5050766, 79999893}) == "sex procent");
  CHECK(percent_prose({8443350, 39249986}) == "22" NB "procent");
  CHECK(percent_table({74949127, 79999893}) == "94" NB "%");
  CHECK(percent_table({74949127, 79999893}) != "94 %");
}

TEST_CASE("swedish: percent details", "[swedish][numbers]") {
  CHECK(percent_table({937, 1000}, 1) == "93,7" NB "%");
  CHECK(percent_table({937, 1000}, 0, false) == "94%");
  CHECK(percent_table({1, 200}) == "1" NB "%");  // 0,5 % rounds half up
  CHECK(percent_prose({1, 200}) == "en procent");
  CHECK(percent_prose({13, 100}) == "13" NB "procent");
  CHECK(percent_prose({13, 100}, 20) == "tretton procent");
  CHECK(percent_prose({0, 5}) == "noll procent");
}

TEST_CASE("swedish: round_half_up is exact and rounds .5 away from zero", "[swedish][numbers]") {
  CHECK(round_half_up(5, 2) == 3);
  CHECK(round_half_up(7, 2) == 4);
  CHECK(round_half_up(-5, 2) == -3);
  CHECK(round_half_up(-7, 2) == -4);
  CHECK(round_half_up(149, 100) == 1);
  CHECK(round_half_up(150, 100) == 2);
  CHECK(round_half_up(-149, 100) == -1);
  CHECK(round_half_up(-150, 100) == -2);
  CHECK(round_half_up(0, 7) == 0);
  CHECK(round_half_up(6, 3) == 2);
  CHECK(round_half_up(5, -2) == -3);  // a negative denominator flips the sign
  CHECK(round_half_up(INT64_MAX, INT64_MAX) == 1);
  CHECK(round_half_up(INT64_MAX, 2) == INT64_MAX / 2 + 1);
  CHECK(round_half_up(INT64_MIN, 2) == INT64_MIN / 2);
  CHECK_THROWS(round_half_up(1, 0));
}

TEST_CASE("swedish: integers group with NBSP and use the minus sign", "[swedish][numbers]") {
  CHECK(integer(5394915) == "5" NB "394" NB "915");
  CHECK(integer(5394915) != "5 394 915");
  CHECK(integer(0) == "0");
  CHECK(integer(999) == "999");
  CHECK(integer(1000) == "1" NB "000");
  CHECK(integer(-12) == "\u221212");
  CHECK(integer(-1234) == "\u22121" NB "234");
  CHECK(integer(INT64_MIN) == "\u22129" NB "223" NB "372" NB "036" NB "854" NB "775" NB "808");
  CHECK(plain(2022) == "2022");
  CHECK(plain(-5) == "\u22125");
}

TEST_CASE("swedish: decimals round once from the exact fraction", "[swedish][numbers]") {
  CHECK(decimal({749, 10}, 1) == "74,9");
  CHECK(decimal({74949127, 1000000}, 1) == "74,9");
  CHECK(decimal({1, 8}, 2) == "0,13");  // 0,125 → 0,13
  CHECK(decimal({-1, 8}, 2) == "\u22120,13");
  CHECK(decimal({-1, 1000}, 1) == "0,0");  // no "−0,0"
  CHECK(decimal({12345678, 10}, 1) == "1" NB "234" NB "567,8");
  CHECK(decimal({5, 1}, 2) == "5,00");
  // num × 10^decimals overflows int64 here; the result must still be exact.
  CHECK(decimal({INT64_MAX, 1000}, 3) == "9" NB "223" NB "372" NB "036" NB "854" NB "775,807");
}

TEST_CASE("swedish: amounts", "[swedish][numbers]") {
  CHECK(amount(5394915, AmountStyle::Kr) == "5" NB "394" NB "915" NB "kr");
  CHECK(amount(5394915, AmountStyle::Kronor) == "5" NB "394" NB "915" NB "kronor");
  CHECK(amount(5394915, AmountStyle::Tkr) == "5" NB "395" NB "tkr");
  CHECK(amount(74949127, AmountStyle::Mnkr) == "74,9" NB "mnkr");
  CHECK(amount(80000000, AmountStyle::Mnkr) == "80" NB "mnkr");
  CHECK(amount(5000000, AmountStyle::Mnkr) == "5" NB "mnkr");
  CHECK(amount(39249986, AmountStyle::Mnkr) == "39,2" NB "mnkr");
  CHECK(amount(80000000, AmountStyle::Mnkr, 1, true) == "80,0" NB "mnkr");
  CHECK(amount(5050766, AmountStyle::Miljoner) == "5,1" NB "miljoner kronor");
  CHECK(amount(-5050766, AmountStyle::Mnkr) == "\u22125,1" NB "mnkr");
}

TEST_CASE("swedish: hedged to ten thousands, as the Stockholm memo writes 22 953 kr") {
  CHECK(approx(22953, Unit::TenThousands) == "drygt 20" NB "000" NB "kronor");
  CHECK(approx(27000, Unit::TenThousands) == "knappt 30" NB "000" NB "kronor");
  CHECK(approx(30000, Unit::TenThousands) == "30" NB "000" NB "kronor");
}
