// The group allocation cache: one entry per specification file, keyed by its path and a
// hash of its text; the code version (src/cache) covers src/stats, so a changed rule or
// parser never reads an old entry.
#include "stats/allocation_cache.hpp"

#include <stdexcept>

#include "cache/cache.hpp"
#include "load/archive.hpp"

namespace rv::stats {

namespace {

using load::io_optional;
using load::io_vector;

template <typename A>
void io(A& a, Span& s) {
  a(s.file), a(s.line), a(s.col);
}
// A span in the specification itself: its file is the specification's, not stored 600 times.
template <typename A>
void io(A& a, Span& s, const std::string& file) {
  bool same = s.file == file;
  a(same);
  if (!same) a(s.file);
  if constexpr (A::reading)
    if (same) s.file = file;
  a(s.line), a(s.col);
}
template <typename A>
void io(A& a, std::optional<Amount>& o) {
  io_optional(a, o, [](A& ar, Amount& v) { ar(v); });
}
template <typename A>
void io(A& a, AllocationSpec& s) {
  a(s.file), a(s.title), a(s.amount), a(s.rule), a(s.key_name), a(s.basis);
  io(a, s.base), io(a, s.minimum);
  io(a, s.threshold), a(s.threshold_text), a(s.key_decimals), a(s.order), a(s.display);
  const std::string& file = s.file;
  io_vector(a, s.fixed,
            [&](A& ar, FixedAmount& f) { ar(f.name), ar(f.amount), io(ar, f.span, file); });
  io_vector(a, s.recipients, [&](A& ar, AllocationEntry& e) {
    ar(e.name), io(ar, e.key), ar(e.key_text), io(ar, e.span, file);
  });
  a(s.group), io(a, s.span, file), io(a, s.amount_span, file), io(a, s.base_span, file);
  io(a, s.minimum_span, file), io(a, s.group_span, file);
}
template <typename A>
void io(A& a, Allocation& x) {
  a(x.title), a(x.key_name), a(x.rule), a(x.key_decimals), a(x.amount);
  io_vector(a, x.lines, [](A& ar, AllocationLine& l) {
    ar(l.name), io(ar, l.key), ar(l.key_text), ar(l.amount), ar(l.fixed);
    ar(l.raised_to_minimum), ar(l.base_part);
  });
}
template <typename A>
void io(A& a, ComputedAllocation& c) {
  io_optional(a, c.result, [](A& ar, GroupAllocation& g) { io(ar, g.spec), io(ar, g.allocation); });
  std::vector<Diagnostic> items = c.diags.all();
  io_vector(a, items, [](A& ar, Diagnostic& d) { ar(d.severity), io(ar, d.span), ar(d.message); });
  if constexpr (A::reading) {
    c.diags = Diagnostics();
    for (auto& d : items) c.diags.add(std::move(d));
  }
}

std::string entry_name(const std::string& path, const std::string& text) {
  return "fordelning-" + cache::hex(cache::hash64(text, cache::hash64(path, 2))) + ".rvc";
}

std::string entry_key(const std::string& path, const std::string& text) {
  return "fördelning\n" + path + "\n" + cache::hex(cache::hash64(text)) + "\n" +
         std::to_string(text.size()) + "\n";
}

}  // namespace

std::optional<ComputedAllocation> read_cached_allocation(const std::string& path,
                                                         const std::string& text) {
  auto dir = cache::dir();
  if (!dir) return std::nullopt;
  auto payload = cache::read_entry(*dir, entry_name(path, text), entry_key(path, text));
  if (!payload) return std::nullopt;
  try {
    load::ArchiveReader r(*payload);
    ComputedAllocation c;
    io(r, c);
    if (!r.at_end()) return std::nullopt;
    return c;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged entry is a miss
  }
}

void write_cached_allocation(const std::string& path, const std::string& text,
                             const ComputedAllocation& c) {
  auto dir = cache::dir();
  if (!dir) return;
  load::ArchiveWriter w;
  ComputedAllocation copy = c;
  io(w, copy);
  cache::write_entry(*dir, entry_name(path, text), entry_key(path, text), w.out);
}

}  // namespace rv::stats
