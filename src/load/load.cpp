// load_data_set(): files and folders → one validated GrantYear.
#include "load/load.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <system_error>
#include <thread>

#include "load/cache.hpp"
#include "load/state.hpp"

namespace fs = std::filesystem;

namespace rv {

namespace {

using load::LoadState;
using load::SourceFile;

// One file's text parsed by yaml-cpp, or the parser's complaint.
struct Parsed {
  std::string path, text;
  YAML::Node root;
  std::optional<YAML::Mark> error_at;
  std::string error;
};

void parse(Parsed& p) {
  load::YamlDocument doc = load::parse_yaml(p.text);
  p.root = std::move(doc.root);
  p.error_at = doc.error_at;
  p.error = std::move(doc.error);
}

// yaml-cpp is the slowest step of loading; files are independent, so they are parsed on
// all cores and then read into the model one by one, in name order.
void parse_all(std::vector<Parsed>& files) {
  unsigned workers = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()),
                                        static_cast<unsigned>(files.size()));
  if (workers <= 1) {
    for (auto& f : files) parse(f);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) parse(files[i]);
  };
  // A thread that cannot be started (a process limit under load) only means fewer
  // helpers: this thread parses the rest, instead of an internal error.
  std::vector<std::thread> pool;
  for (unsigned w = 1; w < workers; ++w) {
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (auto& t : pool) t.join();
}

// A specification naming a group (`grupp: kommuner`) computes that group's key amounts;
// the rest of it is read by src/stats. Two for one group would compute the keys twice.
void note_key_spec(LoadState& st, const SourceFile& f, const YAML::Node& spec,
                   const std::string& path) {
  if (!spec.IsMap()) return;
  YAML::Node group = spec["grupp"];
  if (!group.IsDefined() || !group.IsScalar() || group.Scalar().empty()) return;
  auto [it, added] = st.year.key_specs.emplace(group.Scalar(), path);
  if (!added)
    st.diags.error(f.span(group), "gruppen '" + group.Scalar() +
                                      "' har redan en fördelningsspecifikation i " + it->second);
}

void read_file_text(LoadState& st, const Parsed& p) {
  const std::string& path = p.path;
  SourceFile f{path, load::split_lines(p.text)};
  if (p.error_at) {
    st.diags.error(f.span(*p.error_at), "YAML-syntaxfel: " + p.error);
    return;
  }
  const YAML::Node& root = p.root;
  st.year.files.push_back(path);
  if (root.IsNull()) {
    st.diags.warning(Span{path, 1, 1}, "filen är tom");
    return;
  }
  load::MapReader top(f, root, "filen", st.diags,
                      {"bidrag", "grupper", "mottagare", "enkät", "svar", "svar_rekonstruerade",
                       "citat", "historik", "tidigare_fördelning", "dokument", "fördelning"});
  if (!top.is_map()) return;
  if (top.has("fördelning")) {
    // Allocation specifications belong to src/stats; a data set only lists them.
    if (root.size() > 1)
      st.diags.error(top.key_span("fördelning"),
                     "en fil med 'fördelning' får inte innehålla något annat; lägg övriga "
                     "uppgifter i en egen fil");
    st.year.allocation_spec_files.push_back(path);
    note_key_spec(st, f, root["fördelning"], path);
    return;
  }
  bool reconstructed = top.yes_no("svar_rekonstruerade").value_or(false);
  if (auto n = top.node("bidrag")) load::read_grant(st, f, *n);
  if (auto n = top.node("dokument")) load::read_document(st, f, *n);
  if (auto n = top.node("grupper")) load::read_groups(st, f, *n);
  if (auto n = top.node("mottagare")) load::read_recipients(st, f, *n);
  if (auto n = top.node("enkät")) load::read_questions(st, f, *n);
  if (auto n = top.node("svar")) load::read_responses(st, f, *n, reconstructed);
  if (auto n = top.node("citat")) load::read_quotes(st, f, *n);
  if (auto n = top.node("historik")) load::read_history(st, f, *n);
  if (auto n = top.node("tidigare_fördelning")) load::read_previous(st, f, *n);
}

// Own fields (egna_fält) are declared before any file's recipients are read.
void read_field_decls(LoadState& st, const Parsed& p) {
  if (p.error_at || !load::has_field_decls(p.root)) return;
  SourceFile f{p.path, load::split_lines(p.text)};
  load::read_field_decls(st, f, p.root);
}

bool is_yaml(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

// Why `path` cannot be read as a data file, in Swedish; nothing for a regular file (or a
// symlink to one). Only looks at the entry: a FIFO is never opened (that would hang).
std::optional<std::string> not_readable(const fs::path& path) {
  std::error_code ec;
  fs::file_status link = fs::symlink_status(path, ec);
  if (ec || !fs::exists(link)) return "filen eller mappen finns inte";
  fs::file_status target = fs::status(path, ec);
  if (ec && ec == std::errc::too_many_symbolic_link_levels)
    return "de symboliska länkarna går i en slinga och leder inte till någon fil";
  if (ec || !fs::exists(target)) {
    if (fs::is_symlink(link)) return "den symboliska länken pekar på en fil som inte finns";
    return "filen kan inte läsas";
  }
  if (fs::is_regular_file(target)) return std::nullopt;
  if (fs::is_directory(target)) return "är en mapp, inte en fil";
  if (fs::is_fifo(target)) return "är en namngiven rörledning (FIFO), inte en vanlig fil";
  if (fs::is_socket(target)) return "är ett uttag (socket), inte en vanlig fil";
  if (fs::is_block_file(target) || fs::is_character_file(target))
    return "är en enhetsfil, inte en vanlig fil";
  return "är ingen vanlig fil";
}

// A folder's *.yaml/*.yml files, in name order, at any depth. An entry named like a data
// file that is not a readable regular file (a dangling link, a FIFO) is an error, not
// skipped: the data set would silently miss a file.
std::vector<std::string> yaml_files_in(const std::string& folder, Diagnostics& diags) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& path = it->path();
    if (!is_yaml(path)) continue;
    std::error_code dir_ec;
    if (it->is_directory(dir_ec)) continue;  // a folder named x.yaml is searched
    if (auto problem = not_readable(path))
      diags.error(Span{path.string(), 0, 0}, *problem);
    else
      out.push_back(path.string());
  }
  if (ec)
    diags.error(Span{folder, 0, 0}, ec == std::errc::permission_denied
                                        ? "mappen kan inte läsas: behörighet saknas"
                                        : "mappen kan inte läsas till slut");
  std::sort(out.begin(), out.end());
  return out;
}

void finish(LoadState& st) {
  if (st.year.files.empty() && st.year.allocation_spec_files.empty() && !st.diags.has_errors())
    st.diags.error(Span{}, "inga YAML-filer att läsa");
  if (!st.year.files.empty() && st.year.grant.span.file.empty() &&
      st.year.recipients.size() + st.year.groups.size() > 0)
    st.diags.error(Span{st.year.files.front(), 1, 1},
                   "datasetet saknar 'bidrag' (bidragets namn, år och myndighet)");
  load::validate(st);
  // Groups spread over files come in file-name order; `ordning` puts them in the order
  // the documents list them (Kommuner, Regioner, …). Unordered groups keep their place after.
  std::stable_sort(st.year.groups.begin(), st.year.groups.end(),
                   [](const Group& a, const Group& b) {
                     return a.order.value_or(1 << 20) < b.order.value_or(1 << 20);
                   });
}

}  // namespace

LoadResult load_data_set(const std::vector<std::string>& paths) {
  LoadResult result;
  LoadState st(result.diags);
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      size_t errors_before = st.diags.error_count();
      std::vector<std::string> in_dir = yaml_files_in(p, st.diags);
      if (in_dir.empty() && st.diags.error_count() == errors_before)
        st.diags.error(Span{p, 0, 0}, "mappen innehåller inga YAML-filer");
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (auto problem = not_readable(p)) {
      st.diags.error(Span{p, 0, 0}, *problem);
    } else {
      files.push_back(p);
    }
  }
  std::vector<Parsed> parsed;
  for (const auto& path : files) {
    std::string text;
    if (!load::read_file(path, text)) {
      st.diags.error(Span{path, 0, 0}, "filen kan inte läsas");
      continue;
    }
    load::normalise_line_ends(text);
    parsed.push_back(Parsed{path, std::move(text), {}, std::nullopt, {}});
  }
  // Unchanged files that were valid before need not be parsed again (load/cache.cpp).
  std::vector<load::CachedFile> identity;
  for (const auto& p : parsed) identity.push_back({p.path, &p.text});
  auto dir = load::cache_dir();
  bool cacheable = dir && !parsed.empty() && !st.diags.has_errors();
  if (cacheable)
    if (auto cached = load::read_cached(*dir, identity)) return std::move(*cached);
  parse_all(parsed);
  for (const auto& p : parsed) read_field_decls(st, p);
  for (const auto& p : parsed) read_file_text(st, p);
  finish(st);
  result.data = std::move(st.year);
  if (cacheable) load::write_cached(*dir, identity, result);
  return result;
}

LoadResult load_data_text(const std::string& name, const std::string& text) {
  LoadResult result;
  LoadState st(result.diags);
  Parsed p{name, text, {}, std::nullopt, {}};
  load::normalise_line_ends(p.text);
  parse(p);
  read_field_decls(st, p);
  read_file_text(st, p);
  finish(st);
  result.data = std::move(st.year);
  return result;
}

}  // namespace rv
