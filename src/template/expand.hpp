// Template evaluation: syntax tree + data context → Markdown text with a line map back to
// the template, plus the data-bound blocks ({% tabell %}, {% diagram %}) it asked for.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "template/syntax.hpp"

namespace rv::tmpl {

struct HouseStyle {
  bool percent_space = true;  // "94 %" (true) or "94%"
  int word_limit = 12;        // numbers up to this are written in words in prose
};

struct BlockRequest {
  std::string kind;  // "tabell" | "diagram"
  std::string id;    // declared in the template settings
  Value scope;       // a record of the variables visible where the block stood
  Span span;
};

// `{{ ref("namn") }}` or `{{ sida("namn") }}` in the body: a cross-reference to a table,
// chart or heading, resolved once the whole document is built (it may come first).
struct CrossRef {
  bool page = false;     // sida(): the target's page number; ref(): its number ("tabell 3")
  bool capital = false;  // ref("namn", "versal"): "Tabell 3" at the start of a sentence
  std::string id;
  Span span;
};

struct Expansion {
  std::string markdown;
  std::vector<Span> line_spans;      // markdown line i (0-based) → template position
  std::vector<BlockRequest> blocks;  // placeholder "<!--rv-block-N-->" refers to blocks[N]
  std::vector<CrossRef> refs;        // placeholder "[](#rv-ref-N)" refers to refs[N]
};

// An included file as read: `path` names it in messages, `key` is its canonical path (two
// names for one file share one parse).
struct IncludedFile {
  std::string key, path, text;
};
// Reads an included file; returns false when it cannot, with the reason in `why` (Swedish,
// for the message) when there is more to say than "not found".
using IncludeReader =
    std::function<bool(const std::string& name, IncludedFile& file, std::string& why)>;

// Where in the data set a field the template reads belongs ("dokument.rådsdatum" → the
// `dokument:` section's position), so that a value the template needs and the data set lacks
// is reported where the official adds it, not at the template line (bind.hpp makes one).
struct DataPlace {
  Span span;            // the section in the data set where the field is added
  std::string section;  // "dokument", "bidrag", "grupper (kommuner)"
  std::string field;    // "rådsdatum"
};
struct DataPositions {
  std::function<std::optional<DataPlace>(const std::string& path)> find;
  // Each missing field is reported once per document, whichever expression meets it first.
  mutable std::set<std::string> reported;
};

class Expander {
 public:
  Expander(Value context, HouseStyle style, IncludeReader includes, Diagnostics& diags);
  Expansion expand(const Body& body);
  // Evaluates one expression in the root context (settings values like the title).
  Value eval(const ExprPtr& e);
  // A variable in a scope of its own on top, until pop_local(): a table's `rad`, rebound
  // for each row without making a scope per row or per cell.
  Value& push_local(const std::string& name) { return scopes_.emplace_back()[name]; }
  void pop_local() { scopes_.pop_back(); }
  std::string eval_text(const ExprPtr& e, Span at);
  // Values are escaped for Markdown (the body) unless the expansion is plain text that no
  // Markdown parser reads (settings texts: captions, running headers, the title page).
  void set_plain_text() { markdown_ = false; }
  // A missing data field the template needs is reported at its place in the data set.
  void set_data_positions(const DataPositions* p) { positions_ = p; }
  // A settings text parsed on its own starts at line 1: where it really is in mall.yaml.
  void set_text_origin(Span at) { origin_ = at; }

 private:
  struct Out;
  struct Included {
    std::string key, path;  // canonical path; the path messages show
    Body body;
  };
  void run(const Body& body, Out& out, int depth);
  void numerals_side_by_side(const std::string& before, const std::string& next, const Span& at);
  void nested(const Body& body, Out& out, int depth, const Node& at);
  void include(const Node& n, Out& out, int depth);
  // A resource limit was reached: report it and end the expansion (after this node, or
  // at once, leaving the expression being evaluated).
  void stop(const Span& at, const std::string& message);
  [[noreturn]] void exceeded(const Span& at, const std::string& message);
  Value eval_in(const ExprPtr& e);
  std::optional<Value> probe(const ExprPtr& e);
  const Value* ref(const ExprPtr& e) const;
  const Value* lookup(const std::string& name) const;
  std::vector<std::string> names_in_scope() const;
  // Collects what one loop reports while it lives and passes it on, each distinct
  // diagnostic once with the number of passes that raised it.
  class PassDiagnostics {
   public:
    explicit PassDiagnostics(Diagnostics*& current);
    ~PassDiagnostics();
    PassDiagnostics(const PassDiagnostics&) = delete;
    PassDiagnostics& operator=(const PassDiagnostics&) = delete;
    int count = 0;  // passes run

   private:
    Diagnostics*& current_;
    Diagnostics* outer_;
    Diagnostics inside_;
  };
  void assign(const std::string& name, Value v, const Span& at);
  Value call(const ExprPtr& e);
  Value cross_ref(const ExprPtr& e);
  struct PatternPart {
    std::string text;  // literal text, or
    ExprPtr expr;      // a {…} of the pattern
  };
  const std::vector<PatternPart>& pattern(const ExprPtr& e);
  Value each(const ExprPtr& e);
  void forget_loop_scope();
  std::optional<std::string> data_path(const ExprPtr& e) const;
  // Reports `path` as missing at its data position, once per path; false when it has none.
  bool report_missing(const ExprPtr& e, const Span& at, const std::string& why);

  Value root_;               // the data context, shared, never copied
  std::vector<Map> scopes_;  // local scopes (set, for), innermost last; looked up before root_
  // Names a {% set %} created inside a loop pass (where), and those whose loop has ended.
  std::map<std::string, Span> set_in_loop_, loop_only_;
  std::map<std::string, std::shared_ptr<const Node>> macros_;  // defined so far
  int macro_depth_ = 0;
  std::map<const Expr*, std::vector<PatternPart>> patterns_;  // varje's, parsed once
  HouseStyle style_;
  IncludeReader includes_;
  Diagnostics* diags_;  // a pointer so `standard` can evaluate its input tentatively
  std::vector<BlockRequest> blocks_;
  std::vector<CrossRef> refs_;
  bool expanding_ = false;  // in expand(): a body's text, not a settings expression
  bool markdown_ = true;
  const DataPositions* positions_ = nullptr;
  Span origin_;
  // Resource limits (doc/limits.hpp): counted over one expansion; after one is reached
  // the expansion stops, with that one error.
  bool stopped_ = false;
  int64_t iterations_ = 0;
  int includes_done_ = 0;
  // Included files parsed once each, by name and by canonical path (null: unreadable,
  // already reported); the chain of files being included, for cycles.
  std::map<std::string, std::shared_ptr<const Included>> included_by_name_, included_by_path_;
  std::vector<const Included*> include_chain_;
};

// A filter call: input, arguments, where it was written. A filter returns nullopt after
// reporting what was wrong (wrong type, bad argument) to diags.
struct FilterCall {
  const Value& in;
  const std::vector<Value>& args;
  const Span& at;
  Diagnostics& diags;
  const HouseStyle& style;
};
using FilterFn = std::optional<Value> (*)(const FilterCall&);
const std::map<std::string, FilterFn>& filter_table();

}  // namespace rv::tmpl
