// The table of contents and the lines around tables and charts: captions, sources, notes.
#include <algorithm>
#include <functional>

#include "docx/internal.hpp"

namespace rv::docx {

// Word's table of contents: a TOC field over the heading styles, its result the PDF's
// entries (each linked to its heading, with the PDF's page number) until Word updates it.
void BodyWriter::toc(const doc::TableOfContents& t) {
  out_ += "<w:p><w:pPr><w:pStyle w:val=\"Innehallsrubrik\"/></w:pPr>" +
          run(text_content(t.title), {}) + "</w:p>";
  // The entries and the targets the PDF's layout anchored their headings by.
  std::vector<std::pair<const doc::Heading*, std::string>> entries;
  size_t count = 0;
  std::function<void(const std::vector<doc::Block>&)> walk = [&](const std::vector<doc::Block>& v) {
    for (const doc::Block& b : v)
      if (const auto* h = std::get_if<doc::Heading>(&b.node)) {
        ++count;
        if (h->in_toc && h->level <= t.depth)
          entries.emplace_back(h, doc::heading_target(*h, count));
      } else if (const auto* q = std::get_if<doc::BlockQuote>(&b.node)) {
        walk(q->blocks);
      }
  };
  walk(d_.blocks);
  const std::string begin = run("<w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/>", {}) +
                            run("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-" +
                                    std::to_string(t.depth) + "\" \\h \\z \\u </w:instrText>",
                                {}) +
                            run("<w:fldChar w:fldCharType=\"separate\"/>", {});
  const std::string end = run("<w:fldChar w:fldCharType=\"end\"/>", {});
  if (entries.empty()) {
    out_ += "<w:p>" + begin + end + "</w:p>";
    return;
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    const doc::Heading* h = entries[i].first;
    const int level = std::clamp(levels_.count(h) ? levels_[h] : h->level, 1, 3);
    const std::string& mark = block_marks_[h];
    const auto page = o_.page_of.find(entries[i].second);
    out_ += "<w:p><w:pPr><w:pStyle w:val=\"Innehall" + std::to_string(level) + "\"/></w:pPr>";
    if (i == 0) out_ += begin;
    out_ += "<w:hyperlink w:anchor=\"" + mark + "\" w:history=\"1\">" +
            run(text_content(doc::plain_text(h->content)), {});
    if (page != o_.page_of.end()) out_ += run("<w:tab/>", {}) + run(text_content(page->second), {});
    out_ += "</w:hyperlink>";
    if (i + 1 == entries.size()) out_ += end;
    out_ += "</w:p>";
  }
}

// "Tabell 3. Caption", kept with what it captions, and the bookmark links point at.
void BodyWriter::caption(const std::string& label, const doc::Inlines& caption,
                         const std::string& mark) {
  out_ += "<w:p><w:pPr><w:pStyle w:val=\"Beskrivning\"/></w:pPr>";
  if (!mark.empty()) bookmark_start(mark);
  if (!label.empty())
    out_ += run(text_content(label + (caption.empty() ? "" : " ")), {.bold = true});
  inlines(caption);
  if (!mark.empty()) bookmark_end();
  out_ += "</w:p>";
}

// A table's or chart's "Källa: …" and note lines.
void BodyWriter::after_lines(const doc::Inlines& source, const doc::Inlines& note) {
  for (const doc::Inlines* lines : {&source, &note}) {
    if (lines->empty()) continue;
    out_ += "<w:p><w:pPr><w:pStyle w:val=\"Kalla\"/></w:pPr>";
    inlines(*lines);
    out_ += "</w:p>";
  }
}

}  // namespace rv::docx
