// Hyphenation of Swedish words with libhyphen and Debian's hyph_sv_SE patterns, plus a
// user exception list for words the patterns get wrong.
#include <hyphen.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "swedish/compounds.hpp"
#include "swedish/hyphen_store.hpp"
#include "swedish/swedish.hpp"
#include "swedish/utf8.hpp"

namespace rv::sv {
namespace {

using detail::CodePoint;

// Swedish typography: at least two letters on each side of a break (also inside each
// letter run of a compound such as "Rinkeby-Kista").
constexpr int kMinLeft = 2;
constexpr int kMinRight = 2;

const char* const kDictionaryPath = "/usr/share/hyphen/hyph_sv_SE.dic";

// The dictionary is loaded once and only read afterwards; libhyphen's hyphenate call does
// not modify it, so concurrent callers can share it.
HyphenDict* dictionary() {
  static HyphenDict* dict = hnj_hyphen_load(kDictionaryPath);
  return dict;
}

// The patterns' answers from earlier runs (hyphen_store.cpp), opened by
// preload_hyphenation(); lookups wait for it to be read.
// Never destroyed: the preload thread may still be reading it when a run ends early (a
// template error ends the process before layout waits for it), and exit must not free it
// under that thread (a use-after-free under AddressSanitizer).
detail::HyphenStore& store() {
  static detail::HyphenStore& s = *new detail::HyphenStore;
  return s;
}
std::shared_future<void> store_opened;

// Exceptions: lower-case word → break positions (break after character i, counted in
// code points). An entry without hyphens means "never hyphenate".
struct Exceptions {
  std::shared_mutex mutex;
  std::unordered_map<std::u32string, std::vector<int>> words;
};
Exceptions& exceptions() {
  static Exceptions e;
  return e;
}
// Bumped whenever the exceptions change, so per-thread caches of results know to forget.
std::atomic<uint64_t> exceptions_generation{0};
// How many exceptions there are, so words need not take the lock when there are none.
std::atomic<size_t> exception_count{0};

// ASCII answered inline (the same answers ICU gives), the rest by ICU: these run for
// every character of every word.
bool is_ascii_upper(char32_t c) { return c >= U'A' && c <= U'Z'; }
char32_t lower(char32_t c) {
  if (c < 0x80) return is_ascii_upper(c) ? c + (U'a' - U'A') : c;
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}
bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_upper(c) || (c >= U'a' && c <= U'z');
  return u_isalpha(static_cast<UChar32>(c));
}
bool is_digit(char32_t c) {
  if (c < 0x80) return c >= U'0' && c <= U'9';
  return u_isdigit(static_cast<UChar32>(c));
}
bool is_upper(char32_t c) {
  if (c < 0x80) return is_ascii_upper(c);
  return u_isupper(static_cast<UChar32>(c));
}

// Breaks for the lower-cased letter run `key`, as "break after character i of the run"
// indices, before the two-letter rule is applied.
std::vector<int> pattern_breaks(const std::u32string& key) {
  const int n = static_cast<int>(key.size());
  // The patterns are ISO-8859-1: a letter outside Latin-1 means we cannot ask them.
  thread_local std::string latin1;  // reused: called word after word
  latin1.clear();
  for (char32_t c : key) {
    if (c > 0xFF) return {};
    latin1.push_back(static_cast<char>(c));
  }
  if (store_opened.valid()) store_opened.wait();
  if (const std::vector<int>* known = store().find(key)) return *known;
  HyphenDict* dict = dictionary();
  if (dict == nullptr) return {};
  thread_local std::vector<char> hyphens;
  hyphens.assign(latin1.size() + 5, '\0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate3(dict, latin1.data(), static_cast<int>(latin1.size()), hyphens.data(),
                        nullptr, &rep, &pos, &cut, kMinLeft, kMinRight, kMinLeft, kMinRight);
  // Swedish patterns have no replacements, but free them should a future dictionary have.
  if (rep != nullptr) {
    for (int i = 0; i < n; ++i) free(rep[i]);
    free(rep);
  }
  free(pos);
  free(cut);
  const auto odd = [&](int i) { return (hyphens[static_cast<size_t>(i)] - '0') % 2 == 1; };
  int count = 0;
  for (int i = 0; i < n; ++i) count += odd(i);
  std::vector<int> out;
  out.reserve(static_cast<size_t>(count));
  for (int i = 0; i < n; ++i)
    if (odd(i)) out.push_back(i);
  store().add(key, out);
  return out;
}

// A letter run's breaks: the exception list's when the word is in it; otherwise the
// compound joints, and the patterns' points except those within kJointReach letters of
// a joint, where they would split a part of the compound ("persona-lomsättning").
constexpr int kJointReach = 2;
struct RunBreaks {
  std::vector<int> breaks;  // break after character i of the run, ascending
  std::vector<bool> joint;  // per break: at a compound joint
};
RunBreaks compute_run_breaks(const std::u32string& key) {
  RunBreaks out;
  if (exception_count.load(std::memory_order_acquire) > 0) {
    Exceptions& ex = exceptions();
    std::shared_lock lock(ex.mutex);
    if (auto it = ex.words.find(key); it != ex.words.end()) {
      out.breaks = it->second;
      out.joint.assign(out.breaks.size(), false);
      return out;
    }
  }
  const std::vector<int> patterns = pattern_breaks(key);
  const std::vector<detail::CompoundJoint> joints = detail::compound_joints(key);
  for (int b : patterns) {
    const bool near = std::any_of(
        joints.begin(), joints.end(),
        [&](const detail::CompoundJoint& j) { return std::abs(b + 1 - j.at) <= kJointReach; });
    if (!near) out.breaks.push_back(b);
  }
  // A joint where a letter was dropped ("webbaserade") is not offered: breaking there
  // needs the letter back ("webb-baserade"), which the line setter cannot add.
  for (const detail::CompoundJoint& j : joints)
    if (!j.restored) out.breaks.push_back(j.at - 1);
  std::sort(out.breaks.begin(), out.breaks.end());
  out.breaks.erase(std::unique(out.breaks.begin(), out.breaks.end()), out.breaks.end());
  for (int b : out.breaks)
    out.joint.push_back(
        std::any_of(joints.begin(), joints.end(),
                    [&](const detail::CompoundJoint& j) { return !j.restored && j.at == b + 1; }));
  return out;
}

// Breaks for one run of letters [first, last) of `cps`. Documents repeat their words in
// every inflection and case ("kommunerna", "Kommunerna,"), and asking libhyphen costs
// thousands of instructions a word, so results are kept per thread by lower-cased run
// until the exceptions change.
const RunBreaks& run_breaks(const std::vector<CodePoint>& cps, size_t first, size_t last) {
  struct Cache {
    uint64_t generation = 0;
    std::unordered_map<std::u32string, RunBreaks> runs;
    std::u32string key;
  };
  thread_local Cache cache;
  const uint64_t generation = exceptions_generation.load(std::memory_order_acquire);
  // Bounded like the sort keys (collate.cpp): a long process must not keep every word.
  if (cache.generation != generation || cache.runs.size() > (1u << 18)) {
    cache.runs.clear();
    cache.generation = generation;
  }
  cache.key.clear();
  for (size_t i = first; i < last; ++i) cache.key.push_back(lower(cps[i].cp));
  if (auto it = cache.runs.find(cache.key); it != cache.runs.end()) return it->second;
  return cache.runs.emplace(cache.key, compute_run_breaks(cache.key)).first->second;
}

bool all_upper(const std::vector<CodePoint>& cps, size_t first, size_t last) {
  return std::all_of(cps.begin() + static_cast<std::ptrdiff_t>(first),
                     cps.begin() + static_cast<std::ptrdiff_t>(last),
                     [](const CodePoint& c) { return is_upper(c.cp); });
}

}  // namespace

std::vector<HyphenPoint> hyphenation_candidates(std::string_view word) {
  thread_local std::vector<CodePoint> cps;  // reused: called word after word
  detail::decode_utf8(word, cps);
  thread_local std::vector<HyphenPoint> points;  // copied out at its final size
  std::vector<HyphenPoint>& out = points;
  out.clear();
  size_t i = 0;
  while (i < cps.size()) {
    if (!is_letter(cps[i].cp)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cps.size() && is_letter(cps[j].cp)) ++j;
    const int n = static_cast<int>(j - i);
    // Letters glued to digits ("covid19", "3e") and acronyms ("MUCF", "EU") are not words
    // the patterns know; breaking them would only confuse the reader.
    const bool touches_digit =
        (i > 0 && is_digit(cps[i - 1].cp)) || (j < cps.size() && is_digit(cps[j].cp));
    if (n >= kMinLeft + kMinRight && !touches_digit && !all_upper(cps, i, j)) {
      const RunBreaks& rb = run_breaks(cps, i, j);
      for (size_t k = 0; k < rb.breaks.size(); ++k) {
        const int b = rb.breaks[k];
        if (b + 1 < kMinLeft || n - (b + 1) < kMinRight) continue;
        out.push_back({cps[i + static_cast<size_t>(b)].end, b + 1, n - (b + 1), rb.joint[k]});
      }
    }
    i = j;
  }
  return {out.begin(), out.end()};
}

std::vector<size_t> hyphenation_points(std::string_view word) {
  std::vector<size_t> out;
  for (const HyphenPoint& p : hyphenation_candidates(word)) out.push_back(p.offset);
  return out;
}

std::string hyphenate_visibly(std::string_view word) {
  std::string out;
  size_t last = 0;
  for (size_t p : hyphenation_points(word)) {
    out.append(word.substr(last, p - last));
    out.push_back('-');
    last = p;
  }
  out.append(word.substr(last));
  return out;
}

namespace {

// Parses "stads-dels-nämnd" into its key and breaks; false when the entry is malformed
// (empty part, characters other than letters and hyphens).
bool parse_exception(std::string_view entry, std::u32string& key, std::vector<int>& breaks) {
  key.clear();
  breaks.clear();
  bool after_hyphen = true;
  for (const CodePoint& c : detail::decode_utf8(entry)) {
    if (c.cp == U'-') {
      if (after_hyphen) return false;  // leading or doubled hyphen
      breaks.push_back(static_cast<int>(key.size()) - 1);
      after_hyphen = true;
    } else if (is_letter(c.cp)) {
      key.push_back(lower(c.cp));
      after_hyphen = false;
    } else {
      return false;
    }
  }
  return !key.empty() && !after_hyphen;
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

void set_hyphenation_exceptions(const std::vector<std::string>& words) {
  std::unordered_map<std::u32string, std::vector<int>> parsed;
  std::u32string key;
  std::vector<int> breaks;
  for (const std::string& w : words)
    if (parse_exception(trim(w), key, breaks)) parsed[key] = breaks;
  Exceptions& ex = exceptions();
  std::unique_lock lock(ex.mutex);
  ex.words = std::move(parsed);
  exception_count.store(ex.words.size(), std::memory_order_release);
  exceptions_generation.fetch_add(1, std::memory_order_release);
}

bool load_hyphenation_exceptions(const std::string& path, Diagnostics& diags) {
  // Only a regular text file of modest size is read, and a line is quoted back only when
  // it is printable text: whatever file the setting names, its content never reaches a
  // message unless it looks like a word list.
  constexpr std::uintmax_t kMaxBytes = 4u << 20;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    diags.error(Span{path, 0, 0}, "kan inte läsa avstavningslistan (ingen vanlig fil)");
    return false;
  }
  if (std::filesystem::file_size(path, ec) > kMaxBytes || ec) {
    diags.error(Span{path, 0, 0}, "avstavningslistan är för stor (högst 4 MiB)");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error(Span{path, 0, 0}, "kan inte läsa avstavningslistan");
    return false;
  }
  std::vector<std::string> words;
  std::string line;
  int number = 0;
  bool ok = true;
  std::u32string key;
  std::vector<int> breaks;
  const auto printable = [](std::string_view s) {
    if (s.size() > 80) return false;
    for (unsigned char c : s)
      if (c < 0x20 || c == 0x7F) return false;
    for (const CodePoint& c : detail::decode_utf8(s))
      if (c.cp == 0xFFFD) return false;
    return true;
  };
  while (std::getline(in, line)) {
    ++number;
    const std::string_view entry = trim(line);
    if (entry.empty() || entry.front() == '#') continue;
    if (!parse_exception(entry, key, breaks)) {
      if (!printable(entry)) {
        diags.error(Span{path, number, 1},
                    "avstavningslistan är ingen textfil med ett ord per rad (raden visas inte)");
        return false;
      }
      diags.error(Span{path, number, 1},
                  "ogiltig rad i avstavningslistan: \"" + std::string(entry) +
                      "\" (skriv ett ord per rad med bindestreck där det får avstavas, "
                      "t.ex. stads-dels-nämnd)");
      ok = false;
      continue;
    }
    words.emplace_back(entry);
  }
  set_hyphenation_exceptions(words);
  return ok;
}

void preload_hyphenation(const std::string& cache_dir) {
  // dictionary() is a function-local static: concurrent first calls wait for one load.
  // With a usable store the patterns are loaded only if a word turns out to be new.
  std::promise<void> opened;
  store_opened = opened.get_future().share();
  auto open = [cache_dir](std::promise<void>& done) {
    const bool have_store = store().open(cache_dir, kDictionaryPath);
    done.set_value();
    if (!have_store) dictionary();
  };
  // Without a thread (a process limit under load) the store is opened here, before the
  // run goes on: slower, never an internal error.
  auto shared = std::make_shared<std::promise<void>>(std::move(opened));
  try {
    std::thread([open, shared] { open(*shared); }).detach();
  } catch (const std::system_error&) {
    open(*shared);
  }
}

void save_hyphenation_store() { store().save(); }

}  // namespace rv::sv
