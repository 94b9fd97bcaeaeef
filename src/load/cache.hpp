// The data-set cache (internal to src/load): see cache.cpp for how it stays correct.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/cache.hpp"
#include "load/load.hpp"

namespace rv::load {

struct CachedFile {
  std::string path;
  const std::string* text;
};

// The entry's file name in the cache folder. `code` is the code version (tests pass others).
std::string cache_key(const std::vector<CachedFile>& files,
                      std::string_view code = cache::code_version());
std::optional<LoadResult> read_cached(const std::string& dir, const std::vector<CachedFile>& files,
                                      std::string_view code = cache::code_version());
void write_cached(const std::string& dir, const std::vector<CachedFile>& files,
                  const LoadResult& result, std::string_view code = cache::code_version());

}  // namespace rv::load
