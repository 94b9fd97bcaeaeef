// Template syntax tree: text, {{ expression | filter }}, {% if %}, {% for %}, includes
// and data-bound blocks. Every node keeps the Span of the template text it came from.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "template/value.hpp"

namespace rv::tmpl {

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  enum class Op : uint8_t {
    Literal,
    Var,
    Member,
    Index,
    ListLit,
    Not,
    Neg,
    And,
    Or,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Filter,     // args[0] is the input, args[1..] the filter's arguments; name = filter
    Cond,       // args: then, condition, else ("a if c else b")
    Call,       // a macro: name(args…)
    RecordLit,  // {namn: "x", belopp: 5}: keys[i] is args[i]'s field
  };
  Op op = Op::Literal;
  Value literal;
  std::string name;
  std::vector<ExprPtr> args;
  std::vector<std::string> keys;  // RecordLit
  Span span;
  int depth = 1;  // levels of the tree below and including this node (limits::kExpressionDepth)
};

struct Node;
using Body = std::vector<Node>;

struct Branch {
  ExprPtr condition;  // null for {% else %}
  Body body;
};

struct Node {
  enum class Kind : uint8_t { Text, Output, If, For, Include, Block, Set, Macro };
  Kind kind = Kind::Text;
  std::string text;                 // Text
  ExprPtr expr;                     // Output, For (the list), Set (the value)
  std::vector<Branch> branches;     // If
  std::string var;                  // For, Set
  std::vector<std::string> params;  // Macro
  Body body;                        // For (and its {% else %} goes to `empty`), Macro

  Body empty;        // For: rendered when the list is empty
  std::string name;  // Include: file; Block: "tabell" or "diagram"; Macro
  std::string arg;   // Block: the declared table/chart id
  Span span;
};

// Parses a template file's text. Problems go to diags with file:line:col.
Body parse_template(const std::string& file, const std::string& text, Diagnostics& diags);

// Parses a standalone expression (used for settings values); offsets relative to `at`.
ExprPtr parse_expression(const std::string& text, Span at, Diagnostics& diags);

}  // namespace rv::tmpl
