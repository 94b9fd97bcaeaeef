// Dates and years a year on.
#include <catch2/catch.hpp>

#include "init/init.hpp"

using rv::Date;
using rv::init::advance_year_in_text;
using rv::init::next_year;

TEST_CASE("a date a year on, and 29 February becomes 28 February") {
  CHECK(next_year(Date{2019, 6, 30}) == Date{2020, 6, 30});
  CHECK(next_year(Date{2019, 12, 31}) == Date{2020, 12, 31});
  CHECK(next_year(Date{2020, 2, 29}) == Date{2021, 2, 28});
  CHECK(next_year(Date{2019, 2, 28}) == Date{2020, 2, 28});
  CHECK(next_year(Date{2024, 3, 1}) == Date{2025, 3, 1});
}

TEST_CASE("the year in a text: whole numbers only, never inside a range") {
  CHECK(advance_year_in_text("Uppföljning av 2019 års utvecklingsmedel", 2019, 2020) ==
        "Uppföljning av 2020 års utvecklingsmedel");
  CHECK(advance_year_in_text("Fördelning 2022", 2022, 2023) == "Fördelning 2023");
  CHECK(advance_year_in_text("2022 och 2022", 2022, 2023) == "2023 och 2023");
  // Not part of a longer number, an amount or a range.
  CHECK(advance_year_in_text("20221 kr och 12022", 2022, 2023) == "20221 kr och 12022");
  CHECK(advance_year_in_text("uppdragsperiod 2020\u20132022", 2022, 2023) ==
        "uppdragsperiod 2020\u20132022");
  CHECK(advance_year_in_text("2022-2024", 2022, 2023) == "2022-2024");
  CHECK(advance_year_in_text("SOF 2021/0000", 2022, 2023) == "SOF 2021/0000");
  CHECK(advance_year_in_text("", 2022, 2023).empty());
}
