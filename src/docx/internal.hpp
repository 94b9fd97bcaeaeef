// Shared between the parts of the DOCX writer (not public: see docx.hpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "docx/docx.hpp"

namespace rv::docx {

// Page geometry in twentieths of a point, the PDF's (src/layout/style.hpp): A4, 30 mm
// side margins, 28 mm top and bottom.
inline constexpr int kPageW = 11906, kPageH = 16838;
inline constexpr int kMarginSide = 1700, kMarginTopBottom = 1580;
inline constexpr int kTextWidth = kPageW - 2 * kMarginSide;
inline constexpr long kEmuPerPoint = 12700;

// Run formatting beyond the paragraph style's.
struct RunFormat {
  bool bold = false, italic = false;
  std::string style;    // a character style: "Hyperlank", "Fotnotsreferens"
  bool sans = false;    // Arial instead of the style's font
  int half_points = 0;  // a size of its own; 0: the style's
};

// An external link's relationship, a picture's, a header's: the part document.xml.rels lists.
struct Relation {
  std::string id, type, target;
  bool external = false;
};

class Sections;

class BodyWriter {
 public:
  BodyWriter(const doc::Document& d, const Options& o, Sections& sections, Diagnostics& diags);
  // document.xml's <w:body> content without the final sectPr.
  std::string body();
  // footnotes.xml's notes after the two separators.
  const std::string& footnotes() const { return notes_; }
  std::vector<Relation>& relations() { return relations_; }
  // Pictures to add to the package: word/media/<name> → PNG bytes.
  const std::vector<ZipEntry>& media() const { return media_; }
  // numbering.xml's <w:num> instances (one per list, so each numbered list starts anew).
  const std::string& numbering_instances() const { return nums_; }

 private:
  void collect(const std::vector<doc::Block>& bs);
  void blocks(const std::vector<doc::Block>& bs, int list_depth = -1, int num = 0);
  void block(const doc::Block& b, int list_depth, int num);
  void paragraph(const doc::Paragraph& p, const std::string& style);
  void heading(const doc::Heading& h);
  void list(const doc::List& l, int depth);
  void table(const doc::Table& t);  // table.cpp
  void row(const doc::Table& t, const doc::Row& r, const std::vector<int>& widths, bool header,
           bool total, bool keep_next = false);
  void chart(const doc::BarChart& c);       // table.cpp
  void toc(const doc::TableOfContents& t);  // toc.cpp, with caption and after_lines
  void caption(const std::string& label, const doc::Inlines& caption, const std::string& id);
  void after_lines(const doc::Inlines& source, const doc::Inlines& note);
  void inlines(const doc::Inlines& in, const RunFormat& base = {});  // runs.cpp
  void inline_run(const doc::Inline& in, const RunFormat& base);
  void field(const std::string& instruction, const std::string& cached, const RunFormat& f);
  std::string bookmark_for(const std::string& id, const std::string& prefix);
  void bookmark_start(const std::string& name);
  void bookmark_end();
  std::string relation(const std::string& type, const std::string& target, bool external);

  const doc::Document& d_;
  const Options& o_;
  Sections& sections_;
  std::string style_;  // the page style of the section being written
  Diagnostics& diags_;
  std::string out_, notes_, nums_;
  std::vector<Relation> relations_;
  std::vector<ZipEntry> media_;
  std::map<std::string, std::string> bookmarks_;  // the tree's ids → bookmark names
  std::map<const void*, std::string> block_marks_;
  std::set<std::string> names_;
  int next_bookmark_ = 0, next_note_ = 0, next_num_ = 0, next_chart_ = 0, next_table_ = 0,
      next_drawing_ = 0;
  int in_note_ = 0;
  // Heading levels as written: never more than one below the heading before, as in the
  // PDF's tags and the web page (a case system's outline may not skip a level).
  std::map<const void*, int> levels_;
};

// runs.cpp. A run: <w:r> with its properties (always sv-SE) around `content` (w:t, w:tab, w:br …).
std::string run(const std::string& content, const RunFormat& f);
// Text as run content: w:t pieces, soft hyphens as w:softHyphen, no-break hyphens as
// w:noBreakHyphen, tabs as w:tab.
std::string text_content(std::string_view text);
// styles.xml and numbering.xml's abstract definitions (styles.cpp).
std::string styles_xml();
std::string numbering_xml(const std::string& instances);
// Sections: each page style of the tree (a report's title pages, its text pages) is a Word
// section with its own running heads and feet; a memo's or letter's first-page block is
// the section's first-page header (header.cpp).
class Sections {
 public:
  Sections(const doc::Document& d, const Options& o);
  // <w:sectPr> for the pages of `style` (empty: the document's first style).
  std::string sect_pr(const std::string& style);
  // The first style's name, and the style a page break switches to.
  std::string first() const;
  // Whether a page style numbers its pages at the outer edge (even pages differ).
  bool mirrored() const;
  std::vector<ZipEntry> parts;      // word/header1.xml …
  std::vector<Relation> relations;  // their relationships from document.xml

 private:
  const doc::PageStyle* find(const std::string& name) const;
  std::string part(const std::string& kind, const std::string& content);
  std::string header_of(const doc::PageStyle* s, bool first_page, bool even);
  std::string footer_of(const doc::PageStyle* s, bool even);
  const doc::Document& d_;
  const Options& o_;
  std::map<std::string, std::string> made_;  // part content → relation id (shared parts)
};

}  // namespace rv::docx
