// Allocator settings for a short-lived process; see allocator.cpp for the measurements.
#pragma once

namespace rv::cli {

// Call first in main, before any thread starts. Harmless where transparent huge pages
// are disabled: the advice is then ignored.
void tune_allocator();

}  // namespace rv::cli
