// Where the cache lives, how large it may grow and which build wrote it.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "cache/cache.hpp"
#include "code_hash.hpp"  // generated: RV_CODE_HASH (cmake/code_hash.cmake)
#include "version.hpp"

namespace fs = std::filesystem;

namespace rv::cache {

namespace {

constexpr uint64_t kDefaultCap = 256ull << 20;

// "256M", "1G", "500k", "1048576", "256MiB", "256MB": a size in bytes (K, M, G, T are
// powers of 1024). Nothing for anything else, or a size past 2^63.
std::optional<uint64_t> parse_size(std::string_view s) {
  uint64_t n = 0;
  size_t i = 0;
  for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(s[i] - '0');
  }
  if (i == 0) return std::nullopt;
  std::string unit;
  for (; i < s.size(); ++i)
    unit += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
  int shift = 0;
  if (!unit.empty() && unit != "B") {
    const char* units = "KMGT";
    const char* at = std::strchr(units, unit[0]);
    if (!at || !(unit.size() == 1 || unit.substr(1) == "B" || unit.substr(1) == "IB"))
      return std::nullopt;
    shift = 10 * static_cast<int>(at - units + 1);
  }
  if (n > (uint64_t{1} << 63) >> shift) return std::nullopt;
  return n << shift;
}

}  // namespace

uint64_t size_cap() {
  const char* env = std::getenv("RAPPORTVERK_CACHE_STORLEK");
  if (!env || !*env) return kDefaultCap;
  return parse_size(env).value_or(kDefaultCap);
}

std::optional<std::string> dir() {
  const char* env = std::getenv("RAPPORTVERK_CACHE");
  if (env && (std::string_view(env) == "0" || std::string_view(env) == "av")) return std::nullopt;
  if (size_cap() == 0) return std::nullopt;
  if (env && *env) return std::string(env);
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return (fs::path(xdg) / "rapportverk").string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".cache" / "rapportverk").string();
  return std::nullopt;
}

std::string_view code_version() {
  // Never destroyed: the hyphenation preload thread hashes it and may still be running
  // when a run that failed early exits (ASan saw the exit handlers free it under that
  // thread).
  static const std::string& version =
      *new std::string(std::string(RAPPORTVERK_VERSION) + "+" + RV_CODE_HASH);
  return version;
}

}  // namespace rv::cache
