// bidrag: and dokument: — single-valued sections that may be split over files.
#include <sstream>

#include "load/state.hpp"

namespace rv::load {

bool LoadState::claim(const std::string& field, const std::string& value, Span where) {
  auto [it, inserted] = claimed.emplace(field, std::make_pair(value, where));
  if (inserted) return true;
  if (it->second.first != value) {
    const Span& first = it->second.second;
    diags.error(where, "'" + field + "' är redan satt till '" + it->second.first + "' i " +
                           first.file + ":" + std::to_string(first.line) +
                           "; motstridiga uppgifter: '" + value + "'");
    return false;
  }
  return false;  // same value again: harmless
}

namespace {

// Sets `target` from a text field, guarding against a conflicting value in another file.
void claim_text(LoadState& st, MapReader& m, const std::string& section, std::string_view key,
                std::string& target, bool required = false) {
  if (auto v = m.text(key, required); v && m.has(key)) {
    if (st.claim(section + "." + std::string(key), *v, m.value_span(key))) target = *v;
  }
}

void claim_date(LoadState& st, MapReader& m, const std::string& section, std::string_view key,
                std::optional<Date>& target) {
  if (auto v = m.date(key)) {
    if (st.claim(section + "." + std::string(key), date_text(*v), m.value_span(key))) target = *v;
  }
}

void claim_amount(LoadState& st, MapReader& m, const std::string& section, std::string_view key,
                  std::optional<Amount>& target) {
  if (auto v = m.amount(key)) {
    if (st.claim(section + "." + std::string(key), std::to_string(*v), m.value_span(key)))
      target = *v;
  }
}

bool is_deadline_kind(const std::string& k) {
  for (const char* known : kDeadlineKinds)
    if (k == known) return true;
  return false;
}

std::string deadline_kinds_text() {
  std::string out = "möjliga typer: ";
  for (size_t i = 0; i < std::size(kDeadlineKinds); ++i)
    out += std::string(i == 0                               ? ""
                       : i + 1 == std::size(kDeadlineKinds) ? " och "
                                                            : ", ") +
           kDeadlineKinds[i];
  return out;
}

void read_decisions(LoadState& st, const SourceFile& f, const YAML::Node& n,
                    std::vector<Decision>& out) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'beslut' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader dm(f, item, "beslutet", st.diags, {"beskrivning", "referens", "datum"});
    if (!dm.is_map()) continue;
    Decision d;
    d.span = dm.span();
    if (auto b = dm.text("beskrivning", true)) d.description = *b;
    if (auto r = dm.text("referens")) d.reference = *r;
    d.date = dm.date("datum");
    out.push_back(d);
  }
}

}  // namespace

void read_grant(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  MapReader m(f, n, "bidraget", st.diags,
              {"namn", "år", "myndighet", "period", "tidsfrister", "beslut", "rekvirerat_totalt",
               "ej_fördelat", "ej_fördelat_förbrukat", "egna_fält"});
  if (!m.is_map()) return;
  Grant& g = st.year.grant;
  if (g.span.file.empty()) g.span = m.span();
  claim_text(st, m, "bidrag", "namn", g.name, true);
  claim_text(st, m, "bidrag", "myndighet", g.authority, true);
  if (auto y = m.integer("år", true, kFirstYear, kLastYear))
    if (st.claim("bidrag.år", std::to_string(*y), m.value_span("år"))) g.year = *y;
  if (auto p = m.node("period")) {
    MapReader pm(f, *p, "perioden", st.diags, {"från", "till"});
    claim_date(st, pm, "bidrag.period", "från", g.period_start);
    claim_date(st, pm, "bidrag.period", "till", g.period_end);
    if (g.period_start && g.period_end && *g.period_end < *g.period_start)
      st.diags.error(pm.span(), "periodens slut ligger före dess början");
  }
  if (auto t = m.node("tidsfrister")) {
    if (!t->IsSequence()) {
      st.diags.error(f.span(*t), "'tidsfrister' ska vara en lista, men är " + describe(*t));
    } else {
      for (const auto& item : *t) {
        MapReader dm(f, item, "tidsfristen", st.diags, {"beskrivning", "datum", "typ", "grupp"});
        if (!dm.is_map()) continue;
        Deadline dl;
        dl.span = dm.span();
        if (auto b = dm.text("beskrivning", true)) dl.label = *b;
        if (auto d = dm.date("datum", true)) dl.date = *d;
        if (auto k = dm.text("typ")) {
          if (is_deadline_kind(*k))
            dl.kind = *k;
          else
            dm.error_at("typ", "okänd typ av tidsfrist '" + *k + "'; " + deadline_kinds_text());
        }
        if (auto gr = dm.name("grupp")) {
          dl.group = *gr;
          st.deadline_group_refs.emplace_back(dl.group, dm.value_span("grupp"));
        }
        g.deadlines.push_back(dl);
      }
    }
  }
  if (auto b = m.node("beslut")) read_decisions(st, f, *b, g.decisions);
  claim_amount(st, m, "bidrag", "rekvirerat_totalt", g.requisitioned_total);
  if (m.has("rekvirerat_totalt") && g.requisitioned_span.file.empty())
    g.requisitioned_span = m.value_span("rekvirerat_totalt");
  claim_amount(st, m, "bidrag", "ej_fördelat", g.undistributed);
  claim_amount(st, m, "bidrag", "ej_fördelat_förbrukat", g.undistributed_spent);
  if (g.undistributed && g.undistributed_spent && *g.undistributed_spent > *g.undistributed)
    m.error_at("ej_fördelat_förbrukat",
               "förbrukat av det ej fördelade beloppet (" + kr(*g.undistributed_spent) +
                   ") är större än det ej fördelade beloppet (" + kr(*g.undistributed) + ")");
}

void read_document(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  std::vector<std::string_view> known = {
      "titel",           "undertitel", "dnr",           "förvaltning", "avdelning",
      "handläggare",     "telefon",    "datum",         "nämnd",       "sammanträdesdatum",
      "beredningsdatum", "rådsdatum",  "undertecknare", "författare",  "artikelnummer",
      "övrigt"};
  known.insert(known.end(), kMemoWordingKeys.begin(), kMemoWordingKeys.end());
  MapReader m(f, n, "dokumentet", st.diags, known);
  if (!m.is_map()) return;
  DocumentMeta& d = st.year.document;
  if (d.span.file.empty()) d.span = m.span();
  const std::string s = "dokument";
  claim_text(st, m, s, "titel", d.title);
  claim_text(st, m, s, "undertitel", d.subtitle);
  claim_text(st, m, s, "dnr", d.dnr);
  claim_text(st, m, s, "förvaltning", d.organisation);
  claim_text(st, m, s, "avdelning", d.department);
  claim_text(st, m, s, "handläggare", d.officer);
  claim_text(st, m, s, "telefon", d.phone);
  claim_text(st, m, s, "nämnd", d.committee);
  claim_text(st, m, s, "författare", d.author);
  claim_text(st, m, s, "artikelnummer", d.article_number);
  claim_date(st, m, s, "datum", d.date);
  claim_date(st, m, s, "sammanträdesdatum", d.meeting_date);
  claim_date(st, m, s, "beredningsdatum", d.preparation_date);
  claim_date(st, m, s, "rådsdatum", d.council_date);
  read_memo_wording(st, f, m, d);
  if (auto u = m.node("undertecknare")) {
    if (!u->IsSequence()) {
      st.diags.error(f.span(*u), "'undertecknare' ska vara en lista, men är " + describe(*u));
    } else {
      for (const auto& item : *u) {
        MapReader sm(f, item, "undertecknaren", st.diags, {"namn", "titel"});
        if (!sm.is_map()) continue;
        Signatory sig;
        if (auto v = sm.text("namn", true)) sig.name = *v;
        if (auto v = sm.text("titel", true)) sig.title = *v;
        d.signatories.push_back(sig);
      }
    }
  }
  if (auto o = m.node("övrigt")) {
    if (!o->IsMap()) {
      st.diags.error(f.span(*o), "'övrigt' ska vara en mappning, men är " + describe(*o));
    } else {
      for (const auto& kv : *o) {
        std::string key = kv.first.Scalar();
        if (auto v = as_text(f, kv.second, st.diags, key))
          if (st.claim("dokument.övrigt." + key, *v, f.span(kv.second))) d.extra[key] = *v;
      }
    }
  }
}

}  // namespace rv::load
