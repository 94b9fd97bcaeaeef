// rapportverk mallar: the template search path, and the templates found on it with what
// each makes (its type and the first sentence of mall.yaml's opening comment).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "paths/paths.hpp"

namespace fs = std::filesystem;

namespace rv::cli {

namespace {

struct Found {
  std::string name, kind, summary;
};

size_t chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The opening comment's first sentence: up to a full stop, or a colon that ends a line
// (what follows is an example); at most about 90 characters, cut at a space.
std::string summary_of(const fs::path& settings) {
  std::ifstream in(settings);
  std::string line, text;
  while (std::getline(in, line) && line.starts_with("#")) {
    line.erase(0, line.find_first_not_of("# "));
    if (line.empty()) break;
    if (!text.empty()) text += ' ';
    text += line;
    if (line.ends_with(":")) {
      text.pop_back();
      break;
    }
    if (line.ends_with(".") || line.find(". ") != std::string::npos) break;
  }
  if (size_t stop = text.find(". "); stop != std::string::npos) text.erase(stop + 1);
  if (chars(text) > 90) {
    size_t cut = text.rfind(' ', 85);
    text = text.substr(0, cut == std::string::npos ? 85 : cut) + " …";
  }
  return text;
}

std::string kind_of(const fs::path& settings) {
  try {
    YAML::Node n = YAML::LoadFile(settings.string());
    if (n.IsMap() && n["typ"] && n["typ"].IsScalar()) return n["typ"].as<std::string>();
    return "?";
  } catch (const std::exception&) {
    return "(mall.yaml går inte att läsa)";
  }
}

std::vector<Found> templates_in(const fs::path& folder) {
  std::vector<Found> out;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path settings = it->path() / "mall.yaml";
    std::error_code ignored;
    if (!fs::is_regular_file(settings, ignored)) continue;
    out.push_back({it->path().filename().string(), kind_of(settings), summary_of(settings)});
  }
  std::sort(out.begin(), out.end(), [](const Found& a, const Found& b) { return a.name < b.name; });
  return out;
}

int run(bool names_only) {
  const auto search = paths::template_search_path();
  std::set<std::string> seen;
  std::map<std::string, std::string> first_folder;
  if (names_only) {
    for (const auto& f : search)
      for (const Found& t : templates_in(f.path))
        if (seen.insert(t.name).second) std::cout << t.name << "\n";
    return Ok;
  }
  std::cout << "Mallarna söks i de här mapparna, i den här ordningen; finns samma namn i flera\n"
               "gäller den första:\n";
  for (size_t i = 0; i < search.size(); ++i) {
    std::error_code ec;
    std::cout << "  " << i + 1 << ". " << search[i].path << " (" << search[i].origin
              << (fs::is_directory(search[i].path, ec) ? "" : "; finns inte") << ")\n";
  }
  for (const auto& f : search) {
    const auto found = templates_in(f.path);
    if (found.empty()) continue;
    size_t name_w = 0, kind_w = 0;
    for (const Found& t : found) {
      name_w = std::max(name_w, chars(t.name));
      kind_w = std::max(kind_w, chars(t.kind));
    }
    std::cout << "\n" << f.path << ":\n";
    for (const Found& t : found) {
      std::cout << "  " << t.name << std::string(name_w - chars(t.name) + 2, ' ') << t.kind
                << std::string(kind_w - chars(t.kind) + 2, ' ');
      if (auto [it, fresh] = first_folder.emplace(t.name, f.path); !fresh)
        std::cout << "(används inte: " << it->second << " har en mall med samma namn)\n";
      else
        std::cout << t.summary << "\n";
    }
  }
  if (first_folder.empty()) std::cout << "\nInga mallar hittades.\n";
  return Ok;
}

}  // namespace

void add_templates(CLI::App& app, Registry& reg) {
  auto names_only = std::make_shared<bool>(false);
  auto* sub = app.add_subcommand(
      "mallar", "Visa var mallarna söks och vilka mallar som finns, med vad varje mall gör");
  sub->alias("templates");
  sub->add_flag("--namn", *names_only, "Bara mallarnas namn, ett per rad (för skript)");
  reg.push_back({sub, [names_only] { return run(*names_only); }});
}

}  // namespace rv::cli
