// --samlad: every letter of a batch in one PDF (batch.hpp).
#pragma once

#include <string>
#include <vector>

#include "layout/page.hpp"

namespace rv::batch {

struct Part {
  std::string name;  // the recipient, the outline entry's title
  layout::Pages pages;
};

// The parts' pages in order, with one level-1 outline entry per part (the part's own
// headings below it) and the structure trees joined under one Document. The parts are
// moved from. `title` is the combined document's title.
layout::Pages combine(std::vector<Part>& parts, const std::string& title);

}  // namespace rv::batch
