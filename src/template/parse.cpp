// Template text → syntax tree. Tags: {{ expr }}, {% statement %}, {# comment #}.
// A statement or comment tag alone on its line takes the whole line with it, so that
// control flow leaves no blank lines in the Markdown it produces.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <deque>
#include <optional>
#include <set>

#include "doc/limits.hpp"
#include "template/syntax.hpp"

namespace rv::tmpl {

namespace {

// Byte offset → 1-based line and character column.
class Positions {
 public:
  Positions(const std::string& file, const std::string& text) : file_(file), text_(text) {
    starts_.push_back(0);
    for (size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1))
      starts_.push_back(i + 1);
  }
  Span at(size_t offset) const {
    size_t line = std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin();
    size_t start = starts_[line - 1];
    // Positions are asked for mostly in increasing order, often many on one long prose
    // line: continue counting from the previous answer instead of from the line start.
    // The parser also steps back a little (an operator's position is taken after its
    // right operand): then count back from the previous answer.
    auto chars = [&](size_t from, size_t to) {
      int n = 0;
      for (size_t i = from; i < to && i < text_.size(); ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++n;
      return n;
    };
    int col;
    if (line != last_line_)
      col = 1 + chars(start, offset);
    else if (offset >= last_offset_)
      col = last_col_ + chars(last_offset_, offset);
    else
      col = last_col_ - chars(offset, last_offset_);
    last_line_ = line, last_offset_ = offset, last_col_ = col;
    return Span{file_, static_cast<int>(line), col};
  }
  // The offsets where the line holding `offset` starts and ends (at its '\n' or the end):
  // found by binary search, so that many tags on one long line cost no rescans of it.
  size_t line_start(size_t offset) const {
    return *(std::upper_bound(starts_.begin(), starts_.end(), offset) - 1);
  }
  size_t line_end(size_t offset) const {
    auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return next == starts_.end() ? text_.size() : *next - 1;
  }

 private:
  std::string file_;
  const std::string& text_;
  std::vector<size_t> starts_;
  mutable size_t last_line_ = 0, last_offset_ = 0;
  mutable int last_col_ = 1;
};

// ---- expressions ----------------------------------------------------------------------

// A token's text views the expression's source (or a literal): tokens are copied
// around a lot while parsing and need no strings of their own.
struct Tok {
  enum Kind { Ident, Number, String, Op, End } kind;
  std::string_view text;
  size_t offset;
};

bool ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

class ExprParser {
 public:
  ExprParser(const std::string& src, size_t base, const Positions& pos, Diagnostics& d)
      : src_(src), base_(base), pos_(pos), diags_(d) {
    lex();
  }

  ExprPtr parse_full() {
    ExprPtr e = parse_filtered();
    if (ok_ && peek().kind != Tok::End)
      fail(peek(), "oväntat '" + std::string(peek().text) + "' i uttrycket");
    return ok_ ? e : nullptr;
  }
  // For "x in list": parses an identifier, the word "in" and an expression.
  bool ok() const { return ok_; }
  const Tok& peek() const { return toks_[i_]; }
  Tok next() { return toks_[i_ < toks_.size() - 1 ? i_++ : i_]; }
  bool accept(std::string_view op) {
    if ((peek().kind == Tok::Op || peek().kind == Tok::Ident) && peek().text == op) {
      ++i_;
      return true;
    }
    return false;
  }
  void fail(const Tok& t, std::string msg) {
    if (ok_) diags_.error(pos_.at(base_ + t.offset), std::move(msg));
    ok_ = false;
  }
  ExprPtr parse_filtered() {
    Nesting nesting(*this, peek());
    if (!ok_) return nullptr;
    ExprPtr e = parse_cond();
    while (ok_ && accept("|")) {
      Tok name = next();
      if (name.kind != Tok::Ident) {
        fail(name, "filternamn saknas efter '|'");
        return nullptr;
      }
      auto f = std::make_shared<Expr>();
      f->op = Expr::Op::Filter;
      f->name = name.text;
      f->span = span(name);
      f->args.push_back(e);
      if (accept("(")) {
        if (!accept(")")) {
          do f->args.push_back(parse_cond());
          while (ok_ && accept(","));
          if (!accept(")")) fail(peek(), "')' saknas efter filtrets argument");
        }
      }
      measure(*f, name);
      e = f;
    }
    return e;
  }

 private:
  // Counts the parser's own recursion (parentheses, lists, indexes, `not`, unary minus)
  // so that a hostile expression is an error before the stack runs out.
  struct Nesting {
    ExprParser& p;
    Nesting(ExprParser& parser, const Tok& at) : p(parser) {
      if (++p.nesting_ > limits::kExpressionDepth) p.too_deep(at);
    }
    ~Nesting() { --p.nesting_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;
  };
  void too_deep(const Tok& at) {
    fail(at, "uttrycket är nästlat för djupt (högst " + std::to_string(limits::kExpressionDepth) +
                 " nivåer)");
  }
  // The tree's depth also bounds evaluation, printing and freeing it, which all recurse:
  // a long chain (a sum of many terms, many filters) is as deep as it is long.
  void measure(Expr& e, const Tok& at) {
    int below = 0;
    for (const ExprPtr& a : e.args)
      if (a) below = std::max(below, a->depth);
    e.depth = below + 1;
    if (e.depth > limits::kExpressionDepth) too_deep(at);
  }

  Span span(const Tok& t) const { return pos_.at(base_ + t.offset); }

  void lex() {
    const std::string_view src(src_);
    size_t i = 0, n = src.size();
    while (i < n) {
      unsigned char c = src[i];
      if (std::isspace(c)) {
        ++i;
      } else if (std::isdigit(c)) {
        size_t s = i;
        while (i < n && std::isdigit(static_cast<unsigned char>(src[i]))) ++i;
        // A decimal literal (0.95), unless the number is a member name (lista.0.1).
        bool member = !toks_.empty() && toks_.back().kind == Tok::Op && toks_.back().text == ".";
        if (!member && i + 1 < n && src[i] == '.' &&
            std::isdigit(static_cast<unsigned char>(src[i + 1]))) {
          ++i;
          while (i < n && std::isdigit(static_cast<unsigned char>(src[i]))) ++i;
        }
        toks_.push_back({Tok::Number, src.substr(s, i - s), s});
      } else if (ident_start(c)) {
        size_t s = i;
        while (i < n && ident_char(static_cast<unsigned char>(src[i]))) ++i;
        toks_.push_back({Tok::Ident, src.substr(s, i - s), s});
      } else if (c == '"' || c == '\'') {
        size_t s = i++;
        while (i < n && src[i] != static_cast<char>(c)) ++i;
        if (i >= n) {
          diags_.error(pos_.at(base_ + s), "text inom citattecken saknar avslutande citattecken");
          ok_ = false;
          break;
        }
        ++i;
        toks_.push_back({Tok::String, src.substr(s + 1, i - s - 2), s});
      } else {
        static const char* two[] = {"==", "!=", "<=", ">="};
        std::string_view op = src.substr(i, 1);
        for (auto t : two)
          if (src.substr(i, 2) == t) op = src.substr(i, 2);
        if (c == 0 || !std::strchr("|.,()[]{}:<>+-*/=!", static_cast<char>(c))) {
          diags_.error(pos_.at(base_ + i),
                       std::string("oväntat tecken '") + static_cast<char>(c) + "' i uttrycket");
          ok_ = false;
          ++i;
          continue;
        }
        toks_.push_back({Tok::Op, op, i});
        i += op.size();
      }
    }
    toks_.push_back({Tok::End, "slutet", src_.size()});
  }

  // The operands are moved in (an initializer list would copy each shared pointer).
  template <typename... Operands>
  ExprPtr make(Expr::Op op, const Tok& at, Operands&&... operands) {
    auto e = std::make_shared<Expr>();
    e->op = op;
    e->args.reserve(sizeof...(operands));
    (e->args.push_back(std::forward<Operands>(operands)), ...);
    e->span = span(at);
    measure(*e, at);
    return e;
  }

  ExprPtr parse_cond() {
    ExprPtr then = parse_or();
    if (ok_ && peek().kind == Tok::Ident && peek().text == "if") {
      Tok t = next();
      ExprPtr c = parse_or();
      if (!accept("else")) {
        fail(peek(), "'else' saknas i 'a if villkor else b'");
        return nullptr;
      }
      ExprPtr other = parse_or();
      return make(Expr::Op::Cond, t, std::move(then), std::move(c), std::move(other));
    }
    return then;
  }
  ExprPtr parse_or() {
    ExprPtr l = parse_and();
    while (ok_ && peek().text == "or" && peek().kind == Tok::Ident) {
      Tok t = next();
      l = make(Expr::Op::Or, t, std::move(l), parse_and());
    }
    return l;
  }
  ExprPtr parse_and() {
    ExprPtr l = parse_not();
    while (ok_ && peek().text == "and" && peek().kind == Tok::Ident) {
      Tok t = next();
      l = make(Expr::Op::And, t, std::move(l), parse_not());
    }
    return l;
  }
  ExprPtr parse_not() {
    if (peek().kind == Tok::Ident && peek().text == "not") {
      Tok t = next();
      Nesting nesting(*this, t);
      if (!ok_) return nullptr;
      return make(Expr::Op::Not, t, parse_not());
    }
    return parse_cmp();
  }
  ExprPtr parse_cmp() {
    ExprPtr l = parse_add();
    static const std::pair<const char*, Expr::Op> ops[] = {
        {"==", Expr::Op::Eq}, {"!=", Expr::Op::Ne}, {"<=", Expr::Op::Le},
        {">=", Expr::Op::Ge}, {"<", Expr::Op::Lt},  {">", Expr::Op::Gt}};
    for (auto [txt, op] : ops) {
      if (peek().kind == Tok::Op && peek().text == txt) {
        Tok t = next();
        return make(op, t, std::move(l), parse_add());
      }
    }
    return l;
  }
  ExprPtr parse_add() {
    ExprPtr l = parse_mul();
    while (ok_ && peek().kind == Tok::Op && (peek().text == "+" || peek().text == "-")) {
      Tok t = next();
      l = make(t.text == "+" ? Expr::Op::Add : Expr::Op::Sub, t, std::move(l), parse_mul());
    }
    return l;
  }
  ExprPtr parse_mul() {
    ExprPtr l = parse_unary();
    while (ok_ && peek().kind == Tok::Op && (peek().text == "*" || peek().text == "/")) {
      Tok t = next();
      l = make(t.text == "*" ? Expr::Op::Mul : Expr::Op::Div, t, std::move(l), parse_unary());
    }
    return l;
  }
  ExprPtr parse_unary() {
    if (peek().kind == Tok::Op && peek().text == "-") {
      Tok t = next();
      Nesting nesting(*this, t);
      if (!ok_) return nullptr;
      return make(Expr::Op::Neg, t, parse_unary());
    }
    return parse_postfix();
  }
  ExprPtr parse_postfix() {
    ExprPtr e = parse_primary();
    while (ok_) {
      if (peek().kind == Tok::Op && peek().text == ".") {
        next();  // the dot
        Tok name = next();
        if (name.kind != Tok::Ident && name.kind != Tok::Number) {
          fail(name, "namn saknas efter '.'");
          return nullptr;
        }
        auto m = make(Expr::Op::Member, name, std::move(e));
        std::const_pointer_cast<Expr>(m)->name = name.text;
        e = m;
      } else if (peek().kind == Tok::Op && peek().text == "[") {
        Tok t = next();
        ExprPtr idx = parse_filtered();
        if (!accept("]")) fail(peek(), "']' saknas");
        e = make(Expr::Op::Index, t, std::move(e), std::move(idx));
      } else {
        break;
      }
    }
    return e;
  }
  // Comma-separated expressions up to `close` (the opening bracket already read) into
  // e.args: a list's elements, a macro call's arguments.
  void items(Expr& e, std::string_view close) {
    if (accept(close)) return;
    do e.args.push_back(parse_filtered());
    while (ok_ && accept(","));
    if (!accept(close)) fail(peek(), "'" + std::string(close) + "' saknas");
  }
  ExprPtr parse_primary() {
    Tok t = next();
    auto e = std::make_shared<Expr>();
    e->span = span(t);
    switch (t.kind) {
      case Tok::Number: {
        // 0.95 is the exact fraction 95/100: digits without the point over 10^decimals.
        const size_t point = t.text.find('.');
        std::string digits(t.text);
        int64_t den = 1;
        if (point != std::string_view::npos) {
          digits.erase(point, 1);
          size_t decimals = t.text.size() - point - 1;
          if (decimals > 18) {
            fail(t, "talet " + std::string(t.text) + " har för många decimaler (högst 18)");
            return nullptr;
          }
          for (size_t k = 0; k < decimals; ++k) den *= 10;
        }
        int64_t n = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec != std::errc() || end != digits.data() + digits.size()) {
          fail(t,
               "talet " + std::string(t.text) + " är för stort (högst 9 223 372 036 854 775 807)");
          return nullptr;
        }
        e->op = Expr::Op::Literal;
        e->literal = den == 1 ? Value(n) : Value(sv::Fraction{n, den});
        return e;
      }
      case Tok::String:
        e->op = Expr::Op::Literal;
        e->literal = Value(std::string(t.text));
        return e;
      case Tok::Ident:
        if (t.text == "sant" || t.text == "true") return e->literal = Value(true), e;
        if (t.text == "falskt" || t.text == "false") return e->literal = Value(false), e;
        if (t.text == "inget" || t.text == "none") return e;
        e->name = t.text;
        if (peek().kind == Tok::Op && peek().text == "(") {  // a macro call
          next();
          e->op = Expr::Op::Call;
          items(*e, ")");
          measure(*e, t);
          return e;
        }
        e->op = Expr::Op::Var;
        return e;
      case Tok::Op:
        if (t.text == "(") {
          ExprPtr inner = parse_filtered();
          if (!accept(")")) fail(peek(), "')' saknas");
          return std::const_pointer_cast<Expr>(inner);
        }
        if (t.text == "{") {
          e->op = Expr::Op::RecordLit;
          if (!accept("}")) {
            do {
              Tok key = next();
              if (key.kind != Tok::Ident && key.kind != Tok::String) {
                fail(key, "fältnamn saknas i posten (skriv {namn: värde, …})");
                return nullptr;
              }
              if (std::find(e->keys.begin(), e->keys.end(), key.text) != e->keys.end()) {
                fail(key, "fältet '" + std::string(key.text) + "' finns redan i posten");
                return nullptr;
              }
              if (!accept(":")) {
                fail(peek(), "':' saknas efter fältnamnet '" + std::string(key.text) + "'");
                return nullptr;
              }
              e->keys.emplace_back(key.text);
              e->args.push_back(parse_filtered());
            } while (ok_ && accept(","));
            if (!accept("}")) fail(peek(), "'}' saknas");
          }
          measure(*e, t);
          return e;
        }
        if (t.text == "[") {
          e->op = Expr::Op::ListLit;
          items(*e, "]");
          measure(*e, t);
          return e;
        }
        break;
      case Tok::End:
        fail(t, "uttrycket är tomt eller slutar för tidigt");
        return nullptr;
    }
    fail(t, "oväntat '" + std::string(t.text) + "' i uttrycket");
    return nullptr;
  }

  const std::string& src_;
  size_t base_;
  const Positions& pos_;
  Diagnostics& diags_;
  std::vector<Tok> toks_;
  size_t i_ = 0;
  int nesting_ = 0;
  bool ok_ = true;
};

// ---- statements -------------------------------------------------------------------------

struct Frame {
  Node node;                    // If or For being built
  Body* current;                // where children go now
  std::string opener;           // "if" / "for"
  std::optional<Span> else_at;  // where its {% else %} stood, once seen
};

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

bool is_name(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u) || u == '_';
  });
}

// "namn(a, b)" into the node's name and parameters; false when it is not written so.
bool read_macro_head(const std::string& head, Node& node) {
  size_t open = head.find('('), close = head.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open ||
      !trim(head.substr(close + 1)).empty())
    return false;
  node.name = trim(head.substr(0, open));
  if (!is_name(node.name)) return false;
  std::string list = trim(head.substr(open + 1, close - open - 1));
  for (size_t from = 0; !list.empty() && from <= list.size();) {
    size_t comma = list.find(',', from);
    std::string p = trim(list.substr(from, comma == std::string::npos ? comma : comma - from));
    if (!is_name(p)) return false;
    node.params.push_back(p);
    if (comma == std::string::npos) break;
    from = comma + 1;
  }
  return true;
}

}  // namespace

Body parse_template(const std::string& file, const std::string& text, Diagnostics& diags) {
  Positions pos(file, text);
  Body root;
  // A deque keeps each frame (and the Body its `current` points into) in place on push.
  std::deque<Frame> stack;
  auto out = [&]() -> Body& { return stack.empty() ? root : *stack.back().current; };
  auto emit_text = [&](size_t from, size_t to) {
    if (to <= from) return;
    Node n;
    n.kind = Node::Kind::Text;
    n.text = text.substr(from, to - from);
    n.span = pos.at(from);
    out().push_back(std::move(n));
  };

  size_t i = 0, n = text.size();
  while (i < n) {
    size_t j = i;
    // "{# " opens a comment only when followed by white space, so that a heading's
    // "{#id}" attribute stays text.
    auto opens = [&](size_t p) {
      if (text[p] != '{') return false;
      char c = text[p + 1];
      if (c == '{' || c == '%') return true;
      return c == '#' && p + 2 < n && std::isspace(static_cast<unsigned char>(text[p + 2]));
    };
    while (j + 1 < n && !opens(j)) {
      // Jump to the next '{' (or to the end): most of a template is plain text.
      const void* brace = std::memchr(text.data() + j + 1, '{', n - j - 1);
      j = brace ? static_cast<const char*>(brace) - text.data() : n - 1;
    }
    if (j + 1 >= n) {
      emit_text(i, n);
      break;
    }
    char type = text[j + 1];
    std::string close = type == '{' ? "}}" : type == '%' ? "%}" : "#}";
    size_t k = text.find(close, j + 2);
    if (k == std::string::npos) {
      emit_text(i, j);
      diags.error(pos.at(j),
                  std::string("taggen '{") + type + "' saknar avslutande '" + close + "'");
      break;
    }
    size_t after = k + 2;
    size_t text_end = j;
    if (type != '{') {
      // Alone on its line? Then drop the line's indentation and its newline.
      size_t line_start = pos.line_start(j);
      bool blank_before = text.find_first_not_of(" \t", line_start) >= j;
      size_t line_end = pos.line_end(after > 0 ? after - 1 : 0);
      bool blank_after = text.find_first_not_of(" \t\r", after) >= line_end;
      if (blank_before && blank_after) {
        text_end = line_start;
        after = line_end == n ? n : line_end + 1;
      }
    }
    emit_text(i, text_end);
    i = after;
    if (type == '#') continue;

    size_t inner_start = j + 2;
    std::string inner = text.substr(inner_start, k - inner_start);
    // Whitespace-control dashes ({%- … -%}) are accepted and ignored.
    if (!inner.empty() && inner.front() == '-') inner[0] = ' ';
    if (!inner.empty() && inner.back() == '-') inner.back() = ' ';
    Span at = pos.at(j);

    if (type == '{') {
      ExprParser p(inner, inner_start, pos, diags);
      Node node;
      node.kind = Node::Kind::Output;
      node.expr = p.parse_full();
      node.span = at;
      if (node.expr) out().push_back(std::move(node));
      continue;
    }

    std::string stmt = trim(inner);
    size_t sp = stmt.find_first_of(" \t");
    std::string word = stmt.substr(0, sp);
    std::string rest = sp == std::string::npos ? "" : stmt.substr(sp + 1);
    size_t rest_offset =
        inner_start + inner.find(stmt) + (sp == std::string::npos ? stmt.size() : sp + 1);

    if ((word == "if" || word == "for" || word == "macro") &&
        stack.size() >= static_cast<size_t>(limits::kStatementDepth)) {
      // Deeper nesting would only recurse deeper when the tree is run and freed: stop
      // here, with one error rather than one per open statement.
      diags.error(at, "{% if %} och {% for %} är nästlade för djupt (högst " +
                          std::to_string(limits::kStatementDepth) + " nivåer)");
      return root;
    }

    if (word == "if") {
      ExprParser p(rest, rest_offset, pos, diags);
      Frame f;
      f.node.kind = Node::Kind::If;
      f.node.span = at;
      f.node.branches.push_back({p.parse_full(), {}});
      f.opener = "if";
      stack.push_back(std::move(f));
      stack.back().current = &stack.back().node.branches.back().body;
    } else if (word == "elif" ||
               (word == "else" && !stack.empty() && stack.back().opener == "if")) {
      if (stack.empty() || stack.back().opener != "if") {
        diags.error(at, "{% " + word + " %} utan föregående {% if %}");
        continue;
      }
      if (const auto& seen = stack.back().else_at) {
        diags.error(at, "{% " + word + " %} efter {% else %} (rad " + std::to_string(seen->line) +
                            "); {% else %} ska stå sist, en gång");
        continue;
      }
      if (word == "else") stack.back().else_at = at;
      ExprPtr cond;
      if (word == "elif") cond = ExprParser(rest, rest_offset, pos, diags).parse_full();
      stack.back().node.branches.push_back({cond, {}});
      stack.back().current = &stack.back().node.branches.back().body;
    } else if (word == "else" && !stack.empty() && stack.back().opener == "for") {
      if (const auto& seen = stack.back().else_at) {
        diags.error(at, "{% else %} efter {% else %} (rad " + std::to_string(seen->line) +
                            ") i samma {% for %}");
        continue;
      }
      stack.back().else_at = at;
      stack.back().current = &stack.back().node.empty;
    } else if (word == "for") {
      // for NAME in EXPR
      size_t in = rest.find(" in ");
      Frame f;
      f.node.kind = Node::Kind::For;
      f.node.span = at;
      f.opener = "for";
      if (in == std::string::npos) {
        diags.error(at, "{% for %} ska skrivas {% for namn in lista %}");
      } else {
        f.node.var = trim(rest.substr(0, in));
        f.node.expr =
            ExprParser(rest.substr(in + 4), rest_offset + in + 4, pos, diags).parse_full();
      }
      stack.push_back(std::move(f));
      stack.back().current = &stack.back().node.body;
    } else if (word == "macro") {
      Frame f;
      f.node.kind = Node::Kind::Macro;
      f.node.span = at;
      f.opener = "macro";
      if (!read_macro_head(rest, f.node))
        diags.error(at, "{% macro %} ska skrivas {% macro namn(parameter, parameter) %}");
      stack.push_back(std::move(f));
      stack.back().current = &stack.back().node.body;
    } else if (word == "endif" || word == "endfor" || word == "endmacro") {
      std::string want = word.substr(3);
      auto open = std::find_if(stack.rbegin(), stack.rend(),
                               [&](const Frame& f) { return f.opener == want; });
      if (open != stack.rend() && open != stack.rbegin()) {
        // An {% if %} left open inside a loop: one error at the if, which ends here, rather
        // than three knock-on errors about the loop and this {% endfor %}.
        while (stack.back().opener != want) {
          diags.error(stack.back().node.span, "{% " + stack.back().opener + " %} saknar {% end" +
                                                  stack.back().opener + " %} före {% " + word +
                                                  " %} på rad " + std::to_string(at.line));
          Node unclosed = std::move(stack.back().node);
          stack.pop_back();
          out().push_back(std::move(unclosed));
        }
      }
      if (stack.empty() || stack.back().opener != want) {
        diags.error(at, "{% " + word + " %} utan motsvarande {% " + want + " %}" +
                            (stack.empty() ? "" : " (öppen: {% " + stack.back().opener + " %})"));
        continue;
      }
      Node done = std::move(stack.back().node);
      stack.pop_back();
      out().push_back(std::move(done));
    } else if (word == "include") {
      Node node;
      node.kind = Node::Kind::Include;
      node.span = at;
      node.name = trim(rest);
      if (node.name.size() >= 2 && (node.name.front() == '"' || node.name.front() == '\''))
        node.name = node.name.substr(1, node.name.size() - 2);
      out().push_back(std::move(node));
    } else if (word == "tabell" || word == "diagram" || word == "sidbrytning" ||
               word == "innehåll" || word == "fyll" || word == "mellanrum") {
      // Blocks the Markdown cannot express: data-bound tables and charts, page breaks,
      // the table of contents and vertical space.
      Node node;
      node.kind = Node::Kind::Block;
      node.span = at;
      node.name = word;
      node.arg = trim(rest);
      if (node.arg.size() >= 2 && (node.arg.front() == '"' || node.arg.front() == '\''))
        node.arg = node.arg.substr(1, node.arg.size() - 2);
      if (node.arg.empty() && (word == "tabell" || word == "diagram" || word == "mellanrum"))
        diags.error(at, "{% " + word + " %} saknar " +
                            (word == "mellanrum" ? std::string("avståndet i punkter")
                                                 : "namnet på " + word + "en"));
      out().push_back(std::move(node));
    } else if (word == "set") {
      size_t eq = rest.find('=');
      Node node;
      node.kind = Node::Kind::Set;
      node.span = at;
      if (eq == std::string::npos) {
        diags.error(at, "{% set %} ska skrivas {% set namn = uttryck %}");
        continue;
      }
      node.var = trim(rest.substr(0, eq));
      node.expr = ExprParser(rest.substr(eq + 1), rest_offset + eq + 1, pos, diags).parse_full();
      out().push_back(std::move(node));
    } else {
      diags.error(
          at, "okänd sats '" + word +
                  "' (tillåtna: if, elif, else, endif, for, endfor, macro, endmacro, include, set, "
                  "tabell, diagram)");
    }
  }
  for (auto it = stack.rbegin(); it != stack.rend(); ++it)
    diags.error(it->node.span, "{% " + it->opener + " %} saknar {% end" + it->opener + " %}");
  return root;
}

namespace {

// A settings expression is parsed as a text of its own, from line 1 column 1: move every
// node's position to where the text stands in mall.yaml, so that an evaluation error (a
// group the data set lacks) points at the expression, not at the file's first line.
void shift_spans(const ExprPtr& e, const Span& at, std::set<const Expr*>& done) {
  if (!e || !done.insert(e.get()).second) return;  // a node reached twice moves once
  // The tree was just made by the parser and nobody else holds it yet.
  auto& span = const_cast<Expr&>(*e).span;
  if (span.line == 1) span.col += at.col - 1;
  span.line += at.line - 1;
  for (const auto& a : e->args) shift_spans(a, at, done);
}

}  // namespace

ExprPtr parse_expression(const std::string& text, Span at, Diagnostics& diags) {
  Diagnostics local;
  Positions pos(at.file, text);
  ExprPtr e = ExprParser(text, 0, pos, local).parse_full();
  for (auto d : local.all()) {
    d.span.line = at.line;
    d.span.col = at.col + d.span.col - 1;
    diags.add(d);
  }
  std::set<const Expr*> done;
  shift_spans(e, at, done);
  return e;
}

}  // namespace rv::tmpl
