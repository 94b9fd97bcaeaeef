// Hyphenation answers kept between runs (internal to the Swedish layer): see
// hyphen_store.cpp for why and how it stays correct.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "swedish/utf8.hpp"

namespace rv::sv::detail {

class HyphenStore {
 public:
  // Reads the store for `patterns` from `dir` (empty: no store). False when there is no
  // usable file, so the caller knows the patterns will be needed.
  bool open(const std::string& dir, const std::string& patterns);
  // The breaks stored for a lower-cased letter run, or null. Thread-safe.
  const std::vector<int>* find(const std::u32string& key) const;
  // Records a new answer. Thread-safe.
  void add(const std::u32string& key, const std::vector<int>& breaks);
  // Writes the store back if anything was added.
  void save();

 private:
  // One stored line into words_; false when it does not parse.
  bool parse_line(std::string_view line, std::vector<CodePoint>& letters);

  mutable std::mutex mutex_;
  std::string dir_, name_, key_;
  std::unordered_map<std::u32string, std::vector<int>> words_;
  bool added_ = false;
};

}  // namespace rv::sv::detail
