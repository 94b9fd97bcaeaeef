// A cache of read template settings, beside the data-set cache (load::cache_dir()).
//
// yaml-cpp needs about as long for one mall.yaml as the rest of the template stage for
// the whole document; the settings only change when the file or the program does.
#pragma once

#include <optional>
#include <string>

#include "template/settings.hpp"

namespace rv::tmpl {

// The settings read earlier from exactly this file (path and content) by exactly this
// program, or nullopt.
std::optional<TemplateSettings> read_cached_settings(const std::string& file,
                                                     const std::string& text);
// Keeps settings that were read without any diagnostic for next time; failures are silent.
void write_cached_settings(const std::string& file, const std::string& text,
                           const TemplateSettings& s);
// The bytes the cache stores for `s` (tests compare settings through them).
std::string encode_settings(const TemplateSettings& s);

}  // namespace rv::tmpl
