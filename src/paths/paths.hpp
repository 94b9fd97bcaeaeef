// Where rapportverk finds its own files: the bundled templates and fonts, and the folders
// with an organisation's or a user's own templates.
//
// An installed program finds its data relative to its own location (<prefix>/bin/rapportverk
// → <prefix>/share/rapportverk, docs/installation.md); a program run from its build folder
// finds it in the source tree it was built from. Environment variables come first.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace rv::paths {

// The running program's own file (/proc/self/exe); empty if it cannot be read.
std::string executable();

// The folder with the bundled templates/ and fonts/: <exe>/../share/rapportverk when
// the program is installed, else the source tree it was built from.
std::string data_dir();
// Whether data_dir() is an installed one (not the source tree).
bool installed();

// $RAPPORTVERK_FONTS if set, else data_dir()/fonts.
std::string fonts_dir();

// One folder of the template search path, in search order.
struct TemplateFolder {
  std::string path;
  std::string origin;  // Swedish: "RAPPORTVERK_MALLAR", "dina egna mallar", "medföljande mallar"
};
// $RAPPORTVERK_MALLAR (folders separated by ':'), then the user's folder
// ($XDG_DATA_HOME/rapportverk/mallar, else ~/.local/share/rapportverk/mallar), then the
// bundled templates. Folders that do not exist are listed too.
std::vector<TemplateFolder> template_search_path();

// The folder of the template called `name` (no '/'): the first folder on the search path
// that holds a folder of that name with a mall.yaml; nullopt if none does.
std::optional<std::string> find_template(const std::string& name);

}  // namespace rv::paths
