// Shared between the parts of the HTML writer (not public: see html.hpp).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "html/html.hpp"

namespace rv::html {

class Writer {
 public:
  Writer(const doc::Document& d, const Options& o, Diagnostics& diags);
  std::string body();  // everything between <body> and </body>

 private:
  void collect_ids(const std::vector<doc::Block>& blocks);
  void header();
  void blocks(const std::vector<doc::Block>& bs);
  void block(const doc::Block& b);
  void inlines(const doc::Inlines& in);
  void inline_run(const doc::Inline& in);
  void heading(const doc::Heading& h);
  void paragraph(const doc::Paragraph& p);
  void list(const doc::List& l);
  void table(const doc::Table& t);
  void row(const doc::Table& t, const doc::Row& r, bool header, bool row_labels);
  void chart(const doc::BarChart& c);  // chart.cpp
  void toc(const doc::TableOfContents& t);
  void footnotes();
  std::string target(const std::string& id, const Span& span);
  std::string fresh_id(const std::string& wanted, const std::string& prefix);

  const doc::Document& d_;
  const Options& o_;
  Diagnostics& diags_;
  std::string out_;
  std::vector<const std::vector<doc::Block>*> notes_;
  int in_note_ = 0;
  std::set<std::string> ids_;                   // every id written or reserved
  std::map<std::string, std::string> targets_;  // the tree's ids → the ids written
  std::map<const doc::Heading*, std::string> heading_ids_;
  std::vector<const doc::Heading*> headings_;     // in document order, for the TOC
  std::map<const void*, std::string> block_ids_;  // tables and charts
  // Heading levels as written: never more than one below the heading before (a web page's
  // outline may not skip a level), for headings, title lines and the TOC's own title.
  std::map<const void*, int> levels_;
  int last_level_ = 0;
  int level_after(int wanted);
};

// The first page's style: the memo header or letterhead the document opens with (header.cpp).
const doc::PageStyle* first_style(const doc::Document& d);
// The stylesheet with @font-face rules for the faces in `fonts_dir`, subset to `text`.
std::string stylesheet(const std::string& fonts_dir, const std::string& text, Diagnostics& diags);
// Base64 (RFC 4648, with padding).
std::string base64(std::string_view bytes);

}  // namespace rv::html
