// enkät: and svar: — the follow-up questionnaire and each recipient's answers.
#include "load/state.hpp"

namespace rv::load {

namespace {

std::optional<QuestionKind> parse_kind(const std::string& s) {
  if (s == "flerval") return QuestionKind::MultipleChoice;
  if (s == "ja_nej") return QuestionKind::YesNo;
  if (s == "skala") return QuestionKind::Rating;
  if (s == "fritext") return QuestionKind::FreeText;
  return std::nullopt;
}

}  // namespace

void read_questions(LoadState& st, const SourceFile& f, const YAML::Node& n) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'enkät' ska vara en lista av frågor, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader m(f, item, "frågan", st.diags,
                {"id", "grupp", "typ", "fråga", "alternativ", "endast_om"});
    if (!m.is_map()) continue;
    Question q;
    q.span = m.span();
    if (auto v = m.text("id", true)) q.id = *v;
    if (auto v = m.text("grupp", true)) {
      q.group = *v;
      st.group_refs.emplace_back(q.group, m.value_span("grupp"));
    }
    if (auto v = m.text("typ", true)) {
      if (auto k = parse_kind(*v))
        q.kind = *k;
      else
        m.error_at("typ", "'typ' ska vara flerval, ja_nej, skala eller fritext, inte '" + *v + "'");
    }
    if (auto v = m.text("fråga", true)) q.text = *v;
    bool needs_options = q.kind == QuestionKind::MultipleChoice || q.kind == QuestionKind::Rating;
    if (auto a = m.node("alternativ", needs_options)) {
      if (!a->IsSequence()) {
        st.diags.error(f.span(*a), "'alternativ' ska vara en lista, men är " + describe(*a));
      } else {
        std::map<std::string, int> seen;
        for (const auto& o : *a) {
          MapReader om(f, o, "alternativet", st.diags, {"id", "etikett"});
          if (!om.is_map()) continue;
          Option opt;
          opt.span = om.span();
          if (auto v = om.text("id", true)) opt.id = *v;
          if (auto v = om.text("etikett", true)) opt.label = *v;
          if (auto [pos, ins] = seen.emplace(opt.id, opt.span.line); !ins) {
            om.error_at("id", "alternativet '" + opt.id + "' finns redan i frågan (rad " +
                                  std::to_string(pos->second) + ")");
            continue;
          }
          q.options.push_back(opt);
        }
      }
    }
    if (auto c = m.node("endast_om")) {
      MapReader cm(f, *c, "villkoret 'endast_om'", st.diags, {"fråga", "svar"});
      Condition cond;
      if (auto v = cm.text("fråga", true)) cond.question = *v;
      if (auto v = cm.text("svar", true)) cond.option = *v;
      q.condition = cond;
    }
    if (q.id.empty()) continue;
    if (auto [pos, ins] = st.question_defined.emplace(q.id, q.span); !ins) {
      m.error_at("id", "frågan '" + q.id + "' är redan definierad i " + pos->second.file + ":" +
                           std::to_string(pos->second.line));
      continue;
    }
    st.year.questions.push_back(std::move(q));
  }
}

void read_responses(LoadState& st, const SourceFile& f, const YAML::Node& n, bool reconstructed) {
  if (!n.IsSequence()) {
    st.diags.error(f.span(n), "'svar' ska vara en lista, men är " + describe(n));
    return;
  }
  for (const auto& item : n) {
    MapReader m(f, item, "svaret", st.diags, {"mottagare", "rekonstruerat", "svar"});
    if (!m.is_map()) continue;
    Response r;
    r.span = m.span();
    r.reconstructed = reconstructed;
    if (auto v = m.name("mottagare", true)) r.recipient = *v;
    if (auto v = m.yes_no("rekonstruerat")) r.reconstructed = *v;
    if (auto a = m.node("svar", true)) {
      if (!a->IsMap()) {
        st.diags.error(f.span(*a),
                       "'svar' ska vara en mappning från fråga till svar, men är " + describe(*a));
      } else {
        std::map<std::string, int> seen;
        for (const auto& kv : *a) {
          Answer ans;
          ans.question = kv.first.Scalar();
          ans.span = f.span(kv.first);
          if (auto [pos, ins] = seen.emplace(ans.question, ans.span.line); !ins) {
            st.diags.error(ans.span, "frågan '" + ans.question +
                                         "' besvaras två gånger (första gången på rad " +
                                         std::to_string(pos->second) + ")");
            continue;
          }
          const YAML::Node& v = kv.second;
          // The kind of the question is checked in validate(); keep what was written.
          if (v.IsSequence()) {
            for (const auto& o : v) {
              if (o.IsScalar())
                ans.chosen.push_back(o.Scalar());
              else
                st.diags.error(f.span(o), "ett alternativ ska vara ett id, men är " + describe(o));
            }
          } else if (v.IsScalar()) {
            if (!check_text(f, v, st.diags, ans.question, false)) continue;
            const std::string& s = v.Scalar();
            if (v.Tag() == "?" && (s == "ja" || s == "nej")) ans.yes = (s == "ja");
            ans.text = s;
          } else {
            st.diags.error(f.span(v), "svaret på '" + ans.question +
                                          "' ska vara en lista, ja/nej eller text, men är " +
                                          describe(v));
            continue;
          }
          r.answers.push_back(std::move(ans));
        }
      }
    }
    if (r.recipient.empty()) continue;
    // Duplicates are found in validate(), once each response's group is known.
    st.year.responses.push_back(std::move(r));
  }
}

}  // namespace rv::load
