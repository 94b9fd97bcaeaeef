#include "paths/paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace rv::paths {

namespace {

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::string executable() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : p.string();
}

std::string data_dir() {
  // Computed once: the answer cannot change while the program runs.
  static const std::string dir = [] {
    const std::string exe = executable();
    if (!exe.empty()) {
      // RV_BIN_TO_DATA: the installed data folder relative to the installed program's
      // folder ("../share/rapportverk"), from the install layout CMake was given.
      const fs::path shared = fs::path(exe).parent_path() / RV_BIN_TO_DATA;
      if (is_dir(shared / "templates") && is_dir(shared / "fonts"))
        return shared.lexically_normal().string();
    }
    return std::string(RV_SOURCE_DIR);
  }();
  return dir;
}

bool installed() { return data_dir() != RV_SOURCE_DIR; }

std::string fonts_dir() {
  if (std::string e = env("RAPPORTVERK_FONTS"); !e.empty()) return e;
  return (fs::path(data_dir()) / "fonts").string();
}

std::vector<TemplateFolder> template_search_path() {
  std::vector<TemplateFolder> out;
  const std::string list = env("RAPPORTVERK_MALLAR");
  for (size_t at = 0; at <= list.size();) {
    size_t end = list.find(':', at);
    if (end == std::string::npos) end = list.size();
    if (end > at) out.push_back({list.substr(at, end - at), "RAPPORTVERK_MALLAR"});
    at = end + 1;
  }
  fs::path user;
  if (std::string x = env("XDG_DATA_HOME"); !x.empty() && fs::path(x).is_absolute())
    user = fs::path(x) / "rapportverk" / "mallar";
  else if (std::string h = env("HOME"); !h.empty())
    user = fs::path(h) / ".local" / "share" / "rapportverk" / "mallar";
  if (!user.empty()) out.push_back({user.string(), "dina egna mallar"});
  out.push_back({(fs::path(data_dir()) / "templates").string(), "medföljande mallar"});
  return out;
}

std::optional<std::string> find_template(const std::string& name) {
  if (name.empty() || name.find('/') != std::string::npos || name == "." || name == "..")
    return std::nullopt;
  for (const TemplateFolder& f : template_search_path()) {
    const fs::path candidate = fs::path(f.path) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate / "mall.yaml", ec)) return candidate.string();
  }
  // A folder of that name without mall.yaml: reading it says what is missing.
  for (const TemplateFolder& f : template_search_path())
    if (is_dir(fs::path(f.path) / name)) return (fs::path(f.path) / name).string();
  return std::nullopt;
}

}  // namespace rv::paths
