// Fuzz target: a --urval condition (src/batch/condition.cpp) parsed against the fields of
// the recipients' records, its errors formatted, and a parsed condition evaluated on
// records with the values that are hard to compare: no value, extreme amounts, shares
// with large terms, texts with Swedish letters, booleans and lists.
#include <cstdint>
#include <limits>

#include "batch/batch.hpp"
#include "fuzz.hpp"

namespace {

using rv::tmpl::List;
using rv::tmpl::Map;
using rv::tmpl::Value;

const std::vector<std::string> kFields = {"namn",       "grupp",           "oförbrukat",
                                          "fördelat",   "andel_förbrukat", "vill_ha_mer",
                                          "rekvirerat", "adress",          "områden"};

std::vector<Value> records() {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  std::vector<Value> out;
  auto add = [&](Value name, Value group, Value unspent, Value allocated, Value share, Value more) {
    Map m;
    m["namn"] = std::move(name);
    m["grupp"] = std::move(group);
    m["oförbrukat"] = std::move(unspent);
    m["fördelat"] = std::move(allocated);
    m["andel_förbrukat"] = std::move(share);
    m["vill_ha_mer"] = std::move(more);
    m["rekvirerat"] = Value(int64_t{0});
    m["adress"] = Value();
    m["områden"] = Value(List{Value("Våld i nära relationer"), Value(int64_t{3})});
    out.emplace_back(std::move(m));
  };
  add("Ale kommun", "kommuner", int64_t{109021}, int64_t{200000}, rv::sv::Fraction{90979, 200000},
      true);
  add("Östra Göinge", "kommuner", Value(), Value(), Value(), Value());
  add("ATIM \"x\"", "ideella", kMax, kMin, rv::sv::Fraction{kMax, kMax - 1}, false);
  add("", "", kMin, kMax, rv::sv::Fraction{kMin + 1, 3}, Value(List{}));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<Value> kRecords = records();
  rv::Diagnostics diags;
  auto selection = rv::batch::Selection::parse(rv::fuzz::text(data, size), kFields, diags);
  for (const auto& d : diags.all()) static_cast<void>(rv::format_diagnostic(d));
  if (selection)
    for (const Value& r : kRecords) static_cast<void>(selection->matches(r));
  return 0;
}
