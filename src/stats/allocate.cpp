// Whole-krona apportionment: largest remainder, and the rules built on it.
#include "stats/allocate.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace rv::stats {

namespace {

using i128 = __int128;

// rank[i]: position of recipient i in the priority order (0 = first in line).
std::vector<size_t> ranks(const std::vector<size_t>& priority, size_t n) {
  std::vector<size_t> rank(n);
  if (priority.empty()) {
    std::iota(rank.begin(), rank.end(), size_t{0});
    return rank;
  }
  if (priority.size() != n) throw std::invalid_argument("prioritetsordningen har fel längd");
  std::vector<bool> seen(n, false);
  for (size_t j = 0; j < n; ++j) {
    size_t i = priority[j];
    if (i >= n || seen[i]) throw std::invalid_argument("prioritetsordningen är ingen permutation");
    seen[i] = true;
    rank[i] = j;
  }
  return rank;
}

void require(bool ok, const char* message) {
  if (!ok) throw std::invalid_argument(message);
}

// The subset `members` of keys apportioned `total` by largest remainder; others get 0.
std::vector<Amount> apportion_subset(Amount total, const std::vector<Amount>& keys,
                                     const std::vector<bool>& members,
                                     const std::vector<size_t>& priority) {
  std::vector<Amount> weights(keys.size(), 0);
  for (size_t i = 0; i < keys.size(); ++i)
    if (members[i]) weights[i] = keys[i];
  return apportion_largest_remainder(total, weights, priority);
}

}  // namespace

std::vector<Amount> apportion_largest_remainder(Amount total, const std::vector<Amount>& weights,
                                                const std::vector<size_t>& priority) {
  size_t n = weights.size();
  std::vector<size_t> rank = ranks(priority, n);
  require(total >= 0, "beloppet får inte vara negativt");
  i128 sum = 0;
  for (Amount w : weights) {
    require(w >= 0, "en nyckel får inte vara negativ");
    sum += w;
  }
  std::vector<Amount> out(n, 0);
  if (total == 0) return out;
  require(sum > 0, "nycklarnas summa är 0: det finns inget att fördela efter");
  std::vector<i128> remainder(n);
  i128 given = 0;
  for (size_t i = 0; i < n; ++i) {
    i128 q = static_cast<i128>(total) * weights[i];
    out[i] = static_cast<Amount>(q / sum);
    remainder[i] = q % sum;
    given += out[i];
  }
  auto left = static_cast<size_t>(total - given);  // < n: each remainder is below one krona
  std::vector<size_t> idx(n);
  std::iota(idx.begin(), idx.end(), size_t{0});
  std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (remainder[a] != remainder[b]) return remainder[a] > remainder[b];
    return rank[a] < rank[b];
  });
  for (size_t j = 0; j < left; ++j) ++out[idx[j]];
  return out;
}

std::vector<Amount> allocate_proportional(Amount total, const std::vector<Amount>& keys,
                                          const std::vector<size_t>& priority) {
  return apportion_largest_remainder(total, keys, priority);
}

std::vector<Amount> split_equally(Amount total, size_t n, const std::vector<size_t>& priority) {
  require(n > 0 || total == 0, "det finns ingen mottagare att dela lika mellan");
  return apportion_largest_remainder(total, std::vector<Amount>(n, 1), priority);
}

std::vector<Amount> allocate_with_base(Amount total, Amount base, const std::vector<Amount>& keys,
                                       const std::vector<size_t>& priority,
                                       std::optional<Amount> threshold) {
  require(base >= 0, "grundbeloppet får inte vara negativt");
  std::vector<Amount> bases(keys.size(), 0);
  i128 sum = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!threshold || keys[i] <= *threshold) bases[i] = base;
    sum += bases[i];
  }
  require(sum <= total, "grundbeloppen är tillsammans större än beloppet");
  std::vector<Amount> out =
      apportion_largest_remainder(total - static_cast<Amount>(sum), keys, priority);
  for (size_t i = 0; i < out.size(); ++i) out[i] += bases[i];
  return out;
}

std::vector<Amount> allocate_with_minimum(Amount total, Amount minimum,
                                          const std::vector<Amount>& keys,
                                          const std::vector<size_t>& priority,
                                          std::optional<Amount> threshold) {
  return allocate_with_minimum_detail(total, minimum, keys, priority, threshold).amounts;
}

MinimumAllocation allocate_with_minimum_detail(Amount total, Amount minimum,
                                               const std::vector<Amount>& keys,
                                               const std::vector<size_t>& priority,
                                               std::optional<Amount> threshold) {
  require(minimum >= 0, "minimibeloppet får inte vara negativt");
  require(total >= 0, "beloppet får inte vara negativt");
  size_t n = keys.size();
  std::vector<bool> raised(n, false);
  size_t raised_count = 0;
  // Fixed point: raise every eligible recipient whose exact proportional share of what is
  // left is below the minimum. Raising lowers what is left, so repeat until nobody new
  // falls below; each round raises at least one, so at most n rounds.
  for (;;) {
    i128 rest = static_cast<i128>(total) - static_cast<i128>(raised_count) * minimum;
    require(rest >= 0, "minimibeloppen är tillsammans större än beloppet");
    i128 key_sum = 0;
    for (size_t i = 0; i < n; ++i)
      if (!raised[i]) key_sum += keys[i];
    bool changed = false;
    for (size_t i = 0; i < n; ++i) {
      if (raised[i] || (threshold && keys[i] > *threshold)) continue;
      // share = rest·k/K < minimum  ⇔  rest·k < minimum·K (K = 0: nobody has a share)
      if (key_sum == 0 || rest * keys[i] < static_cast<i128>(minimum) * key_sum) {
        raised[i] = true;
        ++raised_count;
        changed = true;
      }
    }
    if (!changed) break;
  }
  Amount rest = total - static_cast<Amount>(raised_count) * minimum;
  std::vector<bool> members(n);
  for (size_t i = 0; i < n; ++i) members[i] = !raised[i];
  std::vector<Amount> out = apportion_subset(rest, keys, members, priority);
  for (size_t i = 0; i < n; ++i)
    if (raised[i]) out[i] = minimum;
  return {out, raised};
}

std::string rule_name(AllocationRule rule) {
  switch (rule) {
    case AllocationRule::Proportional:
      return "proportionell";
    case AllocationRule::BaseAmount:
      return "grundbelopp";
    case AllocationRule::Minimum:
      return "minimibelopp";
    case AllocationRule::Equal:
      return "lika";
  }
  return "";
}

Amount Allocation::total() const {
  Amount t = 0;
  for (const auto& l : lines) t = checked_add(t, l.amount);
  return t;
}

}  // namespace rv::stats
