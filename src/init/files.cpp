// Next year's model back into files: one for each of last year's, same name, same
// top-level keys in the same order.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <set>

#include "init/emit.hpp"
#include "init/init.hpp"
#include "load/load.hpp"

namespace fs = std::filesystem;

namespace rv::init {

namespace {

// Elements of `all` read from `file`, in the order they stand there (the loader sorts
// groups by `ordning`, which may differ from the file's order).
template <class T>
std::vector<const T*> from_file(const std::vector<T>& all, const std::string& file) {
  std::vector<const T*> out;
  for (const T& x : all)
    if (x.span.file == file) out.push_back(&x);
  // Elements made here (line 0: last year's totals) go after those read.
  auto line = [](const T* x) { return x->span.line == 0 ? INT_MAX : x->span.line; };
  std::stable_sort(out.begin(), out.end(),
                   [&](const T* a, const T* b) { return line(a) < line(b); });
  return out;
}

// The top-level keys of a data file, in the order written.
std::vector<std::string> top_level_keys(const std::string& text) {
  std::vector<std::string> keys;
  YAML::Node root = YAML::Load(text);
  if (root.IsMap())
    for (const auto& kv : root) keys.push_back(kv.first.Scalar());
  return keys;
}

std::string relative_name(const std::string& file, const std::string& root) {
  std::error_code ec;
  const fs::path base = fs::path(root).lexically_normal();
  if (!fs::is_directory(root, ec)) return fs::path(file).filename().string();
  fs::path rel = fs::path(file).lexically_normal().lexically_relative(base);
  return rel.empty() ? fs::path(file).filename().string() : rel.string();
}

// An allocation specification is kept as written (its key and total are the officials' to
// replace); only the year in its heading moves on.
std::string specification(const std::string& text, int from, int to) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? end : end - start + 1);
    const size_t indent = line.find_first_not_of(' ');
    if (indent != std::string::npos && line.compare(indent, 7, "rubrik:") == 0)
      line = advance_year_in_text(line, from, to);
    out += line;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

struct Writer {
  const GrantYear& last;
  const GrantYear& next;
  std::string header;
  std::vector<std::string> recipient_order;

  std::string section(const std::string& key, const std::string& file) const {
    const int from = last.grant.year, to = next.grant.year;
    if (key == "bidrag")
      return next.grant.span.file == file ? emit::grant(next.grant, next.field_decls) : "";
    if (key == "dokument")
      return next.document.span.file == file ? emit::document(next.document) : "";
    if (key == "grupper") {
      auto groups = from_file(next.groups, file);
      return groups.empty() ? "" : emit::groups(groups, next.field_decls);
    }
    if (key == "mottagare") {
      auto rows = from_file(next.recipients, file);
      if (rows.empty()) return "";
      return "# Beloppen fylls i när de är kända, till exempel med 'rapportverk importera'.\n" +
             emit::recipients(rows, next.groups);
    }
    if (key == "enkät") {
      auto questions = from_file(next.questions, file);
      return questions.empty() ? "" : emit::questions(questions);
    }
    if (key == "svar")
      return "# Svaren kommer med återrapporteringen av " + std::to_string(to) +
             " års medel.\nsvar: []\n";
    if (key == "citat")
      return "# Citaten väljs ur återrapporteringen av " + std::to_string(to) +
             " års medel.\ncitat: []\n";
    if (key == "historik") {
      auto rows = from_file(next.history, file);
      if (rows.empty()) return "";
      bool added = std::any_of(rows.begin(), rows.end(), [&](const HistoryRow* h) {
        return h->year == from && h->span.line == 0;
      });
      return (added ? "# " + std::to_string(from) +
                          " är räknat ur förra årets data (samma siffror som förra årets "
                          "rapport).\n"
                    : std::string()) +
             emit::history(rows);
    }
    if (key == "tidigare_fördelning") {
      auto rows = from_file(next.previous, file);
      if (rows.empty())
        return "# Förra året (" + std::to_string(from) +
               ") fördelades inget att jämföra med.\ntidigare_fördelning: []\n";
      return "# Förra årets (" + std::to_string(from) + ") fördelning, att jämföra årets med.\n" +
             emit::previous(rows, recipient_order);
    }
    return "";  // svar_rekonstruerade: the new answers are not reconstructed
  }
};

}  // namespace

std::vector<NewFile> next_year_files(const GrantYear& last, const GrantYear& next,
                                     const std::string& source_root, const Origin& origin,
                                     Diagnostics& diags) {
  Writer w{last, next, {}, {}};
  for (const auto& r : next.recipients) w.recipient_order.push_back(r.display_name());
  w.header = "# " + std::to_string(next.grant.year) + " års dataset, skapat " + origin.made_on +
             " med 'rapportverk init' ur " + origin.source + " (" +
             std::to_string(last.grant.year) + ").\n";
  const std::string emptied =
      "# Belopp, svar och citat är tömda och fylls i under året (docs/init.md).\n";
  const std::set<std::string> specs(last.allocation_spec_files.begin(),
                                    last.allocation_spec_files.end());
  std::vector<NewFile> out;
  std::set<std::string> names;
  for (const std::string& file : last.files) {
    std::string text;
    if (!load::read_file(file, text)) {
      diags.error(Span{file, 0, 0}, "filen kan inte läsas");
      continue;
    }
    NewFile f{relative_name(file, source_root), {}};
    names.insert(f.name);
    if (specs.count(file)) {
      f.text = w.header +
               "# Fördelningsspecifikationen som den var; byt belopp och nycklar mot årets.\n" +
               specification(text, last.grant.year, next.grant.year);
      out.push_back(std::move(f));
      continue;
    }
    f.text = w.header + emptied;
    std::vector<std::string> keys;
    try {
      keys = top_level_keys(text);
    } catch (const YAML::Exception& e) {
      diags.error(Span{file, 0, 0}, std::string("YAML-syntaxfel: ") + e.what());
      continue;
    }
    for (const auto& key : keys)
      if (std::string s = w.section(key, file); !s.empty()) f.text += "\n" + s;
    out.push_back(std::move(f));
  }
  // Last year's totals for a data set that had no history yet: a file of their own.
  std::vector<const HistoryRow*> homeless;
  for (const auto& h : next.history)
    if (h.span.file.empty()) homeless.push_back(&h);
  if (!homeless.empty()) {
    std::string name = "historik.yaml";
    for (int n = 2; names.count(name); ++n) name = "historik-" + std::to_string(n) + ".yaml";
    out.push_back({name, w.header + "# " + std::to_string(last.grant.year) +
                             " års siffror per grupp, räknade ur förra årets data.\n\n" +
                             emit::history(homeless)});
  }
  return out;
}

}  // namespace rv::init
