// Compound joints of Swedish words (internal to the Swedish layer): where a compound such
// as "personal|omsättning" is put together, so hyphenation can prefer those breaks to the
// patterns' syllable guesses ("persona-lomsättning").
#pragma once

#include <string>
#include <vector>

namespace rv::sv::detail {

struct CompoundJoint {
  int at = 0;             // letters before the joint (a break after character at-1)
  bool restored = false;  // a letter was dropped there: "webb|baserade" (bb + b → bb)
};

// The joints of the lower-cased letter run `word` when it splits completely into known
// parts (the word list in compounds.cpp, from the bundled documents' vocabulary), with a
// linking -s- between parts and an inflection ending after the last; empty otherwise.
std::vector<CompoundJoint> compound_joints(const std::u32string& word);

}  // namespace rv::sv::detail
