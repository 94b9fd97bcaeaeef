// The page model: what layout produces and the PDF and trace writers consume.
//
// Plain data. Coordinates are PDF points with the origin at the bottom-left corner of the
// page; text is positioned at its baseline. Every drawn item names the structure node it
// belongs to (heading, paragraph, table cell, figure, footnote, artifact…), and the
// structure nodes form a tree in reading order, so a tagged PDF can be written from this
// model without redesign.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "diag/diag.hpp"
#include "doc/doc.hpp"
#include "font/font.hpp"

namespace rv::layout {

enum class FontId : uint8_t {
  SerifRegular = 0,
  SerifBold,
  SerifItalic,
  SerifBoldItalic,
  SansRegular,
  SansBold,
  SansItalic,
  SansBoldItalic,
};
inline constexpr int kFontCount = 8;
const char* font_name(FontId f);  // "SerifRegular": used by the trace

// Structure roles, named after the PDF standard structure types they become.
enum class Role : uint8_t {
  Document = 0,
  Artifact,  // page furniture: running headers, page numbers, decorative rules
  H1,
  H2,
  H3,
  P,
  L,      // list
  LI,     // list item
  Lbl,    // list label ("•", "1.")
  LBody,  // list item body
  BlockQuote,
  Table,
  TR,
  TH,      // header cell
  TD,      // data cell
  Figure,  // a chart; `alt` states its data
  Caption,
  Note,       // footnote body
  Reference,  // footnote mark in the text
  TOC,
  TOCI,
  Link,
};
const char* role_name(Role r);

// A node of the structure tree. Nodes are stored in reading order (a parent precedes its
// children); artifacts are not nodes (items with a negative node are artifacts, of the kind
// below).
struct StructNode {
  Role role = Role::Document;
  int parent = -1;
  std::string alt;          // Figure: alternative text
  std::string id;           // anchor id (headings, tables, figures)
  int note = 0;             // Note / Reference: footnote number
  int page = -1;            // page index (0-based) where the node starts; -1 if not placed
  Span span;                // where it came from in the template or data
  bool row_header = false;  // TH: labels its row (Scope Row), else its column
};

struct Color {
  float r = 0, g = 0, b = 0;
};

// RepeatedHeader: a table header drawn again on a continuation page (an artifact: the
// structure tree has the header cells once).
enum class RunKind : uint8_t { Normal = 0, FootnoteMark, RepeatedHeader };

// The artifact kinds (ISO 32000-1 §14.8.2.2.2), as negative node numbers: pagination
// (running header, running footer and page number) and layout (rules, backgrounds).
inline constexpr int kArtifactLayout = -1;
inline constexpr int kArtifactHeader = -2;
inline constexpr int kArtifactFooter = -3;

// A run of text in one font. When `word_x` is not empty, word i starts at byte
// `word_at[i]` of the text and at x = word_x[i] (justified lines: Tw does not work with
// two-byte fonts, so words are positioned one by one). The offsets are kept rather than
// found again at spaces: a word may hold a space that is no break ("” (47"), and counting
// it as a word start shifted every later word onto its neighbour.
struct TextRun {
  FontId font = FontId::SerifRegular;
  float size = 11;
  float x = 0, y = 0;  // baseline start
  float width = 0;     // drawn width (x + width is the right edge)
  std::string text;
  std::vector<float> word_x;
  std::vector<uint32_t> word_at;
  Color color;
  int node = -1;  // structure node; -1: artifact
  int line = -1;  // line index within its paragraph (widow/orphan checks); -1: n/a
  RunKind kind = RunKind::Normal;
};

struct RuleItem {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float thickness = 0.5f;
  Color color;
  int node = -1;
};

struct RectItem {
  float x = 0, y = 0, w = 0, h = 0;  // (x, y) bottom-left
  Color fill;
  int node = -1;
};

using Item = std::variant<TextRun, RuleItem, RectItem>;

// A clickable area: an internal link (to an anchor) or an external URL.
struct LinkArea {
  float x = 0, y = 0, w = 0, h = 0;
  std::string target_id;  // internal
  std::string url;        // external
  int target_page = -1;   // resolved internal target
  float target_y = 0;
  Span written;      // where the link is in the template, for a link to nothing
  std::string text;  // what the link says (the annotation's /Contents)
  int node = -1;     // its Link structure element (the annotation's /StructParent)
};

struct Page {
  float width = 595.276f, height = 841.89f;  // A4
  std::vector<Item> items;                   // in drawing order = reading order of the content
  std::vector<LinkArea> links;
};

// A bookmark in the PDF outline.
struct OutlineEntry {
  int level = 1;
  std::string title;
  int page = 0;
  float y = 0;  // top of the heading
};

struct Anchor {
  std::string id;
  int page = 0;
  float y = 0;
};

struct Pages {
  doc::Meta meta;
  // The faces layout measured with, per FontId (null: not loaded); the PDF writer embeds
  // subsets of the same files.
  std::array<std::shared_ptr<const font::TrueType>, kFontCount> fonts;
  std::vector<Page> pages;
  std::vector<StructNode> nodes;  // nodes[0] is the Document
  std::vector<OutlineEntry> outline;
  std::vector<Anchor> anchors;
  // Each table's column widths in points, in document order: the widths fitted to what
  // the cells hold (table_columns.cpp), which a DOCX gives its tables too.
  std::vector<std::vector<float>> table_columns;
};

}  // namespace rv::layout
