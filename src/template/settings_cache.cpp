// How the settings cache stays correct: the key hashes the program's identity (version,
// this file's build time, and the executable's size and modification time, so that any
// rebuild, say of the expression parser, starts afresh) with the settings file's path and
// full content. A cache file repeats that identity and is used only when it matches.
// Only settings read without any diagnostic are cached, so a hit reports nothing, exactly
// as reading them again would. Anything unexpected in a cache file is a miss, never an error.
#include "template/settings_cache.hpp"


#include <cstdio>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "load/archive.hpp"
#include "load/cache.hpp"
#include "load/load.hpp"
#include "version.hpp"

namespace fs = std::filesystem;

namespace rv::tmpl {

namespace {

constexpr char kMagic[] = "rapportverk-mallcache-1";

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
  a(x->op), io(a, x->literal), a(x->name), io(a, x->args), io(a, x->span);
  if constexpr (A::reading) e = std::move(x);
}

template <typename A>
void io(A& a, ColumnDef& c) {
  io(a, c.heading), io(a, c.value), a(c.format), a(c.align), a(c.width), a(c.sum);
  io(a, c.total), io(a, c.span);
}
template <typename A>
void io(A& a, TableDef& t) {
  a(t.id), io(a, t.caption), io(a, t.rows), io(a, t.where), a(t.sort), a(t.descending);
  io(a, t.columns), io(a, t.total_label), io(a, t.source), io(a, t.note), a(t.numbered);
  io(a, t.span);
}
template <typename A>
void io(A& a, ChartDef& c) {
  a(c.id), io(a, c.caption), io(a, c.rows), io(a, c.label), io(a, c.value), a(c.sort);
  io(a, c.source), io(a, c.note), io(a, c.span);
}
// Every field of TemplateSettings (settings.hpp), in declaration order.
template <typename A>
void io(A& a, TemplateSettings& s) {
  a(s.dir), a(s.file), a(s.kind), a(s.body), io(a, s.title), io(a, s.author), io(a, s.subject);
  io(a, s.keywords), io(a, s.running_header), a(s.numbering), io(a, s.style);
  a(s.table_word), a(s.chart_word), io(a, s.title_page_title), io(a, s.title_page_subtitle);
  io(a, s.title_page_sender), io(a, s.colophon), io(a, s.official), a(s.hyphenation_file);
  io(a, s.tables), io(a, s.charts);
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

// This program, as built: any rebuild of any part gives a new identity. Empty when the
// executable cannot be found (no cache then).
std::string program_identity() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  auto size = fs::file_size(exe, ec);
  if (ec) return {};
  auto time = fs::last_write_time(exe, ec);
  if (ec) return {};
  return std::string(kMagic) + "\n" + RAPPORTVERK_VERSION + " " + __DATE__ + " " + __TIME__ + "\n" +
         exe.string() + " " + std::to_string(size) + " " +
         std::to_string(time.time_since_epoch().count()) + "\n";
}

std::string identity(const std::string& file, const std::string& text) {
  std::string program = program_identity();
  if (program.empty()) return {};
  return program + file + "\n" + std::to_string(text.size()) + "\n";
}

fs::path cache_file(const std::string& dir, const std::string& id, const std::string& text) {
  uint64_t h = load::fnv1a(load::fnv1a(14695981039346656037ull, id), text);
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return fs::path(dir) / ("mall-" + std::string(buf) + ".bin");
}

}  // namespace

std::optional<TemplateSettings> read_cached_settings(const std::string& file,
                                                     const std::string& text) {
  auto dir = load::cache_dir();
  if (!dir) return std::nullopt;
  std::string id = identity(file, text);
  if (id.empty()) return std::nullopt;
  std::string data;
  if (!load::read_file(cache_file(*dir, id, text), data)) return std::nullopt;
  try {
    Reader r(data);
    std::string stored_id, stored_text;
    r(stored_id);
    r(stored_text);
    if (stored_id != id || stored_text != text) return std::nullopt;
    TemplateSettings s;
    io(r, s);
    if (!r.at_end()) return std::nullopt;
    return s;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void write_cached_settings(const std::string& file, const std::string& text,
                           const TemplateSettings& s) {
  auto dir = load::cache_dir();
  if (!dir) return;
  std::string id = identity(file, text);
  if (id.empty()) return;
  Writer w;
  try {
    std::string stored_text = text;
    w(id);
    w(stored_text);
    TemplateSettings copy = s;
    io(w, copy);
  } catch (const std::exception&) {
    return;  // something the cache cannot store: read the file every time
  }
  std::error_code ec;
  fs::create_directories(*dir, ec);
  if (ec) return;
  load::write_cache_file(cache_file(*dir, id, text).string(), w.out);
}

}  // namespace rv::tmpl
