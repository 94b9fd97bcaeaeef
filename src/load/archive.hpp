// A minimal binary archive for rapportverk's caches (data sets, template settings).
//
// Each cache describes its structs once, as io(archive, field…) functions used for both
// writing and reading, so a field cannot be written and forgotten on reading (or the
// reverse). Values are stored in host byte order: a cache never leaves its machine.
// Reading past the end throws; callers treat any exception as a cache miss.
#pragma once

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace rv::load {

class ArchiveWriter {
 public:
  static constexpr bool reading = false;
  void operator()(const std::string& s) {
    (*this)(static_cast<uint64_t>(s.size()));
    out.append(s);
  }
  void operator()(uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void operator()(int64_t v) { (*this)(static_cast<uint64_t>(v)); }
  void operator()(int v) { (*this)(static_cast<int64_t>(v)); }
  void operator()(bool v) { (*this)(static_cast<uint64_t>(v)); }
  void operator()(double v) {
    uint64_t u;
    std::memcpy(&u, &v, sizeof u);
    (*this)(u);
  }
  template <typename E>
  requires std::is_enum_v<E>
  void operator()(E e) { (*this)(static_cast<uint64_t>(e)); }

  std::string out;
};

class ArchiveReader {
 public:
  static constexpr bool reading = true;
  explicit ArchiveReader(std::string_view in) : in_(in) {}
  void operator()(std::string& s) {
    uint64_t n = 0;
    (*this)(n);
    if (n > in_.size() - pos_) throw std::runtime_error("kort cachefil");
    s.assign(in_.substr(pos_, n));
    pos_ += n;
  }
  void operator()(uint64_t& v) {
    if (in_.size() - pos_ < sizeof v) throw std::runtime_error("kort cachefil");
    std::memcpy(&v, in_.data() + pos_, sizeof v);
    pos_ += sizeof v;
  }
  void operator()(int64_t& v) { v = static_cast<int64_t>(next()); }
  void operator()(int& v) { v = static_cast<int>(static_cast<int64_t>(next())); }
  void operator()(bool& v) { v = next() != 0; }
  void operator()(double& v) {
    const uint64_t u = next();
    std::memcpy(&v, &u, sizeof v);
  }
  template <typename E>
  requires std::is_enum_v<E>
  void operator()(E& e) { e = static_cast<E>(next()); }
  bool at_end() const { return pos_ == in_.size(); }
  // A container's element count; more elements than bytes left means a damaged file.
  uint64_t count() {
    const uint64_t n = next();
    if (n > in_.size() - pos_) throw std::runtime_error("orimlig cachefil");
    return n;
  }

 private:
  uint64_t next() {
    uint64_t u = 0;
    (*this)(u);
    return u;
  }
  std::string_view in_;
  size_t pos_ = 0;
};

// Containers. `each(archive, element)` describes one element: it is the cache's own io(),
// which these shared loops cannot name (each cache declares its overloads for its types).
template <typename A, typename T, typename Each>
void io_optional(A& a, std::optional<T>& o, Each each) {
  bool has = o.has_value();
  a(has);
  if constexpr (A::reading) {
    if (has)
      o.emplace();
    else
      o.reset();
  }
  if (has) each(a, *o);
}

template <typename A, typename T, typename Each>
void io_vector(A& a, std::vector<T>& v, Each each) {
  if constexpr (A::reading)
    v.resize(a.count());
  else
    a(static_cast<uint64_t>(v.size()));
  for (auto& x : v) each(a, x);
}

template <typename A, typename T, typename Each>
void io_map(A& a, std::map<std::string, T>& m, Each each) {
  if constexpr (A::reading) {
    m.clear();
    for (uint64_t i = 0, n = a.count(); i < n; ++i) {
      std::string k;
      T v{};
      a(k);
      each(a, v);
      m.emplace(std::move(k), std::move(v));
    }
  } else {
    a(static_cast<uint64_t>(m.size()));
    for (auto& [k, v] : m) {
      a(k);
      each(a, v);
    }
  }
}

}  // namespace rv::load
