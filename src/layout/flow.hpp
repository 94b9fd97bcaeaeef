// The vertical flow between building and pagination (internal to layout).
//
// Building turns blocks into a list of Boxes (one per text line, table row, chart,
// caption …) with y measured downward from the box's top. The paginator only sees box
// heights, break permissions and footnote references; it never looks inside a box.
#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/fonts.hpp"
#include "layout/linebreak.hpp"
#include "layout/page.hpp"
#include "swedish/swedish.hpp"

namespace rv::layout {

struct Box {
  float height = 0;
  float space_before = 0;   // discarded at the top of a page
  std::vector<Item> items;  // y downward from the box top (converted in finalize)
  std::vector<LinkArea> links;
  std::vector<int> notes;    // footnotes referenced in this box (indices into Flow::notes)
  std::vector<int> anchors;  // anchors whose target is the top of this box
  bool break_before = true;  // may a page end just before this box?
  bool fill = false;         // vertical fill: takes the page's leftover space
  bool new_page = false;     // forced page break before this box
  std::string page_style;    // with new_page: style of the new page
  Span break_span;           // with new_page: where the page break came from
  int repeat_table = -1;     // a table body row: repeat that table's header if it opens a page
  int toc_entry = -1;        // a TOC line whose page number is filled in after pagination
  int heading_node = -1;     // a heading: its structure node gets the page
  int outline = -1;          // index into Pages::outline
  Span span;
};

struct Note {
  int number = 0;
  std::vector<Box> lines;
  float height = 0;
};

struct TocEntry {
  std::string target_id;
  int run_index = -1;  // index of the page-number TextRun in the box's items
  float right = 0;     // right edge for the number
  FontId font = FontId::SerifRegular;
  float size = 11;
};

struct Flow {
  std::vector<Box> boxes;
  std::vector<Note> notes;
  std::vector<Box> table_headers;  // per table: header rows, drawn again on later pages
  std::vector<TocEntry> toc;
};

// Text settings for one paragraph.
struct TextStyle {
  doc::Family family = doc::Family::Serif;
  doc::FontStyle base = doc::FontStyle::Regular;  // combined with run styles (bold headings)
  float size = 11;
  float leading = 15;
  doc::Align align = doc::Align::Justify;
  Color color;
  bool hyphenate = true;
};

// One set line: items with y relative to the line's top.
struct SetLine {
  std::vector<Item> items;
  std::vector<LinkArea> links;
  std::vector<int> notes;
  float height = 0;
  float right = 0;  // right edge of the text actually set
};

// Column widths fitted to a table's cells (table_columns.cpp): figures unwrapped, heading
// words split only at good hyphenation points, headings on at most three lines, then two, the rest
// shared by the columns' relative widths. Nothing when the table cannot be fitted (spanning cells,
// more than one header row, or content wider than `width`): the relative widths apply as given.
// `heading_lines(c, measure)` counts the lines column c's heading is set in at `measure`
// (the line breaker's count; a greedy estimate is used where it gives none).
using HeadingLines = std::function<std::optional<int>(size_t column, float measure)>;
std::optional<std::vector<float>> fitted_column_widths(const doc::Table& t,
                                                       const std::vector<doc::Column>& cols,
                                                       float width, const FontSet& fonts,
                                                       const HeadingLines& heading_lines);

struct TextScratch;  // the buffers of set_text (text_items.hpp)
struct Frag;         // a KP box's text, font and run (text_items.hpp)

class Builder {
 public:
  Builder(const FontSet& fonts, Pages& pages, Diagnostics& diags);
  ~Builder();

  // Finds the headings a table of contents lists (they may come after it).
  void collect_headings(const std::vector<doc::Block>& blocks, int depth = 0);
  // Walks the blocks into the flow. `x`/`width` is the frame (indented for lists).
  void blocks(const std::vector<doc::Block>& blocks, float x, float width, int parent);
  void block(const doc::Block& b, float x, float width, int parent);

  // Breaks inline content into lines (paragraph.cpp).
  // How many lines set_text would set `content` in at `width`, without setting them or
  // anything else (no diagnostics, no notes); nothing for content with footnotes.
  std::optional<int> count_lines(const doc::Inlines& content, const TextStyle& ts, float width);
  // set_text's buffers for one nesting level (a footnote set inside a paragraph is one
  // level deeper), given back when the level ends.
  struct ScratchLevel {
    TextScratch& sc;
    size_t& depth;
    ScratchLevel(TextScratch& s, size_t& d) : sc(s), depth(d) {}
    ScratchLevel(const ScratchLevel&) = delete;
    ~ScratchLevel() { --depth; }
  };
  ScratchLevel scratch_level();
  std::optional<std::vector<size_t>> breaks_of(const doc::Inlines& content, const TextStyle& ts,
                                               float width, int node, bool warn, TextScratch& sc);
  std::vector<SetLine> set_text(const doc::Inlines& content, const TextStyle& ts, float x,
                                float width, int node);

  int add_node(Role role, int parent, const Span& span, std::string id = {});
  Flow& flow() { return flow_; }
  const FontSet& fonts() const { return fonts_; }
  Diagnostics& diags() { return diags_; }

 private:
  void heading(const doc::Heading& h, float x, float width, int parent);
  void paragraph(const doc::Paragraph& p, float x, float width, int parent);
  void list(const doc::List& l, float x, float width, int parent);
  void quote(const doc::BlockQuote& q, float x, float width, int parent);
  bool nesting_allowed(const Span& at);
  void table(const doc::Table& t, float x, float width, int parent);     // table.cpp
  void chart(const doc::BarChart& c, float x, float width, int parent);  // chart.cpp
  void toc(const doc::TableOfContents& t, float x, float width, int parent);
  // Caption ("Tabell 3. …") above, and source/note lines below tables and figures.
  void caption(const std::string& label, const doc::Inlines& text, float x, float width, int parent,
               const Span& span, Role role = Role::Caption);
  void source_lines(const doc::Inlines& source, const doc::Inlines& note, float x, float width,
                    int parent, const Span& span);
  // Appends one box, applying a pending keep-with-next and a pending page break.
  void push(Box b);
  // Appends set lines as boxes; widows and orphans are prevented by forbidding breaks
  // after the first and before the last line.
  void push_lines(std::vector<SetLine>&& lines, float space_before, bool keep_with_next,
                  const Span& span);
  float gap(float before) const { return std::max(after_, before); }
  int add_note(const doc::Inline& ref, int parent);
  int add_anchor(const std::string& id);
  const std::vector<rv::sv::HyphenPoint>& hyphenation(std::string_view word);
  // set_text's phases (paragraph.cpp), over the buffers of one nesting level.
  bool join_text(const doc::Inlines& content, const TextStyle& ts, TextScratch& sc);
  void warn_missing_glyphs(const doc::Inlines& content, const TextScratch& sc);
  void make_items(const doc::Inlines& content, const TextStyle& ts, int node, TextScratch& sc);
  void word_items(const doc::Inlines& content, const TextStyle& ts, int node, TextScratch& sc,
                  size_t i, size_t we, size_t first_piece_after);
  void marks_at(const doc::Inlines& content, const TextStyle& ts, int node, TextScratch& sc,
                size_t off);
  void push_mark(const doc::Inlines& content, const TextStyle& ts, int node, TextScratch& sc);
  SetLine set_line(const doc::Inlines& content, const TextStyle& ts, float x, float width, int node,
                   const TextScratch& sc, size_t from, size_t to, int li,
                   std::unordered_map<int, int>& link_nodes);
  TextRun start_run(const doc::Inlines& content, const TextStyle& ts, int node, const Frag& f,
                    float x, float base);
  void link_run(const doc::Inlines& content, const TextStyle& ts, int node, TextRun& cur,
                SetLine& line, std::unordered_map<int, int>& link_nodes);

  const FontSet& fonts_;
  Pages& pages_;
  Diagnostics& diags_;
  std::set<char32_t> missing_warned_;  // characters already reported as missing from the fonts
  Flow flow_;
  int next_note_ = 1;
  int list_level_ = 0;
  int quote_level_ = 0;
  float after_ = 0;  // space the previous block asks for below it
  bool keep_pending_ = false;
  bool break_pending_ = false;
  std::string break_style_;
  Span break_span_;
  // Looked up with string_views into the paragraph text, so a hit allocates nothing.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<rv::sv::HyphenPoint>, WordHash, std::equal_to<>>
      hyph_cache_;
  // Buffers set_text reuses from paragraph to paragraph (paragraph.cpp), one set per
  // nesting level: a footnote mark sets the note's text while its paragraph is being set.
  std::vector<std::unique_ptr<TextScratch>> scratch_;
  size_t text_depth_ = 0;
  std::vector<const doc::Heading*> headings_;  // in document order, for the TOC
  std::unordered_map<const doc::Heading*, std::string> heading_ids_;
  std::unordered_map<const doc::Heading*, int> heading_tag_level_;  // H1–H3 without a skip
  int last_tag_level_ = 0;
};

// Text-run helper: a single run of text at (x, baseline) in box coordinates.
TextRun make_run(const FontSet& fonts, FontId font, float size, float x, float baseline,
                 std::string text, int node, Color color = {});

// Baseline position inside a line of `leading` for text of `size`.
inline float baseline_in_line(float size, float leading) {
  return (leading - size) / 2 + size * 0.8f;
}

}  // namespace rv::layout

namespace rv::layout {

// ---- pagination (paginate.cpp) and page finishing (finalize.cpp) ---------------------

struct PlacedBox {
  int box;  // index into Flow::boxes; -(t+1) for the repeated header of table t
  float y;  // top, downward from the top of the body area
};

struct PagePlan {
  const doc::PageStyle* style = nullptr;
  float body_top = 0, body_bottom = 0;  // downward from the page top
  std::vector<PlacedBox> boxes;
  std::vector<int> notes;
  float used = 0;  // height of the placed boxes
  // A footnote too long for the space left under its reference is split as in TeX: the
  // last note of `notes` is set only up to line `split_at` (0: whole), and its remaining
  // lines open the next page's notes (`carried`, from line `carried_from`) under a
  // full-width continuation rule.
  size_t split_at = 0;
  int carried = -1;
  size_t carried_from = 0;
};

// Resolves page style names; owns the default style when the document has none.
class StyleTable {
 public:
  StyleTable(const doc::Document& d, Diagnostics& diags);
  const doc::PageStyle* first() const { return first_; }
  const doc::PageStyle* find(const std::string& name, const Span& span, Diagnostics& diags) const;
  const doc::PageStyle* next(const doc::PageStyle* s) const;

 private:
  std::vector<doc::PageStyle> own_;
  const std::vector<doc::PageStyle>* styles_;
  const doc::PageStyle* first_ = nullptr;
};

float body_top(const doc::PageStyle& s);
float notes_height(const Flow& flow, const std::vector<int>& notes);
// The footnote area of a planned page: carried lines, whole notes, a split last note.
float notes_height(const Flow& flow, const PagePlan& plan);

// Document blocks → flow (build.cpp). `pages` receives the structure nodes, anchors and
// outline entries.
Flow build_flow(const doc::Document& document, const FontSet& fonts, Pages& pages,
                Diagnostics& diags);

std::vector<PagePlan> paginate(const Flow& flow, const StyleTable& styles, Diagnostics& diags);

// Draws the planned pages: boxes, footnotes, running headers and footers, official header
// blocks; resolves anchors, links, outline and TOC page numbers.
void finalize(Flow& flow, const std::vector<PagePlan>& plans, const FontSet& fonts, Pages& out,
              Diagnostics& diags);

}  // namespace rv::layout
