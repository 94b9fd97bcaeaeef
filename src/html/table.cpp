// A table: caption, scoped header cells, body, total row, and its source and note after it.
#include <algorithm>

#include "html/internal.hpp"

namespace rv::html {

namespace {

std::string align_class(doc::CellAlign a) {
  return a == doc::CellAlign::Right ? "h" : a == doc::CellAlign::Center ? "c" : "";
}

}  // namespace

void Writer::row(const doc::Table& t, const doc::Row& r, bool header, bool row_labels) {
  out_ += "<tr>";
  size_t col = 0;
  for (const doc::Cell& cell : r.cells) {
    const int span = std::max(cell.colspan, 1);
    const std::string cls =
        col < t.columns.size() ? align_class(t.columns[col].align) : std::string();
    std::string attrs = cls.empty() ? "" : " class=\"" + cls + "\"";
    if (span > 1) attrs += " colspan=\"" + std::to_string(span) + "\"";
    const bool th = header || (row_labels && col == 0);
    if (th)
      attrs = (header ? (span > 1 ? " scope=\"colgroup\"" : " scope=\"col\"") : " scope=\"row\"") +
              attrs;
    const std::string tag = th ? "th" : "td";
    out_ += "<" + tag + attrs + ">";
    inlines(cell.content);
    out_ += "</" + tag + ">";
    col += static_cast<size_t>(span);
  }
  out_ += "</tr>\n";
}

void Writer::table(const doc::Table& t) {
  const std::string id = block_ids_.count(&t) ? block_ids_[&t] : fresh_id("", "tabell");
  const bool titled = !t.label.empty() || !t.caption.empty();
  out_ += "<div class=\"tabell\">\n<div class=\"rulla\" role=\"region\" tabindex=\"0\" ";
  out_ += titled ? "aria-labelledby=\"" + escape(id) + "-rubrik\">\n" : "aria-label=\"Tabell\">\n";
  out_ += "<table id=\"" + escape(id) + "\">\n";
  if (titled) {
    out_ += "<caption id=\"" + escape(id) + "-rubrik\">";
    if (!t.label.empty()) out_ += "<span class=\"etikett\">" + escape(t.label) + "</span> ";
    inlines(t.caption);
    out_ += "</caption>\n";
  }
  // A text first column (names, "Totalt") labels its row, as in the PDF's tags.
  const bool row_labels = t.columns.size() > 1 && t.columns[0].align == doc::CellAlign::Left;
  if (!t.header.empty()) {
    out_ += "<thead>\n";
    for (const doc::Row& r : t.header) row(t, r, true, false);
    out_ += "</thead>\n";
  }
  out_ += "<tbody>\n";
  for (const doc::Row& r : t.body) row(t, r, false, row_labels);
  out_ += "</tbody>\n";
  if (t.total) {
    out_ += "<tfoot>\n";
    row(t, *t.total, false, row_labels);
    out_ += "</tfoot>\n";
  }
  out_ += "</table>\n</div>\n";
  if (!t.source.empty()) {
    out_ += "<p class=\"kalla\">";
    inlines(t.source);
    out_ += "</p>\n";
  }
  if (!t.note.empty()) {
    out_ += "<p class=\"not\">";
    inlines(t.note);
    out_ += "</p>\n";
  }
  out_ += "</div>\n";
}

}  // namespace rv::html
