// The buffers and the item kinds of set_text (internal to layout): shared by the phases in
// paragraph.cpp (text → items), emergency.cpp (breaks inside over-wide words) and
// set_line.cpp (chosen lines → positioned runs).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/flow.hpp"

namespace rv::layout {

// What a KP box stands for (parallel to the items; only boxes and word spaces use it).
struct Frag {
  FontId font = FontId::SerifRegular;
  float size = 0;
  float rise = 0;
  std::string_view text;  // into the paragraph text, or a footnote number in mark_text
  int inl = -1;           // index of the inline run (links); -1 for footnote marks
  int note = -1;          // footnote index for marks
  RunKind kind = RunKind::Normal;
  bool word_space = false;  // glue or penalty at a space or forced break: a line ending
                            // here ends a word (the text layer gets a space)
};

// A run of the paragraph's text in one font, from one inline.
struct Piece {
  size_t begin, end;
  int inl;
  FontId font;
};

struct TextScratch {
  std::string text;
  std::vector<Piece> pieces;
  std::vector<std::pair<size_t, int>> marks;  // (offset, inline index)
  std::vector<std::string> mark_text;         // reserved up front: Frag views stay valid
  std::vector<unsigned char> starts;          // a line may start at this offset
  std::vector<KPItem> items;
  std::vector<Frag> frags;  // parallel to items (only meaningful for boxes)
  std::vector<std::pair<size_t, unsigned char>> cuts;
  std::vector<size_t> soft_hyphens;  // offsets of the soft hyphens taken out of the text
  std::vector<float> widths;
  // Item making walks the text forward: the piece holding the last offset asked for, and
  // the next footnote mark to place.
  size_t piece_cursor = 0, piece_query = 0, next_mark = 0;

  void push(const KPItem& it, const Frag& f = {}) {
    items.push_back(it);
    frags.push_back(f);
  }
  // The piece holding an offset: the first piece ending after it, else the last, as a
  // binary search would; found by walking forward, since boxes are made in text order.
  const Piece& piece_at(size_t off) {
    if (off < piece_query) piece_cursor = 0;
    piece_query = off;
    while (piece_cursor < pieces.size() && pieces[piece_cursor].end <= off) ++piece_cursor;
    return piece_cursor < pieces.size() ? pieces[piece_cursor] : pieces.back();
  }
};

// Gives every run of boxes that no break opportunity divides and that is wider than the
// measure a possible break between any two of its characters (emergency.cpp).
void emergency_breaks(const FontSet& fonts, std::vector<KPItem>& items, std::vector<Frag>& frags,
                      float width);

}  // namespace rv::layout
