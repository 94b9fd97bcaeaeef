#include "template/crossref.hpp"

#include <map>
#include <string_view>

#include "load/suggest.hpp"
#include "swedish/swedish.hpp"

namespace rv::tmpl {

namespace {

struct Target {
  std::string what;    // "tabellen", "diagrammet", "rubriken"
  std::string number;  // "tabell 3", "diagram 2", "”Metod”"; empty: not numbered
  int count = 0;
};

// "Tabell 3." → "tabell 3".
std::string number_text(const std::string& label) {
  std::string s = label;
  while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
  return sv::lowercase(s.substr(0, s.find(' '))) +
         (s.find(' ') == std::string::npos ? "" : s.substr(s.find(' ')));
}

void collect(const std::vector<doc::Block>& blocks, std::map<std::string, Target>& targets) {
  for (const doc::Block& b : blocks)
    std::visit(
        [&](const auto& n) {
          using T = std::decay_t<decltype(n)>;
          auto add = [&](const std::string& id, std::string what, std::string number) {
            if (id.empty()) return;
            Target& t = targets[id];
            if (t.count++ == 0) t = Target{std::move(what), std::move(number), 1};
          };
          if constexpr (std::is_same_v<T, doc::Heading>) {
            add(n.id, "rubriken", "”" + doc::plain_text(n.content) + "”");
          } else if constexpr (std::is_same_v<T, doc::Table>) {
            add(n.id, "tabellen", n.label.empty() ? "" : number_text(n.label));
          } else if constexpr (std::is_same_v<T, doc::BarChart>) {
            add(n.id, "diagrammet", n.label.empty() ? "" : number_text(n.label));
          } else if constexpr (std::is_same_v<T, doc::List>) {
            for (const doc::ListItem& item : n.items) collect(item.blocks, targets);
          } else if constexpr (std::is_same_v<T, doc::BlockQuote>) {
            collect(n.blocks, targets);
          }
        },
        b.node);
}

}  // namespace

void resolve_cross_references(std::vector<doc::Block>& blocks, const Expansion& ex,
                              Diagnostics& diags) {
  if (ex.refs.empty()) return;
  std::map<std::string, Target> targets;
  collect(blocks, targets);
  std::vector<std::string_view> names;
  for (const auto& [id, t] : targets) names.push_back(id);
  std::vector<bool> seen(ex.refs.size());
  doc::each_inlines(blocks, [&](doc::Inlines& in) {
    for (doc::Inline& i : in) {
      if (i.cross_ref < 0) continue;
      const CrossRef& r = ex.refs[static_cast<size_t>(i.cross_ref)];
      seen[static_cast<size_t>(i.cross_ref)] = true;
      i.cross_ref = -1;
      const std::string call = (r.page ? "sida(\"" : "ref(\"") + r.id + "\")";
      auto t = targets.find(r.id);
      if (t == targets.end()) {
        std::string hint;
        if (auto s = load::closest(r.id, names)) hint = " (menade du '" + *s + "'?)";
        diags.error(r.span, call + ": ingen tabell, inget diagram och ingen rubrik {#" + r.id +
                                "} i dokumentet heter '" + r.id + "'" + hint);
        continue;
      }
      if (t->second.count > 1) {
        diags.error(r.span, call + ": " + t->second.what + " '" + r.id + "' finns " +
                                std::to_string(t->second.count) +
                                " gånger i dokumentet, så hänvisningen är inte entydig");
        continue;
      }
      i.link_id = r.id;
      if (r.page) {
        i.kind = doc::InlineKind::PageRef;
        continue;
      }
      if (t->second.number.empty()) {
        diags.error(r.span, call + ": " + t->second.what + " '" + r.id +
                                "' har inget nummer (numrerad: nej); hänvisa med sida(…)");
        continue;
      }
      i.text = r.capital ? sv::capitalize(t->second.number) : t->second.number;
    }
  });
  for (size_t k = 0; k < ex.refs.size(); ++k)
    if (!seen[k])
      diags.error(ex.refs[k].span, std::string(ex.refs[k].page ? "sida" : "ref") +
                                       "(…) ska stå direkt i {{ }} i brödtexten, utan filter och "
                                       "inte i {% set %} eller ett mönster");
}

}  // namespace rv::tmpl
