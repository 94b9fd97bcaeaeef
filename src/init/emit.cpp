#include "init/emit.hpp"

#include <cstdio>
#include <map>
#include <set>

#include "import/yaml_out.hpp"

namespace rv::init::emit {

namespace {

// import's scalar rule, with a few more characters left plain where YAML reads them back
// as written, so that the files look like the bundled ones: '_' (lansstyrelser_nck) and a
// '?' after the first character anywhere; ',' in a block value (not inside "{…}", where it
// separates the keys).
std::string yaml_scalar(const std::string& text, bool block = false) {
  std::string probe = text;
  for (size_t i = 0; i < probe.size(); ++i)
    if (probe[i] == '_' || (i > 0 && probe[i] == '?') || (block && probe[i] == ',' && i > 0))
      probe[i] = 'a';
  return import::yaml_scalar(probe) == probe ? text : import::yaml_scalar(text);
}

std::string date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string num(int64_t v) { return std::to_string(v); }

int chars(const std::string& s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A long text as a folded block (">-"), wrapped at spaces within the 100-column lines the
// bundled files use; only for text a folded block gives back unchanged (single spaces, no
// line breaks or tabs, no space at either end).
bool foldable(const std::string& t) {
  return !t.empty() && t.front() != ' ' && t.back() != ' ' &&
         t.find_first_of("\n\t\r") == std::string::npos && t.find("  ") == std::string::npos;
}

// "key: value\n" at `indent` spaces; the value folded when it would not fit the line.
std::string text_line(int indent, const std::string& key, const std::string& value) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  const std::string one = pad + key + ": " + yaml_scalar(value, true);
  if (chars(one) <= 100 || !foldable(value)) return one + "\n";
  const std::string inner(static_cast<size_t>(indent + 2), ' ');
  std::string out = pad + key + ": >-\n", line;
  size_t start = 0;
  while (start <= value.size()) {
    size_t space = value.find(' ', start);
    std::string word = value.substr(start, space == std::string::npos ? space : space - start);
    if (!line.empty() && chars(inner) + chars(line) + 1 + chars(word) > 96) {
      out += inner + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return out + inner + line + "\n";
}

void amount_field(std::string& out, const char* key, const std::optional<Amount>& v) {
  if (v) out += std::string(", ") + key + ": " + num(*v);
}

// egna_fält for `group` (empty: the grant's), as one flow mapping, or nothing.
std::string field_decls(const std::vector<FieldDecl>& decls, const std::string& group, int indent) {
  std::string out;
  for (const auto& d : decls) {
    if (d.group != group) continue;
    std::string type;
    switch (d.type) {
      case FieldType::Text:
        type = "text";
        break;
      case FieldType::Integer:
        type = "heltal";
        break;
      case FieldType::Money:
        type = "belopp";
        break;
      case FieldType::CalendarDate:
        type = "datum";
        break;
      case FieldType::YesNo:
        type = "ja_nej";
        break;
      case FieldType::Choice:
        for (const auto& c : d.choices) type += (type.empty() ? "[" : ", ") + yaml_scalar(c);
        type += "]";
        break;
    }
    out += (out.empty() ? "" : ", ") + yaml_scalar(d.name) + ": " + type;
  }
  return out.empty() ? "" : std::string(indent, ' ') + "egna_fält: {" + out + "}\n";
}

std::string field_value(const FieldValue& v) {
  switch (v.type) {
    case FieldType::Text:
    case FieldType::Choice:
      return yaml_scalar(v.text);
    case FieldType::Integer:
    case FieldType::Money:
      return num(v.number);
    case FieldType::CalendarDate:
      return date(v.date);
    case FieldType::YesNo:
      return v.yes ? "ja" : "nej";
  }
  return "";
}

}  // namespace

std::string grant(const Grant& g, const std::vector<FieldDecl>& decls) {
  std::string out = "bidrag:\n";
  out += text_line(2, "namn", g.name);
  out += "  år: " + num(g.year) + "\n";
  out += text_line(2, "myndighet", g.authority);
  if (g.period_start || g.period_end) {
    std::string p;
    if (g.period_start) p += "från: " + date(*g.period_start);
    if (g.period_end) p += std::string(p.empty() ? "" : ", ") + "till: " + date(*g.period_end);
    out += "  period: {" + p + "}\n";
  }
  if (!g.deadlines.empty()) {
    out += "  tidsfrister:\n";
    for (const auto& d : g.deadlines) {
      out += "    - {beskrivning: " + yaml_scalar(d.label) + ", datum: " + date(d.date);
      if (!d.kind.empty()) out += ", typ: " + yaml_scalar(d.kind);
      if (!d.group.empty()) out += ", grupp: " + yaml_scalar(d.group);
      out += "}\n";
    }
  }
  // Last year's decisions do not carry over (advance() drops them): the new year rests on new
  // ones, and a reference copied from last year would be printed as this year's.
  out += "  # beslut: årets beslut (beskrivning, referens, datum), se docs/data.md\n";
  if (g.requisitioned_total) out += "  rekvirerat_totalt: " + num(*g.requisitioned_total) + "\n";
  if (g.undistributed) out += "  ej_fördelat: " + num(*g.undistributed) + "\n";
  if (g.undistributed_spent)
    out += "  ej_fördelat_förbrukat: " + num(*g.undistributed_spent) + "\n";
  out += field_decls(decls, "", 2);
  return out;
}

std::string groups(const std::vector<const Group*>& groups, const std::vector<FieldDecl>& decls) {
  std::string out = "grupper:\n";
  for (const Group* g : groups) {
    out += "  - id: " + yaml_scalar(g->id) + "\n";
    out += text_line(4, "etikett", g->label);
    out += text_line(4, "singular", g->noun.singular);
    out += text_line(4, "plural", g->noun.plural);
    out += text_line(4, "bestämd_plural", g->noun.definite_plural);
    out += std::string("    genus: ") + (g->noun.gender == Gender::Neuter ? "neutrum" : "utrum") +
           "\n";
    out += std::string("    sätt: ") +
           (g->mode == Mode::Requisition   ? "rekvisition"
            : g->mode == Mode::Application ? "ansökan"
                                           : "fördelning") +
           "\n";
    if (g->order) out += "    ordning: " + num(*g->order) + "\n";
    if (g->available) out += "    tillgängligt: " + num(*g->available) + "\n";
    if (g->applications_received)
      out += "    antal_ansökningar: " + num(*g->applications_received) + "\n";
    if (g->applied_total_declared)
      out += "    sökt_totalt: " + num(*g->applied_total_declared) + "\n";
    if (g->declared_key_total || g->declared_allocated_total || g->declared_unspent_total) {
      out += "    deklarerad_summa:\n";
      if (g->declared_key_total)
        out += "      fördelningsnyckel: " + num(*g->declared_key_total) + "\n";
      if (g->declared_allocated_total)
        out += "      fördelat: " + num(*g->declared_allocated_total) + "\n";
      if (g->declared_unspent_total)
        out += "      oförbrukat: " + num(*g->declared_unspent_total) + "\n";
    }
    out += field_decls(decls, g->id, 4);
  }
  return out;
}

std::string recipients(const std::vector<const Recipient*>& rows,
                       const std::vector<Group>& all_groups) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Recipient*>> by_group;
  for (const Recipient* r : rows) {
    if (by_group[r->group].empty()) order.push_back(r->group);
    by_group[r->group].push_back(r);
  }
  std::string out = "mottagare:\n";
  for (const auto& id : order) {
    const auto& list = by_group[id];
    bool requisition = false;
    for (const auto& g : all_groups)
      if (g.id == id) requisition = g.mode == Mode::Requisition;
    out +=
        "  " + yaml_scalar(id) + ":   # " + num(static_cast<int64_t>(list.size())) + " mottagare\n";
    for (const Recipient* r : list) {
      std::string l = "    - {namn: " + yaml_scalar(r->name);
      if (!r->application.empty()) l += ", ansökan: " + yaml_scalar(r->application);
      amount_field(l, "fördelningsnyckel", r->key);
      amount_field(l, "sökt", r->applied);
      amount_field(l, requisition ? "rekvirerat" : "beviljat", r->granted);
      amount_field(l, "omfördelat", r->reallocated);
      amount_field(l, "förbrukat", r->spent);
      amount_field(l, "oförbrukat", r->unspent);
      if (r->wants_more) l += std::string(", vill_ha_mer: ") + (*r->wants_more ? "ja" : "nej");
      if (r->reported) l += std::string(", återrapporterat: ") + (*r->reported ? "ja" : "nej");
      if (!r->status.empty()) l += ", status: " + yaml_scalar(r->status);
      if (!r->note.empty()) l += ", anmärkning: " + yaml_scalar(r->note);
      // The address stays from year to year.
      if (!r->addressee.empty()) l += ", adressat: " + yaml_scalar(r->addressee);
      if (!r->street.empty()) l += ", utdelningsadress: " + yaml_scalar(r->street);
      if (!r->postcode.empty()) l += ", postnummer: " + yaml_scalar(r->postcode);
      if (!r->town.empty()) l += ", postort: " + yaml_scalar(r->town);
      // So do the organisation's own fields (egna_fält).
      for (const auto& [name, v] : r->fields) l += ", " + yaml_scalar(name) + ": " + field_value(v);
      out += l + "}\n";
    }
  }
  return out;
}

std::string questions(const std::vector<const Question*>& questions) {
  std::string out = "enkät:\n";
  for (const Question* q : questions) {
    out += "  - id: " + yaml_scalar(q->id) + "\n";
    out += "    grupp: " + yaml_scalar(q->group) + "\n";
    out += std::string("    typ: ") +
           (q->kind == QuestionKind::MultipleChoice ? "flerval"
            : q->kind == QuestionKind::YesNo        ? "ja_nej"
            : q->kind == QuestionKind::Rating       ? "skala"
                                                    : "fritext") +
           "\n";
    out += text_line(4, "fråga", q->text);
    if (q->condition)
      out += "    endast_om: {fråga: " + yaml_scalar(q->condition->question) +
             ", svar: " + yaml_scalar(q->condition->option) + "}\n";
    if (!q->options.empty()) {
      out += "    alternativ:\n";
      for (const auto& o : q->options)
        out += "      - {id: " + yaml_scalar(o.id) + ", etikett: " + yaml_scalar(o.label) + "}\n";
    }
  }
  return out;
}

std::string history(const std::vector<const HistoryRow*>& rows) {
  std::string out = "historik:\n";
  for (const HistoryRow* h : rows) {
    std::string l = "  - {grupp: " + yaml_scalar(h->group) + ", år: " + num(h->year);
    amount_field(l, "tillgängligt", h->available);
    if (h->applicants) l += ", antal_sökande: " + num(*h->applicants);
    if (h->recipients) l += ", antal_mottagare: " + num(*h->recipients);
    amount_field(l, "förbrukat", h->spent);
    amount_field(l, "oförbrukat", h->unspent);
    if (h->share_spent_pct) l += ", andel_förbrukat_procent: " + num(*h->share_spent_pct);
    if (!h->recipients_text.empty()) l += ", mottagare_text: " + yaml_scalar(h->recipients_text);
    if (!h->shares_pct.empty()) {
      std::string shares;
      for (const auto& [q, p] : h->shares_pct)
        shares += (shares.empty() ? "" : ", ") + yaml_scalar(q) + ": " + num(p);
      l += ", andelar_procent: {" + shares + "}";
    }
    out += l + "}\n";
  }
  return out;
}

std::string previous(const std::vector<const PreviousAllocation*>& allocations,
                     const std::vector<std::string>& order) {
  std::string out = "tidigare_fördelning:\n";
  for (const PreviousAllocation* p : allocations) {
    out += "  - år: " + num(p->year) + "\n";
    out += "    totalt: " + num(p->total) + "\n";
    if (p->per_recipient.empty()) continue;
    out += "    belopp:\n";
    std::set<std::string> written;
    auto line = [&](const std::string& name) {
      auto it = p->per_recipient.find(name);
      if (it == p->per_recipient.end() || !written.insert(name).second) return;
      out += "      " + yaml_scalar(name) + ": " + num(it->second) + "\n";
    };
    for (const auto& name : order) line(name);
    for (const auto& [name, amount] : p->per_recipient) line(name);
  }
  return out;
}

std::string document(const DocumentMeta& d) {
  std::string out = "dokument:\n";
  auto text = [&](const char* key, const std::string& v) {
    if (!v.empty()) out += text_line(2, key, v);
  };
  auto day = [&](const char* key, const std::optional<Date>& v) {
    if (v) out += std::string("  ") + key + ": " + date(*v) + "\n";
  };
  text("titel", d.title);
  text("undertitel", d.subtitle);
  text("dnr", d.dnr);
  text("förvaltning", d.organisation);
  text("avdelning", d.department);
  text("handläggare", d.officer);
  text("telefon", d.phone);
  day("datum", d.date);
  text("nämnd", d.committee);
  day("sammanträdesdatum", d.meeting_date);
  day("beredningsdatum", d.preparation_date);
  day("rådsdatum", d.council_date);
  text("kommun", d.municipality);
  text("kommun_i_text", d.municipality_in_text);
  text("förvaltning_i_text", d.organisation_in_text);
  if (!d.consultations.empty()) {
    out += "  beredning:\n";
    for (const auto& c : d.consultations)
      out += "    - {namn: " + yaml_scalar(c.name) + ", datum: " + date(c.date) +
             ", sätt: " + c.kind + "}\n";
  }
  text("bakgrund", d.background);
  text("fiktiva_uppgifter", d.fictitious);
  if (!d.column_headings.empty()) {
    out += "  kolumnrubriker:\n";
    for (const auto& [role, heading] : d.column_headings) out += text_line(4, role, heading);
  }
  if (!d.appendices.empty()) {
    out += "  bilagor:\n";
    for (const auto& a : d.appendices) out += "    - " + yaml_scalar(a, true) + "\n";
  }
  if (!d.signatories.empty()) {
    out += "  undertecknare:\n";
    for (const auto& s : d.signatories)
      out += "    - {namn: " + yaml_scalar(s.name) + ", titel: " + yaml_scalar(s.title) + "}\n";
  }
  text("författare", d.author);
  text("artikelnummer", d.article_number);
  if (!d.extra.empty()) {
    out += "  övrigt:\n";
    for (const auto& [key, value] : d.extra) out += text_line(4, yaml_scalar(key), value);
  }
  return out;
}

}  // namespace rv::init::emit
