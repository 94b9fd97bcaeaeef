// The document tree as WordprocessingML: the blocks (paragraphs, headings, lists, quotes)
// and the bookmarks links and the table of contents point at.
#include <algorithm>
#include <functional>

#include "docx/internal.hpp"

namespace rv::docx {

namespace {

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

}  // namespace rv::docx
