// Last year's model → next year's (data/exempel, 2023 → 2024).
#include <catch2/catch.hpp>
#include <cstdlib>

#include "init/init.hpp"
#include "load/load.hpp"

using namespace rv;

namespace {
GrantYear exempel() {
  setenv("RAPPORTVERK_CACHE", "0", 1);
  LoadResult r = load_data_set({std::string(RV_SOURCE_DIR) + "/data/exempel"});
  REQUIRE(r.ok());
  return r.data;
}
const HistoryRow* row(const GrantYear& y, const std::string& group, int year) {
  for (const auto& h : y.history)
    if (h.group == group && h.year == year) return &h;
  return nullptr;
}
}  // namespace

TEST_CASE("the year, the period and every deadline move on a year") {
  const GrantYear last = exempel();
  const GrantYear next = init::advance(last);
  CHECK(next.grant.year == 2024);
  CHECK(next.grant.name == last.grant.name);
  CHECK(next.grant.period_start == Date{2024, 1, 1});
  CHECK(next.grant.period_end == Date{2024, 12, 31});
  REQUIRE(next.grant.deadlines.size() == 3);
  CHECK(next.grant.deadlines[0].date == Date{2024, 6, 30});
  CHECK(next.grant.deadlines[2].date == Date{2025, 3, 31});
  CHECK(next.grant.deadlines[2].label == last.grant.deadlines[2].label);
  CHECK(next.document.date == Date{2025, 5, 17});
  CHECK(next.document.meeting_date == Date{2025, 6, 11});
  CHECK(next.document.title ==
        "Redovisning av utvecklingsmedel för arbetet mot våld i nära relationer 2024");
  CHECK(next.document.dnr == last.document.dnr);
}

TEST_CASE("no amount, answer or quote is left, but names, groups and questions are") {
  const GrantYear last = exempel();
  const GrantYear next = init::advance(last);
  CHECK(next.grant.requisitioned_total == std::nullopt);
  CHECK(next.grant.undistributed == std::nullopt);
  REQUIRE(next.groups.size() == last.groups.size());
  for (const auto& g : next.groups) {
    CHECK_FALSE(g.available);
    CHECK_FALSE(g.declared_key_total);
    CHECK_FALSE(g.declared_allocated_total);
    CHECK_FALSE(g.declared_unspent_total);
    CHECK_FALSE(g.applications_received);
    CHECK_FALSE(g.applied_total_declared);
  }
  CHECK(next.groups[1].noun.gender == Gender::Neuter);
  REQUIRE(next.recipients.size() == last.recipients.size());
  for (size_t i = 0; i < next.recipients.size(); ++i) {
    const Recipient& r = next.recipients[i];
    CHECK(r.name == last.recipients[i].name);
    CHECK(r.application == last.recipients[i].application);
    CHECK(r == Recipient{
                   r.name, r.group, r.application, {}, {}, {}, {}, {}, {}, {}, {}, "", "", r.span});
  }
  REQUIRE(next.questions.size() == last.questions.size());
  for (size_t i = 0; i < next.questions.size(); ++i) {
    CHECK(next.questions[i].id == last.questions[i].id);
    CHECK(next.questions[i].options == last.questions[i].options);
    CHECK(next.questions[i].condition == last.questions[i].condition);
  }
  CHECK(next.responses.empty());
  CHECK(next.quotes.empty());
}

TEST_CASE("last year's totals join the history, as last year's report computed them") {
  const GrantYear last = exempel();
  const GrantYear next = init::advance(last);
  CHECK(next.history.size() == last.history.size() + 2);
  const HistoryRow* k = row(next, "kommuner", 2023);
  REQUIRE(k);
  CHECK(k->available == 600000);  // tillgängligt as declared
  CHECK(k->spent == 470000);      // 260 000 + 210 000 + 0
  CHECK(k->unspent == 130000);    // 50 000 + 0 + 80 000
  CHECK(k->recipients == 3);
  CHECK(k->share_spent_pct == 78);  // 470 000 / 600 000
  CHECK_FALSE(k->applicants);       // requisition: nobody applies
  const HistoryRow* i = row(next, "ideella", 2023);
  REQUIRE(i);
  CHECK(i->spent == 480000);
  CHECK(i->unspent == 20000);
  CHECK(i->recipients == 3);  // the rejected application is no recipient
  CHECK(i->applicants == 5);  // antal_ansökningar
  CHECK(i->share_spent_pct == 96);
  // The rows already there are kept as printed.
  CHECK(*row(next, "kommuner", 2022) == *row(last, "kommuner", 2022));
}

TEST_CASE("last year's allocation becomes the previous allocation") {
  const GrantYear last = exempel();
  const GrantYear next = init::advance(last);
  REQUIRE(next.previous.size() == 1);
  const PreviousAllocation& p = next.previous[0];
  CHECK(p.year == 2023);
  CHECK(p.per_recipient.at("Norrby kommun") == 310000);
  CHECK(p.per_recipient.at("Stiftelsen Ljusglimten – ansökan 2") == 100000);
  CHECK(p.per_recipient.count("Mansmottagningen i Norrby") == 0);  // rejected
  CHECK(p.total == 310000 + 210000 + 80000 + 250000 + 150000 + 100000);
}

TEST_CASE("a year that already has its own history row keeps the printed one") {
  setenv("RAPPORTVERK_CACHE", "0", 1);
  LoadResult r = load_data_set({std::string(RV_SOURCE_DIR) + "/data/nationell-2019"});
  REQUIRE(r.ok());
  const GrantYear next = init::advance(r.data);
  CHECK(next.history == r.data.history);  // 2016–2019, 2019 as published
  CHECK(next.grant.year == 2020);
  CHECK(next.document.subtitle == "Uppföljning av 2020 års utvecklings- och stimulansmedel");
  // The questions asked again speak of the new year.
  const Question* q = next.find_question("kommuner_socialnamnden");
  REQUIRE(q);
  CHECK(q->text ==
        "Vilka områden har socialnämnden arbetat med under 2020 för att kvalitetsutveckla?");
}
