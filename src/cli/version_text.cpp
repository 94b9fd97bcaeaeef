// rapportverk --version: the program's version and those of the libraries and fonts a
// document depends on, so that a difference between two machines' PDFs can be explained.
#include <hpdf_version.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <vector>

#include "cli/commands.hpp"
#include "font/font.hpp"
#include "paths/paths.hpp"
#include "version.hpp"

namespace fs = std::filesystem;

namespace rv::cli {

std::string version_text() {
  std::string out = std::string("rapportverk ") + RAPPORTVERK_VERSION + "\n";
  out += std::string("libharu ") + HPDF_VERSION_TEXT + "\n";
  out += std::string("ICU ") + U_ICU_VERSION + "\n";
  out += std::string("yaml-cpp ") + RV_YAML_CPP_VERSION + "\n";
  // The fonts, by the version in their name table: files with the same version on one line.
  const std::string dir = paths::fonts_dir();
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".ttf") files.push_back(it->path());
  std::sort(files.begin(), files.end());
  std::map<std::string, std::vector<std::string>> by_version;
  for (const fs::path& f : files) {
    font::TrueType face;
    std::string error;
    if (!face.load(f.string(), error)) {
      by_version["(går inte att läsa)"].push_back(f.filename().string());
      continue;
    }
    by_version[face.version.empty() ? "(ingen version)" : face.version].push_back(
        face.postscript_name.empty() ? f.filename().string() : face.postscript_name);
  }
  if (by_version.empty()) out += "typsnitt: inga i " + dir + "\n";
  for (const auto& [version, names] : by_version) {
    out += "typsnitt " + version + ":";
    for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : " ") + names[i];
    out += "\n";
  }
  out += "typsnittsmapp: " + dir + "\n";
  out += "mallar och typsnitt: " + paths::data_dir() +
         (paths::installed() ? " (installerade)" : " (källträdet)");
  return out;
}

}  // namespace rv::cli
