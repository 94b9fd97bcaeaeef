// Running heads and feet, the memo's header block and the letterhead, as header and
// footer parts; "Sida x (y)" and page numbers as PAGE and NUMPAGES fields, which Word
// fills in on every page.
#include "docx/internal.hpp"

namespace rv::docx {

namespace {

constexpr const char* kHeaderType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header";
constexpr const char* kFooterType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
constexpr const char* kNamespaces =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
// Where the memo's right-hand column starts, as in the PDF's header block (about 60 %).
constexpr int kRightColumn = 5100;

std::string simple_field(const std::string& instr, const std::string& shown,
                         const RunFormat& f = {}) {
  return "<w:fldSimple w:instr=\" " + instr + " \">" + run(text_content(shown), f) +
         "</w:fldSimple>";
}

// "Sida 2 (6)" as fields.
std::string page_x_of_y(const std::string& word, const RunFormat& f = {}) {
  return run(text_content(word + " "), f) + simple_field("PAGE", "1", f) +
         run(text_content(" ("), f) + simple_field("NUMPAGES", "1", f) + run(text_content(")"), f);
}

std::string number_of(const doc::RunningText& t, const RunFormat& f = {}) {
  switch (t.number) {
    case doc::PageNumberFormat::Plain:
      return simple_field("PAGE", "1", f);
    case doc::PageNumberFormat::SidaXavY:
      return page_x_of_y(t.page_word, f);
    case doc::PageNumberFormat::None:
      break;
  }
  return "";
}

// A header line: `left`, then at the right column (a left tab) or the right margin (a
// right tab) `right`.
std::string line(const std::string& style, const std::string& left, const std::string& right,
                 bool right_column, const std::string& extra_ppr = "") {
  std::string p = "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>";
  if (right_column)
    p += "<w:tabs><w:tab w:val=\"clear\" w:pos=\"" + std::to_string(kTextWidth) +
         "\"/><w:tab w:val=\"left\" w:pos=\"" + std::to_string(kRightColumn) + "\"/></w:tabs>";
  p += extra_ppr + "</w:pPr>" + left;
  if (!right.empty()) p += run("<w:tab/>", {}) + right;
  return p + "</w:p>";
}

std::string plain(const std::string& text, bool bold = false) {
  return text.empty() ? "" : run(text_content(text), {.bold = bold});
}

// Where a mirrored head's lines meet its page number: the PDF's 15 points from the edge.
constexpr int kNumberGap = 300;

std::string running(const doc::RunningText& t, const std::string& style, bool even) {
  std::string out;
  const std::string number = number_of(t);
  const std::string rule = t.rule ? "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" "
                                    "w:color=\"404040\"/></w:pBdr>"
                                  : "";
  if (t.mirrored && !number.empty()) {
    // As printed: the number (bold, 9 points) at the outer edge, the lines beside it towards
    // the middle: on an odd page ending before the number, on an even page after it.
    const std::string tabs = even ? "<w:tabs><w:tab w:val=\"left\" w:pos=\"" +
                                        std::to_string(kNumberGap) + "\"/></w:tabs>"
                                  : "<w:tabs><w:tab w:val=\"right\" w:pos=\"" +
                                        std::to_string(kTextWidth - kNumberGap) + "\"/></w:tabs>";
    const std::string numbered = number_of(t, {.bold = true, .sans = true, .half_points = 18});
    const std::string tab = run("<w:tab/>", {});
    const size_t lines = std::max<size_t>(t.lines.size(), 1);
    for (size_t i = 0; i < lines; ++i) {
      const std::string text = i < t.lines.size() ? plain(t.lines[i]) : "";
      const std::string number_here = i == 0 ? numbered : "";
      out += "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + (i + 1 == lines ? rule : "") +
             tabs + "</w:pPr>" +
             (even ? number_here + tab + text : tab + text + (i == 0 ? tab + numbered : "")) +
             "</w:p>";
    }
    return out;
  }
  if (t.lines.empty() && !number.empty()) return line(style, "", number, false, rule);
  for (size_t i = 0; i < t.lines.size(); ++i)
    out += line(style, plain(t.lines[i]), i == 0 ? number : "", false,
                i + 1 == t.lines.size() ? rule : "");
  return out;
}

std::string official(const doc::OfficialHeader& h) {
  std::string out;
  const std::string page = page_x_of_y(h.page_word);
  out += line("Sidhuvud", plain(h.organisation, true), plain(h.doc_type, true), true);
  out += line("Sidhuvud", plain(h.department), plain(h.dnr), true);
  out += line("Sidhuvud", "", page, true);
  if (!h.full) return out;
  // The block under it: date, handläggare, telefon; the recipient and the meeting.
  out += line("Sidhuvud", "", "", true);
  out += line("Sidhuvud", plain(h.date), plain(h.recipient, true), true);
  out += line("Sidhuvud", plain(h.handlaggare), plain(h.meeting), true);
  if (!h.telefon.empty()) out += line("Sidhuvud", plain(h.telefon), "", true);
  // Room between the block and the text, as on the printed page.
  out += line("Sidhuvud", "", "", true, "<w:spacing w:after=\"360\"/>");
  return out;
}

std::string letterhead(const doc::LetterHead& l, bool many_pages) {
  std::string out;
  if (!l.logo.empty())
    out += "<w:p><w:pPr><w:pStyle w:val=\"Sidhuvud\"/><w:spacing w:after=\"120\"/></w:pPr>" +
           run(text_content(l.logo), {.bold = true}) + "</w:p>";
  out += line("Sidhuvud", plain(l.sender, true), plain(l.date), true);
  out += line("Sidhuvud", plain(l.department), plain(l.dnr), true);
  if (many_pages) out += line("Sidhuvud", "", page_x_of_y(l.page_word), true);
  out += line("Sidhuvud", "", "", true, "<w:spacing w:after=\"360\"/>");
  return out;
}

}  // namespace

Sections::Sections(const doc::Document& d, const Options& o) : d_(d), o_(o) {}

const doc::PageStyle* Sections::find(const std::string& name) const {
  for (const auto& s : d_.page_styles)
    if (s.name == name) return &s;
  return d_.page_styles.empty() ? nullptr : &d_.page_styles.front();
}

std::string Sections::first() const {
  if (!d_.first_style.empty()) return d_.first_style;
  return d_.page_styles.empty() ? std::string() : d_.page_styles.front().name;
}

// A header or footer part with `content` (one part per distinct content).
std::string Sections::part(const std::string& kind, const std::string& content) {
  const std::string body = content.empty()
                               ? "<w:p><w:pPr><w:pStyle w:val=\"" +
                                     std::string(kind == "hdr" ? "Sidhuvud" : "Sidfot") +
                                     "\"/></w:pPr></w:p>"
                               : content;
  const std::string key = kind + body;
  if (auto it = made_.find(key); it != made_.end()) return it->second;
  const std::string n = std::to_string(parts.size() + 1);
  const std::string file = (kind == "hdr" ? "header" : "footer") + n + ".xml";
  parts.push_back(
      {"word/" + file, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:" + kind +
                           kNamespaces + ">" + body + "</w:" + kind + ">"});
  const std::string id = "rIdSida" + n;
  relations.push_back({id, kind == "hdr" ? kHeaderType : kFooterType, file, false});
  made_.emplace(key, id);
  return id;
}

std::string Sections::header_of(const doc::PageStyle* s, bool first_page, bool even) {
  if (!s) return "";
  if (s->official) return official(*s->official);
  if (s->letter) return letterhead(*s->letter, o_.pdf_pages > 1 || !first_page);
  return running(s->header, "Sidhuvud", even);
}

std::string Sections::footer_of(const doc::PageStyle* s, bool even) {
  if (!s) return "";
  if (s->letter && !s->letter->contact.empty())
    return line("Sidfot", plain(s->letter->contact), "", false);
  return running(s->footer, "Sidfot", even);
}

bool Sections::mirrored() const {
  for (const auto& s : d_.page_styles)
    if (s.header.mirrored || s.footer.mirrored) return true;
  return false;
}

std::string Sections::sect_pr(const std::string& style) {
  const doc::PageStyle* s = find(style);
  const doc::PageStyle* next = s && !s->next.empty() && s->next != s->name ? find(s->next) : s;
  std::string out = "<w:sectPr>";
  // A first page of its own (the memo's full header block, the letterhead with the
  // addressee): Word's first-page header.
  const bool own_first = next != s;
  const auto refs = [&](const std::string& type, const doc::PageStyle* st, bool first_page) {
    const bool even = type == "even";
    out += "<w:headerReference w:type=\"" + type + "\" r:id=\"" +
           part("hdr", header_of(st, first_page, even)) + "\"/>";
    out += "<w:footerReference w:type=\"" + type + "\" r:id=\"" + part("ftr", footer_of(st, even)) +
           "\"/>";
  };
  refs("default", next, false);
  // Printed double-sided, the page number at the outer edge: Word's even-page heads (on
  // for the whole document, so every section has them).
  if (mirrored()) refs("even", next, false);
  if (own_first) refs("first", s, true);
  out += "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"" + std::to_string(kPageW) + "\" w:h=\"" +
         std::to_string(kPageH) + "\"/><w:pgMar w:top=\"" + std::to_string(kMarginTopBottom) +
         "\" w:right=\"" + std::to_string(kMarginSide) + "\" w:bottom=\"" +
         std::to_string(kMarginTopBottom) + "\" w:left=\"" + std::to_string(kMarginSide) +
         "\" w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/>";
  if (own_first) out += "<w:titlePg/>";
  return out + "</w:sectPr>";
}

}  // namespace rv::docx
