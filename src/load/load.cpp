// load_data_set(): files and folders → one validated GrantYear.
#include "load/load.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <optional>
#include <thread>

#include "load/cache.hpp"
#include "load/state.hpp"

namespace fs = std::filesystem;

namespace rv {

namespace {

using load::LoadState;
using load::SourceFile;

// yaml-cpp's parser messages, in Swedish.
std::string translate_yaml_error(const std::string& msg) {
  static const std::pair<const char*, const char*> table[] = {
      {"end of sequence flow not found", "listan saknar avslutande ']'"},
      {"end of map flow not found", "mappningen saknar avslutande '}'"},
      {"illegal map value", "otillåtet värde: kontrollera indrag och kolon"},
      {"end of sequence not found", "listan tar inte slut där den borde: kontrollera indraget"},
      {"end of map not found", "mappningen tar inte slut där den borde: kontrollera indraget"},
      {"unknown escape character", "okänd escape-sekvens i text inom citattecken"},
      {"end of string not found", "text inom citattecken saknar avslutande citattecken"},
      {"block sequence entries are not allowed in this context",
       "listpunkter ('- ') är inte tillåtna här: kontrollera indraget"},
      {"illegal tab when looking for indentation", "tabbtecken i indraget; använd mellanslag"},
      {"did not find expected key", "förväntade en nyckel här: kontrollera indraget"},
      {"invalid character in anchor", "ogiltigt tecken i ett ankare (&)"},
      {"unknown anchor", "okänt ankare (*)"},
  };
  for (const auto& [en, sv] : table)
    if (msg.find(en) != std::string::npos) return sv;
  return "ogiltig YAML (" + msg + ")";
}

// One file's text parsed by yaml-cpp, or the parser's complaint.
struct Parsed {
  std::string path, text;
  YAML::Node root;
  std::optional<YAML::Mark> error_at;
  std::string error;
};

void parse(Parsed& p) {
  try {
    p.root = YAML::Load(p.text);
  } catch (const YAML::ParserException& e) {
    p.error_at = e.mark;
    p.error = e.msg;
  }
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
  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w)
    pool.emplace_back([&] {
      for (size_t i = next++; i < files.size(); i = next++) parse(files[i]);
    });
  for (auto& t : pool) t.join();
}

void read_file_text(LoadState& st, const Parsed& p) {
  const std::string& path = p.path;
  SourceFile f{path, load::split_lines(p.text)};
  if (p.error_at) {
    st.diags.error(f.span(*p.error_at), "YAML-syntaxfel: " + translate_yaml_error(p.error));
    return;
  }
  const YAML::Node& root = p.root;
  st.year.files.push_back(path);
  if (root.IsNull()) {
    st.diags.warning(Span{path, 0, 0}, "filen är tom");
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

bool is_yaml(const fs::path& p) {
  auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml";
}

void finish(LoadState& st) {
  if (st.year.files.empty() && st.year.allocation_spec_files.empty() && !st.diags.has_errors())
    st.diags.error(Span{}, "inga YAML-filer att läsa");
  if (!st.year.files.empty() && st.year.grant.span.file.empty() &&
      st.year.recipients.size() + st.year.groups.size() > 0)
    st.diags.error(Span{st.year.files.front(), 0, 0},
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
      std::vector<std::string> in_dir;
      for (const auto& e : fs::recursive_directory_iterator(p, ec))
        if (e.is_regular_file() && is_yaml(e.path())) in_dir.push_back(e.path().string());
      std::sort(in_dir.begin(), in_dir.end());
      if (in_dir.empty()) st.diags.error(Span{p, 0, 0}, "mappen innehåller inga YAML-filer");
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
    } else {
      st.diags.error(Span{p, 0, 0}, "filen eller mappen finns inte");
    }
  }
  std::vector<Parsed> parsed;
  for (const auto& path : files) {
    std::string text;
    if (!load::read_file(path, text)) {
      st.diags.error(Span{path, 0, 0}, "filen kan inte läsas");
      continue;
    }
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
  parse(p);
  read_file_text(st, p);
  finish(st);
  result.data = std::move(st.year);
  return result;
}

}  // namespace rv
