#include "load/suggest.hpp"

#include <algorithm>

namespace rv::load {

namespace {
std::u32string decode(std::string_view s) {
  std::u32string out;
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
  std::optional<std::string> best;
  int best_d = 1 << 30;
  for (auto k : known) {
    int d = edit_distance(word, k);
    if (d < best_d) {
      best_d = d;
      best = std::string(k);
    }
  }
  // A typo is a few edits, relative to the length: "oförbrukad" → "oförbrukat" (1 edit).
  int len = static_cast<int>(decode(word).size());
  int limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
  if (best && best_d <= limit) return best;
  return std::nullopt;
}

}  // namespace rv::load
