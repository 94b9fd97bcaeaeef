// What a command writes follows the -o file's extension: `-o brev.docx` must not quietly
// get a PDF under that name.
#include <algorithm>
#include <filesystem>

#include "cli/commands.hpp"
#include "swedish/swedish.hpp"

namespace rv::cli {

std::string output_format(const std::string& path, const std::string& explicit_format,
                          const std::vector<FormatByExtension>& known, const std::string& fallback,
                          const std::string& command, Diagnostics& diags) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Standard output and a name without an extension: the format is what --format says.
  if (path == "-" || ext.empty() || ext == ".") {
    return explicit_format.empty() ? fallback : explicit_format;
  }
  auto it = std::find_if(known.begin(), known.end(),
                         [&](const FormatByExtension& k) { return k.extension == ext; });
  if (it == known.end()) {
    std::vector<std::string> listed;
    for (const auto& k : known) listed.push_back(k.extension + " (" + k.description + ")");
    diags.error(Span{path, 0, 0}, command + " skriver inte " + ext +
                                      "-filer; utfilen ska sluta på " +
                                      sv::join_list(listed, "eller"));
    return "";
  }
  if (!explicit_format.empty() && explicit_format != it->format) {
    diags.error(Span{path, 0, 0}, "--format " + explicit_format + " och ändelsen " + ext +
                                      " säger olika saker; ändra det ena");
    return "";
  }
  return it->format;
}

}  // namespace rv::cli
