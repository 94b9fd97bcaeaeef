#include "template/confine.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace rv::tmpl {

std::optional<std::string> file_in_template(const std::string& dir, const std::string& name,
                                            std::string& why, bool* outside) {
  if (outside) *outside = false;
  const std::string quoted = "'" + name + "'";
  const fs::path relative(name);
  if (name.empty()) {
    why = "filnamnet är tomt";
    return std::nullopt;
  }
  if (relative.has_root_path()) {
    why = quoted + " är en absolut sökväg; en mall får bara läsa filer i sin egen mapp";
    if (outside) *outside = true;
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path base = fs::canonical(dir, ec);
  if (ec) {
    why = "kan inte läsa mallens mapp '" + dir + "'";
    return std::nullopt;
  }
  const fs::path target = fs::weakly_canonical(base / relative, ec);
  if (ec) {  // e.g. a loop of symbolic links
    why = "kan inte läsa " + quoted + " i mallen";
    return std::nullopt;
  }
  // Inside: the folder's path is a prefix of the file's, component by component.
  auto [in_base, in_target] = std::mismatch(base.begin(), base.end(), target.begin(), target.end());
  if (in_base != base.end() || in_target == target.end()) {
    why = quoted + " ligger utanför mallens mapp; en mall får bara läsa filer i sin egen mapp";
    if (outside) *outside = true;
    return std::nullopt;
  }
  const fs::file_status st = fs::status(target, ec);
  if (ec || !fs::exists(st)) {
    why = "filen " + quoted + " finns inte i mallen";
    return std::nullopt;
  }
  if (!fs::is_regular_file(st)) {
    why = quoted + " i mallen är ingen vanlig fil";
    return std::nullopt;
  }
  return target.string();
}

}  // namespace rv::tmpl
