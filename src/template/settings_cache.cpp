// How the settings cache stays correct: each settings file is one checksummed entry of the
// cache folder (src/cache/cache.hpp), keyed on the code version (a hash of the sources of
// the settings and expression parsers, among others) and the file's path and full content.
// Only settings read without any diagnostic are cached, so a hit reports nothing, exactly
// as reading them again would. Anything unexpected in an entry is a miss, never an error.
#include "template/settings_cache.hpp"

#include <stdexcept>

#include "cache/cache.hpp"
#include "load/archive.hpp"

namespace rv::tmpl {

namespace {

constexpr char kMagic[] = "rapportverk-mallcache-4";

using Writer = load::ArchiveWriter;
using Reader = load::ArchiveReader;

template <typename A, typename T>
void io(A& a, T& v) {
  a(v);
}
template <typename A, typename T>
void io(A& a, std::optional<T>& o);
template <typename A, typename T>
void io(A& a, std::vector<T>& v);
template <typename A, typename T>
void io(A& a, std::map<std::string, T>& m);

template <typename A>
void io(A& a, Span& s) {
  a(s.file), a(s.line), a(s.col);
}
template <typename A>
void io(A& a, TextTemplate& t) {
  a(t.text), io(a, t.span);
}
template <typename A>
void io(A& a, HouseStyle& h) {
  a(h.percent_space), a(h.word_limit);
}

// Expression literals are what the parser makes: nothing, ja/nej, integers and text.
template <typename A>
void io(A& a, Value& v) {
  Value::Kind k = v.kind();
  a(k);
  switch (k) {
    case Value::Kind::Null:
      if constexpr (A::reading) v = Value();
      return;
    case Value::Kind::Bool: {
      bool b = A::reading ? false : v.as_bool();
      a(b);
      if constexpr (A::reading) v = Value(b);
      return;
    }
    case Value::Kind::Int: {
      int64_t i = A::reading ? 0 : v.as_int();
      a(i);
      if constexpr (A::reading) v = Value(i);
      return;
    }
    case Value::Kind::Str: {
      std::string s = A::reading ? std::string() : v.as_str();
      a(s);
      if constexpr (A::reading) v = Value(std::move(s));
      return;
    }
    default:
      throw std::runtime_error("literal");
  }
}

template <typename A>
void io(A& a, ExprPtr& e) {
  bool has = e != nullptr;
  a(has);
  if (!has) {
    if constexpr (A::reading) e = nullptr;
    return;
  }
  std::shared_ptr<Expr> x =
      A::reading ? std::make_shared<Expr>() : std::const_pointer_cast<Expr>(e);
  a(x->op), io(a, x->literal), a(x->name), io(a, x->args), io(a, x->keys), io(a, x->span);
  if constexpr (A::reading) e = std::move(x);
}

template <typename A>
void io(A& a, ColumnDef& c) {
  io(a, c.heading), io(a, c.value), a(c.format), a(c.align), a(c.width), a(c.sum);
  io(a, c.total), io(a, c.computed), io(a, c.declared_total), io(a, c.span);
}
template <typename A>
void io(A& a, TableDef& t) {
  a(t.id), io(a, t.caption), io(a, t.rows), io(a, t.where), a(t.sort), a(t.descending);
  io(a, t.columns), io(a, t.total_label), io(a, t.source), io(a, t.note), a(t.numbered);
  io(a, t.span);
}
template <typename A>
void io(A& a, ChartDef& c) {
  a(c.id), io(a, c.caption), io(a, c.rows), io(a, c.label), io(a, c.value), io(a, c.value_span);
  a(c.sort), a(c.format), a(c.vertical), io(a, c.alt), io(a, c.source), io(a, c.note),
      io(a, c.span);
}
template <typename A>
void io(A& a, AggregateDef& c) {
  a(c.name), a(c.function), io(a, c.value), io(a, c.span);
}
template <typename A>
void io(A& a, SourceDef& q) {
  a(q.id), io(a, q.rows), io(a, q.where), io(a, q.group_by), io(a, q.class_value);
  io(a, q.class_limits), io(a, q.class_labels), a(q.class_unit), io(a, q.columns), io(a, q.span);
}
template <typename A>
void io(A& a, ParameterDef& p) {
  a(p.description), io(a, p.values), io(a, p.groups), io(a, p.default_value), io(a, p.span);
}
template <typename A>
void io(A& a, Requirement& r) {
  io(a, r.what), a(r.missing), io(a, r.span);
}
// Every field of TemplateSettings (settings.hpp), in declaration order.
template <typename A>
void io(A& a, TemplateSettings& s) {
  a(s.dir), a(s.file), a(s.kind), a(s.body), io(a, s.title), io(a, s.author), io(a, s.subject);
  io(a, s.keywords), io(a, s.running_header), a(s.numbering), io(a, s.style);
  a(s.table_word), a(s.chart_word), io(a, s.title_page_title), io(a, s.title_page_subtitle);
  io(a, s.title_page_sender), io(a, s.colophon), io(a, s.official), a(s.hyphenation_file),
      io(a, s.terms);
  io(a, s.letter), io(a, s.letter_address);
  io(a, s.tables), io(a, s.charts), io(a, s.sources), io(a, s.parameters);
  io(a, s.requirements);
}

template <typename A, typename T>
void io(A& a, std::optional<T>& o) {
  load::io_optional(a, o, [](A& b, T& x) { io(b, x); });
}
template <typename A, typename T>
void io(A& a, std::vector<T>& v) {
  load::io_vector(a, v, [](A& b, T& x) { io(b, x); });
}
template <typename A, typename T>
void io(A& a, std::map<std::string, T>& m) {
  load::io_map(a, m, [](A& b, T& x) { io(b, x); });
}

// The entry's key: the settings file's path and full content (small). The code version
// (src/cache) covers the settings and expression parsers and everything they use.
std::string key_of(const std::string& file, const std::string& text) {
  return std::string(kMagic) + "\n" + file + "\n" + text;
}

std::string entry_name(const std::string& key) {
  return "mall-" + cache::hex(cache::hash64(key, cache::hash64(cache::code_version()))) + ".rvc";
}

}  // namespace

std::optional<TemplateSettings> read_cached_settings(const std::string& file,
                                                     const std::string& text) {
  auto dir = cache::dir();
  if (!dir) return std::nullopt;
  const std::string key = key_of(file, text);
  auto data = cache::read_entry(*dir, entry_name(key), key);
  if (!data) return std::nullopt;
  try {
    Reader r(*data);
    TemplateSettings s;
    io(r, s);
    if (!r.at_end()) return std::nullopt;
    return s;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string encode_settings(const TemplateSettings& s) {
  Writer w;
  TemplateSettings copy = s;
  io(w, copy);
  return w.out;
}

void write_cached_settings(const std::string& file, const std::string& text,
                           const TemplateSettings& s) {
  auto dir = cache::dir();
  if (!dir) return;
  std::string bytes;
  try {
    bytes = encode_settings(s);
  } catch (const std::exception&) {
    return;  // something the cache cannot store: read the file every time
  }
  const std::string key = key_of(file, text);
  cache::write_entry(*dir, entry_name(key), key, bytes);
}

}  // namespace rv::tmpl
