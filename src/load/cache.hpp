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

}  // namespace rv::load
