// Typographic constants of the report design (internal to layout).
//
// One place for the numbers a designer would tune: A4, a text block of about 70–75
// characters a line in 11/15 pt serif (as in Socialstyrelsen's reports), sans-serif
// headings, tables and charts, footnotes in 8.5/10.5 pt.
#pragma once

#include "layout/page.hpp"

namespace rv::layout::style {

inline constexpr float kPageWidth = 595.276f;  // A4, 210 mm
inline constexpr float kPageHeight = 841.89f;  // 297 mm
inline constexpr float kMarginLeft = 85.0f;    // 30 mm
inline constexpr float kMarginRight = 85.0f;
inline constexpr float kMarginTop = 79.0f;  // 28 mm
inline constexpr float kMarginBottom = 79.0f;
inline constexpr float kTextWidth = kPageWidth - kMarginLeft - kMarginRight;

inline constexpr float kBodySize = 11.0f;
inline constexpr float kBodyLeading = 15.0f;
inline constexpr float kParaGap = 7.5f;  // half a line between paragraphs (no indents)

inline constexpr float kH1Size = 18.0f, kH1Leading = 22.0f, kH1Before = 18.0f, kH1After = 10.0f;
inline constexpr float kH2Size = 13.0f, kH2Leading = 16.5f, kH2Before = 16.0f, kH2After = 5.0f;
inline constexpr float kH3Size = 11.0f, kH3Leading = 15.0f, kH3Before = 11.0f, kH3After = 2.0f;

inline constexpr float kNoteSize = 8.5f;
inline constexpr float kNoteLeading = 10.5f;
inline constexpr float kNoteGap = 2.0f;      // between footnotes
inline constexpr float kNoteRuleGap = 9.0f;  // body → separator rule → first note
inline constexpr float kNoteRuleLength = 120.0f;
inline constexpr float kNoteIndent = 10.0f;  // note text after its number
// At least this much between a note's number and its text: what a two-digit number
// leaves in kNoteIndent at 8.5 pt, so only three-digit numbers widen the indent.
inline constexpr float kNoteNumberGap = 1.5f;

inline constexpr float kTableSize = 9.0f;
inline constexpr float kTableLeading = 11.5f;
inline constexpr float kCellPadX = 4.0f;
inline constexpr float kCellPadY = 2.5f;
inline constexpr float kCaptionSize = 10.0f;
inline constexpr float kCaptionLeading = 13.0f;
inline constexpr float kSourceSize = 8.5f;
inline constexpr float kSourceLeading = 11.0f;
inline constexpr float kBlockGap = 12.0f;  // around tables and figures
// Table of contents: the dot leaders end this far left of the right edge, which leaves
// room for a three-digit page number; they start at least this far after the entry.
inline constexpr float kTocNumberRoom = 18.0f;
inline constexpr float kTocLeaderGap = 4.0f;
// Page building (paginate.cpp, docs/typografi.md): a table of at most this many body rows
// is never split over pages; a keep (heading with its text, a short table, widow and
// orphan lines) is given up rather than leave a page less than this fraction full.
inline constexpr size_t kUnsplitTableRows = 8;
inline constexpr float kMinPageFill = 1.0f / 3.0f;

inline constexpr float kListIndent = 18.0f;  // hanging indent per list level
inline constexpr float kQuoteIndent = 22.0f;

inline constexpr float kRunningSize = 8.0f;
inline constexpr float kRunningLeading = 10.0f;

inline constexpr Color kText{0, 0, 0};
inline constexpr Color kGrey{0.35f, 0.35f, 0.35f};
inline constexpr Color kRuleColor{0.25f, 0.25f, 0.25f};
inline constexpr Color kLightRule{0.7f, 0.7f, 0.7f};
inline constexpr Color kHeaderFill{0.90f, 0.92f, 0.95f};
inline constexpr Color kBarColor{0.15f, 0.33f, 0.55f};  // dark blue: 8.6:1 against white
inline constexpr Color kLinkColor{0.05f, 0.25f, 0.55f};

}  // namespace rv::layout::style
