// apply_group_allocations: a group's fördelningsnyckel from its specification.
#include "stats/group_allocation.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>

#include "load/load.hpp"
#include "load/reader.hpp"
#include "stats/allocation_cache.hpp"

namespace rv::stats {

namespace {

// "172 971 kr", as the loader's diagnostics write amounts (plain spaces).
using load::kr;

// "fil:rad:kolumn", as diagnostics print positions.
std::string position(const Span& s) {
  std::string out = s.file;
  if (s.line > 0) out += ":" + std::to_string(s.line);
  if (s.line > 0 && s.col > 0) out += ":" + std::to_string(s.col);
  return out;
}

ComputedAllocation compute_text(const std::string& file, const std::string& text) {
  ComputedAllocation c;
  SpecRead read = parse_allocation_spec(file, text);
  c.diags.append(read.diags);
  if (!read.ok()) return c;
  AllocationOutcome out = allocate(*read.spec);
  c.diags.append(out.diags);
  if (out.allocation) c.result = GroupAllocation{std::move(*read.spec), std::move(*out.allocation)};
  return c;
}

// A render reads a group's specification twice (to apply it, then for the templates), and
// parsing 290 rows of YAML costs milliseconds: the last few results are kept in memory, and
// between runs in the cache folder (stats/allocation_cache.hpp), by path and content, so an
// edited file is read again.
std::optional<GroupAllocation> compute(const std::string& file, Diagnostics* diags) {
  static std::mutex mutex;
  static std::deque<std::pair<std::pair<std::string, std::string>, ComputedAllocation>> recent;
  std::string text;
  if (!load::read_file(file, text)) {
    if (diags) diags->error(Span{file, 0, 0}, "kan inte läsa filen");
    return std::nullopt;
  }
  std::lock_guard lock(mutex);
  auto it = std::find_if(recent.begin(), recent.end(), [&](const auto& e) {
    return e.first.first == file && e.first.second == text;
  });
  if (it == recent.end()) {
    std::optional<ComputedAllocation> c = read_cached_allocation(file, text);
    if (!c) {
      c = compute_text(file, text);
      write_cached_allocation(file, text, *c);
    }
    if (recent.size() == 8) recent.pop_front();
    recent.emplace_back(std::pair{file, text}, std::move(*c));
    it = std::prev(recent.end());
  }
  if (diags) diags->append(it->second.diags);
  return it->second.result;
}

// The checks read_recipients makes for a stated key, for a computed one; and one that
// needs the key either way: unclaimed funds went to those who requisitioned their share.
void check_against_key(const Recipient& r, bool computed, Diagnostics& diags) {
  if (!r.key || !r.granted) return;
  if (computed && *r.granted > *r.key)
    diags.warning(r.span, r.display_name() + " har rekvirerat " + kr(*r.granted) +
                              ", mer än fördelningsnyckelns " + kr(*r.key));
  if (r.reallocated.value_or(0) > 0 && *r.granted < *r.key)
    diags.warning(r.span, r.display_name() + " fick del av omfördelningen (" + kr(*r.reallocated) +
                              ") men rekvirerade " + kr(*r.granted) +
                              ", mindre än fördelningsnyckelns " + kr(*r.key));
}

void apply_one(GrantYear& year, const GroupAllocation& ga, Diagnostics& diags) {
  const AllocationSpec& spec = ga.spec;
  const Group* group = year.find_group(spec.group);
  if (!group) {
    diags.error(spec.group_span, "okänd grupp '" + spec.group +
                                     "' i fördelningsspecifikationen; grupper definieras under "
                                     "'grupper'");
    return;
  }
  std::map<std::string, Span> spec_line;
  for (const auto& e : spec.recipients) spec_line[e.name] = e.span;
  for (const auto& e : spec.fixed) spec_line[e.name] = e.span;
  std::map<std::string, Recipient*> by_name;
  for (auto& r : year.recipients)
    if (r.group == spec.group) by_name[r.display_name()] = &r;

  Amount key_total = 0;
  for (const auto& line : ga.allocation.lines) {
    auto it = by_name.find(line.name);
    if (it == by_name.end()) {
      diags.error(spec_line[line.name], "'" + line.name + "' finns inte bland " +
                                            group->noun.plural + " i datasetet (gruppen '" +
                                            spec.group + "')");
      continue;
    }
    Recipient& r = *it->second;
    by_name.erase(it);
    bool computed = !r.key;
    if (computed) {
      r.key = line.amount;
    } else if (*r.key != line.amount) {
      Amount diff = *r.key - line.amount;
      diags.warning(r.span, r.display_name() + ": fördelningsnyckeln är " + kr(*r.key) +
                                ", men regeln i " + position(spec_line[line.name]) + " ger " +
                                kr(line.amount) + " (" + kr(diff < 0 ? -diff : diff) +
                                (diff < 0 ? " mindre)" : " mer)"));
    }
    key_total += line.amount;  // a decided figure's difference is reported above, once
    check_against_key(r, computed, diags);
  }
  for (const auto& [name, r] : by_name)
    diags.warning(r->span, name + " saknas i fördelningsspecifikationen " + spec.file +
                               " och får ingen fördelningsnyckel av regeln");
  if (group->declared_key_total && *group->declared_key_total != key_total)
    diags.warning(group->span, "summan av fördelningsnyckeln för " + group->id + " är " +
                                   kr(key_total) + ", men den deklarerade summan är " +
                                   kr(*group->declared_key_total) + " (skillnad " +
                                   kr(*group->declared_key_total - key_total) + ")");
}

}  // namespace

std::vector<GroupAllocation> apply_group_allocations(GrantYear& year, Diagnostics& diags) {
  std::vector<GroupAllocation> out;
  for (const auto& [group, file] : year.key_specs) {
    auto ga = compute(file, &diags);
    if (!ga) continue;
    apply_one(year, *ga, diags);
    out.push_back(std::move(*ga));
  }
  return out;
}

std::optional<GroupAllocation> group_allocation(const GrantYear& year, const std::string& group) {
  auto it = year.key_specs.find(group);
  if (it == year.key_specs.end()) return std::nullopt;
  return compute(it->second, nullptr);
}

}  // namespace rv::stats
