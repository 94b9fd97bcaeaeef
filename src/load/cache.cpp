// A cache of validated data sets, so that rendering again after a template edit does not
// parse the same YAML again (yaml-cpp is the slowest step of loading).
//
// Each data set is one checksummed entry of the cache folder (src/cache/cache.hpp), keyed
// on the code version and every file's path, size and full content, so any edit to the
// data or to the code that reads and checks it gives a new key. Only data sets without
// errors are cached, with their warnings. Anything unexpected in an entry is a miss.
//
// A hit is not checked again: the checksum and the key make it exactly the bytes this same
// code wrote after checking the same files (the archive's round trip is tested), so checking
// again could only catch a forged entry, and forging one needs write access to the user's
// own cache folder, which could as well replace the program.
#include "load/cache.hpp"

#include "cache/cache.hpp"
#include "load/archive.hpp"

namespace rv::load {

namespace {

constexpr char kMagic[] = "rapportverk-datacache-6";

// ---- the archive (load/archive.hpp); io() below describes each struct once ----

using Writer = ArchiveWriter;
using Reader = ArchiveReader;

// Containers, for both archives.
template <typename A, typename T>
void io(A& a, std::optional<T>& o);
template <typename A, typename T>
void io(A& a, std::vector<T>& v);
template <typename A, typename T>
void io(A& a, std::map<std::string, T>& m);

template <typename A>
void io(A& a, std::string& s) {
  a(s);
}
template <typename A>
void io(A& a, int64_t& v) {
  a(v);
}
template <typename A>
void io(A& a, int& v) {
  a(v);
}
template <typename A>
void io(A& a, bool& v) {
  a(v);
}

template <typename A>
void io(A& a, Span& s) {
  a(s.file), a(s.line), a(s.col);
}
template <typename A>
void io(A& a, Date& d) {
  a(d.year), a(d.month), a(d.day);
}
template <typename A>
void io(A& a, Noun& n) {
  a(n.singular), a(n.plural), a(n.definite_plural), a(n.gender);
}
template <typename A>
void io(A& a, Deadline& d) {
  a(d.label), io(a, d.date), a(d.kind), a(d.group), io(a, d.span);
}
template <typename A>
void io(A& a, Decision& d) {
  a(d.description), a(d.reference), io(a, d.date), io(a, d.span);
}
template <typename A>
void io(A& a, Grant& g) {
  a(g.name), a(g.year), a(g.authority), io(a, g.period_start), io(a, g.period_end);
  io(a, g.deadlines), io(a, g.requisitioned_total), io(a, g.undistributed);
  io(a, g.undistributed_spent), io(a, g.decisions), io(a, g.span);
  io(a, g.requisitioned_span);
}
template <typename A>
void io(A& a, Group& g) {
  a(g.id), a(g.label), io(a, g.noun), a(g.mode), io(a, g.available), io(a, g.declared_key_total);
  io(a, g.declared_allocated_total), io(a, g.declared_unspent_total);
  io(a, g.applications_received), io(a, g.applied_total_declared), io(a, g.order), io(a, g.span);
  io(a, g.per_round);
}
template <typename A>
void io(A& a, FieldDecl& d) {
  a(d.name), a(d.type), io(a, d.choices), a(d.group), io(a, d.span);
}
template <typename A>
void io(A& a, FieldValue& v) {
  a(v.type), a(v.text), a(v.number), io(a, v.date), a(v.yes), io(a, v.span);
}
template <typename A>
void io(A& a, Recipient& r) {
  a(r.name), a(r.group), a(r.application), io(a, r.key), io(a, r.applied), io(a, r.granted);
  io(a, r.reallocated), io(a, r.spent), io(a, r.unspent), io(a, r.wants_more), io(a, r.reported);
  a(r.status), a(r.note), a(r.addressee), a(r.street), a(r.postcode), a(r.town), io(a, r.span);
  io(a, r.fields);
}
template <typename A>
void io(A& a, Option& o) {
  a(o.id), a(o.label), io(a, o.span);
}
template <typename A>
void io(A& a, Condition& c) {
  a(c.question), a(c.option);
}
template <typename A>
void io(A& a, Question& q) {
  a(q.id), a(q.group), a(q.kind), a(q.text), io(a, q.options), io(a, q.condition), io(a, q.span);
}
template <typename A>
void io(A& a, Answer& x) {
  a(x.question), io(a, x.chosen), io(a, x.yes), a(x.text), io(a, x.span);
}
template <typename A>
void io(A& a, Response& r) {
  a(r.recipient), a(r.group), a(r.reconstructed), io(a, r.answers), io(a, r.span);
}
template <typename A>
void io(A& a, Quote& q) {
  a(q.group), a(q.recipient), a(q.area), a(q.text), io(a, q.span), a(q.heading);
  io(a, q.bullets);
}
template <typename A>
void io(A& a, HistoryRow& h) {
  a(h.group), a(h.year), io(a, h.available), io(a, h.spent), io(a, h.unspent);
  io(a, h.applicants), io(a, h.recipients), io(a, h.share_spent_pct), a(h.recipients_text);
  io(a, h.span), io(a, h.shares_pct);
}
template <typename A>
void io(A& a, Signatory& s) {
  a(s.name), a(s.title);
}
template <typename A>
void io(A& a, Consultation& c) {
  a(c.name), io(a, c.date), a(c.kind), io(a, c.span);
}
template <typename A>
void io(A& a, DocumentMeta& d) {
  a(d.title), a(d.subtitle), a(d.dnr), a(d.organisation), a(d.department), a(d.officer);
  a(d.phone), io(a, d.date), a(d.committee), io(a, d.meeting_date), io(a, d.preparation_date);
  io(a, d.council_date), io(a, d.signatories), a(d.author), a(d.article_number), io(a, d.extra);
  a(d.municipality), a(d.municipality_in_text), a(d.organisation_in_text);
  io(a, d.consultations), a(d.background), io(a, d.column_headings), io(a, d.appendices);
  a(d.fictitious);
  io(a, d.span);
}
template <typename A>
void io(A& a, PreviousAllocation& p) {
  a(p.year), a(p.total), io(a, p.per_recipient), io(a, p.span);
}
template <typename A>
void io(A& a, GrantYear& y) {
  io(a, y.grant), io(a, y.groups), io(a, y.recipients), io(a, y.questions), io(a, y.responses);
  io(a, y.quotes), io(a, y.history), io(a, y.previous), io(a, y.field_decls), io(a, y.document);
  io(a, y.files);
  io(a, y.allocation_spec_files), io(a, y.key_specs);
}
template <typename A>
void io(A& a, Diagnostic& d) {
  a(d.severity), io(a, d.span), a(d.message);
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

// What identifies a data set: the files in load order, each with its size and a hash of its
// full content. The entry stores it as its key (src/cache), so an entry is used only for
// exactly these files, and only by a build of the same code.
std::string identity(const std::vector<CachedFile>& files) {
  std::string id = kMagic;
  id += '\n';
  for (const auto& f : files)
    id += f.path + "\n" + std::to_string(f.text->size()) + " " +
          cache::hex(cache::hash64(*f.text)) + "\n";
  return id;
}

}  // namespace

std::optional<std::string> cache_dir() { return cache::dir(); }

std::string cache_key(const std::vector<CachedFile>& files, std::string_view code) {
  // Seeded apart from the identity's per-file hashes, so the name is a second, independent
  // hash of the content.
  uint64_t h = cache::hash64(code, 1);
  for (const auto& f : files) h = cache::hash64(*f.text, cache::hash64(f.path, h));
  return "data-" + cache::hex(h) + ".rvc";
}

std::optional<LoadResult> read_cached(const std::string& dir, const std::vector<CachedFile>& files,
                                      std::string_view code) {
  auto data = cache::read_entry(dir, cache_key(files, code), identity(files), code);
  if (!data) return std::nullopt;
  try {
    Reader r(*data);
    LoadResult result;
    io(r, result.data);
    std::vector<Diagnostic> diags;
    io(r, diags);
    if (!r.at_end()) return std::nullopt;
    for (auto& d : diags) result.diags.add(std::move(d));
    return result;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void write_cached(const std::string& dir, const std::vector<CachedFile>& files,
                  const LoadResult& result, std::string_view code) {
  if (!result.ok()) return;
  Writer w;
  GrantYear copy = result.data;
  io(w, copy);
  std::vector<Diagnostic> diags = result.diags.all();
  io(w, diags);
  cache::write_entry(dir, cache_key(files, code), identity(files), w.out, code);
}

}  // namespace rv::load
