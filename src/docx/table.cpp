// Tables (a header row Word repeats on every page, the total row ruled off) and charts
// (the PDF's drawing as a picture with the chart's alternative text).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "docx/internal.hpp"
#include "layout/layout.hpp"
#include "swedish/swedish.hpp"

namespace rv::docx {

namespace {

// Rows of table text that surely fit on a page with a caption (Word measures the real
// height only when it lays the page out; a page holds about 45 rows of 9-point text).
constexpr size_t kWholeTableRows = 30;

constexpr const char* kImageType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

std::string jc_of(doc::CellAlign a) {
  return a == doc::CellAlign::Right ? "right" : a == doc::CellAlign::Center ? "center" : "left";
}

// A heading cell's text with soft hyphens where the PDF's table may break its words: at
// compound joints and where three letters stand on each side ("Fördelnings-nyckel", never
// "nyck-el"). Word breaks there and nowhere else: the cell's own hyphenation is off.
doc::Inlines with_break_points(const doc::Inlines& in) {
  doc::Inlines out = in;
  for (doc::Inline& run : out) {
    if (run.kind != doc::InlineKind::Text) continue;
    std::string text, word;
    const auto flush = [&] {
      size_t done = 0;
      for (const sv::HyphenPoint& h : sv::hyphenation_candidates(word))
        if (h.joint || (h.left >= sv::kPreferredFragment && h.right >= sv::kPreferredFragment)) {
          text += word.substr(done, h.offset - done) + "\u00AD";
          done = h.offset;
        }
      text += word.substr(done);
      word.clear();
    };
    for (char c : run.text) {
      if (c == ' ' || c == '(' || c == ')' || c == '-' || c == '/') {
        flush();
        text += c;
      } else {
        word += c;
      }
    }
    flush();
    run.text = std::move(text);
  }
  return out;
}

}  // namespace

void BodyWriter::row(const doc::Table& t, const doc::Row& r, const std::vector<int>& widths,
                     bool header, bool total, bool keep_next) {
  out_ += "<w:tr>";
  // A header row is repeated at the top of each page and, like every row, never split.
  out_ += std::string("<w:trPr><w:cantSplit/>") + (header ? "<w:tblHeader/>" : "") + "</w:trPr>";
  size_t col = 0;
  for (const doc::Cell& cell : r.cells) {
    const size_t span = static_cast<size_t>(std::max(cell.colspan, 1));
    int width = 0;
    for (size_t k = col; k < std::min(col + span, widths.size()); ++k) width += widths[k];
    out_ += "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
    if (span > 1) out_ += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
    if (total)
      out_ += "<w:tcBorders><w:top w:val=\"single\" w:sz=\"6\" w:color=\"404040\"/></w:tcBorders>";
    if (header) out_ += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6EBF2\"/>";
    out_ += "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Tabelltext\"/>";
    if (keep_next) out_ += "<w:keepNext/>";
    if (header) out_ += "<w:suppressAutoHyphens/>";
    if (col < t.columns.size() && t.columns[col].align != doc::CellAlign::Left)
      out_ += "<w:jc w:val=\"" + jc_of(t.columns[col].align) + "\"/>";
    out_ += "</w:pPr>";
    RunFormat f;
    f.bold = header || total;
    inlines(header ? with_break_points(cell.content) : cell.content, f);
    out_ += "</w:p></w:tc>";
    col += span;
  }
  out_ += "</w:tr>";
}

void BodyWriter::table(const doc::Table& t) {
  const std::string& mark = block_marks_[&t];
  const bool titled = !t.label.empty() || !t.caption.empty();
  if (titled) caption(t.label, t.caption, mark);
  // Column widths: the tree's shares of the text width.
  size_t ncols = t.columns.size();
  for (const auto* rows : {&t.header, &t.body}) {
    for (const doc::Row& r : *rows) {
      size_t n = 0;
      for (const doc::Cell& c : r.cells) n += static_cast<size_t>(std::max(c.colspan, 1));
      ncols = std::max(ncols, n);
    }
  }
  // Column widths: the PDF's, else the tree's shares, of the text width.
  const size_t index = static_cast<size_t>(next_table_++);
  std::vector<double> shares(ncols, 1.0);
  if (index < o_.table_columns.size() && o_.table_columns[index].size() == ncols)
    for (size_t i = 0; i < ncols; ++i) shares[i] = std::max<double>(o_.table_columns[index][i], 1);
  else
    for (size_t i = 0; i < t.columns.size(); ++i) shares[i] = std::max(t.columns[i].width, 0.01);
  const double sum = std::accumulate(shares.begin(), shares.end(), 0.0);
  std::vector<int> widths;
  for (double s : shares) widths.push_back(static_cast<int>(std::floor(kTextWidth * s / sum)));

  out_ += "<w:tbl><w:tblPr><w:tblStyle w:val=\"Tabell\"/><w:tblW w:w=\"" +
          std::to_string(kTextWidth) + "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>";
  out_ += std::string("<w:tblLook w:firstRow=\"1\" w:lastRow=\"") + (t.total ? "1" : "0") +
          "\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/>";
  // The title a screen reader announces for the table (Word: Alternativ text, Rubrik).
  const std::string title = t.label + (t.caption.empty() ? "" : " " + doc::plain_text(t.caption));
  if (!title.empty() && title != " ") out_ += "<w:tblCaption w:val=\"" + xml_escape(title) + "\"/>";
  out_ += "</w:tblPr><w:tblGrid>";
  for (int w : widths) out_ += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
  out_ += "</w:tblGrid>";
  if (!titled) {
    // No caption paragraph to hold the bookmark: it goes into the first cell's text.
    bookmark_start(mark);
    bookmark_end();
  }
  // As in the PDF, a table that fits on a page is not split: every row keeps with the next
  // (and the last with the source and note under it). A longer one may break between rows,
  // but its last row stays with the lines under it.
  const bool lines_after = !t.source.empty() || !t.note.empty();
  const bool whole = t.header.size() + t.body.size() + (t.total ? 1 : 0) <= kWholeTableRows;
  for (const doc::Row& r : t.header) row(t, r, widths, true, false);
  for (size_t i = 0; i < t.body.size(); ++i) {
    const bool last = !t.total && i + 1 == t.body.size();
    row(t, t.body[i], widths, false, false, last ? lines_after : whole);
  }
  if (t.total) row(t, *t.total, widths, false, true, lines_after);
  out_ += "</w:tbl>";
  after_lines(t.source, t.note);
}

void BodyWriter::chart(const doc::BarChart& c) {
  const std::string& mark = block_marks_[&c];
  caption(c.label, c.caption, mark);
  const size_t index = static_cast<size_t>(next_chart_++);
  // The PDF's alternative text for the chart (its /Alt), word for word.
  const std::string alt = layout::chart_alt_text(c);
  if (index >= o_.charts.size() || o_.charts[index].png.empty()) {
    // No picture (the chart was not drawn): its data in words.
    out_ += "<w:p><w:pPr><w:pStyle w:val=\"Tabelltext\"/></w:pPr>" + run(text_content(alt), {}) +
            "</w:p>";
    after_lines(c.source, c.note);
    return;
  }
  const Picture& pic = o_.charts[index];
  const std::string name = "diagram" + std::to_string(index + 1) + ".png";
  media_.push_back({"word/media/" + name, pic.png});
  const std::string rel = relation(kImageType, "media/" + name, false);
  // Never wider than the text: a picture past the margin is cut off in Word's layout.
  const double scale = std::min(1.0, (kTextWidth / 20.0) / std::max(pic.width_pt, 1.0));
  const long cx = std::lround(pic.width_pt * scale * kEmuPerPoint);
  const long cy = std::lround(pic.height_pt * scale * kEmuPerPoint);
  const std::string id = std::to_string(++next_drawing_);
  const std::string title =
      xml_escape(c.label + (c.caption.empty() ? "" : " " + doc::plain_text(c.caption)));
  const std::string ext = "cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"";
  out_ += "<w:p><w:pPr><w:pStyle w:val=\"Diagram\"/></w:pPr>";
  out_ += run(
      "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent " + ext +
          "/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"" + id +
          "\" name=\"" + xml_escape(c.label.empty() ? "Diagram " + id : c.label) + "\" descr=\"" +
          xml_escape(alt) + "\" title=\"" + title +
          "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
          "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
          "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr>"
          "<pic:cNvPr id=\"" +
          id + "\" name=\"" + name + "\" descr=\"" + xml_escape(alt) +
          "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" + rel +
          "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm>"
          "<a:off x=\"0\" y=\"0\"/><a:ext " +
          ext +
          "/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
          "</a:graphicData></a:graphic></wp:inline></w:drawing>",
      {});
  out_ += "</w:p>";
  after_lines(c.source, c.note);
}

}  // namespace rv::docx
