// The `mottagare` record of each grant: the appendix row plus its group and its line of
// the group's allocation.
#include <set>

#include "batch/batch.hpp"

namespace rv::batch {

using tmpl::List;
using tmpl::Map;
using tmpl::Value;

namespace {

// The allocation's line per recipient name (grupper.<g>.fördelning.rader).
std::map<std::string, const Value*> allocation_lines(const Value& group) {
  std::map<std::string, const Value*> out;
  const Value* alloc = group.get("fördelning");
  const Value* rows = alloc && alloc->is_map() ? alloc->get("rader") : nullptr;
  if (!rows || !rows->is_list()) return out;
  for (const Value& r : rows->as_list())
    if (const Value* n = r.get("namn"); n && n->is_str()) out.emplace(n->as_str(), &r);
  return out;
}

Value field_or_null(const Value* record, const char* key) {
  const Value* v = record ? record->get(key) : nullptr;
  return v ? *v : Value();
}

// The grant's deadlines written for one group ("Kommuner: sista rekvisitionsdatum …"),
// without the group's prefix: the dates a letter to one of the group's members names.
Value group_deadlines(const Value& context, const Value* label) {
  List out;
  const Value* grant = context.get("bidrag");
  const Value* all = grant ? grant->get("tidsfrister") : nullptr;
  if (!all || !all->is_list() || !label || !label->is_str()) return Value(std::move(out));
  const std::string prefix = label->as_str() + ": ";
  for (const Value& d : all->as_list()) {
    const Value* text = d.get("beskrivning");
    if (!text || !text->is_str() || !text->as_str().starts_with(prefix)) continue;
    Map m = d.as_map();
    m["beskrivning"] = Value(text->as_str().substr(prefix.size()));
    out.push_back(Value(std::move(m)));
  }
  return Value(std::move(out));
}

}  // namespace

std::vector<Value> recipients(const Value& context) {
  std::vector<Value> out;
  const Value* groups = context.get("grupplista");
  if (!groups || !groups->is_list()) return out;
  for (const Value& g : groups->as_list()) {
    const Value* rows = g.get("alla_rader");
    if (!rows || !rows->is_list()) continue;
    auto lines = allocation_lines(g);
    const Value deadlines = group_deadlines(context, g.get("etikett"));
    for (const Value& row : rows->as_list()) {
      Map m = row.as_map();
      m["grupp_etikett"] = field_or_null(&g, "etikett");
      m["grupp_singular"] = field_or_null(&g, "singular");
      m["grupp_tidsfrister"] = deadlines;
      // The allocation rule's result for this recipient. A rejected NGO application has
      // no line: its amount is unknown rather than 0 kr.
      const Value* organisation = row.get("organisation");
      const Value* line = nullptr;
      for (const Value* n : {row.get("namn"), organisation})
        if (!line && n && n->is_str())
          if (auto it = lines.find(n->as_str()); it != lines.end()) line = it->second;
      for (const char* k : {"belopp", "nyckel", "nyckel_text", "minimibelopp", "grundbelopp"})
        m[k] = field_or_null(line, k);
      // Where there is no allocation specification the key column is the amount offered.
      if (!line) m["belopp"] = field_or_null(&row, "fördelningsnyckel");
      // The postal address is optional in the data set: a record without it has the
      // fields as null, so that `mottagare.utdelningsadress | finns` tells.
      for (const char* k : {"adressat", "utdelningsadress", "postnummer", "postort"})
        m.emplace(k, Value());
      out.push_back(Value(std::move(m)));
    }
  }
  return out;
}

std::vector<std::string> field_names(const std::vector<Value>& records) {
  std::set<std::string> names;
  for (const Value& r : records)
    for (const auto& [k, v] : r.as_map()) {
      names.insert(k);
      if (v.is_map())
        for (const auto& [sub, unused] : v.as_map()) names.insert(k + "." + sub);
    }
  return {names.begin(), names.end()};
}

}  // namespace rv::batch
