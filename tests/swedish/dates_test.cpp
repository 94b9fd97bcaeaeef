#include <catch2/catch.hpp>
#include <string>

#include "swedish/swedish.hpp"

using namespace rv::sv;
using rv::Date;

TEST_CASE("swedish: acceptance, dates in prose", "[swedish][dates]") {
  CHECK(date_prose(Date{2018, 5, 9}) == "den 9 maj 2018");
  CHECK(date_prose(Date{2019, 12, 31}, false) == "31 december 2019");
}

TEST_CASE("swedish: ISO dates and month names", "[swedish][dates]") {
  CHECK(date_iso(Date{2022, 5, 18}) == "2022-05-18");
  CHECK(month_name(1) == "januari");
  CHECK(month_name(12) == "december");
  CHECK_THROWS(month_name(13));
  CHECK(date_prose(Date{2022, 1, 1}) == "den 1 januari 2022");
}

TEST_CASE("swedish: parsing ISO dates is strict", "[swedish][dates]") {
  CHECK(parse_iso_date("2018-05-09") == Date{2018, 5, 9});
  CHECK(parse_iso_date("2020-02-29") == Date{2020, 2, 29});
  CHECK_FALSE(parse_iso_date("2019-02-29"));
  CHECK_FALSE(parse_iso_date("1900-02-29"));
  CHECK(parse_iso_date("2000-02-29") == Date{2000, 2, 29});
  CHECK_FALSE(parse_iso_date("2018-5-9"));
  CHECK_FALSE(parse_iso_date("18-05-09"));
  CHECK_FALSE(parse_iso_date("2018-13-01"));
  CHECK_FALSE(parse_iso_date("2018-04-31"));
  CHECK_FALSE(parse_iso_date("2018-0a-01"));
  CHECK_FALSE(parse_iso_date("2018-05-09T00"));
}

TEST_CASE("swedish: year ranges use an unspaced en dash", "[swedish][dates]") {
  CHECK(year_range(2016, 2019) == "2016\u20132019");
  CHECK(year_range(2016, 2019) != "2016-2019");
  CHECK(year_range(2019, 2019) == "2019");
}
