// Temporary paths removed when SIGINT, SIGTERM or SIGHUP ends the process.
//
// The handler only calls unlink, rmdir, sigaction and raise (async-signal-safe) on paths
// stored beforehand in fixed slots; then the signal's previous action runs (normally: the
// process ends by the signal, so its exit status still says so). A signal that is ignored
// when a slot is armed stays ignored.
#pragma once

namespace rv::outfile::cleanup {

// Arms a slot for `path` (copied; a file, or an empty folder with `folder`). Returns the
// slot, or -1 when all slots are taken or the path is too long (then nothing is removed
// on a signal; the stale sweep of a later run still finds the file).
int arm(const char* path, bool folder);
// The path is gone or has its final name: nothing to remove any more.
void disarm(int slot);

}  // namespace rv::outfile::cleanup
