// skapa --bevaka: render, then render again whenever a watched file changes (inotify).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace rv::cli {

// Calls `render` in a child process now and after every change under `watched` (folders
// are watched with their subfolders; for a file, its folder, filtered to the file).
// Changes to `output` and to hidden or backup files (".x.swp", "x~") are ignored. Runs
// until SIGINT, SIGTERM or SIGHUP; returns 0 then, 2 if nothing can be watched.
int watch_and_render(const std::vector<std::string>& watched, const std::string& output,
                     const std::function<int()>& render);

}  // namespace rv::cli
