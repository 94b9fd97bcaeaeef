// Column widths of a table, chosen from what the cells hold: a figure column is as wide
// as its widest figure, a heading word is split only where the hyphenator allows it (three
// letters a side or a compound joint), and the headings get the room they need to wrap to
// at most three lines, then two, where the page allows (headings of four or five short
// lines over narrow columns of figures is what the appendix tables had with fixed
// proportions). What is left is shared out by the template's relative widths (`bredd`).
#include <algorithm>
#include <map>
#include <numeric>

#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

namespace {

// Headings that wrap to more lines than this are widened first; then, while the room
// lasts, to two lines (Swedish appendix tables set "Oförbrukade medel (kr)" on two or three).
constexpr int kMostHeadingLines = 3;
constexpr int kGoodHeadingLines = 2;

// A heading or cell as the pieces a line may end after: whole words, and inside a word the
// hyphenation points the line breaker would take (three letters a side, compound joints).
struct Piece {
  float width;
  bool starts_word;
  bool continues;  // the word goes on: ending a line here adds a hyphen
};

struct Pieces {
  std::vector<Piece> pieces;
  float space = 0, hyphen = 0;
};

Pieces pieces_of(const std::string& text, const FontSet& fonts, FontId font, bool hyphenate) {
  Pieces p;
  p.space = fonts.width(font, style::kTableSize, " ");
  p.hyphen = fonts.width(font, style::kTableSize, "-");
  const std::string_view all(text);
  size_t at = 0;
  while (at <= all.size()) {
    size_t end = all.find(' ', at);
    if (end == std::string_view::npos) end = all.size();
    if (end > at) {
      const std::string_view word = all.substr(at, end - at);
      std::vector<size_t> cuts;
      if (hyphenate)
        for (const auto& h : sv::hyphenation_candidates(word))
          if (h.joint || (h.left >= sv::kPreferredFragment && h.right >= sv::kPreferredFragment))
            cuts.push_back(h.offset);
      cuts.push_back(word.size());
      size_t from = 0;
      for (size_t k = 0; k < cuts.size(); ++k) {
        p.pieces.push_back({fonts.width(font, style::kTableSize, word.substr(from, cuts[k] - from)),
                            k == 0, k + 1 < cuts.size()});
        from = cuts[k];
      }
    }
    at = end + 1;
  }
  return p;
}

float widest(const Pieces& p) {
  float w = 0;
  for (const Piece& x : p.pieces) w = std::max(w, x.width + (x.continues ? p.hyphen : 0));
  return w;
}

// The whole text on one line.
float natural(const Pieces& p) {
  float w = 0;
  for (const Piece& x : p.pieces) w += x.width + (x.starts_word && w > 0 ? p.space : 0);
  return w;
}

// Lines a greedy fill needs at `measure` (every piece fits: measure ≥ widest()).
int lines_at(const Pieces& p, float measure) {
  if (p.pieces.empty()) return 0;
  int lines = 1;
  float line = 0;
  for (const Piece& x : p.pieces) {
    const float gap = line > 0 && x.starts_word ? p.space : 0;
    const float end = x.continues ? p.hyphen : 0;
    if (line > 0 && line + gap + x.width + end > measure + 0.01f) {
      ++lines;
      line = x.width;
    } else {
      line += gap + x.width;
    }
  }
  return lines;
}

// The narrowest measure at which `lines(measure)` is smaller than at `measure`; -1 if not
// even at `limit`.
template <class Lines>
float narrowest_with_fewer_lines(const Lines& lines, float measure, float limit) {
  const int now = lines(measure);
  if (now <= 1 || lines(limit) >= now) return -1;
  float lo = measure, hi = limit;  // lines(lo) == now, lines(hi) < now
  while (hi - lo > 0.25f) {
    const float mid = (lo + hi) / 2;
    (lines(mid) < now ? hi : lo) = mid;
  }
  return hi;
}

}  // namespace

std::optional<std::vector<float>> fitted_column_widths(const doc::Table& t,
                                                       const std::vector<doc::Column>& cols,
                                                       float width, const FontSet& fonts,
                                                       const HeadingLines& heading_lines) {
  const size_t n = cols.size();
  const float pad = 2 * style::kCellPadX;
  if (t.header.size() != 1) return std::nullopt;
  std::vector<Pieces> heads(n);
  std::vector<float> need(n, 0), wish(n, 0);  // need: no piece split; wish: nothing wrapped
  auto cells = [&](const doc::Row& row, FontId font) {
    for (size_t c = 0; c < row.cells.size() && c < n; ++c) {
      if (row.cells[c].colspan > 1) return false;  // spanning cells: keep the proportions
      const bool text = cols[c].align == doc::CellAlign::Left;
      const Pieces p = pieces_of(doc::plain_text(row.cells[c].content), fonts, font, text);
      // A figure is never wrapped: its column is as wide as the widest.
      need[c] = std::max(need[c], text ? widest(p) : natural(p));
      wish[c] = std::max(wish[c], natural(p));
    }
    return true;
  };
  for (const auto& row : t.body)
    if (!cells(row, FontId::SansRegular)) return std::nullopt;
  if (t.total && !cells(*t.total, FontId::SansBold)) return std::nullopt;
  const doc::Row& head = t.header.front();
  for (size_t c = 0; c < head.cells.size() && c < n; ++c) {
    if (head.cells[c].colspan > 1) return std::nullopt;
    heads[c] = pieces_of(doc::plain_text(head.cells[c].content), fonts, FontId::SansBold, true);
    need[c] = std::max(need[c], widest(heads[c]));
  }
  std::vector<float> w(n);
  // A hair more than the widest figure: a cell exactly as wide as its text can come out
  // a rounding too narrow for the line breaker, which then breaks the figure.
  constexpr float kSlack = 0.05f;
  for (size_t c = 0; c < n; ++c) w[c] = need[c] + pad + kSlack;
  float left = width - std::accumulate(w.begin(), w.end(), 0.0f);
  if (left < 0) return std::nullopt;  // more than the page holds: the proportions

  // Lines as the line breaker sets the heading; the greedy count where it gives none.
  // Remembered per column and width: the searches ask the same widths again.
  std::map<std::pair<size_t, float>, int> known;
  auto heading_at = [&](size_t c) {
    return [&, c](float measure) {
      const auto at = std::make_pair(c, measure);
      if (auto it = known.find(at); it != known.end()) return it->second;
      int lines = -1;
      if (heading_lines)
        if (auto l = heading_lines(c, measure)) lines = *l;
      if (lines < 0) lines = lines_at(heads[c], measure);
      known.emplace(at, lines);
      return lines;
    };
  };
  // The heading with the most lines first, as long as the room lasts.
  auto headings_down_to = [&](int target) {
    for (;;) {
      size_t worst = n;
      int most = target;
      for (size_t c = 0; c < n; ++c)
        if (int l = heading_at(c)(w[c] - pad); l > most) most = l, worst = c;
      if (worst == n) return;
      const float to =
          narrowest_with_fewer_lines(heading_at(worst), w[worst] - pad, w[worst] - pad + left);
      if (to < 0) return;
      left -= to + pad - w[worst];
      w[worst] = to + pad;
    }
  };
  headings_down_to(kMostHeadingLines);
  // A wrapped name makes its row two lines high: the text columns grow to their longest
  // line before headings get shorter, by what each lacks when the room falls short.
  float grow = 0;
  for (size_t c = 0; c < n; ++c)
    if (cols[c].align == doc::CellAlign::Left)
      grow += std::max(0.0f, wish[c] + pad + kSlack - w[c]);
  if (grow > 0) {
    const float share = std::min(1.0f, left / grow);
    for (size_t c = 0; c < n; ++c)
      if (cols[c].align == doc::CellAlign::Left)
        w[c] += share * std::max(0.0f, wish[c] + pad + kSlack - w[c]);
    left -= share * grow;
  }
  headings_down_to(kGoodHeadingLines);
  // The rest by the template's relative widths.
  double weights = 0;
  for (const auto& c : cols) weights += c.width;
  for (size_t c = 0; c < n; ++c)
    w[c] += static_cast<float>(weights > 0 ? cols[c].width / weights : 1.0 / n) * left;
  return w;
}

}  // namespace rv::layout
