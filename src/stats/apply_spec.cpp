// allocate(spec): fixed amounts first, then the rule over the remaining recipients.
#include <algorithm>
#include <numeric>
#include <stdexcept>

#include "stats/allocate.hpp"
#include "swedish/swedish.hpp"

namespace rv::stats {

namespace {

// Priority for leftover kronor as the spec orders it; Swedish order breaks key ties.
std::vector<size_t> priority_of(const std::vector<AllocationEntry>& rs, TieOrder order) {
  std::vector<size_t> idx(rs.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  if (order == TieOrder::Listed) return idx;
  std::vector<std::string> keys;
  for (const auto& r : rs) keys.push_back(sv::sort_key(r.name));
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    if (order == TieOrder::KeyDescending && rs[a].key != rs[b].key) return rs[a].key > rs[b].key;
    if (order == TieOrder::KeyAscending && rs[a].key != rs[b].key) return rs[a].key < rs[b].key;
    return keys[a] < keys[b];
  });
  return idx;
}

std::string kr(Amount a) { return sv::integer(a) + " kr"; }

}  // namespace

AllocationOutcome allocate(const AllocationSpec& spec) {
  AllocationOutcome out;
  Allocation a;
  a.title = spec.title;
  a.key_name = spec.key_name;
  a.rule = spec.rule;
  a.amount = spec.amount;
  a.key_decimals = spec.key_decimals;

  Amount fixed_sum = 0;
  for (const auto& f : spec.fixed) fixed_sum += f.amount;
  Amount rest = spec.amount - fixed_sum;
  if (rest < 0) {
    out.diags.error(spec.amount_span, "de fasta beloppen (" + kr(fixed_sum) +
                                          ") är större än beloppet (" + kr(spec.amount) + ")");
    return out;
  }
  const auto& rs = spec.recipients;
  std::vector<Amount> keys;
  for (const auto& r : rs) keys.push_back(r.key.value_or(0));
  std::vector<size_t> priority = priority_of(rs, spec.order);

  std::vector<Amount> amounts;
  std::vector<bool> raised(rs.size(), false);
  size_t eligible = 0;
  for (const auto& r : rs)
    if (!spec.threshold || r.key.value_or(0) <= *spec.threshold) ++eligible;
  try {
    if (rs.empty()) {
      if (rest != 0) throw std::invalid_argument("det finns inga mottagare för resten");
    } else {
      switch (spec.rule) {
        case AllocationRule::Proportional:
          amounts = allocate_proportional(rest, keys, priority);
          break;
        case AllocationRule::Equal:
          amounts = split_equally(rest, rs.size(), priority);
          break;
        case AllocationRule::BaseAmount:
          if (static_cast<__int128>(*spec.base) * static_cast<__int128>(eligible) > rest) {
            out.diags.error(spec.base_span, "grundbeloppet " + kr(*spec.base) + " till " +
                                                std::to_string(eligible) +
                                                " mottagare blir mer än de " + kr(rest) +
                                                " som finns att fördela");
            return out;
          }
          amounts = allocate_with_base(rest, *spec.base, keys, priority, spec.threshold);
          break;
        case AllocationRule::Minimum: {
          auto m =
              allocate_with_minimum_detail(rest, *spec.minimum, keys, priority, spec.threshold);
          amounts = std::move(m.amounts);
          raised = std::move(m.raised);
          break;
        }
      }
    }
  } catch (const std::invalid_argument& e) {
    Span at = spec.rule == AllocationRule::Minimum ? spec.minimum_span : spec.amount_span;
    out.diags.error(at, std::string("fördelningen går inte att göra: ") + e.what());
    return out;
  }

  for (size_t i = 0; i < rs.size(); ++i) {
    AllocationLine l;
    l.name = rs[i].name;
    l.key = rs[i].key;
    l.key_text = rs[i].key_text;
    l.amount = amounts[i];
    bool eligible_i = !spec.threshold || keys[i] <= *spec.threshold;
    if (spec.rule == AllocationRule::BaseAmount && eligible_i) l.base_part = *spec.base;
    l.raised_to_minimum = raised[i];
    a.lines.push_back(l);
  }
  for (const auto& f : spec.fixed) {
    AllocationLine l;
    l.name = f.name;
    l.amount = f.amount;
    l.fixed = true;
    a.lines.push_back(l);
  }

  // A threshold can give a recipient with a larger key less than one with a smaller key
  // (just above vs. just below it); that is the rule, but the author should know.
  if (spec.threshold && spec.rule != AllocationRule::Equal) {
    for (size_t i = 0; i < rs.size(); ++i)
      for (size_t j = 0; j < rs.size(); ++j)
        if (keys[i] > keys[j] && amounts[i] < amounts[j]) {
          out.diags.warning(rs[i].span, "'" + rs[i].name + "' har större nyckel än '" + rs[j].name +
                                            "' men får mindre (" + kr(amounts[i]) + " mot " +
                                            kr(amounts[j]) + ") på grund av tröskeln");
          j = rs.size();
        }
  }

  switch (spec.display) {
    case DisplayOrder::Listed:
      break;
    case DisplayOrder::Swedish:
      std::stable_sort(a.lines.begin(), a.lines.end(),
                       [](const AllocationLine& x, const AllocationLine& y) {
                         return sv::collate_less(x.name, y.name);
                       });
      break;
    case DisplayOrder::AmountDescending:
      std::stable_sort(a.lines.begin(), a.lines.end(),
                       [](const AllocationLine& x, const AllocationLine& y) {
                         if (x.amount != y.amount) return x.amount > y.amount;
                         return sv::collate_less(x.name, y.name);
                       });
      break;
  }
  if (a.total() != spec.amount) throw std::logic_error("fördelningens delar blir inte beloppet");
  out.allocation = std::move(a);
  return out;
}

}  // namespace rv::stats
