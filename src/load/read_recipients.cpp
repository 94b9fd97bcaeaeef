// grupper: and mottagare: — who was offered and who received how much.
#include "load/state.hpp"

namespace rv::load {

namespace {

std::optional<Mode> parse_mode(const std::string& s) {
  if (s == "rekvisition") return Mode::Requisition;
  if (s == "ansökan") return Mode::Application;
  if (s == "fördelning") return Mode::Allocation;
  return std::nullopt;
}

// Checks that only concern one recipient row.
void check_recipient(MapReader& m, const Recipient& r) {
  const std::string who = r.display_name();
  if (m.has("rekvirerat") && m.has("beviljat"))
    m.error_at("beviljat",
               "ange antingen 'rekvirerat' eller 'beviljat' för " + who + ", inte båda");
  Amount allocated = r.allocated();
  if (auto f = m.find("fördelat"); f && f.IsScalar()) {
    if (auto declared = m.amount("fördelat"); declared && *declared != allocated)
      m.error_at("fördelat", "fördelat belopp för " + who + " är " + kr(*declared) +
                                 ", men rekvirerat/beviljat + omfördelat är " + kr(allocated));
  }
  if (r.unspent && *r.unspent > allocated)
    m.error_at("oförbrukat", "oförbrukat belopp (" + kr(*r.unspent) +
                                 ") är större än fördelat belopp (" + kr(allocated) + ") för " +
                                 who);
  if (r.spent && *r.spent > allocated && !r.unspent)
    m.error_at("förbrukat", "förbrukat belopp (" + kr(*r.spent) +
                                ") är större än fördelat belopp (" + kr(allocated) + ") för " +
                                who);
  if (r.spent && r.unspent && *r.spent + *r.unspent != allocated)
    m.error_at("förbrukat", "förbrukat (" + kr(*r.spent) + ") + oförbrukat (" + kr(*r.unspent) +
                                ") = " + kr(*r.spent + *r.unspent) + ", men fördelat belopp är " +
                                kr(allocated) + " för " + who);
  if (r.key && r.granted && *r.granted > *r.key)
    m.warning_at(
        m.has("rekvirerat") ? "rekvirerat" : "beviljat",
        who + " har rekvirerat " + kr(*r.granted) + ", mer än fördelningsnyckelns " + kr(*r.key));
  if (r.applied && r.granted && *r.granted > *r.applied)
    m.warning_at("beviljat",
                 who + " har beviljats " + kr(*r.granted) + ", mer än sökta " + kr(*r.applied));
  if (!r.status.empty() && r.granted.value_or(0) > 0)
    m.error_at("status",
               who + " har status '" + r.status + "' men har ändå fått " + kr(*r.granted));
}

constexpr std::string_view kOwnFieldHint =
    "; egna fält på mottagarna deklareras under 'egna_fält' (docs/data.md)";

}  // namespace

void read_groups(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'grupper' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader m(f, item, "gruppen", st.diags,
                {"id", "etikett", "singular", "plural", "bestämd_plural", "genus", "sätt",
                 "tillgängligt", "antal_ansökningar", "sökt_totalt", "deklarerad_summa", "ordning",
                 "egna_fält", "belopp_per_omgång"});
    if (!m.is_map()) continue;
    Group g;
    g.span = m.span();
    if (auto v = m.name("id", true)) g.id = *v;
    if (auto v = m.name("etikett", true)) g.label = *v;
    if (auto v = m.text("singular", true)) g.noun.singular = *v;
    if (auto v = m.text("plural", true)) g.noun.plural = *v;
    if (auto v = m.text("bestämd_plural", true)) g.noun.definite_plural = *v;
    if (auto v = m.text("genus")) {
      if (*v == "neutrum")
        g.noun.gender = Gender::Neuter;
      else if (*v != "utrum")
        m.error_at("genus", "'genus' ska vara utrum eller neutrum, inte '" + *v + "'");
    }
    if (auto v = m.text("sätt")) {
      if (auto mode = parse_mode(*v))
        g.mode = *mode;
      else
        m.error_at("sätt",
                   "'sätt' ska vara rekvisition, ansökan eller fördelning, inte '" + *v + "'");
    }
    g.available = m.amount("tillgängligt");
    g.applications_received = m.integer("antal_ansökningar");
    g.applied_total_declared = m.amount("sökt_totalt");
    g.order = m.integer("ordning", false, 1, 1000);
    if (auto rounds = m.node("belopp_per_omgång")) {
      if (!rounds->IsSequence() || rounds->size() == 0)
        st.diags.error(f.span(*rounds),
                       "'belopp_per_omgång' ska vara en lista med ett belopp per "
                       "rekvisitionsomgång, men är " +
                           (rounds->IsSequence() ? std::string("tom") : describe(*rounds)));
      else
        for (const auto& amount : *rounds)
          if (auto a = as_amount(f, amount, st.diags, "beloppet för omgången"))
            g.per_round.push_back(*a);
    }
    if (auto ds = m.node("deklarerad_summa")) {
      MapReader dm(f, *ds, "den deklarerade summan", st.diags,
                   {"fördelningsnyckel", "fördelat", "oförbrukat"});
      g.declared_key_total = dm.amount("fördelningsnyckel");
      g.declared_allocated_total = dm.amount("fördelat");
      g.declared_unspent_total = dm.amount("oförbrukat");
      for (const char* k : {"fördelningsnyckel", "fördelat", "oförbrukat"})
        st.declared_spans[g.id + "/" + k] = dm.value_span(k);
    }
    if (g.id.empty()) continue;
    if (auto [it, inserted] = st.group_defined.emplace(g.id, g.span); !inserted) {
      st.diags.error(m.value_span("id"), "gruppen '" + g.id + "' är redan definierad i " +
                                             it->second.file + ":" +
                                             std::to_string(it->second.line));
      continue;
    }
    st.year.groups.push_back(std::move(g));
  }
}

void read_recipients(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  if (!n.IsMap()) {
    st.diags.error(f.span(n),
                   "'mottagare' ska vara en mappning från grupp till lista av mottagare, men är " +
                       describe(n));
    return;
  }
  for (const auto& kv : n) {
    std::string group = kv.first.Scalar();
    Span group_span = f.span(kv.first);
    st.group_refs.emplace_back(group, group_span);
    const YAML::Node& list = kv.second;
    if (!list.IsSequence()) {
      st.diags.error(f.span(list), "mottagarna i gruppen '" + group +
                                       "' ska vara en lista, men är " + describe(list));
      continue;
    }
    // The recipient's keys and the own fields declared for its group (egna_fält).
    std::vector<const FieldDecl*> own = fields_for(st, group);
    std::vector<std::string_view> known(kRecipientKeys.begin(), kRecipientKeys.end());
    for (const FieldDecl* d : own) known.push_back(d->name);
    for (const auto& item : list) {
      MapReader m(f, item, "mottagaren", st.diags, known, kOwnFieldHint);
      if (!m.is_map()) continue;
      Recipient r;
      r.span = m.span();
      r.group = group;
      if (auto v = m.name("namn", true)) r.name = *v;
      if (auto v = m.name("ansökan")) r.application = *v;
      size_t errors_before = st.diags.error_count();
      r.key = m.amount("fördelningsnyckel");
      r.applied = m.amount("sökt");
      r.granted = m.has("rekvirerat") ? m.amount("rekvirerat") : m.amount("beviljat");
      r.reallocated = m.amount("omfördelat");
      r.spent = m.amount("förbrukat");
      r.unspent = m.amount("oförbrukat");
      r.wants_more = m.yes_no("vill_ha_mer");
      r.reported = m.yes_no("återrapporterat");
      if (auto v = m.text("status")) {
        if (!v->empty() && *v != "avslagen" && *v != "återkallad")
          m.error_at("status", "'status' ska vara avslagen eller återkallad, inte '" + *v + "'");
        r.status = *v;
      }
      if (auto v = m.text("anmärkning")) r.note = *v;
      if (auto v = m.text("adressat")) r.addressee = *v;
      if (auto v = m.text("utdelningsadress")) r.street = *v;
      if (auto v = m.text("postnummer")) r.postcode = *v;
      if (auto v = m.text("postort")) r.town = *v;
      read_field_values(m, own, r);
      if (r.name.empty()) continue;
      // Consistency checks on unreadable amounts would only repeat the first error.
      // So would checks on figures a comma inside {…} cut short ("1,5e6" read as 1).
      if (st.diags.error_count() == errors_before && !m.comma_split_seen()) check_recipient(m, r);
      // Names that differ only in Unicode normalisation print alike: the same recipient.
      std::string id = group + "/" + name_key(r.name) + "/" + name_key(r.application);
      if (auto [pos, inserted] = st.recipient_defined.emplace(id, r.span); !inserted) {
        st.diags.error(m.value_span("namn"),
                       "mottagaren '" + r.display_name() + "' finns redan i gruppen '" + group +
                           "' (" + pos->second.file + ":" + std::to_string(pos->second.line) + ")");
        continue;
      }
      st.recipient_group_key[std::to_string(st.year.recipients.size())] = group_span;
      // Rejected and withdrawn applications have no amount by nature; an unreadable amount
      // is already an error.
      if (!m.has("rekvirerat") && !m.has("beviljat") && r.status.empty())
        st.without_amount.push_back(st.year.recipients.size());
      st.year.recipients.push_back(std::move(r));
    }
  }
}

}  // namespace rv::load
