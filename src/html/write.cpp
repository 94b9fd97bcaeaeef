// The document tree as HTML5: metadata, body blocks, the table of contents, footnotes.
#include <algorithm>

#include "html/internal.hpp"

namespace rv::html {

namespace {

std::string tag_for(doc::FontStyle s, bool open) {
  switch (s) {
    case doc::FontStyle::Bold:
      return open ? "<strong>" : "</strong>";
    case doc::FontStyle::Italic:
      return open ? "<em>" : "</em>";
    case doc::FontStyle::BoldItalic:
      return open ? "<strong><em>" : "</em></strong>";
    case doc::FontStyle::Regular:
      break;
  }
  return "";
}

}  // namespace

std::string escape(std::string_view text) { return doc::escape_markup(text); }

Writer::Writer(const doc::Document& d, const Options& o, Diagnostics& diags)
    : d_(d), o_(o), diags_(diags) {
  // Ids of the writer's own (notes, the TOC) are taken first, so the document's never
  // collide with them.
  for (const char* own : {"huvudinnehall", "innehall-rubrik", "fotnoter-rubrik"}) ids_.insert(own);
  collect_ids(d.blocks);
}

std::string Writer::fresh_id(const std::string& wanted, const std::string& prefix) {
  std::string base = wanted;
  // An id may hold any character but whitespace.
  std::replace_if(
      base.begin(), base.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; }, '-');
  if (base.empty()) base = prefix + "-" + std::to_string(ids_.size());
  // The notes' ids (fotnot-1, fotnotsref-1) are the writer's own.
  if (base.starts_with("fotnot")) base = prefix + "-" + base;
  std::string id = base;
  for (int n = 2; ids_.count(id); ++n) id = base + "-" + std::to_string(n);
  ids_.insert(id);
  return id;
}

int Writer::level_after(int wanted) {
  last_level_ = std::clamp(wanted, 1, last_level_ + 1);
  return last_level_;
}

void Writer::collect_ids(const std::vector<doc::Block>& bs) {
  for (const doc::Block& b : bs) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b.node)) {
      if (p->format.tag_heading > 0) levels_[p] = level_after(p->format.tag_heading);
    } else if (const auto* toc = std::get_if<doc::TableOfContents>(&b.node)) {
      levels_[toc] = level_after(2);
    } else if (const auto* h = std::get_if<doc::Heading>(&b.node)) {
      levels_[h] = level_after(h->level);
      heading_ids_[h] = fresh_id(h->id, "avsnitt");
      if (!h->id.empty()) targets_.emplace(h->id, heading_ids_[h]);
      headings_.push_back(h);
    } else if (const auto* t = std::get_if<doc::Table>(&b.node)) {
      block_ids_[t] = fresh_id(t->id, "tabell");
      if (!t->id.empty()) targets_.emplace(t->id, block_ids_[t]);
    } else if (const auto* c = std::get_if<doc::BarChart>(&b.node)) {
      block_ids_[c] = fresh_id(c->id, "diagram");
      if (!c->id.empty()) targets_.emplace(c->id, block_ids_[c]);
    } else if (const auto* l = std::get_if<doc::List>(&b.node)) {
      for (const auto& item : l->items) collect_ids(item.blocks);
    } else if (const auto* q = std::get_if<doc::BlockQuote>(&b.node)) {
      collect_ids(q->blocks);
    }
  }
}

// The href of an internal link, or empty (with a warning) when nothing has that id.
std::string Writer::target(const std::string& id, const Span& span) {
  if (auto it = targets_.find(id); it != targets_.end()) return "#" + escape(it->second);
  diags_.warning(span, "länken pekar på '" + id + "', som inte finns i dokumentet");
  return "";
}

std::string Writer::body() {
  header();
  out_ += "<main id=\"huvudinnehall\">\n";
  blocks(d_.blocks);
  footnotes();
  out_ += "</main>\n";
  // A letter's contact line, at the foot of every printed page: once, at the end.
  const doc::PageStyle* first = first_style(d_);
  if (first && first->letter && !first->letter->contact.empty())
    out_ += "<footer class=\"kontakt\"><p>" + escape(first->letter->contact) + "</p></footer>\n";
  return std::move(out_);
}

void Writer::blocks(const std::vector<doc::Block>& bs) {
  for (const doc::Block& b : bs) block(b);
}

void Writer::block(const doc::Block& b) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, doc::Heading>) {
          heading(n);
        } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
          paragraph(n);
        } else if constexpr (std::is_same_v<T, doc::List>) {
          list(n);
        } else if constexpr (std::is_same_v<T, doc::BlockQuote>) {
          out_ += "<blockquote>\n";
          blocks(n.blocks);
          out_ += "</blockquote>\n";
        } else if constexpr (std::is_same_v<T, doc::Table>) {
          table(n);
        } else if constexpr (std::is_same_v<T, doc::BarChart>) {
          chart(n);
        } else if constexpr (std::is_same_v<T, doc::TableOfContents>) {
          toc(n);
        } else if constexpr (std::is_same_v<T, doc::Rule>) {
          out_ += "<hr>\n";
        }
        // Page breaks and spacers place text on pages: nothing on a web page.
      },
      b.node);
}

void Writer::heading(const doc::Heading& h) {
  const std::string n = std::to_string(levels_.count(&h) ? levels_[&h] : std::clamp(h.level, 1, 6));
  const auto it = heading_ids_.find(&h);
  out_ += "<h" + n + (it != heading_ids_.end() ? " id=\"" + escape(it->second) + "\"" : "") + ">";
  inlines(h.content);
  out_ += "</h" + n + ">\n";
}

void Writer::paragraph(const doc::Paragraph& p) {
  const doc::ParaFormat& f = p.format;
  std::vector<std::string> classes;
  if (f.family == doc::Family::Sans) classes.push_back("sans");
  if (f.align == doc::Align::Center) classes.push_back("mitt");
  if (f.align == doc::Align::Right) classes.push_back("hoger");
  std::string attrs;
  if (!classes.empty()) {
    attrs += " class=\"";
    for (size_t i = 0; i < classes.size(); ++i) attrs += (i ? " " : "") + classes[i];
    attrs += "\"";
  }
  // A size of its own (a title page's lines), relative to the 11-point body text.
  if (f.size > 0 && f.tag_heading == 0) {
    char em[32];
    std::snprintf(em, sizeof em, "%.2f", f.size / 11.0);
    attrs += " style=\"font-size:" + std::string(em) + "em\"";
  }
  const std::string tag =
      f.tag_heading > 0
          ? "h" + std::to_string(levels_.count(&p) ? levels_[&p] : std::clamp(f.tag_heading, 1, 6))
          : "p";
  out_ += "<" + tag + attrs + ">";
  inlines(p.content);
  out_ += "</" + tag + ">\n";
}

void Writer::list(const doc::List& l) {
  const std::string tag = l.numbered ? "ol" : "ul";
  out_ += "<" + tag;
  if (l.numbered && l.start != 1) out_ += " start=\"" + std::to_string(l.start) + "\"";
  out_ += ">\n";
  for (const doc::ListItem& item : l.items) {
    out_ += "<li>";
    // A one-paragraph item (the usual) is its text; more blocks keep their paragraphs.
    const auto* only =
        item.blocks.size() == 1 ? std::get_if<doc::Paragraph>(&item.blocks[0].node) : nullptr;
    if (only)
      inlines(only->content);
    else
      blocks(item.blocks);
    out_ += "</li>\n";
  }
  out_ += "</" + tag + ">\n";
}

void Writer::inlines(const doc::Inlines& in) {
  for (const doc::Inline& i : in) inline_run(i);
}

void Writer::inline_run(const doc::Inline& in) {
  switch (in.kind) {
    case doc::InlineKind::LineBreak:
      out_ += "<br>";
      return;
    case doc::InlineKind::Footnote: {
      if (in_note_) return;  // a note inside a note: the PDF leaves it out too
      notes_.push_back(&in.note);
      const std::string n = std::to_string(notes_.size());
      out_ += "<sup><a class=\"fotnotsref\" id=\"fotnotsref-" + n + "\" href=\"#fotnot-" + n +
              "\" role=\"doc-noteref\" aria-label=\"Fotnot " + n + "\">" + n + "</a></sup>";
      return;
    }
    case doc::InlineKind::Text:
    case doc::InlineKind::PageRef:
      break;
  }
  std::string text = in.text;
  if (in.kind == doc::InlineKind::PageRef && text.empty()) {
    auto it = o_.page_of.find(in.link_id);
    text = it == o_.page_of.end() ? "?" : it->second;
  }
  std::string href;
  if (!in.link_id.empty()) href = target(in.link_id, in.span);
  if (!in.url.empty()) href = escape(in.url);
  if (!href.empty()) out_ += "<a href=\"" + href + "\">";
  out_ += tag_for(in.style, true) + escape(text) + tag_for(in.style, false);
  if (!href.empty()) out_ += "</a>";
}

// Nested lists by heading level; each entry links to its heading.
void Writer::toc(const doc::TableOfContents& t) {
  const std::string n = std::to_string(levels_.count(&t) ? levels_[&t] : 2);
  out_ += "<nav class=\"innehall\" aria-labelledby=\"innehall-rubrik\">\n<h" + n +
          " id=\"innehall-rubrik\">" + escape(t.title) + "</h" + n + ">\n";
  std::vector<int> open;  // the level of each open <ol>
  for (const doc::Heading* h : headings_) {
    if (!h->in_toc || h->level > t.depth) continue;
    if (open.empty() || h->level > open.back()) {
      out_ += "<ol>";
      open.push_back(h->level);
    } else {
      out_ += "</li>\n";
      while (open.size() > 1 && h->level < open.back()) {
        out_ += "</ol></li>\n";
        open.pop_back();
      }
    }
    std::string text;
    for (const doc::Inline& in : h->content)
      if (in.kind == doc::InlineKind::Text) text += in.text;
    out_ += "<li><a href=\"#" + escape(heading_ids_[h]) + "\">" + escape(text) + "</a>";
  }
  if (!open.empty()) out_ += "</li>";
  while (!open.empty()) {
    out_ += "</ol>";
    open.pop_back();
    if (!open.empty()) out_ += "</li>";
  }
  out_ += "\n</nav>\n";
}

// The notes at the end, numbered as in the text, each with a link back to its mark.
void Writer::footnotes() {
  if (notes_.empty()) return;
  out_ +=
      "<section class=\"fotnoter\" aria-labelledby=\"fotnoter-rubrik\">\n"
      "<h2 id=\"fotnoter-rubrik\">Fotnoter</h2>\n<ol>\n";
  ++in_note_;
  for (size_t i = 0; i < notes_.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    std::string before = std::move(out_);
    out_.clear();
    blocks(*notes_[i]);
    std::string note = std::move(out_);
    out_ = std::move(before);
    const std::string back = " <a class=\"tillbaka\" href=\"#fotnotsref-" + n +
                             "\" role=\"doc-backlink\" aria-label=\"Tillbaka till fotnot " + n +
                             " i texten\">↑</a>";
    if (note.ends_with("</p>\n"))
      note.insert(note.size() - 5, back);
    else
      note += "<p>" + back + "</p>\n";
    out_ += "<li id=\"fotnot-" + n + "\">" + note + "</li>\n";
  }
  --in_note_;
  out_ += "</ol>\n</section>\n";
}

std::string write_html(const doc::Document& d, const Options& o, Diagnostics& diags) {
  Writer w(d, o, diags);
  const std::string body = w.body();
  std::string title = d.meta.title;
  if (title.empty())
    for (const doc::Block& b : d.blocks)
      if (const auto* h = std::get_if<doc::Heading>(&b.node)) {
        title = doc::plain_text(h->content);
        break;
      }
  if (title.empty()) title = "Dokument";
  std::string lang = d.meta.language.empty() ? "sv" : d.meta.language.substr(0, 2);
  std::string head = "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n" +
                     "<meta charset=\"utf-8\">\n" +
                     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
                     "<title>" + escape(title) + "</title>\n";
  if (!d.meta.author.empty())
    head += "<meta name=\"author\" content=\"" + escape(d.meta.author) + "\">\n";
  if (!d.meta.subject.empty())
    head += "<meta name=\"description\" content=\"" + escape(d.meta.subject) + "\">\n";
  if (!d.meta.keywords.empty()) {
    std::string k;
    for (const auto& word : d.meta.keywords) k += (k.empty() ? "" : ", ") + word;
    head += "<meta name=\"keywords\" content=\"" + escape(k) + "\">\n";
  }
  head += "<meta name=\"generator\" content=\"rapportverk\">\n";
  head += "<style>\n" + stylesheet(o.fonts_dir, title + body, diags) + "</style>\n</head>\n";
  return head + "<body>\n" + body + "</body>\n</html>\n";
}

}  // namespace rv::html
