// The --urval condition language: a small recursive-descent parser over characters, with
// every error at its column in the condition.
#include <algorithm>

#include "batch/batch.hpp"
#include "load/suggest.hpp"

namespace rv::batch {

using tmpl::Value;

struct Node {
  enum class Op : uint8_t { And, Or, Not, Truthy, Compare };
  Op op = Op::Truthy;
  std::shared_ptr<const Node> left, right;
  std::string field;    // Truthy, Compare
  std::string compare;  // = != < <= > >=
  bool number = false;  // the right-hand side: a number (value) or a text (text)
  sv::Fraction value{0, 1};
  std::string text;
};

namespace {

bool word_char(unsigned char c) {
  return c >= 0x80 || std::isalnum(c) || c == '_' || c == '.' || c == '-';
}

int compare_fractions(sv::Fraction a, sv::Fraction b) {
  __int128 l = static_cast<__int128>(a.num) * b.den, r = static_cast<__int128>(b.num) * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

class Parser {
 public:
  Parser(std::string_view text, const std::vector<std::string>& fields, Diagnostics& diags,
         const Span& origin)
      : s_(text), fields_(fields), diags_(diags), origin_(origin) {}

  std::shared_ptr<const Node> parse() {
    skip();
    if (pos_ >= s_.size()) {
      fail(pos_, "villkoret är tomt");
      return nullptr;
    }
    auto n = parse_or();
    skip();
    if (n && pos_ < s_.size())
      return fail(pos_, "oväntat '" + token_at(pos_) + "'; förväntade and, or eller slutet");
    return n;
  }

 private:
  // 1-based column in characters (UTF-8 continuation bytes do not count).
  int column(size_t at) const {
    int col = 1;
    for (size_t i = 0; i < at && i < s_.size(); ++i)
      if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++col;
    return col;
  }
  std::shared_ptr<const Node> fail(size_t at, const std::string& message) {
    if (!failed_)
      diags_.error(Span{origin_.file, origin_.line, origin_.col + column(at) - 1}, message);
    failed_ = true;
    return nullptr;
  }
  void skip() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t')) ++pos_;
  }
  std::string token_at(size_t at) const {
    size_t e = at;
    if (e < s_.size() && word_char(static_cast<unsigned char>(s_[e])))
      while (e < s_.size() && word_char(static_cast<unsigned char>(s_[e]))) ++e;
    else
      ++e;
    return std::string(s_.substr(at, e - at));
  }
  // The keyword at the position (either language), consumed when found.
  bool keyword(std::initializer_list<const char*> words) {
    skip();
    std::string t = pos_ < s_.size() ? token_at(pos_) : "";
    for (const char* w : words)
      if (t == w) {
        pos_ += t.size();
        return true;
      }
    return false;
  }

  // Parsing, evaluating and freeing a condition recurse once per level of parentheses or
  // `not` and once per and/or: both are bounded so that no condition can exhaust the stack
  // (the fuzzer's 2 000 opening parentheses did).
  static constexpr int kMaxDepth = 100;
  static constexpr int kMaxParts = 1000;
  bool deeper(size_t at) {
    if (++depth_ <= kMaxDepth) return true;
    fail(at, "villkoret är nästlat för djupt (högst " + std::to_string(kMaxDepth) +
                 " nivåer av parenteser och not)");
    return false;
  }

  std::shared_ptr<const Node> binary(Node::Op op, std::shared_ptr<const Node> l,
                                     std::shared_ptr<const Node> r) {
    if (!l || !r) return nullptr;
    if (++parts_ > kMaxParts)
      return fail(pos_, "villkoret har för många delar (högst 1 000 and och or)");
    auto n = std::make_shared<Node>();
    n->op = op;
    n->left = std::move(l);
    n->right = std::move(r);
    return n;
  }
  std::shared_ptr<const Node> parse_or() {
    auto l = parse_and();
    while (l && keyword({"or", "eller"})) l = binary(Node::Op::Or, l, parse_and());
    return l;
  }
  std::shared_ptr<const Node> parse_and() {
    auto l = parse_not();
    while (l && keyword({"and", "och"})) l = binary(Node::Op::And, l, parse_not());
    return l;
  }
  std::shared_ptr<const Node> parse_not() {
    const size_t at = (skip(), pos_);
    if (keyword({"not", "inte"})) {
      if (!deeper(at)) return nullptr;
      auto inner = parse_not();
      --depth_;
      if (!inner) return nullptr;
      auto n = std::make_shared<Node>();
      n->op = Node::Op::Not;
      n->left = std::move(inner);
      return n;
    }
    return parse_primary();
  }
  std::shared_ptr<const Node> parse_primary() {
    skip();
    if (pos_ >= s_.size()) return fail(pos_, "villkoret slutar mitt i; förväntade ett fält");
    if (s_[pos_] == '(') {
      size_t open = pos_++;
      if (!deeper(open)) return nullptr;
      auto inner = parse_or();
      --depth_;
      if (!inner) return nullptr;
      skip();
      if (pos_ >= s_.size() || s_[pos_] != ')')
        return fail(open, "parentesen stängs aldrig (saknar ')')");
      ++pos_;
      return inner;
    }
    size_t start = pos_;
    if (!word_char(static_cast<unsigned char>(s_[pos_])) ||
        std::isdigit(static_cast<unsigned char>(s_[pos_])))
      return fail(pos_, "förväntade ett fält, inte '" + token_at(pos_) + "'");
    std::string field = token_at(pos_);
    pos_ += field.size();
    if (std::find(fields_.begin(), fields_.end(), field) == fields_.end()) {
      std::vector<std::string_view> known(fields_.begin(), fields_.end());
      auto near = load::closest(field, known);
      return fail(start, "okänt fält '" + field + "'" +
                             (near ? "; menade du '" + *near + "'?" : std::string()));
    }
    auto n = std::make_shared<Node>();
    n->field = field;
    skip();
    static const char* ops[] = {"==", "!=", "<=", ">=", "=", "<", ">"};
    for (const char* op : ops)
      if (s_.substr(pos_, std::char_traits<char>::length(op)) == op) {
        n->op = Node::Op::Compare;
        n->compare = std::string(op) == "==" ? "=" : op;
        pos_ += std::char_traits<char>::length(op);
        if (!literal(*n)) return nullptr;
        return n;
      }
    n->op = Node::Op::Truthy;
    return n;
  }
  // The right-hand side: a number, a quoted text or a bare word.
  bool literal(Node& n) {
    skip();
    if (pos_ >= s_.size())
      return fail(pos_, "jämförelsen saknar ett värde efter '" + n.compare + "'"), false;
    const char c = s_[pos_];
    if (c == '"' || c == '\'') {
      size_t open = pos_, close = s_.find(c, pos_ + 1);
      if (close == std::string_view::npos)
        return fail(open, std::string("texten stängs aldrig (saknar ") + c + ")"), false;
      n.text = std::string(s_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
      return true;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') return number(n);
    if (!word_char(static_cast<unsigned char>(c)))
      return fail(pos_, "förväntade ett tal eller en text, inte '" + token_at(pos_) + "'"), false;
    n.text = token_at(pos_);
    pos_ += n.text.size();
    return true;
  }
  bool number(Node& n) {
    size_t start = pos_;
    bool negative = s_[pos_] == '-';
    if (negative) ++pos_;
    int64_t num = 0, den = 1;
    bool digits = false, point = false;
    for (; pos_ < s_.size(); ++pos_) {
      char c = s_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c))) {
        if (num > (INT64_MAX - 9) / 10 || den > INT64_MAX / 10)
          return fail(start, "talet är för stort"), false;
        num = num * 10 + (c - '0');
        if (point) den *= 10;
        digits = true;
      } else if ((c == ',' || c == '.') && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (!digits) return fail(start, "förväntade ett tal"), false;
    if (pos_ < s_.size() && word_char(static_cast<unsigned char>(s_[pos_])))
      return fail(start, "'" + std::string(s_.substr(start, pos_ - start)) + token_at(pos_) +
                             "' är inget tal; skriv en text inom citattecken"),
             false;
    size_t before_percent = pos_;
    skip();
    if (pos_ < s_.size() && s_[pos_] == '%') {
      ++pos_;
      if (den > INT64_MAX / 100) return fail(start, "talet är för stort"), false;
      den *= 100;
    } else {
      pos_ = before_percent;
    }
    n.number = true;
    n.value = sv::Fraction{negative ? -num : num, den};
    return true;
  }

  std::string_view s_;
  const std::vector<std::string>& fields_;
  Diagnostics& diags_;
  Span origin_;
  size_t pos_ = 0;
  bool failed_ = false;
  int depth_ = 0;  // parentheses and `not` open at the position
  int parts_ = 0;  // and/or read so far
};

const Value* lookup(const Value& record, const std::string& field) {
  const Value* v = &record;
  size_t from = 0;
  while (v && v->is_map()) {
    size_t dot = field.find('.', from);
    v = v->get(field.substr(from, dot == std::string::npos ? std::string::npos : dot - from));
    if (dot == std::string::npos) return v;
    from = dot + 1;
  }
  return nullptr;
}

bool compare_result(int c, const std::string& op) {
  if (op == "=") return c == 0;
  if (op == "!=") return c != 0;
  if (op == "<") return c < 0;
  if (op == "<=") return c <= 0;
  if (op == ">") return c > 0;
  return c >= 0;
}

bool eval(const Node& n, const Value& record) {
  switch (n.op) {
    case Node::Op::And:
      return eval(*n.left, record) && eval(*n.right, record);
    case Node::Op::Or:
      return eval(*n.left, record) || eval(*n.right, record);
    case Node::Op::Not:
      return !eval(*n.left, record);
    case Node::Op::Truthy: {
      const Value* v = lookup(record, n.field);
      return v && v->truthy();
    }
    case Node::Op::Compare:
      break;
  }
  const Value* v = lookup(record, n.field);
  if (!v || v->is_null()) return false;  // unknown: neither more nor less than anything
  if (n.number) {
    if (!v->is_number()) return false;
    return compare_result(compare_fractions(v->as_fraction(), n.value), n.compare);
  }
  std::string have;
  if (v->kind() == Value::Kind::Bool)
    have = v->as_bool() ? "ja" : "nej";
  else
    have = tmpl::to_text(*v);
  if (n.compare == "=" || n.compare == "!=")
    return compare_result(have == n.text ? 0 : 1, n.compare);
  return compare_result(have.compare(n.text), n.compare);
}

}  // namespace

std::optional<Selection> Selection::parse(std::string_view text,
                                          const std::vector<std::string>& fields,
                                          Diagnostics& diags, const Span& origin) {
  Parser p(text, fields, diags, origin);
  auto root = p.parse();
  if (!root) return std::nullopt;
  Selection s;
  s.root_ = std::move(root);
  return s;
}

bool Selection::matches(const Value& record) const { return eval(*root_, record); }

}  // namespace rv::batch
