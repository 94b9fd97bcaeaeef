// The document tree as WordprocessingML: paragraphs, headings, lists, runs, fields,
// bookmarks, the table of contents and footnotes.
#include <algorithm>

#include "docx/internal.hpp"

namespace rv::docx {

namespace {

constexpr const char* kHyperlinkType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

// A bookmark name Word accepts: a letter first, then letters, digits and '_', at most 40.
std::string bookmark_name(const std::string& id, const std::string& prefix) {
  std::string out = prefix + "_";
  for (unsigned char c : id) out += (std::isalnum(c) && c < 0x80) ? static_cast<char>(c) : '_';
  return out.substr(0, 36);
}

std::string align_of(doc::Align a) {
  switch (a) {
    case doc::Align::Left:
      return "left";
    case doc::Align::Center:
      return "center";
    case doc::Align::Right:
      return "right";
    case doc::Align::Justify:
      break;
  }
  return "both";
}

}  // namespace

std::string xml_escape(std::string_view text) { return doc::escape_markup(text); }

std::string text_content(std::string_view text) {
  std::string out, piece;
  const auto flush = [&] {
    if (!piece.empty()) out += "<w:t xml:space=\"preserve\">" + xml_escape(piece) + "</w:t>";
    piece.clear();
  };
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i, 2) == "\xC2\xAD") {  // U+00AD soft hyphen
      flush();
      out += "<w:softHyphen/>";
      i += 2;
    } else if (text.substr(i, 3) == "\xE2\x80\x91") {  // U+2011 non-breaking hyphen
      flush();
      out += "<w:noBreakHyphen/>";
      i += 3;
    } else if (text[i] == '\t') {
      flush();
      out += "<w:tab/>";
      ++i;
    } else if (text[i] == '\n') {
      flush();
      out += "<w:br/>";
      ++i;
    } else {
      piece += text[i++];
    }
  }
  flush();
  return out;
}

std::string run(const std::string& content, const RunFormat& f) {
  // In the schema's order (ECMA-376 CT_RPr): Word refuses a file whose properties are not.
  std::string pr;
  if (!f.style.empty()) pr += "<w:rStyle w:val=\"" + f.style + "\"/>";
  if (f.sans) pr += "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>";
  if (f.bold) pr += "<w:b/>";
  if (f.italic) pr += "<w:i/>";
  if (f.half_points > 0)
    pr += "<w:sz w:val=\"" + std::to_string(f.half_points) + "\"/><w:szCs w:val=\"" +
          std::to_string(f.half_points) + "\"/>";
  pr += "<w:lang w:val=\"sv-SE\"/>";
  return "<w:r><w:rPr>" + pr + "</w:rPr>" + content + "</w:r>";
}

BodyWriter::BodyWriter(const doc::Document& d, const Options& o, Sections& sections,
                       Diagnostics& diags)
    : d_(d), o_(o), sections_(sections), style_(sections.first()), diags_(diags) {
  collect(d.blocks);
}

// Bookmarks for every target first, so a link may point forward.
void BodyWriter::collect(const std::vector<doc::Block>& bs) {
  int last_level = 0;
  const auto level_after = [&](int wanted) {
    return last_level = std::clamp(wanted, 1, last_level + 1);
  };
  std::function<void(const std::vector<doc::Block>&)> walk = [&](const std::vector<doc::Block>& v) {
    for (const doc::Block& b : v) {
      if (const auto* h = std::get_if<doc::Heading>(&b.node)) {
        levels_[h] = level_after(h->level);
        block_marks_[h] = bookmark_for(h->id, "rubrik");
      } else if (const auto* p = std::get_if<doc::Paragraph>(&b.node)) {
        if (p->format.tag_heading > 0) levels_[p] = level_after(p->format.tag_heading);
      } else if (const auto* t = std::get_if<doc::Table>(&b.node)) {
        block_marks_[t] = bookmark_for(t->id, "tabell");
      } else if (const auto* c = std::get_if<doc::BarChart>(&b.node)) {
        block_marks_[c] = bookmark_for(c->id, "diagram");
      } else if (const auto* l = std::get_if<doc::List>(&b.node)) {
        for (const auto& item : l->items) walk(item.blocks);
      } else if (const auto* q = std::get_if<doc::BlockQuote>(&b.node)) {
        walk(q->blocks);
      }
    }
  };
  walk(bs);
}

std::string BodyWriter::bookmark_for(const std::string& id, const std::string& prefix) {
  std::string base = bookmark_name(id.empty() ? std::to_string(names_.size() + 1) : id, prefix);
  std::string name = base;
  for (int n = 2; names_.count(name); ++n) name = base + "_" + std::to_string(n);
  names_.insert(name);
  if (!id.empty()) bookmarks_.emplace(id, name);
  return name;
}

void BodyWriter::bookmark_start(const std::string& name) {
  out_ +=
      "<w:bookmarkStart w:id=\"" + std::to_string(next_bookmark_) + "\" w:name=\"" + name + "\"/>";
}
void BodyWriter::bookmark_end() {
  out_ += "<w:bookmarkEnd w:id=\"" + std::to_string(next_bookmark_++) + "\"/>";
}

std::string BodyWriter::relation(const std::string& type, const std::string& target,
                                 bool external) {
  for (const Relation& r : relations_)
    if (r.type == type && r.target == target) return r.id;
  // rId1–rId9 are the package parts' (styles, numbering, footnotes, headers…).
  const std::string id = "rId" + std::to_string(100 + relations_.size());
  relations_.push_back({id, type, target, external});
  return id;
}

std::string BodyWriter::body() {
  // A letter's addressee block opens the first page.
  for (const auto& s : d_.page_styles)
    if (s.name == d_.first_style || (d_.first_style.empty() && &s == &d_.page_styles.front()))
      if (s.letter && !s.letter->addressee.empty()) {
        out_ += "<w:p><w:pPr><w:pStyle w:val=\"Mottagare\"/></w:pPr>";
        for (size_t i = 0; i < s.letter->addressee.size(); ++i)
          out_ += run((i ? "<w:br/>" : "") + text_content(s.letter->addressee[i]), {});
        out_ += "</w:p>";
      }
  blocks(d_.blocks);
  out_ += sections_.sect_pr(style_);
  return std::move(out_);
}

void BodyWriter::blocks(const std::vector<doc::Block>& bs, int list_depth, int num) {
  for (const doc::Block& b : bs) block(b, list_depth, num);
}

void BodyWriter::block(const doc::Block& b, int list_depth, int num) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, doc::Heading>) {
          heading(n);
        } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
          if (list_depth >= 0) {
            // A list item's paragraph: numbered by its list.
            out_ += "<w:p><w:pPr><w:pStyle w:val=\"Liststycke\"/><w:numPr><w:ilvl w:val=\"" +
                    std::to_string(std::min(list_depth, 2)) + "\"/><w:numId w:val=\"" +
                    std::to_string(num) + "\"/></w:numPr></w:pPr>";
            inlines(n.content);
            out_ += "</w:p>";
          } else {
            paragraph(n, in_note_ ? "Fotnotstext" : "");
          }
        } else if constexpr (std::is_same_v<T, doc::List>) {
          list(n, list_depth + 1);
        } else if constexpr (std::is_same_v<T, doc::BlockQuote>) {
          for (const doc::Block& inner : n.blocks)
            if (const auto* p = std::get_if<doc::Paragraph>(&inner.node))
              paragraph(*p, "Citat");
            else
              block(inner, list_depth, num);
        } else if constexpr (std::is_same_v<T, doc::Table>) {
          table(n);
        } else if constexpr (std::is_same_v<T, doc::BarChart>) {
          chart(n);
        } else if constexpr (std::is_same_v<T, doc::TableOfContents>) {
          toc(n);
        } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
          if (!n.style.empty() && n.style != style_) {
            // Pages of another style: the section ends here, and the next begins a new page.
            out_ += "<w:p><w:pPr>" + sections_.sect_pr(style_) + "</w:pPr></w:p>";
            style_ = n.style;
          } else {
            out_ += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>";
          }
        } else if constexpr (std::is_same_v<T, doc::Spacer>) {
          // Space of a given height (a title page's); a fill has no size in a flowing text.
          if (!n.fill && n.points > 0)
            out_ += "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"" +
                    std::to_string(static_cast<int>(n.points * 20)) +
                    "\" w:lineRule=\"exact\"/></w:pPr></w:p>";
        } else if constexpr (std::is_same_v<T, doc::Rule>) {
          out_ += "<w:p><w:pPr><w:pStyle w:val=\"Linje\"/></w:pPr></w:p>";
        }
      },
      b.node);
}

void BodyWriter::heading(const doc::Heading& h) {
  const int level = std::clamp(levels_.count(&h) ? levels_[&h] : h.level, 1, 3);
  out_ += "<w:p><w:pPr><w:pStyle w:val=\"Rubrik" + std::to_string(level) + "\"/>";
  // A heading left out of the PDF's table of contents stays out of Word's.
  if (!h.in_toc) out_ += "<w:outlineLvl w:val=\"9\"/>";
  out_ += "</w:pPr>";
  const std::string& mark = block_marks_[&h];
  bookmark_start(mark);
  inlines(h.content);
  bookmark_end();
  out_ += "</w:p>";
}

void BodyWriter::paragraph(const doc::Paragraph& p, const std::string& style) {
  const doc::ParaFormat& f = p.format;
  std::string ppr;
  if (f.tag_heading > 0)
    ppr += "<w:pStyle w:val=\"" +
           std::string(levels_.count(&p) && levels_[&p] == 1 ? "Titel" : "Underrubrik") + "\"/>";
  else if (!style.empty())
    ppr += "<w:pStyle w:val=\"" + style + "\"/>";
  if (f.keep_with_next) ppr += "<w:keepNext/>";
  // A size of its own gets the body's proportion of leading (15 on 11), not the body's 15 pt.
  const bool own_size = f.size > 0 && f.tag_heading == 0;
  if (f.space_before > 0 || f.space_after >= 0 || own_size) {
    ppr += "<w:spacing";
    if (f.space_before > 0)
      ppr += " w:before=\"" + std::to_string(static_cast<int>(f.space_before * 20)) + "\"";
    if (f.space_after >= 0)
      ppr += " w:after=\"" + std::to_string(static_cast<int>(f.space_after * 20)) + "\"";
    if (own_size)
      ppr += " w:line=\"" + std::to_string(static_cast<int>(f.size * 15 / 11 * 20)) +
             "\" w:lineRule=\"atLeast\"";
    ppr += "/>";
  }
  if (f.tag_heading == 0 && f.align != doc::Align::Justify)
    ppr += "<w:jc w:val=\"" + align_of(f.align) + "\"/>";
  // Fonts and sizes of the paragraph's own: on its mark and on every run.
  RunFormat base;
  base.sans = f.family == doc::Family::Sans && f.tag_heading == 0;
  base.half_points = f.size > 0 && f.tag_heading == 0 ? static_cast<int>(f.size * 2) : 0;
  const std::string mark = run("", base);
  const std::string rpr =
      mark.substr(std::string("<w:r>").size(), mark.size() - std::string("<w:r></w:r>").size());
  out_ += "<w:p><w:pPr>" + ppr + rpr + "</w:pPr>";
  inlines(p.content, base);
  out_ += "</w:p>";
}

void BodyWriter::list(const doc::List& l, int depth) {
  const int num = ++next_num_;
  // Each list its own instance, so a numbered list starts at its own first number.
  nums_ += "<w:num w:numId=\"" + std::to_string(num) + "\"><w:abstractNumId w:val=\"" +
           (l.numbered ? "1" : "0") + "\"/>";
  if (l.numbered)
    nums_ += "<w:lvlOverride w:ilvl=\"" + std::to_string(std::min(depth, 2)) +
             "\"><w:startOverride w:val=\"" + std::to_string(l.start) + "\"/></w:lvlOverride>";
  nums_ += "</w:num>";
  for (const doc::ListItem& item : l.items) blocks(item.blocks, depth, num);
}

void BodyWriter::inlines(const doc::Inlines& in, const RunFormat& base) {
  for (const doc::Inline& i : in) inline_run(i, base);
}

// A field: its instruction, and the result shown until Word updates it.
void BodyWriter::field(const std::string& instruction, const std::string& cached,
                       const RunFormat& f) {
  out_ += run("<w:fldChar w:fldCharType=\"begin\"/>", f) +
          run("<w:instrText xml:space=\"preserve\"> " + xml_escape(instruction) + " </w:instrText>",
              f) +
          run("<w:fldChar w:fldCharType=\"separate\"/>", f) + run(text_content(cached), f) +
          run("<w:fldChar w:fldCharType=\"end\"/>", f);
}

void BodyWriter::inline_run(const doc::Inline& in, const RunFormat& base) {
  RunFormat f = base;
  f.style.clear();
  if (in.style == doc::FontStyle::Bold || in.style == doc::FontStyle::BoldItalic) f.bold = true;
  if (in.style == doc::FontStyle::Italic || in.style == doc::FontStyle::BoldItalic) f.italic = true;
  switch (in.kind) {
    case doc::InlineKind::LineBreak:
      out_ += run("<w:br/>", f);
      return;
    case doc::InlineKind::Footnote: {
      if (in_note_) return;  // a note inside a note: the PDF leaves it out too
      const std::string id = std::to_string(++next_note_);
      out_ += run("<w:footnoteReference w:id=\"" + id + "\"/>", {.style = "Fotnotsreferens"});
      // The note is written into footnotes.xml with the body writer's own output.
      std::string body = std::move(out_);
      out_.clear();
      ++in_note_;
      blocks(in.note);
      --in_note_;
      std::string note = std::move(out_);
      out_ = std::move(body);
      // Word's note mark opens the note's first paragraph.
      const std::string mark = run("<w:footnoteRef/>", {.style = "Fotnotsreferens"}) +
                               run("<w:t xml:space=\"preserve\"> </w:t>", {});
      if (const size_t p = note.find("</w:pPr>"); p != std::string::npos)
        note.insert(p + 8, mark);
      else
        note = "<w:p><w:pPr><w:pStyle w:val=\"Fotnotstext\"/></w:pPr>" + mark + "</w:p>" + note;
      notes_ += "<w:footnote w:id=\"" + id + "\">" + note + "</w:footnote>";
      return;
    }
    case doc::InlineKind::PageRef: {
      const auto it = bookmarks_.find(in.link_id);
      const auto page = o_.page_of.find(in.link_id);
      const std::string cached = !in.text.empty()           ? in.text
                                 : page != o_.page_of.end() ? page->second
                                                            : "?";
      if (it == bookmarks_.end()) {
        diags_.warning(in.span,
                       "länken pekar på '" + in.link_id + "', som inte finns i dokumentet");
        out_ += run(text_content(cached), f);
      } else {
        field("PAGEREF " + it->second + " \\h", cached, f);
      }
      return;
    }
    case doc::InlineKind::Text:
      break;
  }
  if (!in.link_id.empty()) {
    const auto it = bookmarks_.find(in.link_id);
    if (it == bookmarks_.end()) {
      diags_.warning(in.span, "länken pekar på '" + in.link_id + "', som inte finns i dokumentet");
      out_ += run(text_content(in.text), f);
      return;
    }
    RunFormat linked = f;
    linked.style = "Hyperlank";
    out_ += "<w:hyperlink w:anchor=\"" + it->second + "\" w:history=\"1\">" +
            run(text_content(in.text), linked) + "</w:hyperlink>";
    return;
  }
  if (!in.url.empty()) {
    RunFormat linked = f;
    linked.style = "Hyperlank";
    out_ += "<w:hyperlink r:id=\"" + relation(kHyperlinkType, in.url, true) +
            "\" w:history=\"1\">" + run(text_content(in.text), linked) + "</w:hyperlink>";
    return;
  }
  out_ += run(text_content(in.text), f);
}

// Word's table of contents: a TOC field over the heading styles, its result the PDF's
// entries (each linked to its heading, with the PDF's page number) until Word updates it.
void BodyWriter::toc(const doc::TableOfContents& t) {
  out_ += "<w:p><w:pPr><w:pStyle w:val=\"Innehallsrubrik\"/></w:pPr>" +
          run(text_content(t.title), {}) + "</w:p>";
  // The entries and the ids the PDF's layout gave their headings: a heading without an id
  // of its own is "_rubrik<n>", n counting the headings (src/layout/blocks.cpp).
  std::vector<std::pair<const doc::Heading*, std::string>> entries;
  size_t count = 0;
  std::function<void(const std::vector<doc::Block>&)> walk = [&](const std::vector<doc::Block>& v) {
    for (const doc::Block& b : v)
      if (const auto* h = std::get_if<doc::Heading>(&b.node)) {
        ++count;
        if (h->in_toc && h->level <= t.depth)
          entries.emplace_back(h, h->id.empty() ? "_rubrik" + std::to_string(count) : h->id);
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
