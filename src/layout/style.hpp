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

// ---- Line breaking (paragraph.cpp, linebreak.cpp) -----------------------------------
// The glue, penalties and tolerances the paragraphs are broken with. TeX's plain format,
// SILE and typst document theirs the same way; where a value is TeX's it says so.

// A justified space may grow by this share of its width and shrink by this share. Plain
// TeX's interword glue in cmr10 is 1/2 and 1/3 of the space; a little more stretch here, as
// Swedish compounds are long and hyphenation is held back (three-letter fragments, at most
// two hyphens in a row), so lines have fewer places to break.
inline constexpr float kSpaceStretch = 0.6f;
inline constexpr float kSpaceShrink = 0.3f;
// Ragged-right setting (Knuth & Plass 1981, "ragged right"): before each break
// opportunity glue of this many ems of stretch, cancelled after it. Three ems makes a line
// short by a word cost little, and one short by half its width cost much.
inline constexpr float kRaggedStretchEm = 3.0f;
// The largest adjustment ratio a line may take in the first pass: 2 justified (badness
// 800; plain TeX's \tolerance 200 is a ratio of about 1.26, tighter than narrow columns of
// long compounds allow), 4 ragged (there the ratio only measures how short a line falls
// against three ems of stretch, and nothing is stretched when painted).
inline constexpr float kJustifiedTolerance = 2.0f;
inline constexpr float kRaggedTolerance = 4.0f;
// Penalties of a line break inside a word. 50 is plain TeX's \hyphenpenalty; a hyphen at a
// compound joint ("personal-omsättning") reads best and costs less; a break after a
// written hyphen or dash, or at an input soft hyphen, costs as a syllable hyphen.
inline constexpr float kHyphenPenalty = 50;
inline constexpr float kJointPenalty = 30;
// Stretch of the glue that ends a paragraph or a forced line break: "infinite" (TeX's
// \parfillskip is 0pt plus 1fil): far more than any line's, so the last line is never
// stretched.
inline constexpr float kFillStretch = 1e5f;
// A footnote mark: this fraction of the text size, raised this fraction of it, so the
// mark's top sits at about cap height (the usual superior-figure proportions).
inline constexpr float kNoteMarkScale = 0.62f;
inline constexpr float kNoteMarkRaise = 0.36f;

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
