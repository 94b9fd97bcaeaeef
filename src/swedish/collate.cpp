// Swedish sorting with ICU's "sv" collator: … X, Y, Z, Å, Ä, Ö, with v and w distinct.
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include "swedish/swedish.hpp"

namespace rv::sv {
namespace {

// Opening the collator loads its tailoring once; each thread then uses its own clone,
// since ICU promises thread safety only for separate instances.
icu::Collator& collator() {
  static const std::unique_ptr<icu::Collator> prototype = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(
        icu::Collator::createInstance(icu::Locale("sv", "SE"), status));
    if (U_FAILURE(status) || !c)
      throw std::runtime_error("ICU: kan inte skapa sorteringsordning för sv");
    return c;
  }();
  thread_local const std::unique_ptr<icu::Collator> mine(prototype->clone());
  return *mine;
}

}  // namespace

bool collate_less(std::string_view a, std::string_view b) {
  UErrorCode status = U_ZERO_ERROR;
  const UCollationResult r =
      collator().compareUTF8(icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
                             icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: jämförelse misslyckades");
  if (r != UCOL_EQUAL) return r == UCOL_LESS;
  return a < b;  // collation-equal strings still get one fixed order
}

std::string sort_key(std::string_view text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::Collator& c = collator();
  std::string key(64, '\0');
  int32_t n =
      c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), static_cast<int32_t>(key.size()));
  if (n > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(n));
    n = c.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  }
  // Drop ICU's terminating zero byte so keys compare correctly as std::string.
  key.resize(n > 0 ? static_cast<size_t>(n - 1) : 0);
  return key;
}

void sort_swedish(std::vector<std::string>& items) {
  // One key per item instead of a collator call per comparison, and one key per name per
  // thread: the same recipients are sorted into list after list (with unspent funds,
  // spent nothing, want more …), and a key costs thousands of instructions.
  thread_local std::unordered_map<std::string, std::string> keys;
  // Bounded: a process that sorts name after name (a server, the fuzzer) must not keep
  // every key it ever made. Far above a data set's recipients, so a run never refills it.
  if (keys.size() > (1u << 20)) keys.clear();
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(items.size());
  for (std::string& s : items) {
    auto it = keys.find(s);
    if (it == keys.end()) it = keys.emplace(s, sort_key(s)).first;
    keyed.emplace_back(it->second, std::move(s));
  }
  std::sort(keyed.begin(), keyed.end());  // ties (equal keys) fall back to the bytes
  for (size_t i = 0; i < items.size(); ++i) items[i] = std::move(keyed[i].second);
}

}  // namespace rv::sv
