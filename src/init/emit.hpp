// The data set's sections as YAML in the bundled data sets' style (internal to src/init):
// short rows as one flow mapping per line, keys in docs/dataformat.md's order, long texts
// folded. Each function writes one top-level key and what is under it.
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace rv::init::emit {

// `decls`: every own field (egna_fält); grant() writes those for every group, groups()
// those of each group.
std::string grant(const Grant& g, const std::vector<FieldDecl>& decls);
std::string groups(const std::vector<const Group*>& groups, const std::vector<FieldDecl>& decls);
// `groups`: every group of the data set, to write rekvirerat or beviljat as the group says.
std::string recipients(const std::vector<const Recipient*>& rows, const std::vector<Group>& groups);
std::string questions(const std::vector<const Question*>& questions);
std::string history(const std::vector<const HistoryRow*>& rows);
// Names in `order` first (the recipients' order), then the rest.
std::string previous(const std::vector<const PreviousAllocation*>& allocations,
                     const std::vector<std::string>& order);
std::string document(const DocumentMeta& d);

}  // namespace rv::init::emit
