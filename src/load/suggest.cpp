#include "load/suggest.hpp"

#include <algorithm>
#include <cstdlib>

namespace rv::load {

namespace {
std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

// The most edits a typo of a word this long may have: "oförbrukad" → "oförbrukat" (1 edit).
int typo_limit(size_t len) { return len <= 4 ? 1 : len <= 8 ? 2 : 3; }

// Longer than any key or name a user misspells: no suggestion, and no time spent on one
// (a 10 MB unknown key once took minutes here).
constexpr size_t kLongestSuggested = 200;

// Edit distance if it is at most `limit`, else limit + 1. Only the diagonal band of width
// 2·limit + 1 can hold such a distance, so the cost is O(length · limit).
int bounded_distance(const std::u32string& a, const std::u32string& b, int limit) {
  int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  const int inf = limit + 1;
  std::vector<int> prev(m + 1, inf), cur(m + 1, inf);
  for (int j = 0; j <= std::min(m, limit); ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    int lo = std::max(1, i - limit), hi = std::min(m, i + limit);
    std::fill(cur.begin(), cur.end(), inf);
    if (i <= limit) cur[0] = i;
    int row_min = cur[0];
    for (int j = lo; j <= hi; ++j) {
      int subst = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + subst});
      cur[j] = std::min(v, inf);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return inf;  // every later row only grows
    std::swap(prev, cur);
  }
  return std::min(prev[m], inf);
}

}  // namespace

int edit_distance(std::string_view a8, std::string_view b8) {
  std::u32string a = decode(a8), b = decode(b8);
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      int subst = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string> closest(std::string_view word,
                                   const std::vector<std::string_view>& known) {
  if (word.size() > 4 * kLongestSuggested) return std::nullopt;  // bytes: ≥ characters / 4
  std::u32string w = decode(word);
  if (w.size() > kLongestSuggested) return std::nullopt;
  int limit = typo_limit(w.size());
  std::optional<std::string> best;
  int best_d = limit + 1;
  for (auto k : known) {
    // A word more than `limit` characters longer or shorter is never close enough.
    if (k.size() > 4 * (w.size() + limit) || k.size() + limit < w.size()) continue;
    int d = bounded_distance(w, decode(k), best_d - 1 < 0 ? 0 : best_d - 1);
    if (d < best_d) {
      best_d = d;
      best = std::string(k);
    }
  }
  return best;
}

}  // namespace rv::load
