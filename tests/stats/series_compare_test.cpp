#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "stats/stats.hpp"

using namespace rv;
using namespace rv::stats;

TEST_CASE("year series: history as published, the current year computed from the rows") {
  GrantYear y = test::national_2019_from_tables();
  auto rows = test::read_csv(test::fixture_path("historik2016-2019.csv"));
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    HistoryRow h;
    h.group = r[0];
    h.year = std::stoi(r[1]);
    // mnkr with one decimal → kronor
    auto mnkr = [](const std::string& s) -> std::optional<Amount> {
      if (s.empty()) return std::nullopt;
      return static_cast<Amount>(std::stod(s) * 10 + 0.5) * 100000;
    };
    h.available = mnkr(r[2]);
    h.spent = mnkr(r[5]);
    if (!r[6].empty()) h.unspent = mnkr(r[6]);
    if (!r[4].empty()) h.recipients = std::stoi(r[4]);
    if (!r[7].empty()) h.share_spent_pct = std::stoi(r[7]);
    h.recipients_text = r[8];
    y.history.push_back(h);
  }
  auto k = year_series(y, "kommuner");
  REQUIRE(k.size() == 4);
  CHECK(k[0].year == 2016);
  CHECK(k[1].share_pct() == 89);  // published; 44/50 would be 88
  CHECK_FALSE(k[0].computed);
  CHECK(k[3].computed);
  CHECK(k[3].year == 2019);
  CHECK(k[3].recipients == 290);
  CHECK(k[3].spent == 74949127);
  CHECK(k[3].available == 80000000);
  CHECK(k[3].share_pct() == 94);
  auto l = year_series(y, "lansstyrelser_nck");
  REQUIRE(l.size() == 4);
  CHECK(l[3].recipients == 7);
  CHECK(l[3].recipients_text == "Sex länsstyrelser och NCK");
  CHECK(l[0].recipients_text == "Nio länsstyrelser och NCK");
}

TEST_CASE("comparison of two allocations: who gets more, who less, by how much") {
  std::map<std::string, Amount> before = {{"Bromma", 200}, {"Farsta", 300}, {"Kista", 100}};
  std::map<std::string, Amount> after = {{"Bromma", 250}, {"Farsta", 300}, {"Älvsjö", 50}};
  Comparison c = compare_allocations(before, after, {"Farsta", "Bromma"});
  REQUIRE(c.rows.size() == 4);
  CHECK(c.rows[0].name == "Farsta");
  CHECK(c.rows[1].name == "Bromma");
  CHECK(c.rows[2].name == "Älvsjö");
  CHECK(c.rows[3].name == "Kista");
  CHECK(c.rows[1].change == 50);
  CHECK(percent(*c.rows[1].change_share) == 25);
  CHECK(c.more == 2);
  CHECK(c.same == 1);
  CHECK(c.less == 1);
  CHECK(c.only_after == 1);
  CHECK(c.only_before == 1);
  CHECK_FALSE(c.all_more());
  CHECK(c.total_before == 600);
  CHECK(c.total_after == 600);
}

TEST_CASE("comparison with the data set's previous allocation") {
  GrantYear y;
  y.grant.year = 2022;
  y.groups = {test::make_group("n", "Nämnder")};
  y.recipients = {test::make_recipient("n", "Rinkeby-Kista", 624090, std::nullopt),
                  test::make_recipient("n", "Äldrenämnden", 250000, std::nullopt)};
  PreviousAllocation p;
  p.year = 2021;
  p.total = 4528687;
  p.per_recipient = {{"Rinkeby-Kista", 520000}, {"Äldrenämnden", 200000}};
  y.previous = {p};
  auto c = compare_with_previous(y);
  REQUIRE(c);
  CHECK(c->year_before == 2021);
  CHECK(c->year_after == 2022);
  CHECK(c->all_more());
  CHECK(c->rows[0].change == 104090);
  CHECK(c->stated_total_before == 4528687);
  CHECK_FALSE(compare_with_previous(y, "", 2020));
}
