// Evaluates a parsed template against the data context. Unknown names, wrong types and
// missing values are errors at the template's file:line:col — never silent blanks.
#include "template/expand.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "doc/limits.hpp"
#include "load/suggest.hpp"
#include "template/escape.hpp"

namespace rv::tmpl {

struct Expander::Out {
  std::string text;
  std::vector<Span> line_spans{Span{}};

  // Appends text written at `at`; each newline starts a line mapped to the next source line.
  void append(const std::string& s, Span at, bool advance_lines) {
    if (text.empty() || text.back() == '\n') line_spans.back() = at;
    // Whole lines at a time: templates are mostly long prose lines.
    size_t from = 0;
    for (size_t nl; (nl = s.find('\n', from)) != std::string::npos; from = nl + 1) {
      text.append(s, from, nl + 1 - from);
      if (advance_lines) ++at.line, at.col = 1;
      line_spans.push_back(at);
    }
    text.append(s, from, std::string::npos);
  }
};

Expander::Expander(Value context, HouseStyle style, IncludeReader includes, Diagnostics& diags)
    : style_(style), includes_(std::move(includes)), diags_(&diags) {
  root_ = context.is_map() ? std::move(context) : Value(Map{});
  scopes_.emplace_back();  // top-level {% set %} goes here
}

const Value* Expander::lookup(const std::string& name) const {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end()) return &f->second;
  }
  return root_.get(name);
}

// The field of the data context an expression reads, as a path: `dokument.rådsdatum`,
// `grupper["kommuner"].tillgängligt`. Nothing for a local variable or a computation.
std::optional<std::string> Expander::data_path(const ExprPtr& e) const {
  switch (e->op) {
    case Expr::Op::Var:
      for (const auto& s : scopes_)
        if (s.count(e->name)) return std::nullopt;
      return e->name;
    case Expr::Op::Member: {
      auto base = data_path(e->args[0]);
      if (!base) return std::nullopt;
      return *base + "." + e->name;
    }
    case Expr::Op::Index: {
      auto base = data_path(e->args[0]);
      if (!base || e->args[1]->op != Expr::Op::Literal || !e->args[1]->literal.is_str())
        return std::nullopt;
      return *base + "." + e->args[1]->literal.as_str();
    }
    default:
      return std::nullopt;
  }
}

bool Expander::report_missing(const ExprPtr& e, const Span& at, const std::string& why) {
  if (!positions_) return false;
  auto path = data_path(e);
  if (!path) return false;
  auto place = positions_->find(*path);
  if (!place) return false;
  if (!positions_->reported.insert(*path).second) return true;
  Span t = at;
  if (!origin_.file.empty() && t.file == origin_.file) {
    if (t.line == 1) t.col += origin_.col - 1;
    t.line += origin_.line - 1;
  }
  diags_->error(place->span, "mallen behöver '" + place->field + "' under " + place->section +
                                 ", men datasetet saknar det (" + why + ", " + span_text(t) + ")");
  return true;
}

// A name that exists in an enclosing scope is changed there, so a running total set before
// a loop and added to inside it keeps its value after the loop (Jinja would silently start
// a new, loop-local name each pass). A new name belongs to the innermost scope.
void Expander::assign(const std::string& name, Value v, const Span& at) {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    auto f = it->find(name);
    if (f != it->end()) {
      f->second = std::move(v);
      return;
    }
  }
  scopes_.back()[name] = std::move(v);
  if (scopes_.size() > 1) set_in_loop_.emplace(name, at);
}

// The names a pass of a loop created end with it; reading one later says where it was set.
void Expander::forget_loop_scope() {
  for (const auto& [name, value] : scopes_.back())
    if (auto f = set_in_loop_.find(name); f != set_in_loop_.end()) {
      loop_only_.insert_or_assign(name, f->second);
      set_in_loop_.erase(f);
    }
  scopes_.pop_back();
}

std::vector<std::string> Expander::names_in_scope() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : root_.as_map()) out.push_back(k);
  for (const auto& s : scopes_)
    for (const auto& [k, v] : s) out.push_back(k);
  return out;
}

namespace {

std::string suggest(const std::string& word, const std::vector<std::string>& known) {
  std::vector<std::string_view> v(known.begin(), known.end());
  if (auto s = load::closest(word, v)) return " (menade du '" + *s + "'?)";
  return "";
}

// A readable name of an expression for messages: "grupper.kommuner.fördelat".
std::string describe(const ExprPtr& e) {
  if (!e) return "?";
  switch (e->op) {
    case Expr::Op::Var:
      return e->name;
    case Expr::Op::Member:
      return describe(e->args[0]) + "." + e->name;
    case Expr::Op::Index:
      return describe(e->args[0]) + "[…]";
    case Expr::Op::Filter:
      return describe(e->args[0]) + " | " + e->name;
    default:
      return "uttrycket";
  }
}

struct Failed {};  // unwinds one expression after its error has been reported

int64_t checked_int(const Value& v, const Span& at, Diagnostics& d, const char* op) {
  if (!v.is_int()) {
    d.error(at, std::string("'") + op + "' kräver heltal, men fick " + kind_name(v.kind()));
    throw Failed{};
  }
  return v.as_int();
}

// Template arithmetic is checked: an overflow is an error at the operator, never a
// wrapped-around amount in the document.
[[noreturn]] void overflow(const Span& at, Diagnostics& d, const std::string& op) {
  d.error(at, "'" + op +
                  "' ger ett för stort tal (heltal går från −9 223 372 036 854 775 808 till "
                  "9 223 372 036 854 775 807)");
  throw Failed{};
}

int64_t arithmetic(Expr::Op op, int64_t l, int64_t r, const Span& at, Diagnostics& d) {
  int64_t out = 0;
  bool over = op == Expr::Op::Add   ? __builtin_add_overflow(l, r, &out)
              : op == Expr::Op::Sub ? __builtin_sub_overflow(l, r, &out)
                                    : __builtin_mul_overflow(l, r, &out);
  if (over) overflow(at, d, op == Expr::Op::Add ? "+" : op == Expr::Op::Sub ? "-" : "*");
  return out;
}

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }
std::string count(int64_t n) { return limits::grouped(n); }

std::string too_long_list() {
  return "listan blir för lång (högst " + count(limits::kListItems) + " element)";
}

// Texts and lists built by `+` or a filter stay within limits::kStringBytes / kListItems.
// Returns the message for what was exceeded, or "".
std::string size_beyond_limits(const Value& v) {
  if (v.is_str() && v.as_str().size() > limits::kStringBytes)
    return "texten blir för lång (högst " + mib(limits::kStringBytes) + ")";
  if (v.is_list() && v.as_list().size() > limits::kListItems) return too_long_list();
  return "";
}

// Lists are shared, so `{% set x = [x, x] %}` line after line doubles what printing or
// sorting the value visits while hardly using memory. A list a template makes (a list
// literal, `+`) therefore has its elements counted through nested lists as if unshared,
// within limits::kListItems, and its nesting within limits::kListDepth. Every list the
// template made has passed this check, so the walk itself is bounded too. Returns the
// message for what was exceeded, or "".
std::string list_beyond_limits(const Value& v, int depth, size_t& budget) {
  if (depth > limits::kListDepth)
    return "listor i listor nästlas för djupt (högst " + std::to_string(limits::kListDepth) +
           " nivåer)";
  for (const Value& x : v.as_list()) {
    if (budget-- == 0)
      return "listan blir för lång (högst " + count(limits::kListItems) +
             " element, listor i listan medräknade)";
    if (x.is_list())
      if (std::string why = list_beyond_limits(x, depth + 1, budget); !why.empty()) return why;
  }
  return "";
}

int compare_numbers(const Value& a, const Value& b) {
  auto x = a.as_fraction(), y = b.as_fraction();
  __int128 l = static_cast<__int128>(x.num) * y.den, r = static_cast<__int128>(y.num) * x.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

}  // namespace

// The same error in every pass of a loop is one message with the number of passes, not
// one per pass (a misspelt field in a loop over 290 municipalities).
Expander::PassDiagnostics::PassDiagnostics(Diagnostics*& current)
    : current_(current), outer_(current) {
  current_ = &inside_;
}

Expander::PassDiagnostics::~PassDiagnostics() {
  current_ = outer_;
  append_repeated(*outer_, inside_, "", "varv", count);
}

// A macro runs in a scope of its own: its parameters and the data context, not the
// caller's variables, so what it prints depends only on what it is given.
Value Expander::call(const ExprPtr& e) {
  const Span& at = e->span;
  auto found = macros_.find(e->name);
  if (found == macros_.end() && (e->name == "ref" || e->name == "sida")) return cross_ref(e);
  if (found == macros_.end()) {
    std::vector<std::string> known;
    for (const auto& [name, m] : macros_) known.push_back(name);
    diags_->error(at, "okänt makro '" + e->name + "'" + suggest(e->name, known) +
                          " (ett makro definieras med {% macro " + e->name +
                          "(…) %} före anropet; ett filter skrivs värde | " + e->name + ")");
    throw Failed{};
  }
  // Held for the call: the body may define a macro of the same name, which replaces the
  // map's entry while the body still runs (found by fuzzing: a use after free).
  const std::shared_ptr<const Node> running = found->second;
  const Node& m = *running;
  if (e->args.size() != m.params.size()) {
    diags_->error(at, "makrot '" + m.name + "' (" + span_text(m.span) + ") tar " +
                          std::to_string(m.params.size()) + " argument, men fick " +
                          std::to_string(e->args.size()));
    throw Failed{};
  }
  if (macro_depth_ >= limits::kIncludeDepth)
    exceeded(at, "makron anropar varandra för djupt (högst " +
                     std::to_string(limits::kIncludeDepth) + " nivåer)");
  Map params;
  for (size_t i = 0; i < m.params.size(); ++i) params[m.params[i]] = eval_in(e->args[i]);
  struct OwnScope {  // the caller's scopes back however the body ends
    Expander& ex;
    std::vector<Map> caller;
    OwnScope(Expander& x, Map params) : ex(x), caller(std::move(x.scopes_)) {
      ex.scopes_.assign(1, std::move(params));
      ++ex.macro_depth_;
    }
    ~OwnScope() {
      ex.scopes_ = std::move(caller);
      --ex.macro_depth_;
    }
  } own(*this, std::move(params));
  Out out;
  run(m.body, out, 0);
  std::string text = std::move(out.text);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return Value(std::move(text));
}

// `ref("storlek")` → "tabell 3", `sida("storlek")` → "12": a placeholder in the Markdown
// that the template stage resolves when the document is built (the target may come later)
// and, for the page, layout once the pages are known.
Value Expander::cross_ref(const ExprPtr& e) {
  const Span& at = e->span;
  const bool page = e->name == "sida";
  const std::string usage =
      page ? "sida(\"namn\")" : "ref(\"namn\") eller ref(\"namn\", \"versal\")";
  if (!markdown_ || !expanding_) {
    diags_->error(at, e->name +
                          "(…) hänvisar till en tabell, ett diagram eller en rubrik i brödtexten "
                          "och kan bara stå i mall.md");
    throw Failed{};
  }
  if (e->args.empty() || e->args.size() > (page ? 1u : 2u)) {
    diags_->error(at, "skriv " + usage);
    throw Failed{};
  }
  Value id = eval_in(e->args[0]);
  if (!id.is_str() || id.as_str().empty()) {
    diags_->error(e->args[0]->span, e->name +
                                        "(…) tar namnet på en tabell, ett diagram eller en "
                                        "rubrik ({#namn}) som text, men fick " +
                                        kind_name(id.kind()));
    throw Failed{};
  }
  CrossRef r{page, false, id.as_str(), at};
  if (e->args.size() == 2) {
    Value how = eval_in(e->args[1]);
    if (!how.is_str() || how.as_str() != "versal") {
      diags_->error(e->args[1]->span, "ref(…) tar som andra argument bara \"versal\"");
      throw Failed{};
    }
    r.capital = true;
  }
  refs_.push_back(std::move(r));
  return Value("[](#rv-ref-" + std::to_string(refs_.size() - 1) + ")");
}

// `lista | varje("{namn} ({oförbrukat | kr})")`: one text per element, the pattern's
// {…} evaluated with the element's fields as names (and the element itself as `post`).
// The pattern is parsed once per place it is written; its errors point into it.
const std::vector<Expander::PatternPart>& Expander::pattern(const ExprPtr& e) {
  auto cached = patterns_.find(e.get());
  if (cached != patterns_.end()) return cached->second;
  std::vector<PatternPart> parts;
  const ExprPtr& arg = e->args[1];
  const std::string& text = arg->literal.as_str();
  // The pattern's characters start one column after the opening quote.
  auto at = [&](size_t byte) {
    Span s = arg->span;
    s.col += 1 + byte_to_char_column(text, static_cast<int>(byte));
    return s;
  };
  std::string literal;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c, ++i;  // {{ and }} are braces
      continue;
    }
    if (c == '}') {
      diags_->error(at(i), "'}' utan '{' i mönstret (skriv }} för en klammer)");
      throw Failed{};
    }
    if (c != '{') {
      literal += c;
      continue;
    }
    size_t end = i + 1;
    char quote = 0;  // a '}' inside a quoted text does not end the expression
    for (; end < text.size() && (quote || text[end] != '}'); ++end) {
      if (quote && text[end] == quote)
        quote = 0;
      else if (!quote && (text[end] == '"' || text[end] == '\''))
        quote = text[end];
    }
    if (end >= text.size()) {
      diags_->error(at(i), "'{' stängs aldrig i mönstret (saknar '}')");
      throw Failed{};
    }
    if (!literal.empty()) parts.push_back({std::move(literal), nullptr}), literal.clear();
    Diagnostics syntax;
    ExprPtr inner = parse_expression(text.substr(i + 1, end - i - 1), at(i + 1), syntax);
    if (syntax.has_errors()) {
      diags_->append(syntax);
      throw Failed{};
    }
    parts.push_back({"", inner});
    i = end;
  }
  if (!literal.empty()) parts.push_back({std::move(literal), nullptr});
  return patterns_[e.get()] = std::move(parts);  // kept only when the whole pattern parsed
}

Value Expander::each(const ExprPtr& e) {
  const Span& at = e->span;
  if (e->args.size() != 2 || !e->args[1] || e->args[1]->op != Expr::Op::Literal ||
      !e->args[1]->literal.is_str()) {
    diags_->error(at,
                  "filtret 'varje' vill ha ett mönster inom citattecken, t.ex. "
                  "varje(\"{namn} ({oförbrukat | kr})\")");
    throw Failed{};
  }
  Value in = eval_in(e->args[0]);
  if (!in.is_list()) {
    diags_->error(at, "filtret 'varje' kräver en lista, men fick " + kind_name(in.kind()));
    throw Failed{};
  }
  const std::vector<PatternPart>& parts = pattern(e);
  List out;
  PassDiagnostics passes(diags_);
  bool failed = false;
  for (const Value& item : in.as_list()) {
    ++passes.count;
    Map& scope = scopes_.emplace_back();
    if (item.is_map()) scope = item.as_map();
    scope["post"] = item;
    std::string text;
    const size_t errors = diags_->error_count();
    for (const PatternPart& p : parts) text += p.expr ? eval_text(p.expr, p.expr->span) : p.text;
    failed = failed || diags_->error_count() > errors;
    scopes_.pop_back();
    out.push_back(Value(std::move(text)));
  }
  if (failed) throw Failed{};
  return Value(std::move(out));
}

Value Expander::eval(const ExprPtr& e) {
  try {
    return eval_in(e);
  } catch (const Failed&) {
    return Value();
  }
}

// The value a variable or a chain of fields names, in place (no copy of each record on the
// way); nullptr for any other expression or a missing name, which eval_in then evaluates
// and reports as usual. Evaluation has no side effects, so trying this first changes nothing.
const Value* Expander::ref(const ExprPtr& e) const {
  if (!e) return nullptr;
  if (e->op == Expr::Op::Var) return lookup(e->name);
  if (e->op == Expr::Op::Member) {
    const Value* base = ref(e->args[0]);
    return base ? base->get(e->name) : nullptr;
  }
  return nullptr;
}

// What a chain of fields and indices names, or nullopt where a field or an element on the
// way is missing (or a record on the way is empty). Anything else is evaluated as usual,
// so an unknown variable (a misspelt `grupper`) or a type error is still reported.
std::optional<Value> Expander::probe(const ExprPtr& e) {
  if (!e) throw Failed{};
  if (e->op == Expr::Op::Member) {
    auto base = probe(e->args[0]);
    if (!base || base->is_null()) return std::nullopt;
    if (!base->is_map()) return eval_in(e);  // reports the type error
    if (const Value* v = base->get(e->name)) return *v;
    return std::nullopt;
  }
  if (e->op == Expr::Op::Index) {
    auto base = probe(e->args[0]);
    if (!base || base->is_null()) return std::nullopt;
    Value idx = eval_in(e->args[1]);
    if (base->is_map() && idx.is_str()) {
      if (const Value* v = base->get(idx.as_str())) return *v;
      return std::nullopt;
    }
    if (base->is_list() && idx.is_int()) {
      const List& l = base->as_list();
      int64_t i = idx.as_int();
      if (i < 0 || i >= static_cast<int64_t>(l.size())) return std::nullopt;
      return l[static_cast<size_t>(i)];
    }
    return eval_in(e);  // reports the type error
  }
  return eval_in(e);
}

Value Expander::eval_in(const ExprPtr& e) {
  if (!e) throw Failed{};
  const Span& at = e->span;
  switch (e->op) {
    case Expr::Op::Literal:
      return e->literal;
    case Expr::Op::Var: {
      const Value* v = lookup(e->name);
      if (!v) {
        if (auto inside = loop_only_.find(e->name); inside != loop_only_.end())
          diags_->error(at, "'" + e->name + "' fick sitt värde bara inne i {% for %} (" +
                                span_text(inside->second) +
                                ") och finns inte efter loopen; sätt den före loopen, "
                                "t.ex. {% set " +
                                e->name +
                                " = 0 %}, så ändrar varje varv den och värdet finns kvar");
        else
          diags_->error(at,
                        "okänd variabel '" + e->name + "'" + suggest(e->name, names_in_scope()));
        throw Failed{};
      }
      return *v;
    }
    case Expr::Op::Member: {
      if (const Value* v = ref(e)) return *v;
      Value base = eval_in(e->args[0]);
      if (!base.is_map()) {
        diags_->error(at, "'" + describe(e->args[0]) + "' är " + kind_name(base.kind()) +
                              " och har inget fält '" + e->name + "'");
        throw Failed{};
      }
      if (const Value* v = base.get(e->name)) return *v;
      // dokument.övrigt holds what the user chooses to write: a key it lacks is missing
      // data (where to add it), not a misspelt field of the template.
      if (data_path(e->args[0]) == std::optional<std::string>("dokument.övrigt") &&
          report_missing(e, at, "används i mallen"))
        throw Failed{};
      std::vector<std::string> keys;
      for (const auto& [k, v] : base.as_map()) keys.push_back(k);
      diags_->error(at, "'" + describe(e->args[0]) + "' har inget fält '" + e->name + "'" +
                            suggest(e->name, keys));
      throw Failed{};
    }
    case Expr::Op::Index: {
      Value base = eval_in(e->args[0]);
      Value idx = eval_in(e->args[1]);
      if (base.is_list() && idx.is_int()) {
        const List& l = base.as_list();
        int64_t i = idx.as_int();
        if (i < 0 || i >= static_cast<int64_t>(l.size())) {
          diags_->error(at, "index " + std::to_string(i) + " ligger utanför listan '" +
                                describe(e->args[0]) + "' (" + std::to_string(l.size()) +
                                " element)");
          throw Failed{};
        }
        return l[static_cast<size_t>(i)];
      }
      if (base.is_map() && idx.is_str()) {
        if (const Value* v = base.get(idx.as_str())) return *v;
        diags_->error(at, "'" + describe(e->args[0]) + "' har inget fält '" + idx.as_str() + "'");
        throw Failed{};
      }
      diags_->error(at,
                    "kan inte slå upp " + kind_name(idx.kind()) + " i " + kind_name(base.kind()));
      throw Failed{};
    }
    case Expr::Op::Call:
      return call(e);
    case Expr::Op::RecordLit: {
      Map m;
      for (size_t i = 0; i < e->args.size(); ++i) m[e->keys[i]] = eval_in(e->args[i]);
      return Value(std::move(m));
    }
    case Expr::Op::ListLit: {
      List l;
      for (const auto& a : e->args) l.push_back(eval_in(a));
      Value list(std::move(l));
      size_t budget = limits::kListItems;
      if (std::string why = list_beyond_limits(list, 1, budget); !why.empty()) exceeded(at, why);
      return list;
    }
    case Expr::Op::Not:
      return Value(!eval_in(e->args[0]).truthy());
    case Expr::Op::Neg: {
      int64_t v = checked_int(eval_in(e->args[0]), at, *diags_, "-");
      if (v == INT64_MIN) overflow(at, *diags_, "-");
      return Value(-v);
    }
    case Expr::Op::And: {
      Value l = eval_in(e->args[0]);
      return l.truthy() ? eval_in(e->args[1]) : l;
    }
    case Expr::Op::Or: {
      Value l = eval_in(e->args[0]);
      return l.truthy() ? l : eval_in(e->args[1]);
    }
    case Expr::Op::Cond:
      return eval_in(e->args[1]).truthy() ? eval_in(e->args[0]) : eval_in(e->args[2]);
    case Expr::Op::Eq:
      return Value(values_equal(eval_in(e->args[0]), eval_in(e->args[1])));
    case Expr::Op::Ne:
      return Value(!values_equal(eval_in(e->args[0]), eval_in(e->args[1])));
    case Expr::Op::Lt:
    case Expr::Op::Le:
    case Expr::Op::Gt:
    case Expr::Op::Ge: {
      Value l = eval_in(e->args[0]), r = eval_in(e->args[1]);
      int c;
      if (l.is_number() && r.is_number())
        c = compare_numbers(l, r);
      else if (l.kind() == Value::Kind::Date && r.kind() == Value::Kind::Date)
        c = l.as_date() < r.as_date() ? -1 : l.as_date() == r.as_date() ? 0 : 1;
      else {
        diags_->error(at,
                      "kan inte jämföra " + kind_name(l.kind()) + " med " + kind_name(r.kind()));
        throw Failed{};
      }
      switch (e->op) {
        case Expr::Op::Lt:
          return Value(c < 0);
        case Expr::Op::Le:
          return Value(c <= 0);
        case Expr::Op::Gt:
          return Value(c > 0);
        default:
          return Value(c >= 0);
      }
    }
    case Expr::Op::Add:
    case Expr::Op::Sub:
    case Expr::Op::Mul: {
      if (e->op == Expr::Op::Add) {
        Value l = eval_in(e->args[0]), r = eval_in(e->args[1]);
        if (l.is_str() || r.is_str()) {
          Value joined(to_text(l) + to_text(r));
          if (std::string why = size_beyond_limits(joined); !why.empty()) exceeded(at, why);
          return joined;
        }
        if (l.is_list() && r.is_list()) {
          // Checked before copying, so that doubling a long list allocates nothing more.
          if (l.as_list().size() + r.as_list().size() > limits::kListItems)
            exceeded(at, too_long_list());
          List joined = l.as_list();
          joined.insert(joined.end(), r.as_list().begin(), r.as_list().end());
          Value list(std::move(joined));
          size_t budget = limits::kListItems;
          if (std::string why = list_beyond_limits(list, 1, budget); !why.empty())
            exceeded(at, why);
          return list;
        }
        if (l.is_int() && r.is_int())
          return Value(arithmetic(e->op, l.as_int(), r.as_int(), at, *diags_));
        diags_->error(at, "'+' kräver två heltal, två listor eller text, men fick " +
                              kind_name(l.kind()) + " och " + kind_name(r.kind()));
        throw Failed{};
      }
      int64_t l = checked_int(eval_in(e->args[0]), at, *diags_, "räkneoperationen");
      int64_t r = checked_int(eval_in(e->args[1]), at, *diags_, "räkneoperationen");
      return Value(arithmetic(e->op, l, r, at, *diags_));
    }
    case Expr::Op::Div: {
      // Division gives an exact share; it is rounded once, by the filter that shows it.
      int64_t l = checked_int(eval_in(e->args[0]), at, *diags_, "/");
      int64_t r = checked_int(eval_in(e->args[1]), at, *diags_, "/");
      if (r == 0) {
        diags_->error(at, "division med noll i '" + describe(e->args[1]) + "'");
        throw Failed{};
      }
      if (r < 0 && (__builtin_sub_overflow(0, l, &l) || __builtin_sub_overflow(0, r, &r)))
        overflow(at, *diags_, "/");
      return Value(sv::Fraction{l, r});
    }
    case Expr::Op::Filter: {
      if (e->name == "varje") return each(e);
      const auto& table = filter_table();
      auto f = table.find(e->name);
      if (f == table.end()) {
        std::vector<std::string> names;
        for (const auto& [k, v] : table) names.push_back(k);
        diags_->error(at, "okänt filter '" + e->name + "'" + suggest(e->name, names));
        throw Failed{};
      }
      Value in;
      if (e->name == "finns") {
        // `x.y | finns`: whether the data has the field at all, without an error when it
        // does not (a data set without the group, a year without follow-up).
        auto v = probe(e->args[0]);
        in = Value(v && !v->is_null() && !(v->is_str() && v->as_str().empty()));
      }
      if (e->name == "standard") {
        // `x.y | standard("–")` also covers a field that does not exist at all (an
        // optional template parameter): evaluate the input tentatively.
        Diagnostics tentative;
        Diagnostics* outer = diags_;
        diags_ = &tentative;
        try {
          in = eval_in(e->args[0]);
        } catch (const Failed&) {
          in = Value();
        }
        diags_ = outer;
      }
      const Value* input = &in;
      if (e->name != "standard" && e->name != "finns") {
        input = ref(e->args[0]);
        if (!input) in = eval_in(e->args[0]), input = &in;
      }
      std::vector<Value> args;
      for (size_t i = 1; i < e->args.size(); ++i) args.push_back(eval_in(e->args[i]));
      // A filter given a field the data set lacks: say where in the data it belongs.
      Diagnostics own;
      const bool missing = input->is_null() && positions_ && data_path(e->args[0]);
      FilterCall call{*input, args, at, missing ? own : *diags_, style_};
      std::optional<Value> r;
      try {
        r = f->second(call);
        if (missing && own.has_errors()) {
          if (!report_missing(e->args[0], at, "filtret '" + e->name + "'")) diags_->append(own);
          throw Failed{};
        }
        if (missing) diags_->append(own);
      } catch (const std::overflow_error&) {  // the Swedish number formatting's 64-bit range
        diags_->error(at, "filtret '" + e->name + "' fick ett för stort tal");
        throw Failed{};
      } catch (const std::invalid_argument& bad) {  // its messages are Swedish
        diags_->error(at, "filtret '" + e->name + "': " + bad.what());
        throw Failed{};
      }
      if (!r) throw Failed{};
      if (std::string why = size_beyond_limits(*r); !why.empty()) exceeded(at, why);
      return *r;
    }
  }
  throw Failed{};
}

std::string Expander::eval_text(const ExprPtr& e, Span at) {
  try {
    Value v = eval_in(e);
    if (v.is_null()) {
      if (!report_missing(e, at, "skrivs ut i mallen"))
        diags_->error(at, "'" + describe(e) +
                              "' saknar värde i data (använd | standard(\"…\") om det får saknas)");
      return "";
    }
    if (v.is_map()) {
      diags_->error(
          at, "'" + describe(e) + "' är en post och kan inte skrivas ut direkt; välj ett fält");
      return "";
    }
    return to_text(v);
  } catch (const Failed&) {
    return "";
  }
}

void Expander::stop(const Span& at, const std::string& message) {
  diags_->error(at, message);
  stopped_ = true;
}

void Expander::exceeded(const Span& at, const std::string& message) {
  stop(at, message);
  throw Failed{};
}

// A body inside `at` ({% if %}, {% for %}, an included file): one level deeper, counted
// across included files so that the limit holds for the whole expansion.
void Expander::nested(const Body& body, Out& out, int depth, const Node& at) {
  if (depth + 1 > limits::kStatementDepth) {
    stop(at.span, "{% if %}, {% for %} och {% include %} är nästlade för djupt (högst " +
                      std::to_string(limits::kStatementDepth) + " nivåer)");
    return;
  }
  run(body, out, depth + 1);
}

void Expander::include(const Node& n, Out& out, int depth) {
  if (include_chain_.size() >= static_cast<size_t>(limits::kIncludeDepth)) {
    stop(n.span, "för djupt nästlade {% include %} (högst " +
                     std::to_string(limits::kIncludeDepth) + " nivåer)");
    return;
  }
  if (++includes_done_ > limits::kIncludes) {
    stop(n.span, "för många {% include %} (högst " + count(limits::kIncludes) + " i ett dokument)");
    return;
  }
  // Parsed once per file: an include inside a loop is not read and parsed on every pass.
  auto known = included_by_name_.find(n.name);
  if (known == included_by_name_.end()) {
    IncludedFile read;
    std::string why;
    std::shared_ptr<const Included> file;
    if (!includes_ || !includes_(n.name, read, why)) {
      diags_->error(n.span,
                    why.empty() ? "filen '" + n.name + "' att inkludera finns inte i mallen" : why);
    } else if (auto same = included_by_path_.find(read.key); same != included_by_path_.end()) {
      file = same->second;
    } else {
      Body body = parse_template(read.path, read.text, *diags_);
      file = std::make_shared<const Included>(Included{read.key, read.path, std::move(body)});
      included_by_path_.emplace(read.key, file);
    }
    known = included_by_name_.emplace(n.name, file).first;
  }
  if (!known->second) return;  // reported the first time
  const Included& file = *known->second;
  auto cycle = std::find_if(include_chain_.begin(), include_chain_.end(),
                            [&](const Included* f) { return f->key == file.key; });
  if (cycle != include_chain_.end()) {
    std::string chain;
    for (auto it = cycle; it != include_chain_.end(); ++it) chain += (*it)->path + " → ";
    stop(n.span, "{% include %} tar med sig själv: " + chain + file.path);
    return;
  }
  include_chain_.push_back(&file);
  nested(file.body, out, depth, n);
  include_chain_.pop_back();
  if (!out.text.empty() && out.text.back() != '\n') out.append("\n", n.span, false);
}

// Svenska skrivregler: two numbers must not stand side by side ("under år 2019 5 miljoner
// kronor"): one is written in words or the sentence rephrased. Checked where a value meets
// the text around it, the one place a template cannot see what it prints. A grouped
// number ("5 394 915") has no-break spaces, so only an ordinary space counts.
namespace {

// The number a word starts with, as text prints it: digits, a decimal comma or point, and
// no-break spaces between digit groups ("5 394 915", "5,1"); "5 miljoner" gives "5".
std::string_view leading_number(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    const char c = w[i];
    if (c >= '0' && c <= '9') {
      ++i;
    } else if ((c == ',' || c == '.') && i + 1 < w.size() && w[i + 1] >= '0' && w[i + 1] <= '9') {
      ++i;
    } else if (c == '\xC2' && i + 2 < w.size() && w[i + 1] == '\xA0' && w[i + 2] >= '0' &&
               w[i + 2] <= '9') {
      i += 2;
    } else {
      break;
    }
  }
  return w.substr(0, i);
}

// A whole word that is a number, sentence punctuation after it aside ("2019", "5.").
bool number_like(std::string_view w) {
  while (!w.empty() && std::string_view(".,;:!?)").find(w.back()) != std::string_view::npos)
    w.remove_suffix(1);
  return !w.empty() && leading_number(w).size() == w.size();
}

}  // namespace

void Expander::numerals_side_by_side(const std::string& before, const std::string& next,
                                     const Span& at) {
  // The joined text around the junction, as the reader sees it: "… 2019" + " 5 miljoner".
  const size_t n = before.size();
  size_t from = n;
  while (from > 0 && before[from - 1] != '\n') --from;
  if (n - from > 64) from = n - 64;
  std::string around = before.substr(from);
  const size_t junction = around.size();
  around += next.substr(0, std::min<size_t>(next.find('\n'), 64));
  // The space where the two texts meet: the last one before the junction or the first after.
  size_t space = std::string::npos;
  if (junction > 0 && around[junction - 1] == ' ')
    space = junction - 1;
  else if (junction < around.size() && around[junction] == ' ')
    space = junction;
  if (space == std::string::npos || space == 0) return;
  size_t a = space;
  while (a > 0 && around[a - 1] != ' ') --a;
  size_t b = around.find(' ', space + 1);
  if (b == std::string::npos) b = around.size();
  const std::string left = around.substr(a, space - a),
                    right = around.substr(space + 1, b - space - 1);
  // "2019" then "5" (or "5 miljoner"): the word before ends the number, the one after
  // starts with one; "2019," or "kap. 3" are no two numerals.
  if (left.empty() || left.back() < '0' || left.back() > '9' || !number_like(left) ||
      leading_number(right).empty())
    return;
  const size_t e = around.find(' ', b + 1);
  const std::string shown = around.substr(a, (e == std::string::npos ? around.size() : e) - a);
  diags_->warning(at, "två tal står bredvid varandra ('" + shown +
                          "'); skriv det ena med bokstäver (| med_bokstäver) eller formulera om");
}

void Expander::run(const Body& body, Out& out, int depth) {
  for (const Node& n : body) {
    if (stopped_) return;
    switch (n.kind) {
      case Node::Kind::Text:
        numerals_side_by_side(out.text, n.text, n.span);
        out.append(n.text, n.span, true);
        break;
      case Node::Kind::Output: {
        // `{{ x | markdown }}` is the one way to paste markup: the value goes in as written.
        const ExprPtr& e = n.expr;
        bool markup = e && e->op == Expr::Op::Filter && e->name == "markdown" && !e->args.empty();
        // A macro's text is template output, already escaped where it inserted values.
        bool macro = e && e->op == Expr::Op::Call;
        std::string text = eval_text(markup ? e->args[0] : e, n.span);
        markup = markup || macro;
        if (markdown_ && !markup)
          text = escape_markdown(text, out.text.empty() ? '\n' : out.text.back());
        numerals_side_by_side(out.text, text, n.span);
        out.append(text, n.span, false);
        break;
      }
      case Node::Kind::Set:
        assign(n.var, eval(n.expr), n.span);
        break;
      case Node::Kind::Macro:
        macros_[n.name] = std::make_shared<const Node>(n);
        break;
      case Node::Kind::If:
        for (const Branch& b : n.branches) {
          if (!b.condition || eval(b.condition).truthy()) {
            nested(b.body, out, depth, n);
            break;
          }
        }
        break;
      case Node::Kind::For: {
        Value list = eval(n.expr);
        if (!list.is_list()) {
          if (!list.is_null())
            diags_->error(n.span, "{% for %} kräver en lista, men fick " + kind_name(list.kind()));
          break;
        }
        const List& items = list.as_list();
        if (items.empty()) nested(n.empty, out, depth, n);
        PassDiagnostics passes(diags_);
        for (size_t i = 0; i < items.size() && !stopped_; ++i) {
          ++passes.count;
          if (++iterations_ > limits::kLoopIterations) {
            stop(n.span, "för många varv i {% for %} (högst " + count(limits::kLoopIterations) +
                             " sammanlagt i ett dokument)");
            break;
          }
          // Built in key order at the end, without copying entries from initializer lists.
          Map loop;
          loop.emplace_hint(loop.end(), "första", Value(i == 0));
          loop.emplace_hint(loop.end(), "index", Value(static_cast<int64_t>(i + 1)));
          loop.emplace_hint(loop.end(), "näst_sista", Value(i + 2 == items.size()));
          loop.emplace_hint(loop.end(), "sista", Value(i + 1 == items.size()));
          Map& scope = scopes_.emplace_back();
          scope.emplace(n.var, items[i]);
          scope.emplace("loop", Value(std::move(loop)));
          nested(n.body, out, depth, n);
          forget_loop_scope();
        }
        break;
      }
      case Node::Kind::Include:
        include(n, out, depth);
        break;
      case Node::Kind::Block: {
        Map visible = root_.as_map();
        for (const auto& s : scopes_)
          for (const auto& [k, v] : s) visible[k] = v;
        blocks_.push_back({n.name, n.arg, Value(std::move(visible)), n.span});
        out.append("\n<!--rv-block-" + std::to_string(blocks_.size() - 1) + "-->\n\n", n.span,
                   false);
        break;
      }
    }
    if (out.text.size() > limits::kExpandedBytes && !stopped_)
      stop(n.span, "mallen ger för mycket text (högst " + mib(limits::kExpandedBytes) + ")");
  }
}

Expansion Expander::expand(const Body& body) {
  Out out;
  blocks_.clear();
  refs_.clear();
  stopped_ = false;
  iterations_ = 0;
  includes_done_ = 0;
  set_in_loop_.clear();
  loop_only_.clear();
  macros_.clear();
  patterns_.clear();
  expanding_ = true;
  run(body, out, 0);
  expanding_ = false;
  Expansion e;
  e.markdown = std::move(out.text);
  e.line_spans = std::move(out.line_spans);
  e.blocks = std::move(blocks_);
  e.refs = std::move(refs_);
  return e;
}

}  // namespace rv::tmpl
