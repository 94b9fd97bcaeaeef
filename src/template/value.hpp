// The values templates compute with: what `{{ … }}` expressions see and produce.
//
// Plain, immutable data. Lists and maps are shared so that binding a 290-row group into
// the context and iterating it in several places copies nothing.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "model/model.hpp"
#include "swedish/swedish.hpp"

namespace rv::tmpl {

struct Value;
using List = std::vector<Value>;
using Map = std::map<std::string, Value>;

struct Value {
  enum class Kind : uint8_t { Null = 0, Bool, Int, Frac, Str, Date, Seq, Rec };

  std::variant<std::monostate, bool, int64_t, sv::Fraction, std::string, Date,
               std::shared_ptr<const List>, std::shared_ptr<const Map>>
      v;

  Value() = default;
  Value(bool b) : v(b) {}
  Value(int i) : v(static_cast<int64_t>(i)) {}
  Value(int64_t i) : v(i) {}
  Value(size_t i) : v(static_cast<int64_t>(i)) {}
  Value(sv::Fraction f) : v(f) {}
  Value(std::string s) : v(std::move(s)) {}
  Value(const char* s) : v(std::string(s)) {}
  Value(Date d) : v(d) {}
  Value(List l) : v(std::make_shared<const List>(std::move(l))) {}
  Value(Map m) : v(std::make_shared<const Map>(std::move(m))) {}
  template <typename T>
  Value(const std::optional<T>& o) {
    if (o) *this = Value(*o);
  }

  Kind kind() const { return static_cast<Kind>(v.index()); }
  bool is_null() const { return kind() == Kind::Null; }
  bool is_int() const { return kind() == Kind::Int; }
  bool is_number() const { return kind() == Kind::Int || kind() == Kind::Frac; }
  bool is_str() const { return kind() == Kind::Str; }
  bool is_list() const { return kind() == Kind::Seq; }
  bool is_map() const { return kind() == Kind::Rec; }

  int64_t as_int() const { return std::get<int64_t>(v); }
  bool as_bool() const { return std::get<bool>(v); }
  const std::string& as_str() const { return std::get<std::string>(v); }
  const Date& as_date() const { return std::get<Date>(v); }
  const List& as_list() const { return *std::get<std::shared_ptr<const List>>(v); }
  const Map& as_map() const { return *std::get<std::shared_ptr<const Map>>(v); }
  // Int n → n/1; Frac as is.
  sv::Fraction as_fraction() const;

  // Member of a map, or nullptr.
  const Value* get(const std::string& key) const;
  bool truthy() const;
};

// Swedish name of a kind, for messages: "ett heltal", "text", "en lista" …
std::string kind_name(Value::Kind k);
// What `{{ v }}` prints without a filter (integers grouped, dates ISO, …).
std::string to_text(const Value& v);
bool values_equal(const Value& a, const Value& b);

}  // namespace rv::tmpl
