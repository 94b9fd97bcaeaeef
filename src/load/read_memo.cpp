// dokument: the organisation's own wording for a memo (kommun, förvaltning_i_text, beredning,
// bakgrund, kolumnrubriker, bilagor), so that one memo template serves any municipality.
#include "load/state.hpp"
#include "load/suggest.hpp"

namespace rv::load {

namespace {

// The roles a memo table's columns can be renamed by (kolumnrubriker:).
const std::vector<std::string> kColumnRoles = {"mottagare", "belopp"};

void claim_text(LoadState& st, MapReader& m, std::string_view key, std::string& target) {
  if (auto v = m.text(key); v && m.has(key))
    if (st.claim("dokument." + std::string(key), *v, m.value_span(key))) target = *v;
}

std::string kinds_text() {
  std::string out;
  for (size_t i = 0; i < std::size(kConsultationKinds); ++i)
    out += std::string(i == 0                                   ? ""
                       : i + 1 == std::size(kConsultationKinds) ? " och "
                                                                : ", ") +
           kConsultationKinds[i];
  return out;
}

std::optional<std::string> known_kind(MapReader& cm) {
  auto k = cm.text("sätt", true);
  if (!k) return std::nullopt;
  std::vector<std::string_view> known(std::begin(kConsultationKinds), std::end(kConsultationKinds));
  for (auto kind : known)
    if (*k == kind) return k;
  auto near = closest(*k, known);
  cm.error_at("sätt", "okänt sätt '" + *k + "'" +
                          (near ? "; menade du '" + *near + "'?" : std::string()) +
                          " (möjliga: " + kinds_text() + ")");
  return std::nullopt;
}

void read_consultations(LoadState& st, const SourceFile& f, const YAML::Node& n,
                        std::vector<Consultation>& out) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'beredning' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader cm(f, item, "beredningen", st.diags, {"namn", "datum", "sätt"});
    if (!cm.is_map()) continue;
    Consultation c;
    c.span = cm.span();
    auto name = cm.text("namn", true);
    auto date = cm.date("datum", true);
    auto kind = known_kind(cm);
    if (!name || !date || !kind) continue;
    c.name = *name, c.date = *date, c.kind = *kind;
    out.push_back(c);
  }
}

void read_column_headings(LoadState& st, const SourceFile& f, const YAML::Node& n,
                          std::map<std::string, std::string>& out) {
  std::vector<std::string_view> roles(kColumnRoles.begin(), kColumnRoles.end());
  MapReader hm(f, n, "kolumnrubrikerna", st.diags, roles);
  if (!hm.is_map()) return;
  for (const auto& role : kColumnRoles)
    if (auto v = hm.text(role); v && hm.has(role))
      if (st.claim("dokument.kolumnrubriker." + role, *v, hm.value_span(role))) out[role] = *v;
}

void read_appendices(LoadState& st, const SourceFile& f, const YAML::Node& n,
                     std::vector<std::string>& out) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'bilagor' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n)
    if (auto v = as_text(f, item, st.diags, "bilagan")) out.push_back(*v);
}

}  // namespace

void read_memo_wording(LoadState& st, const SourceFile& f, MapReader& m, DocumentMeta& d) {
  claim_text(st, m, "kommun", d.municipality);
  claim_text(st, m, "kommun_i_text", d.municipality_in_text);
  claim_text(st, m, "förvaltning_i_text", d.organisation_in_text);
  claim_text(st, m, "bakgrund", d.background);
  claim_text(st, m, "fiktiva_uppgifter", d.fictitious);
  if (auto n = m.node("beredning")) read_consultations(st, f, *n, d.consultations);
  if (auto n = m.node("kolumnrubriker")) read_column_headings(st, f, *n, d.column_headings);
  if (auto n = m.node("bilagor")) read_appendices(st, f, *n, d.appendices);
}

}  // namespace rv::load
