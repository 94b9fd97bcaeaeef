// Numbers as Swedish officials write them.
#include <catch2/catch.hpp>

#include "import/import.hpp"

using rv::import::is_none_marker;
using rv::import::parse_swedish_number;

namespace {
long long units(std::string_view s) {
  auto n = parse_swedish_number(s);
  REQUIRE(n);
  return n->units;
}
}  // namespace

TEST_CASE("whole numbers with and without thousands spaces and a unit") {
  CHECK(units("1000000") == 1000000);
  CHECK(units("1 000 000") == 1000000);
  CHECK(units("1 000 000 kr") == 1000000);
  CHECK(units("1 000 000kr") == 1000000);
  CHECK(units("283 502 SEK") == 283502);
  CHECK(units("  283502 ") == 283502);
  CHECK(units("1\xC2\xA0"
              "000\xC2\xA0"
              "000") == 1000000);  // non-breaking spaces
  CHECK(units("1\xE2\x80\x89"
              "000\xE2\x80\x89"
              "000") == 1000000);  // thin spaces
  CHECK(units("1\xE2\x80\xAF"
              "000") == 1000);  // narrow no-break space
  CHECK(units("-5") == -5);
  CHECK(units("\xE2\x88\x92"
              "5") == -5);  // minus sign
}

TEST_CASE("decimal comma or point and percentages") {
  auto n = parse_swedish_number("12,13");
  REQUIRE(n);
  CHECK(n->units == 1213);
  CHECK(n->decimals == 2);
  CHECK_FALSE(n->percent);
  auto p = parse_swedish_number("12,13 %");
  REQUIRE(p);
  CHECK(p->units == 1213);
  CHECK(p->percent);
  CHECK(parse_swedish_number("12.5")->decimals == 1);
  CHECK(parse_swedish_number("1 000,50")->units == 100050);
}

TEST_CASE("text that is not a number is refused") {
  for (const char* s : {"", "abc", "ungefär 200 000", "1 00 000", "10 00", "1,2,3", "12,", ",5",
                        "1 0000", "12 kronor", "1e6", "- 5 -", "99999999999999999999"}) {
    INFO(s);
    CHECK_FALSE(parse_swedish_number(s));
  }
}

TEST_CASE("dashes and blanks mean no value") {
  CHECK(is_none_marker(""));
  CHECK(is_none_marker("  "));
  CHECK(is_none_marker("-"));
  CHECK(is_none_marker("\xE2\x80\x93"));    // en dash
  CHECK(is_none_marker(" \xE2\x80\x94 "));  // em dash
  CHECK_FALSE(is_none_marker("0"));
  CHECK_FALSE(is_none_marker("--"));
}
