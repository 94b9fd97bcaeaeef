#include "template/value.hpp"

namespace rv::tmpl {

sv::Fraction Value::as_fraction() const {
  if (kind() == Kind::Int) return sv::Fraction{as_int(), 1};
  return std::get<sv::Fraction>(v);
}

const Value* Value::get(const std::string& key) const {
  if (!is_map()) return nullptr;
  const auto& m = as_map();
  auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

bool Value::truthy() const {
  switch (kind()) {
    case Kind::Null:
      return false;
    case Kind::Bool:
      return as_bool();
    case Kind::Int:
      return as_int() != 0;
    case Kind::Frac:
      return std::get<sv::Fraction>(v).num != 0;
    case Kind::Str:
      return !as_str().empty();
    case Kind::Date:
      return true;
    case Kind::Seq:
      return !as_list().empty();
    case Kind::Rec:
      return !as_map().empty();
  }
  return false;
}

std::string kind_name(Value::Kind k) {
  switch (k) {
    case Value::Kind::Null:
      return "inget värde";
    case Value::Kind::Bool:
      return "ja/nej";
    case Value::Kind::Int:
      return "ett heltal";
    case Value::Kind::Frac:
      return "en andel";
    case Value::Kind::Str:
      return "text";
    case Value::Kind::Date:
      return "ett datum";
    case Value::Kind::Seq:
      return "en lista";
    case Value::Kind::Rec:
      return "en post";
  }
  return "?";
}

std::string to_text(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null:
      return "";
    case Value::Kind::Bool:
      return v.as_bool() ? "ja" : "nej";
    case Value::Kind::Int: {
      // Four-digit numbers (years, small amounts) stay ungrouped, as in Swedish prose.
      int64_t n = v.as_int();
      return (n >= 10000 || n <= -10000) ? sv::integer(n) : sv::plain(n);
    }
    case Value::Kind::Frac:
      return sv::decimal(v.as_fraction(), 2);
    case Value::Kind::Str:
      return v.as_str();
    case Value::Kind::Date:
      return sv::date_iso(v.as_date());
    case Value::Kind::Seq: {
      std::vector<std::string> parts;
      for (const auto& x : v.as_list()) parts.push_back(to_text(x));
      return sv::join_list(parts);
    }
    case Value::Kind::Rec:
      return "[post]";
  }
  return "";
}

bool values_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) {
    auto x = a.as_fraction(), y = b.as_fraction();
    return static_cast<__int128>(x.num) * y.den == static_cast<__int128>(y.num) * x.den;
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Value::Kind::Null:
      return true;
    case Value::Kind::Bool:
      return a.as_bool() == b.as_bool();
    case Value::Kind::Str:
      return a.as_str() == b.as_str();
    case Value::Kind::Date:
      return a.as_date() == b.as_date();
    default:
      return false;
  }
}

}  // namespace rv::tmpl
