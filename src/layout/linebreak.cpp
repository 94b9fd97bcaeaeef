// Knuth–Plass line breaking ("Breaking Paragraphs into Lines", 1981), total-fit with
// fitness classes and flagged-penalty demerits.
#include "layout/linebreak.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rv::layout {

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
// The second chance when no set of breaks is within the tolerance: a ratio of 20 (spaces
// up to 12 times their width at 0.6 stretch) is ugly but better than a line past the
// measure, which first fit, the next fallback, may give.
constexpr float kLooseTolerance = 20.0f;
// See line_cost.
constexpr double kUnderfullBadness = 1e7;

struct Node {
  size_t pos;                                       // break item index
  int line;                                         // number of lines up to this break
  int fitness;                                      // 0 tight … 3 very loose
  double total_width, total_stretch, total_shrink;  // sums after the break
  double demerits;
  int prev;     // index into nodes; -1 for the start
  int hyphens;  // hyphenated (flagged) lines in a row ending here, at most kRun - 1
};

// Runs of hyphenated lines are told apart up to this length: 0, 1, or 2 and more.
constexpr int kRun = 3;

bool is_break(const std::vector<KPItem>& items, size_t i, bool allow_weak = true) {
  const KPItem& it = items[i];
  if (it.type == KPItem::Penalty) return it.penalty < kInfPenalty && (allow_weak || !it.weak);
  if (it.type == KPItem::Glue) return i > 0 && items[i - 1].type == KPItem::Box;
  return false;
}

float line_width(const std::vector<float>& widths, int line) {
  return widths[std::min<size_t>(static_cast<size_t>(line), widths.size() - 1)];
}

bool total_fit(const std::vector<KPItem>& items, const std::vector<float>& widths,
               const KPParams& p, bool allow_weak, std::vector<size_t>& out) {
  // Reused from paragraph to paragraph (the breaker is called thousands of times).
  thread_local std::vector<Node> nodes;
  thread_local std::vector<int> active;
  nodes.clear();
  nodes.push_back({0, 0, 1, 0, 0, 0, 0, -1, 0});
  active.assign(1, 0);
  // Paragraphs are set to one measure; skip the per-node lookup of the line's width then.
  const bool uniform = widths.size() == 1;
  const double uniform_width = widths.front();
  // While the active nodes' sums of width and stretch never decrease along the list (as
  // with non-negative widths: checked as nodes are added) and all lines have one measure,
  // a node too loose to end a line here means every later node is too: each has no more
  // width and no more stretch before this break, so a ratio at least as large, rounding
  // included. Those nodes stay active untouched and need not be looked at.
  bool ordered = uniform && p.tolerance >= -1;
  double sw = 0, sy = 0, sz = 0;  // running sums of width, stretch, shrink

  for (size_t i = 0; i < items.size(); ++i) {
    const KPItem& it = items[i];
    if (it.type == KPItem::Box) {
      sw += it.width;
      continue;
    }
    if (is_break(items, i, allow_weak)) {
      struct Best {
        double demerits = kInf;
        int node = -1;
      } best[4][kRun];  // per fitness class and run of hyphenated lines
      const bool forced = it.type == KPItem::Penalty && it.penalty <= -kInfPenalty;
      const float pen = it.type == KPItem::Penalty ? it.penalty : 0;
      const float pen_width = it.type == KPItem::Penalty ? it.width : 0;
      const LineEnd end{pen, it.flagged, forced};
      // Deactivated nodes are dropped by compacting `active` in place (order kept).
      size_t kept = 0;
      const size_t count = active.size();
      for (size_t k = 0; k < count; ++k) {
        const int a = active[k];
        const Node& n = nodes[static_cast<size_t>(a)];
        const double L = uniform ? uniform_width : line_width(widths, n.line);
        const LineCost c = line_cost(sw - n.total_width + pen_width, sy - n.total_stretch,
                                     sz - n.total_shrink, L, end, {n.fitness, n.hyphens}, p);
        const double r = c.ratio;
        if (ordered && !forced && r > p.tolerance) {
          while (k < count) active[kept++] = active[k++];
          break;
        }
        if (!(r < -1 || forced)) active[kept++] = a;
        if (!c.feasible(p.tolerance)) continue;
        const int run = it.flagged ? std::min(n.hyphens + 1, kRun - 1) : 0;
        const int fit = c.fitness;
        double d = c.demerits;
        d += n.demerits;
        if (d < best[fit][run].demerits) best[fit][run] = {d, a};
      }
      active.resize(kept);
      bool any = false;
      for (const auto& per_fit : best)
        for (const Best& b : per_fit) any = any || b.node >= 0;
      if (any) {
        // Sums after the break: glue and penalties right after it are dropped.
        double tw = sw, ty = sy, tz = sz;
        for (size_t j = i; j < items.size(); ++j) {
          const KPItem& nx = items[j];
          if (nx.type == KPItem::Box) break;
          if (nx.type == KPItem::Glue) {
            tw += nx.width;
            ty += nx.stretch;
            tz += nx.shrink;
          } else if (nx.penalty <= -kInfPenalty && j > i) {
            break;
          }
        }
        for (int f = 0; f < 4; ++f) {
          for (int h = 0; h < kRun; ++h) {
            const Best& b = best[f][h];
            if (b.node < 0) continue;
            const Node& from = nodes[static_cast<size_t>(b.node)];
            if (!active.empty()) {
              const Node& before = nodes[static_cast<size_t>(active.back())];
              if (tw < before.total_width || ty < before.total_stretch) ordered = false;
            }
            nodes.push_back({i, from.line + 1, f, tw, ty, tz, b.demerits, b.node, h});
            active.push_back(static_cast<int>(nodes.size() - 1));
          }
        }
      }
      if (active.empty()) return false;
    }
    if (it.type == KPItem::Glue) {
      sw += it.width;
      sy += it.stretch;
      sz += it.shrink;
    }
  }
  // The final item is a forced break: every surviving node ends there.
  int best = -1;
  for (int a : active) {
    const Node& n = nodes[static_cast<size_t>(a)];
    if (n.pos != items.size() - 1) continue;
    if (best < 0 || n.demerits < nodes[static_cast<size_t>(best)].demerits) best = a;
  }
  if (best < 0) return false;
  out.clear();
  for (int n = best; n > 0; n = nodes[static_cast<size_t>(n)].prev)
    out.push_back(nodes[static_cast<size_t>(n)].pos);
  std::reverse(out.begin(), out.end());
  return true;
}

// Whether total fit would set the whole paragraph as one line, decided in one pass over
// the items instead of the full search (most calls are table cells, headings and other
// one-liners). It would when the start node survives every break and the final forced
// break ends a line from it that costs less than any split could: each line of a split
// costs at least line_penalty² when no penalty is a bonus and all demerits are
// non-negative. The arithmetic mirrors total_fit's for the start node exactly.
bool fits_one_line(const std::vector<KPItem>& items, const std::vector<float>& widths,
                   const KPParams& p) {
  const size_t last = items.size() - 1;
  if (items[last].type != KPItem::Penalty || items[last].penalty > -kInfPenalty) return false;
  if (p.line_penalty < 0 || p.flagged_demerits < 0 || p.fitness_demerits < 0 ||
      p.final_hyphen_demerits < 0)
    return false;
  const double L = line_width(widths, 0);
  double sw = 0, sy = 0, sz = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const KPItem& it = items[i];
    if (it.type == KPItem::Box) {
      sw += it.width;
      continue;
    }
    if (it.type == KPItem::Penalty && it.penalty < 0 && it.penalty > -kInfPenalty) return false;
    if (is_break(items, i)) {
      const bool forced = it.type == KPItem::Penalty && it.penalty <= -kInfPenalty;
      if (forced && i != last) return false;
      const LineCost c =
          line_cost(sw + (it.type == KPItem::Penalty ? it.width : 0), sy, sz, L,
                    {it.type == KPItem::Penalty ? it.penalty : 0, it.flagged, forced}, {}, p);
      if (c.ratio < -1) return false;
      if (i == last) {
        if (c.ratio > p.tolerance) return false;
        const double one_line = static_cast<double>(p.line_penalty) * p.line_penalty;
        return c.demerits < 2 * one_line;
      }
    }
    if (it.type == KPItem::Glue) {
      sw += it.width;
      sy += it.stretch;
      sz += it.shrink;
    }
  }
  return false;
}

// First fit: the fallback when no set of breaks fits within the tolerance (e.g. a
// single word wider than a narrow table column).
std::vector<size_t> first_fit(const std::vector<KPItem>& items, const std::vector<float>& widths,
                              bool allow_weak) {
  std::vector<size_t> out;
  double w = 0;
  size_t last_break = 0;
  bool have_break = false;
  double width_at_break = 0;
  int line = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    const KPItem& it = items[i];
    if (it.type == KPItem::Penalty && it.penalty <= -kInfPenalty) {
      out.push_back(i);
      w = 0;
      have_break = false;
      ++line;
      continue;
    }
    if (is_break(items, i, allow_weak)) {
      const double extra = it.type == KPItem::Penalty ? it.width : 0;
      if (w + extra <= line_width(widths, line) || !have_break) {
        last_break = i;
        width_at_break = w;
        have_break = true;
      }
    }
    if (it.type != KPItem::Penalty) w += it.width;
    if (w > line_width(widths, line) && have_break && last_break < i) {
      out.push_back(last_break);
      ++line;
      // Restart measuring after the break (skip the glue at the break itself).
      w = 0;
      for (size_t j = last_break + 1; j <= i; ++j)
        if (items[j].type != KPItem::Penalty &&
            !(j == last_break + 1 && items[j].type == KPItem::Glue))
          w += items[j].width;
      have_break = false;
      (void)width_at_break;
    }
  }
  if (out.empty() || out.back() != items.size() - 1) out.push_back(items.size() - 1);
  return out;
}

// How far the widest line of a set of breaks passes its measure (0 when none does).
double overflow(const std::vector<KPItem>& items, const std::vector<float>& widths,
                const std::vector<size_t>& breaks) {
  double worst = 0;
  size_t from = 0;
  for (size_t li = 0; li < breaks.size(); ++li) {
    const size_t to = breaks[li];
    while (from < to && items[from].type != KPItem::Box) ++from;
    double w = 0, sh = 0;
    for (size_t k = from; k < to; ++k) {
      if (items[k].type == KPItem::Penalty) continue;
      w += items[k].width;
      if (items[k].type == KPItem::Glue) sh += items[k].shrink;
    }
    if (items[to].type == KPItem::Penalty) w += items[to].width;
    worst = std::max(worst, w - sh - line_width(widths, static_cast<int>(li)));
    from = to + 1;
  }
  return worst;
}

}  // namespace

std::vector<size_t> break_lines(const std::vector<KPItem>& items, const std::vector<float>& widths,
                                const KPParams& params) {
  std::vector<size_t> out;
  if (items.empty()) return out;
  if (fits_one_line(items, widths, params)) return {items.size() - 1};
  // Weak hyphens (a fragment under three letters) are tried only when the paragraph
  // cannot be set without them, as TeX tries hyphenation only after its first pass.
  const bool has_weak = std::any_of(items.begin(), items.end(), [](const KPItem& it) {
    return it.type == KPItem::Penalty && it.weak;
  });
  KPParams loose = params;
  loose.tolerance = std::max(params.tolerance, kLooseTolerance);
  if (total_fit(items, widths, params, false, out)) return out;
  if (params.loose_before_weak && total_fit(items, widths, loose, false, out)) return out;
  if (has_weak && total_fit(items, widths, params, true, out)) return out;
  if (!params.loose_before_weak && total_fit(items, widths, loose, false, out)) return out;
  if (has_weak && total_fit(items, widths, loose, true, out)) return out;
  // Some line is too wide whatever is done: keep out the weak hyphens unless they make
  // the widest line narrower.
  out = first_fit(items, widths, false);
  if (has_weak) {
    std::vector<size_t> weak = first_fit(items, widths, true);
    if (overflow(items, widths, weak) + 0.01 < overflow(items, widths, out)) out = std::move(weak);
  }
  // First fit still passes the measure: the last resort is any set of lines within it,
  // however loose (TeX's final pass at \tolerance 10000), since lines of a word's
  // fragments between hyphens or emergency breaks have no glue to stretch.
  if (overflow(items, widths, out) > 0.01) {
    KPParams any = params;
    any.tolerance = kInf;
    std::vector<size_t> within;
    if (total_fit(items, widths, any, true, within)) return within;
  }
  return out;
}

LineCost line_cost(double natural, double stretch, double shrink, double measure,
                   const LineEnd& end, const LineBefore& before, const KPParams& p) {
  LineCost c;
  c.ratio = line_ratio(natural, stretch, shrink, measure);
  const double ar = std::abs(c.ratio);
  // A line with nothing to stretch that does not fill its measure (a word's fragment
  // between two hyphens): infinitely bad in TeX. Finite here, worse than any stretched line
  // the loose pass accepts (100 · 20³), so the last-resort pass can still rank such lines.
  c.badness = std::isinf(ar) ? kUnderfullBadness : 100 * ar * ar * ar;
  c.fitness = c.ratio < -0.5 ? 0 : c.ratio <= 0.5 ? 1 : c.ratio <= 1 ? 2 : 3;
  double d = (p.line_penalty + c.badness) * (p.line_penalty + c.badness);
  const double pen = end.penalty;
  if (pen >= 0)
    d += pen * pen;
  else if (pen > -kInfPenalty)
    d -= pen * pen;
  if (end.flagged && before.hyphens >= 1) d += p.flagged_demerits;
  if (end.flagged && before.hyphens >= 2) d += p.triple_hyphen_demerits;
  if (end.forced && before.hyphens >= 1) d += p.final_hyphen_demerits;
  if (std::abs(c.fitness - before.fitness) > 1) d += p.fitness_demerits;
  c.demerits = d;
  return c;
}

float adjustment_ratio(const std::vector<KPItem>& items, size_t from, size_t to, float width) {
  double w = 0, st = 0, sh = 0;
  for (size_t i = from; i < to; ++i) {
    const KPItem& it = items[i];
    if (it.type == KPItem::Penalty) continue;
    w += it.width;
    if (it.type == KPItem::Glue) {
      st += it.stretch;
      sh += it.shrink;
    }
  }
  if (items[to].type == KPItem::Penalty) w += items[to].width;
  const double r = line_ratio(w, st, sh, width);
  if (std::isinf(r)) return 0.0f;
  return static_cast<float>(std::max(-1.0, r));
}

}  // namespace rv::layout
