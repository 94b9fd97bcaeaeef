// Property tests over generated inputs (fixed seed): for every rule the parts sum to the
// amount exactly, minimums, bases and fixed amounts are respected, a larger key never
// gets less (without a threshold), and the same input gives the same output.
#include <catch2/catch.hpp>
#include <random>

#include "stats/allocate.hpp"

using namespace rv;
using namespace rv::stats;

namespace {

struct Case {
  Amount total;
  std::vector<Amount> keys;
  std::vector<size_t> priority;
};

Case generate(std::mt19937_64& rng) {
  Case c;
  size_t n = std::uniform_int_distribution<size_t>(1, 40)(rng);
  int scale = std::uniform_int_distribution<int>(0, 3)(rng);
  Amount key_max = scale == 0 ? 5 : scale == 1 ? 1000 : scale == 2 ? 5'000'000 : 1'000'000'000'000;
  for (size_t i = 0; i < n; ++i)
    c.keys.push_back(std::uniform_int_distribution<Amount>(0, key_max)(rng));
  if (std::all_of(c.keys.begin(), c.keys.end(), [](Amount k) { return k == 0; })) c.keys[0] = 1;
  c.total =
      std::uniform_int_distribution<Amount>(0, scale == 3 ? 1'000'000'000'000 : 10'000'000)(rng);
  c.priority.resize(n);
  std::iota(c.priority.begin(), c.priority.end(), size_t{0});
  std::shuffle(c.priority.begin(), c.priority.end(), rng);
  return c;
}

Amount sum(const std::vector<Amount>& v) { return std::accumulate(v.begin(), v.end(), Amount{0}); }

void check_monotone(const std::vector<Amount>& keys, const std::vector<Amount>& out) {
  for (size_t i = 0; i < keys.size(); ++i)
    for (size_t j = 0; j < keys.size(); ++j)
      if (keys[i] > keys[j]) REQUIRE(out[i] >= out[j]);
}

// Each part is within one krona of its exact quota (the Hamilton quota property).
void check_quota(Amount total, const std::vector<Amount>& keys, const std::vector<Amount>& out) {
  __int128 k = 0;
  for (Amount x : keys) k += x;
  for (size_t i = 0; i < keys.size(); ++i) {
    __int128 q = static_cast<__int128>(total) * keys[i];
    REQUIRE(static_cast<__int128>(out[i]) * k <= q + k);
    REQUIRE(static_cast<__int128>(out[i]) * k >= q - k);
  }
}

constexpr int kCases = 3000;

}  // namespace

TEST_CASE("property: proportional") {
  std::mt19937_64 rng(20190101);
  for (int t = 0; t < kCases; ++t) {
    Case c = generate(rng);
    auto out = allocate_proportional(c.total, c.keys, c.priority);
    REQUIRE(sum(out) == c.total);
    check_monotone(c.keys, out);
    check_quota(c.total, c.keys, out);
    REQUIRE(out == allocate_proportional(c.total, c.keys, c.priority));
  }
}

TEST_CASE("property: equal split") {
  std::mt19937_64 rng(7);
  for (int t = 0; t < kCases; ++t) {
    Case c = generate(rng);
    auto out = split_equally(c.total, c.keys.size(), c.priority);
    REQUIRE(sum(out) == c.total);
    auto [lo, hi] = std::minmax_element(out.begin(), out.end());
    REQUIRE(*hi - *lo <= 1);
    // the extra kronor go to the first in priority order
    for (size_t j = 1; j < c.priority.size(); ++j)
      REQUIRE(out[c.priority[j - 1]] >= out[c.priority[j]]);
    REQUIRE(out == split_equally(c.total, c.keys.size(), c.priority));
  }
}

TEST_CASE("property: base amount") {
  std::mt19937_64 rng(11);
  for (int t = 0; t < kCases; ++t) {
    Case c = generate(rng);
    Amount base =
        std::uniform_int_distribution<Amount>(0, c.total / static_cast<Amount>(c.keys.size()))(rng);
    auto out = allocate_with_base(c.total, base, c.keys, c.priority);
    REQUIRE(sum(out) == c.total);
    for (Amount a : out) REQUIRE(a >= base);
    check_monotone(c.keys, out);
    REQUIRE(out == allocate_with_base(c.total, base, c.keys, c.priority));
    // with a threshold: still exact, the eligible get at least the base
    Amount threshold = c.keys[0];
    auto th = allocate_with_base(c.total, base, c.keys, c.priority, threshold);
    REQUIRE(sum(th) == c.total);
    for (size_t i = 0; i < c.keys.size(); ++i)
      if (c.keys[i] <= threshold) REQUIRE(th[i] >= base);
  }
}

TEST_CASE("property: minimum") {
  std::mt19937_64 rng(13);
  for (int t = 0; t < kCases; ++t) {
    Case c = generate(rng);
    Amount minimum =
        std::uniform_int_distribution<Amount>(0, c.total / static_cast<Amount>(c.keys.size()))(rng);
    auto d = allocate_with_minimum_detail(c.total, minimum, c.keys, c.priority);
    REQUIRE(sum(d.amounts) == c.total);
    for (Amount a : d.amounts) REQUIRE(a >= minimum);
    check_monotone(c.keys, d.amounts);
    // Those not raised get their proportional share of what the raised leave over.
    std::vector<Amount> rest_keys;
    Amount rest = c.total;
    for (size_t i = 0; i < c.keys.size(); ++i) {
      rest_keys.push_back(d.raised[i] ? 0 : c.keys[i]);
      if (d.raised[i]) rest -= minimum;
    }
    if (rest > 0)
      check_quota(rest, rest_keys, [&] {
        std::vector<Amount> v = d.amounts;
        for (size_t i = 0; i < v.size(); ++i)
          if (d.raised[i]) v[i] = 0;
        return v;
      }());
    REQUIRE(d.amounts == allocate_with_minimum(c.total, minimum, c.keys, c.priority));
    // with a threshold: exact, and the eligible get at least the minimum
    Amount threshold = c.keys[c.keys.size() / 2];
    auto th = allocate_with_minimum(c.total, minimum, c.keys, c.priority, threshold);
    REQUIRE(sum(th) == c.total);
    for (size_t i = 0; i < c.keys.size(); ++i)
      if (c.keys[i] <= threshold) REQUIRE(th[i] >= minimum);
  }
}

TEST_CASE("property: fixed amounts first, then a rule, through a specification") {
  std::mt19937_64 rng(17);
  for (int t = 0; t < 500; ++t) {
    Case c = generate(rng);
    AllocationSpec s;
    s.amount = c.total;
    s.rule = static_cast<AllocationRule>(std::uniform_int_distribution<int>(0, 3)(rng));
    Amount fixed_total = 0;
    size_t nfixed = std::uniform_int_distribution<size_t>(0, 3)(rng);
    for (size_t i = 0; i < nfixed; ++i) {
      Amount a = std::uniform_int_distribution<Amount>(0, (c.total - fixed_total) / 2)(rng);
      s.fixed.push_back({"Fast " + std::to_string(i), a, {}});
      fixed_total += a;
    }
    Amount rest = c.total - fixed_total;
    for (size_t i = 0; i < c.keys.size(); ++i)
      s.recipients.push_back(
          {"Mottagare " + std::to_string(i), c.keys[i], std::to_string(c.keys[i]), {}});
    Amount per = rest / static_cast<Amount>(c.keys.size());
    if (s.rule == AllocationRule::BaseAmount) s.base = per / 2;
    if (s.rule == AllocationRule::Minimum) s.minimum = per / 2;
    AllocationOutcome o = allocate(s);
    REQUIRE(o.allocation);
    REQUIRE(o.allocation->total() == c.total);
    for (const auto& l : o.allocation->lines) {
      if (l.fixed) {
        auto it = std::find_if(s.fixed.begin(), s.fixed.end(),
                               [&](const FixedAmount& f) { return f.name == l.name; });
        REQUIRE(l.amount == it->amount);
      } else if (s.minimum) {
        REQUIRE(l.amount >= *s.minimum);
      } else if (s.base) {
        REQUIRE(l.amount >= *s.base);
      }
    }
    AllocationOutcome again = allocate(s);
    for (size_t i = 0; i < o.allocation->lines.size(); ++i)
      REQUIRE(again.allocation->lines[i].amount == o.allocation->lines[i].amount);
  }
}
