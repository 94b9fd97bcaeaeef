// A template reads files only from its own folder: includes, the body text and the
// hyphenation list. Names are resolved with symbolic links followed, so that neither
// "../", an absolute path nor a link leads out of the folder.
#pragma once

#include <optional>
#include <string>

namespace rv::tmpl {

// The canonical path of the regular file `name` (as written in the template) inside the
// template folder `dir`; nullopt with the reason (Swedish, naming `name`) in `why`, and
// `outside` set when the reason is that the name leads out of the folder.
std::optional<std::string> file_in_template(const std::string& dir, const std::string& name,
                                            std::string& why, bool* outside = nullptr);

}  // namespace rv::tmpl
