// Runs: text as WordprocessingML (escaped, soft hyphens as elements), run properties in
// the schema's order, links, fields and footnotes.
#include "docx/internal.hpp"

namespace rv::docx {

namespace {

constexpr const char* kHyperlinkType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

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

}  // namespace rv::docx
