// The template's named data sources (källor: in mall.yaml), evaluated once per document
// before the body: filtered rows, or groups of them (by a field, or by classes of a
// number) with counts, sums, highest and lowest values.
#include <algorithm>

#include "swedish/swedish.hpp"
#include "template/settings.hpp"

namespace rv::tmpl {

namespace {

struct Group {
  Value key;  // gruppera: the distinct value
  std::string label;
  std::optional<int64_t> from, to;  // klasser: the class's bounds (inclusive)
  List rows;
};

std::string number_text(int64_t n, const std::string& unit) {
  return sv::integer(n) + (unit.empty() ? "" : "\u00A0" + unit);
}

// "under 500 000 kr", "500 000–999 999 kr", "1 000 000 kr eller mer".
std::vector<Group> classes(const SourceDef& q) {
  std::vector<Group> out;
  const auto& l = q.class_limits;
  for (size_t i = 0; i <= l.size(); ++i) {
    Group g;
    if (i > 0) g.from = l[i - 1];
    if (i < l.size()) g.to = l[i] - 1;
    if (i < q.class_labels.size())
      g.label = q.class_labels[i];
    else if (i == 0)
      g.label = "under " + number_text(l[0], q.class_unit);
    else if (i == l.size())
      g.label = number_text(l[i - 1], q.class_unit) + " eller mer";
    else
      g.label = sv::integer(l[i - 1]) + "–" + number_text(l[i] - 1, q.class_unit);
    out.push_back(std::move(g));
  }
  return out;
}

bool less(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    auto x = a.as_fraction(), y = b.as_fraction();
    return static_cast<__int128>(x.num) * y.den < static_cast<__int128>(y.num) * x.den;
  }
  return sv::collate_less(to_text(a), to_text(b));
}

class SourceBuilder {
 public:
  SourceBuilder(const SourceDef& q, const Value& context, Diagnostics& diags)
      : q_(q), owner_("källan '" + q.id + "': "), diags_(diags), ex_(context, {}, nullptr, own_) {}
  ~SourceBuilder() { append_repeated(diags_, own_, owner_, "rader", rows_seen_); }

  Value build() {
    Value rows = ex_.eval(q_.rows);
    if (!rows.is_list()) {
      if (!rows.is_null())
        own_.error(q_.rows->span, "'källa' ska ge en lista, men gav " + kind_name(rows.kind()));
      return Value();
    }
    Value& rad = ex_.push_local("rad");
    List kept;
    for (const Value& r : rows.as_list()) {
      ++rows_seen_;
      rad = r;
      if (!q_.where || ex_.eval(q_.where).truthy()) kept.push_back(r);
    }
    if (!q_.group_by && !q_.class_value) return Value(std::move(kept));
    std::vector<Group> groups = q_.class_value ? classes(q_) : std::vector<Group>{};
    for (const Value& r : kept) {
      rad = r;
      if (Group* g = q_.class_value ? class_of(r, groups) : group_of(r, groups))
        g->rows.push_back(r);
    }
    if (q_.group_by)
      std::stable_sort(groups.begin(), groups.end(),
                       [](const Group& a, const Group& b) { return less(a.key, b.key); });
    List out;
    for (Group& g : groups) out.push_back(record(g, rad));
    ex_.pop_local();
    return Value(std::move(out));
  }

 private:
  Group* group_of(const Value& r, std::vector<Group>& groups) {
    Value key = ex_.eval(q_.group_by);
    if (key.is_null() || key.is_list() || key.is_map()) {
      if (!key.is_null() || !own_.has_errors())
        own_.error(q_.group_by->span,
                   "'gruppera' ska ge en text eller ett tal för varje rad" + name_of(r));
      return nullptr;
    }
    for (Group& g : groups)
      if (to_text(g.key) == to_text(key)) return &g;
    Group g;
    g.key = key;
    g.label = to_text(key);
    groups.push_back(std::move(g));
    return &groups.back();
  }

  Group* class_of(const Value& r, std::vector<Group>& groups) {
    Value v = ex_.eval(q_.class_value);
    if (!v.is_int()) {
      if (!own_.has_errors())
        own_.error(q_.class_value->span,
                   "klassernas 'värde' ska ge ett heltal för varje rad" + name_of(r) +
                       (v.is_null() ? " (värdet saknas: välj bort raden med 'villkor')" : ""));
      return nullptr;
    }
    for (Group& g : groups)
      if ((!g.from || v.as_int() >= *g.from) && (!g.to || v.as_int() <= *g.to)) return &g;
    return nullptr;
  }

  static std::string name_of(const Value& r) {
    const Value* n = r.is_map() ? r.get("namn") : nullptr;
    return n && n->is_str() ? " (först '" + n->as_str() + "')" : "";
  }

  // The group's record: grupp, antal, rader, från/till for a class, and the columns. A sum
  // over a row without the value is no value: a figure never reported is never added in.
  Value record(const Group& g, Value& rad) {
    Map m;
    m["grupp"] = Value(g.label);
    if (q_.group_by) m["värde"] = g.key;
    m["antal"] = Value(static_cast<int64_t>(g.rows.size()));
    m["från"] = g.from ? Value(*g.from) : Value();
    m["till"] = g.to ? Value(*g.to) : Value();
    for (const AggregateDef& c : q_.columns) {
      if (c.function == "antal") {
        m[c.name] = Value(static_cast<int64_t>(g.rows.size()));
        continue;
      }
      std::optional<int64_t> acc;
      bool unknown = false;
      for (const Value& r : g.rows) {
        rad = r;
        Value v = ex_.eval(c.value);
        if (v.is_null()) {
          unknown = true;
          continue;
        }
        if (!v.is_int()) {
          own_.error(c.value->span, "kolumnen '" + c.name + "': " + c.function +
                                        " kräver heltal, men fick " + kind_name(v.kind()));
          return Value(std::move(m));
        }
        int64_t x = v.as_int();
        if (!acc) {
          acc = x;
        } else if (c.function == "summa") {
          if (__builtin_add_overflow(*acc, x, &*acc)) {
            own_.error(c.value->span, "kolumnen '" + c.name + "': summan blir för stor");
            return Value(std::move(m));
          }
        } else {
          acc = c.function == "högst" ? std::max(*acc, x) : std::min(*acc, x);
        }
      }
      // An empty group sums to 0 (nothing), but has no highest or lowest value.
      if (!acc && c.function == "summa" && !unknown) acc = 0;
      m[c.name] = acc && !unknown ? Value(*acc) : Value();
    }
    m["rader"] = Value(g.rows);
    return Value(std::move(m));
  }

  const SourceDef& q_;
  std::string owner_;
  Diagnostics& diags_;
  Diagnostics own_;
  Expander ex_;
  int64_t rows_seen_ = 0;
};

}  // namespace

Value compute_sources(const TemplateSettings& s, const Value& context, Diagnostics& diags) {
  Map out;
  for (const auto& [id, q] : s.sources) out[id] = SourceBuilder(q, context, diags).build();
  return Value(std::move(out));
}

}  // namespace rv::tmpl
