// What the hyphenation patterns answered, kept between runs.
//
// Loading Debian's Swedish patterns builds libhyphen's state machine: 40 M instructions and
// 3 MB of fresh memory on every run, for a report whose ~2 000 distinct words are the same
// from one run to the next. The answers are a pure function of the pattern file and the
// word, so they are stored in the cache folder as one checksummed entry (src/cache) keyed
// on the pattern file's identity (path, size, modification time), this code's rules and
// the code version; anything else is a miss. A word the file lacks loads the patterns as before.
// Exceptions from a template's list never reach the store: they are looked up before it.
#include "swedish/hyphen_store.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <charconv>
#include <mutex>

#include "cache/cache.hpp"
#include "swedish/utf8.hpp"

namespace rv::sv::detail {

namespace {

// The store's format and the rules that shape an answer (minimum letters). Any edit to
// this module changes the code version anyway (src/cache), so old answers are never reused.
constexpr const char* kFormat = "rapportverk-avstavning-2 min=2,2";

// The entry's key: what the answers depend on.
std::string identity(const std::string& patterns) {
  struct stat st {};
  if (stat(patterns.c_str(), &st) != 0) return {};
  return std::string(kFormat) + " " + patterns + " " + std::to_string(st.st_size) + " " +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

bool HyphenStore::open(const std::string& dir, const std::string& patterns) {
  std::lock_guard lock(mutex_);
  words_.clear();
  added_ = false;
  dir_ = dir;
  key_ = identity(patterns);
  if (dir.empty() || key_.empty()) {
    name_.clear();
    return false;
  }
  name_ = "avstavning-" + cache::hex(cache::hash64(key_, cache::hash64(cache::code_version()))) +
          ".rvc";
  const auto text = cache::read_entry(dir_, name_, key_);
  if (!text) return false;
  // One word a line: the lower-cased letter run, a tab, the break indices ("3,7"). The
  // checksum already vouches for the bytes; a line that does not parse still drops them all.
  std::string_view rest = *text;
  std::vector<CodePoint> letters;
  while (!rest.empty()) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (!parse_line(line, letters)) {
      words_.clear();
      return false;
    }
  }
  return true;
}

bool HyphenStore::parse_line(std::string_view line, std::vector<CodePoint>& letters) {
  const size_t tab = line.find('\t');
  if (tab == std::string_view::npos || tab == 0) return false;
  decode_utf8(line.substr(0, tab), letters);
  std::u32string key;
  key.reserve(letters.size());
  for (const CodePoint& c : letters) key.push_back(c.cp);
  std::vector<int> breaks;
  for (const char* p = line.data() + tab + 1; p < line.data() + line.size();) {
    int at = 0;
    const auto [next, ec] = std::from_chars(p, line.data() + line.size(), at);
    if (ec != std::errc() || (next < line.data() + line.size() && *next != ',')) return false;
    breaks.push_back(at);
    p = next + 1;
  }
  words_.emplace(std::move(key), std::move(breaks));
  return true;
}

const std::vector<int>* HyphenStore::find(const std::u32string& key) const {
  std::lock_guard lock(mutex_);
  auto it = words_.find(key);
  return it == words_.end() ? nullptr : &it->second;
}

void HyphenStore::add(const std::u32string& key, const std::vector<int>& breaks) {
  std::lock_guard lock(mutex_);
  if (name_.empty()) return;
  if (words_.emplace(key, breaks).second) added_ = true;
}

void HyphenStore::save() {
  std::lock_guard lock(mutex_);
  if (!added_ || name_.empty()) return;
  std::string out;
  std::vector<const std::pair<const std::u32string, std::vector<int>>*> sorted;
  for (const auto& entry : words_) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  for (const auto* entry : sorted) {
    for (char32_t c : entry->first) append_utf8(out, c);
    out += '\t';
    for (size_t i = 0; i < entry->second.size(); ++i)
      out += (i ? "," : "") + std::to_string(entry->second[i]);
    out += '\n';
  }
  // Atomic and silent (src/cache): a concurrent run reads the old entry or the new one.
  cache::write_entry(dir_, name_, key_, out);
  added_ = false;
}

}  // namespace rv::sv::detail
