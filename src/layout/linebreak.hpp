// Knuth–Plass total-fit line breaking over boxes, glue and penalties (internal).
//
// The breaker sees only widths: paragraph.cpp turns inline runs into items and the
// chosen breaks back into positioned text. As in SILE and TeX, hyphenation only adds
// optional (flagged) penalties; the breaker never sees pages.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

namespace rv::layout {

inline constexpr float kInfPenalty = 10000;

struct KPItem {
  enum Type : unsigned char { Box, Glue, Penalty } type = Box;
  float width = 0;
  float stretch = 0;     // glue
  float shrink = 0;      // glue
  float penalty = 0;     // penalty; ≥ kInfPenalty forbids, ≤ -kInfPenalty forces a break
  bool flagged = false;  // hyphen penalties: two in a row cost extra
  bool weak = false;     // a hyphen leaving a fragment under three letters ("el-ler"):
                         // a break only when the paragraph cannot be set without it
};

struct KPParams {
  float tolerance = 2.0f;  // largest adjustment ratio accepted (style::kJustifiedTolerance)
  // Added to every line's badness before squaring: fewer lines are better (plain TeX's
  // \linepenalty).
  float line_penalty = 10;
  // Two hyphenated lines in a row (TeX's \doublehyphendemerits, plain TeX's value).
  float flagged_demerits = 10000;
  // A hyphen on the paragraph's second-to-last line (TeX's \finalhyphendemerits).
  float final_hyphen_demerits = 5000;
  // A third hyphenated line in a row: more than any paragraph within the tolerance can
  // cost otherwise, so it is taken only when the alternative is a line beyond it.
  float triple_hyphen_demerits = 1e9f;
  // Adjacent lines whose fitness classes (tight, decent, loose, very loose) are not
  // neighbours: a loose line after a tight one shows. Plain TeX's \adjdemerits is 10000;
  // 100 here is what one perfect line costs (line_penalty²): a mild preference.
  float fitness_demerits = 100;
  // Try the loose tolerance without weak hyphens before the given tolerance with them:
  // for ragged lines, where a short line costs the reader nothing and "me-del" does.
  bool loose_before_weak = false;
};

// The cost of one candidate line, the one formula the breaker, its one-line shortcut, the
// line setter and the tests use (Knuth & Plass 1981, "Breaking paragraphs into lines").
struct LineEnd {
  float penalty = 0;     // of the break item (0 at glue)
  bool flagged = false;  // a hyphen
  bool forced = false;   // the paragraph's end or a forced line break
};
struct LineBefore {  // what the previous line left: the paragraph starts as a decent line
  int fitness = 1;
  int hyphens = 0;  // hyphenated lines in a row ending at the previous break
};
struct LineCost {
  double ratio = 0;  // > 0 stretches, < 0 shrinks; ±inf: must change and cannot
  double badness = 0;
  int fitness = 1;  // 0 tight, 1 decent, 2 loose, 3 very loose
  double demerits = 0;
  // Within the tolerance and not shrunk past its shrink (r ≥ -1).
  bool feasible(float tolerance) const { return ratio >= -1 && ratio <= tolerance; }
};

// The adjustment ratio of a line of natural width `natural` with total stretch and shrink
// set to `measure`.
inline double line_ratio(double natural, double stretch, double shrink, double measure) {
  if (natural < measure)
    return stretch > 0 ? (measure - natural) / stretch : std::numeric_limits<double>::infinity();
  if (natural > measure)
    return shrink > 0 ? (measure - natural) / shrink : -std::numeric_limits<double>::infinity();
  return 0;
}

// Ratio, badness (100|r|³), fitness class and demerits of a line: (line penalty +
// badness)² plus the break's penalty squared (subtracted for a bonus), plus the extra
// demerits for two or three hyphens in a row, a hyphen before the last line and a jump of
// more than one fitness class from the line before.
LineCost line_cost(double natural, double stretch, double shrink, double measure,
                   const LineEnd& end, const LineBefore& before, const KPParams& p);

// Break positions (indices of the glue or penalty items where lines end; the last is
// the final forced penalty). `widths[k]` is the measure of line k; the last entry
// repeats for later lines. Tries the given tolerance without weak hyphens, then with
// them, then the same at a loose tolerance, then falls back to first fit, and when first
// fit passes the measure to total fit at unlimited tolerance, so it always returns a
// result (a line can only overflow when a single box is wider than the measure; set_text
// adds emergency breaks so that only a single character can be).
std::vector<size_t> break_lines(const std::vector<KPItem>& items, const std::vector<float>& widths,
                                const KPParams& params);

// The adjustment ratio of the line items[from..to) (to = the break item) as it is painted:
// line_ratio, except that a line with nothing to stretch or shrink keeps its natural width
// (0 for ±inf) and no line shrinks past its shrink (at most -1; an overfull line overflows).
float adjustment_ratio(const std::vector<KPItem>& items, size_t from, size_t to, float width);

}  // namespace rv::layout
