// historik:, tidigare_fördelning: and citat:.
#include "load/state.hpp"

namespace rv::load {

void read_history(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'historik' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader m(
        f, item, "historikraden", st.diags,
        {"grupp", "år", "tillgängligt", "förbrukat", "oförbrukat", "antal_sökande",
         "antal_mottagare", "andel_förbrukat_procent", "mottagare_text", "andelar_procent"});
    if (!m.is_map()) continue;
    HistoryRow h;
    h.span = m.span();
    if (auto v = m.text("grupp", true)) {
      h.group = *v;
      st.group_refs.emplace_back(h.group, m.value_span("grupp"));
    }
    if (auto v = m.integer("år", true, kFirstYear, kLastYear)) h.year = *v;
    h.available = m.amount("tillgängligt");
    h.spent = m.amount("förbrukat");
    h.unspent = m.amount("oförbrukat");
    h.applicants = m.integer("antal_sökande");
    h.recipients = m.integer("antal_mottagare");
    if (m.has("andel_förbrukat_procent")) {
      auto node = m.find("andel_förbrukat_procent");
      // Shares are percentages: say plainly when one is out of range.
      if (node.IsScalar() && node.Tag() == "?") {
        try {
          double v = std::stod(node.Scalar());
          if (v < 0 || v > 100)
            m.error_at("andel_förbrukat_procent",
                       "andelen ska ligga mellan 0 och 100 procent, men är " + node.Scalar());
          else
            h.share_spent_pct = m.integer("andel_förbrukat_procent", false, 0, 100);
        } catch (...) {
          h.share_spent_pct = m.integer("andel_förbrukat_procent", false, 0, 100);
        }
      } else {
        h.share_spent_pct = m.integer("andel_förbrukat_procent", false, 0, 100);
      }
    }
    if (auto v = m.text("mottagare_text")) h.recipients_text = *v;
    if (auto shares = m.node("andelar_procent")) {
      if (!shares->IsMap()) {
        st.diags.error(f.span(*shares),
                       "'andelar_procent' ska vara en mappning från fråga till andel i procent, "
                       "men är " +
                           describe(*shares));
      } else {
        // Any question id is a key; the reader still catches duplicates and bad values.
        std::vector<std::string> ids;
        for (const auto& kv : *shares) ids.push_back(kv.first.Scalar());
        MapReader sm(f, *shares, "andelarna", st.diags,
                     std::vector<std::string_view>(ids.begin(), ids.end()));
        for (const auto& q : ids)
          if (auto v = sm.integer(q, false, 0, 100)) h.shares_pct[q] = *v;
      }
    }
    if (h.available && h.spent && *h.spent > *h.available)
      m.error_at("förbrukat", "förbrukat (" + kr(*h.spent) + ") är större än tillgängligt (" +
                                  kr(*h.available) + ")");
    std::string id = h.group + "/" + std::to_string(h.year);
    if (auto [pos, ins] = st.history_defined.emplace(id, h.span); !ins) {
      st.diags.error(h.span, "historik för " + h.group + " " + std::to_string(h.year) +
                                 " finns redan i " + pos->second.file + ":" +
                                 std::to_string(pos->second.line));
      continue;
    }
    st.year.history.push_back(std::move(h));
  }
}

void read_previous(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'tidigare_fördelning' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader m(f, item, "den tidigare fördelningen", st.diags, {"år", "totalt", "belopp"});
    if (!m.is_map()) continue;
    PreviousAllocation p;
    p.span = m.span();
    if (auto v = m.integer("år", true, kFirstYear, kLastYear)) p.year = *v;
    if (auto v = m.amount("totalt", true)) p.total = *v;
    if (auto b = m.node("belopp", true)) {
      if (!b->IsMap()) {
        st.diags.error(
            f.span(*b),
            "'belopp' ska vara en mappning från mottagare till belopp, men är " + describe(*b));
      } else {
        __int128 sum = 0;  // capped below: a wrapped sum would compare wrongly
        bool too_large = false;
        for (const auto& kv : *b) {
          std::string name = kv.first.Scalar();
          if (!as_name(f, kv.first, st.diags, "mottagarens namn")) continue;
          if (p.per_recipient.count(name)) {
            st.diags.error(f.span(kv.first),
                           "'" + name + "' förekommer två gånger i den tidigare fördelningen");
            continue;
          }
          st.previous_names.emplace_back(name, f.span(kv.first));
          if (auto a = as_amount(f, kv.second, st.diags, name)) {
            p.per_recipient[name] = *a;
            sum += *a;
            if (sum > kMaxTotal && !too_large) {
              too_large = true;
              st.diags.error(f.span(kv.second),
                             "summan av den tidigare fördelningens belopp blir "
                             "större än " +
                                 kr(kMaxTotal) + " med '" + name +
                                 "'; så stora summor kan inte räknas");
            }
          }
        }
        if (m.has("totalt") && !too_large && sum != p.total && !p.per_recipient.empty())
          m.warning_at("totalt", "den tidigare fördelningens totalt " + kr(p.total) +
                                     " skiljer sig från summan av beloppen, " +
                                     kr(static_cast<Amount>(sum)));
      }
    }
    st.year.previous.push_back(std::move(p));
  }
}

void read_quotes(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'citat' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader m(f, item, "citatet", st.diags,
                {"grupp", "mottagare", "område", "text", "rubrik", "punkter"});
    if (!m.is_map()) continue;
    Quote q;
    q.span = m.span();
    if (auto v = m.text("grupp", true)) {
      q.group = *v;
      st.group_refs.emplace_back(q.group, m.value_span("grupp"));
    }
    if (auto v = m.text("mottagare")) q.recipient = *v;
    if (auto v = m.text("område")) q.area = *v;
    if (auto v = m.text("text", true)) q.text = *v;
    if (auto v = m.text("rubrik")) q.heading = *v;
    if (auto b = m.node("punkter")) {
      if (!b->IsSequence() || b->size() == 0)
        st.diags.error(f.span(*b), "'punkter' ska vara en lista med punkternas texter, men är " +
                                       (b->IsSequence() ? std::string("tom") : describe(*b)));
      else
        for (const auto& bullet : *b)
          if (auto t = as_text(f, bullet, st.diags, "punkten")) q.bullets.push_back(*t);
    }
    st.year.quotes.push_back(std::move(q));
  }
}

}  // namespace rv::load
