// Markdown (after template expansion) → document tree blocks.
#pragma once

#include <functional>
#include <vector>

#include "doc/doc.hpp"
#include "template/expand.hpp"

namespace rv::tmpl {

// Builds the blocks for one data-bound placeholder ({% tabell %}, {% diagram %} …).
using BlockBuilder = std::function<std::vector<doc::Block>(const BlockRequest&)>;

std::vector<doc::Block> markdown_to_blocks(const Expansion& ex, const BlockBuilder& build,
                                           Diagnostics& diags);

}  // namespace rv::tmpl
