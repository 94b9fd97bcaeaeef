// Allocation of an amount over recipients in whole kronor whose parts sum to the amount
// exactly (docs/fordelning.md).
//
// Two levels:
//  - pure functions over vectors (allocate_proportional, allocate_with_base,
//    allocate_with_minimum, split_equally), built on one largest-remainder (Hamilton)
//    apportionment; they throw std::invalid_argument when the task is impossible;
//  - a specification (a YAML file with top-level key `fördelning`, Swedish keys) read
//    with diagnostics, and allocate(spec) applying fixed amounts and then a rule.
//
// Leftover kronor (equal remainders, and the kronor an equal split cannot divide) go to
// recipients in a priority order: Swedish alphabetical unless the specification names
// another (`ordning`). Keys may be decimals ("12,5"); they are scaled to integers so all
// arithmetic stays exact (products in 128 bits).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "model/model.hpp"

namespace rv::stats {

// ---- pure apportionment ------------------------------------------------------------------
// `priority` is a permutation of 0..n-1: priority[0] is first in line for a leftover
// krona when remainders are equal. Empty means index order.

// Largest remainder: each gets floor(total·w/W), the kronor left over go one each to the
// largest remainders total·w mod W, equal remainders in priority order.
std::vector<Amount> apportion_largest_remainder(Amount total, const std::vector<Amount>& weights,
                                                const std::vector<size_t>& priority = {});
// (a) proportional to a key.
std::vector<Amount> allocate_proportional(Amount total, const std::vector<Amount>& keys,
                                          const std::vector<size_t>& priority = {});
// (b) a base amount to every recipient (or, with a threshold, to those whose key is at
// most the threshold), the rest proportional to the key over everyone.
std::vector<Amount> allocate_with_base(Amount total, Amount base, const std::vector<Amount>& keys,
                                       const std::vector<size_t>& priority = {},
                                       std::optional<Amount> threshold = std::nullopt);
// (c) proportional, but a recipient whose key is at most the threshold (everyone, without
// a threshold) gets at least `minimum`: max(minimum, proportional share of what is left
// when the raised recipients are paid), solved so the parts sum to `total`.
std::vector<Amount> allocate_with_minimum(Amount total, Amount minimum,
                                          const std::vector<Amount>& keys,
                                          const std::vector<size_t>& priority = {},
                                          std::optional<Amount> threshold = std::nullopt);
// The same, also telling who was raised to the minimum.
struct MinimumAllocation {
  std::vector<Amount> amounts;
  std::vector<bool> raised;
};
MinimumAllocation allocate_with_minimum_detail(Amount total, Amount minimum,
                                               const std::vector<Amount>& keys,
                                               const std::vector<size_t>& priority = {},
                                               std::optional<Amount> threshold = std::nullopt);
// (e) equal split: floor(total/n) each, the remaining kronor one each in priority order.
std::vector<Amount> split_equally(Amount total, size_t n, const std::vector<size_t>& priority = {});

// ---- specification -----------------------------------------------------------------------

enum class AllocationRule : uint8_t { Proportional = 0, BaseAmount, Minimum, Equal };
// Who is first in line for leftover kronor.
enum class TieOrder : uint8_t { Swedish = 0, Listed, KeyDescending, KeyAscending };
// The order of the printed result.
enum class DisplayOrder : uint8_t { Listed = 0, Swedish, AmountDescending };

std::string rule_name(AllocationRule rule);  // "proportionell" …, as written in the spec

struct AllocationEntry {
  std::string name;
  std::optional<Amount> key;  // scaled: every key × 10^key_decimals, exact
  std::string key_text;       // as written ("12,5")
  Span span;
};

struct FixedAmount {
  std::string name;
  Amount amount = 0;
  Span span;
};

struct AllocationSpec {
  std::string file;
  std::string title;                                   // rubrik
  Amount amount = 0;                                   // belopp
  AllocationRule rule = AllocationRule::Proportional;  // regel
  std::string key_name;                                // nyckelns_namn: heading of the key column
  std::string basis;  // grund: what the key measures, in words ("respektive kommuns invånarantal")
  std::optional<Amount> base;       // grundbelopp
  std::optional<Amount> minimum;    // minimibelopp
  std::optional<Amount> threshold;  // tröskel, scaled like the keys
  std::string threshold_text;
  int key_decimals = 0;                         // keys and threshold are scaled by 10^key_decimals
  TieOrder order = TieOrder::Swedish;           // ordning
  DisplayOrder display = DisplayOrder::Listed;  // visning
  std::vector<FixedAmount> fixed;               // fasta_belopp
  std::vector<AllocationEntry> recipients;      // mottagare
  // grupp: the data set's group whose key amounts (fördelningsnyckel) this computes;
  // empty for a stand-alone allocation (stats/group_allocation.hpp).
  std::string group;
  Span span, amount_span, base_span, minimum_span, group_span;
};

struct SpecRead {
  std::optional<AllocationSpec> spec;  // set when there were no errors
  Diagnostics diags;
  bool ok() const { return spec.has_value() && !diags.has_errors(); }
};

// Reads and validates a specification file; every problem becomes a diagnostic with
// file:line:col and a Swedish message (unknown keys are errors).
SpecRead read_allocation_spec(const std::string& path);
// The same for text, as if it were the file `name` (tests).
SpecRead parse_allocation_spec(const std::string& name, const std::string& text);

struct AllocationLine {
  std::string name;
  std::optional<Amount> key;  // scaled
  std::string key_text;
  Amount amount = 0;
  bool fixed = false;              // from fasta_belopp
  bool raised_to_minimum = false;  // minimibelopp: got the minimum rather than its share
  Amount base_part = 0;            // grundbelopp: the base included in amount
};

struct Allocation {
  std::string title;
  std::string key_name;
  AllocationRule rule = AllocationRule::Proportional;
  int key_decimals = 0;               // keys are scaled by 10^key_decimals
  Amount amount = 0;                  // the amount decided; equals total()
  std::vector<AllocationLine> lines;  // in the spec's display order
  Amount total() const;
};

struct AllocationOutcome {
  std::optional<Allocation> allocation;  // set unless the task was impossible
  Diagnostics diags;                     // errors (impossible) and warnings
};

AllocationOutcome allocate(const AllocationSpec& spec);

}  // namespace rv::stats
