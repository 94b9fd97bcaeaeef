// Questionnaire figures: counts per option with their N, yes/no counts, rating steps.
#include <algorithm>
#include <unordered_map>

#include "stats/stats.hpp"

namespace rv::stats {

namespace {

// The group a response belongs to. The loader resolves it (a name may stand in two
// groups); responses built in code without it fall back to the recipient's name, through
// a name → group map built only when such a response is met.
class GroupOf {
 public:
  explicit GroupOf(const GrantYear& year) : year_(year) {}
  const std::string& operator()(const Response& resp) {
    if (!resp.group.empty()) return resp.group;
    if (!built_) {
      for (const Recipient& r : year_.recipients) by_name_.emplace(r.display_name(), r.group);
      built_ = true;
    }
    auto it = by_name_.find(resp.recipient);
    return it == by_name_.end() ? none_ : it->second;
  }

 private:
  const GrantYear& year_;
  bool built_ = false;
  std::unordered_map<std::string, std::string> by_name_;
  const std::string none_;
};

const Answer* find_answer(const Response& resp, const std::string& question) {
  for (const Answer& a : resp.answers)
    if (a.question == question) return &a;
  return nullptr;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Whether a respondent satisfies a condition: chose the option (multiple choice, rating)
// or answered ja/nej as required (yes/no).
bool satisfies(const GrantYear& year, const Response& resp, const Condition& c) {
  const Answer* a = find_answer(resp, c.question);
  if (!a) return false;
  const Question* q = year.find_question(c.question);
  if (q && q->kind == QuestionKind::YesNo) {
    if (!a->yes) return false;
    return *a->yes == (c.option == "ja");
  }
  return contains(a->chosen, c.option) || (a->chosen.empty() && a->text == c.option);
}

}  // namespace

int respondents(const GrantYear& year, const std::string& group) {
  GroupOf group_of(year);
  int n = 0;
  for (const Response& resp : year.responses) {
    if (group.empty() || group_of(resp) == group) ++n;
  }
  return n;
}

QuestionSummary summarize_question(const GrantYear& year, const std::string& question) {
  QuestionSummary s;
  const Question* q = year.find_question(question);
  if (!q) return s;
  s.id = q->id;
  s.group = q->group;
  s.kind = q->kind;
  s.text = q->text;
  s.condition = q->condition;
  for (const Option& o : q->options) s.options.push_back({o.id, o.label, 0, {}});

  GroupOf group_of(year);
  for (const Response& resp : year.responses) {
    if (!q->group.empty() && group_of(resp) != q->group) continue;
    if (q->condition && !satisfies(year, resp, *q->condition)) continue;
    ++s.n;
    const Answer* a = find_answer(resp, q->id);
    if (!a) continue;
    ++s.answered;
    switch (q->kind) {
      case QuestionKind::MultipleChoice:
        for (OptionCount& o : s.options)
          if (contains(a->chosen, o.id)) ++o.count;
        break;
      case QuestionKind::Rating:
        // The loader keeps a scalar answer in `text`; code may put the step in `chosen`.
        for (OptionCount& o : s.options)
          if (contains(a->chosen, o.id) || (a->chosen.empty() && a->text == o.id)) ++o.count;
        break;
      case QuestionKind::YesNo:
        if (a->yes) ++(*a->yes ? s.yes : s.no);
        break;
      case QuestionKind::FreeText:
        if (!a->text.empty()) s.texts.push_back(a->text);
        break;
    }
  }
  for (OptionCount& o : s.options) o.share = Fraction{o.count, std::max(s.n, 1)};
  return s;
}

std::vector<QuestionSummary> summarize_survey(const GrantYear& year, const std::string& group) {
  std::vector<QuestionSummary> out;
  for (const Question& q : year.questions)
    if (group.empty() || q.group == group) out.push_back(summarize_question(year, q.id));
  return out;
}

TopSteps top_steps(const QuestionSummary& q, int k) {
  TopSteps t;
  t.n = q.n;
  int steps = static_cast<int>(q.options.size());
  for (int i = std::max(0, steps - k); i < steps; ++i) {
    t.count += q.options[static_cast<size_t>(i)].count;
    t.labels.push_back(q.options[static_cast<size_t>(i)].label);
  }
  t.share = Fraction{t.count, std::max(t.n, 1)};
  return t;
}

Fraction yes_share(const QuestionSummary& q) { return Fraction{q.yes, std::max(q.n, 1)}; }

std::vector<OptionCount> by_count(const QuestionSummary& q) {
  std::vector<OptionCount> out = q.options;
  std::stable_sort(out.begin(), out.end(),
                   [](const OptionCount& a, const OptionCount& b) { return a.count > b.count; });
  return out;
}

}  // namespace rv::stats
