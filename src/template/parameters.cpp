// `skapa -p namn=värde` against the template's `parametrar:` declarations. Checked before
// anything is evaluated: a misspelt parameter or value is an error with a suggestion, never
// a document that silently shows nothing.
#include "template/parameters.hpp"

#include <algorithm>
#include <filesystem>

#include "load/suggest.hpp"
#include "swedish/swedish.hpp"

namespace rv::tmpl {

namespace {

std::string quoted_list(const std::vector<std::string>& items, std::string_view conjunction) {
  std::vector<std::string> q;
  for (const auto& i : items) q.push_back("'" + i + "'");
  return sv::join_list(q, conjunction);
}

std::string suggestion(const std::string& word, const std::vector<std::string>& known) {
  std::vector<std::string_view> views(known.begin(), known.end());
  auto near = load::closest(word, views);
  return near ? "; menade du '" + *near + "'?" : "";
}

}  // namespace

std::optional<Map> bind_parameters(const TemplateSettings& s, const GrantYear& year,
                                   const std::map<std::string, std::string>& given,
                                   Diagnostics& diags) {
  const std::string templ = std::filesystem::path(s.dir).filename().string();
  const size_t errors_before = diags.error_count();
  Map out;
  std::vector<std::string> names;
  for (const auto& [name, def] : s.parameters) names.push_back(name);
  for (const auto& [name, value] : given) {
    auto it = s.parameters.find(name);
    if (it == s.parameters.end()) {
      if (names.empty())
        diags.error(Span{},
                    "-p " + name + "=" + value + ": mallen '" + templ + "' tar inga parametrar");
      else
        diags.error(Span{}, "-p " + name + "=" + value + ": mallen '" + templ +
                                "' har ingen parameter '" + name + "'" + suggestion(name, names) +
                                " (mallens parametrar: " + quoted_list(names, "och") + ")");
      continue;
    }
    const ParameterDef& def = it->second;
    auto has = [](const std::vector<std::string>& list, const std::string& v) {
      return std::find(list.begin(), list.end(), v) != list.end();
    };
    std::vector<std::string> allowed = def.values, present;
    for (const auto& g : year.groups)
      if (has(def.groups, g.id)) present.push_back(g.id);
    allowed.insert(allowed.end(), present.begin(), present.end());
    const std::string which = "-p " + name + "=" + value + ": ";
    if (has(def.groups, value) && !has(present, value)) {
      // A group the template knows but this year's data lacks (no NGOs this year).
      diags.error(Span{}, which + "datasetet har ingen grupp '" + value + "'" +
                              (present.empty()
                                   ? std::string()
                                   : " (grupperna i data: " + quoted_list(present, "och") + ")"));
      continue;
    }
    if ((!def.values.empty() || !def.groups.empty()) && !has(allowed, value)) {
      diags.error(Span{}, which + "okänt värde för parametern '" + name + "'" +
                              suggestion(value, allowed) +
                              " (möjliga värden: " + quoted_list(allowed, "eller") + ")");
      continue;
    }
    out[name] = Value(value);
  }
  for (const auto& [name, def] : s.parameters)
    if (!out.count(name) && !given.count(name) && def.default_value)
      out[name] = Value(*def.default_value);
  if (diags.error_count() > errors_before) return std::nullopt;
  return out;
}

}  // namespace rv::tmpl
