// egna_fält: fields of the organisation's own on recipients (`län: text`), declared under
// bidrag (every group) or under a group, and read on each recipient as the declared type.
//
// Declarations are read from every file before any recipient, so a recipient file may
// come before the file that declares its fields in name order.
#include <algorithm>
#include <charconv>

#include "load/state.hpp"
#include "load/suggest.hpp"

namespace rv::load {

const std::vector<std::string_view> kRecipientKeys = {
    "namn",       "ansökan",    "fördelningsnyckel", "sökt",
    "rekvirerat", "beviljat",   "omfördelat",        "fördelat",
    "förbrukat",  "oförbrukat", "vill_ha_mer",       "återrapporterat",
    "status",     "anmärkning", "adressat",          "utdelningsadress",
    "postnummer", "postort"};

namespace {

// The names templates see on a recipient besides those (template/bind.cpp,
// batch/recipients.cpp): an own field of the same name would be hidden by them.
const std::vector<std::string_view> kRecipientTemplateKeys = {
    "andel_förbrukat", "andel_oförbrukat", "beviljad",          "grupp",  "organisation",
    "grupp_etikett",   "grupp_singular",   "grupp_tidsfrister", "belopp", "nyckel",
    "nyckel_text",     "minimibelopp",     "grundbelopp"};

// The value of `key` in a mapping, or a null node: yaml-cpp's operator[] on a missing key
// gives a node that throws when asked anything but IsDefined().
YAML::Node child(const YAML::Node& map, std::string_view key) {
  if (!map.IsMap()) return YAML::Node();
  for (const auto& kv : map)
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
  return YAML::Node();
}

constexpr const char* kTypeWords[] = {"text", "heltal", "belopp", "datum", "ja_nej"};

std::optional<FieldType> parse_type(const std::string& s) {
  if (s == "text") return FieldType::Text;
  if (s == "heltal") return FieldType::Integer;
  if (s == "belopp") return FieldType::Money;
  if (s == "datum") return FieldType::CalendarDate;
  if (s == "ja_nej") return FieldType::YesNo;
  return std::nullopt;
}

std::string list_text(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : ", ") + words[i];
  return out;
}

std::string or_list(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " eller " : ", ") + words[i];
  return out;
}

// One `egna_fält:` mapping, for `group` (empty: every group).
void read_decls(LoadState& st, const SourceFile& f, const YAML::Node& n, const std::string& group,
                std::map<std::string, Span>& declared) {
  if (!n.IsMap()) {
    st.diags.error(f.span(n), "'egna_fält' ska vara en mappning från fältnamn till typ, men är " +
                                  describe(n));
    return;
  }
  for (const auto& kv : n) {
    FieldDecl d;
    d.span = f.span(kv.first);
    d.group = group;
    auto name = as_name(f, kv.first, st.diags, "egna_fält");
    if (!name || name->empty()) continue;
    d.name = *name;
    auto is = [&](std::string_view k) { return k == d.name; };
    bool builtin = std::any_of(kRecipientKeys.begin(), kRecipientKeys.end(), is) ||
                   std::any_of(kRecipientTemplateKeys.begin(), kRecipientTemplateKeys.end(), is);
    if (builtin) {
      st.diags.error(d.span, "'" + d.name +
                                 "' är redan ett fält hos mottagarna och kan inte deklareras "
                                 "som eget fält; välj ett annat namn");
      continue;
    }
    const YAML::Node& t = kv.second;
    if (t.IsSequence()) {
      d.type = FieldType::Choice;
      for (const auto& c : t)
        if (auto v = as_name(f, c, st.diags, d.name)) d.choices.push_back(*v);
      if (t.size() == 0)
        st.diags.error(f.span(t),
                       "listan av tillåtna värden för det egna fältet '" + d.name + "' är tom");
    } else if (auto type = t.IsScalar() ? parse_type(t.Scalar()) : std::nullopt) {
      d.type = *type;
    } else {
      std::vector<std::string> words(std::begin(kTypeWords), std::end(kTypeWords));
      std::vector<std::string_view> views(words.begin(), words.end());
      auto sug = t.IsScalar() ? closest(t.Scalar(), views) : std::nullopt;
      st.diags.error(f.span(t),
                     "okänd typ " + (t.IsScalar() ? "'" + t.Scalar() + "'" : describe(t)) +
                         " för det egna fältet '" + d.name + "'" +
                         (sug ? " (menade du '" + *sug + "'?)" : "") + "; möjliga typer: " +
                         list_text(words) + " eller en lista av tillåtna värden");
      continue;
    }
    // Declared twice for the same recipients: for every group, or twice for one group.
    auto clash = [&](const std::string& key) {
      auto it = declared.find(key);
      if (it == declared.end()) return false;
      st.diags.error(d.span, "det egna fältet '" + d.name + "' är redan deklarerat i " +
                                 it->second.file + ":" + std::to_string(it->second.line));
      return true;
    };
    if (clash("\n" + d.name)) continue;
    if (group.empty()) {
      bool any = false;
      for (const auto& [key, where] : declared)
        if (!any && key.size() > d.name.size() &&
            key.compare(key.size() - d.name.size() - 1, std::string::npos, "\n" + d.name) == 0)
          any = clash(key);
      if (any) continue;
    } else if (clash(group + "\n" + d.name)) {
      continue;
    }
    declared.emplace(group + "\n" + d.name, d.span);
    st.year.field_decls.push_back(std::move(d));
  }
}

}  // namespace

void read_field_decls(LoadState& st, const SourceFile& f, const YAML::Node& root) {
  if (YAML::Node decls = child(child(root, "bidrag"), "egna_fält"); !decls.IsNull())
    read_decls(st, f, decls, "", st.field_declared);
  const YAML::Node groups = child(root, "grupper");
  if (!groups.IsSequence()) return;
  for (const auto& g : groups) {
    const YAML::Node decls = child(g, "egna_fält"), id = child(g, "id");
    if (decls.IsNull()) continue;
    if (!id.IsScalar() || id.Scalar().empty()) continue;  // reported when the group is read
    read_decls(st, f, decls, id.Scalar(), st.field_declared);
  }
}

bool has_field_decls(const YAML::Node& root) {
  if (!child(child(root, "bidrag"), "egna_fält").IsNull()) return true;
  const YAML::Node groups = child(root, "grupper");
  if (!groups.IsSequence()) return false;
  for (const auto& g : groups)
    if (!child(g, "egna_fält").IsNull()) return true;
  return false;
}

std::vector<const FieldDecl*> fields_for(const LoadState& st, const std::string& group) {
  std::vector<const FieldDecl*> out;
  for (const auto& d : st.year.field_decls)
    if (d.group.empty() || d.group == group) out.push_back(&d);
  return out;
}

void read_field_values(MapReader& m, const std::vector<const FieldDecl*>& decls, Recipient& r) {
  for (const FieldDecl* d : decls) {
    const std::string& k = d->name;
    // An empty value (`län:`) is no value, as for the built-in fields.
    if (!m.has(k) || m.find(k).IsNull()) continue;
    FieldValue v;
    v.type = d->type;
    v.span = m.value_span(k);
    bool ok = false;
    switch (d->type) {
      case FieldType::Text:
        if (auto t = m.text(k)) v.text = *t, ok = true;
        break;
      case FieldType::Integer: {
        YAML::Node n = m.find(k);
        const std::string& s = n.IsScalar() ? n.Scalar() : std::string();
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v.number);
        if (n.IsScalar() && n.Tag() == "?" && !s.empty() && ec == std::errc() &&
            p == s.data() + s.size())
          ok = true;
        else
          m.error_at(k, "'" + k + "' ska vara ett heltal, men är " + describe(n));
        break;
      }
      case FieldType::Money:
        if (auto a = m.amount(k)) v.number = *a, ok = true;
        break;
      case FieldType::CalendarDate:
        if (auto a = m.date(k)) v.date = *a, ok = true;
        break;
      case FieldType::YesNo:
        if (auto a = m.yes_no(k)) v.yes = *a, ok = true;
        break;
      case FieldType::Choice:
        if (auto t = m.name(k)) {
          if (std::find(d->choices.begin(), d->choices.end(), *t) != d->choices.end()) {
            v.text = *t, ok = true;
          } else {
            std::vector<std::string_view> views(d->choices.begin(), d->choices.end());
            auto sug = closest(*t, views);
            m.error_at(k, "'" + k + "' ska vara ett av " + or_list(d->choices) + ", inte '" + *t +
                              "'" + (sug ? " (menade du '" + *sug + "'?)" : ""));
          }
        }
        break;
    }
    if (ok) r.fields.emplace(k, v);
  }
}

}  // namespace rv::load
