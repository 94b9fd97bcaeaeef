// The data-set cache (internal to src/load): see cache.cpp for how it stays correct.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "load/load.hpp"

namespace rv::load {

struct CachedFile {
  std::string path;
  const std::string* text;
};

std::string cache_key(const std::vector<CachedFile>& files);
std::optional<LoadResult> read_cached(const std::string& dir, const std::vector<CachedFile>& files);
void write_cached(const std::string& dir, const std::vector<CachedFile>& files,
                  const LoadResult& result);
// Puts a cache file in place atomically (a temporary name unique to this process, then a
// rename), so a concurrent reader sees the old file or the new one. Failures are silent:
// the cache is then just not written.
void write_cache_file(const std::string& target, const std::string& bytes);

}  // namespace rv::load
