// A bar chart as inline SVG (a picture with <title> and <desc>) followed by its data as a
// table. Horizontal bars are drawn with the category above its bar, so that the chart
// stays legible when a phone shrinks it; columns (vertical) stand on the axis.
#include <algorithm>
#include <cstdio>

#include "html/internal.hpp"
#include "layout/layout.hpp"
#include "swedish/swedish.hpp"

namespace rv::html {

namespace {

constexpr double kWidth = 480, kPad = 4, kLine = 19, kBar = 18, kValueRoom = 110;

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

double share(const doc::Fraction& f) {
  return f.den != 0 ? std::clamp(static_cast<double>(f.num) / static_cast<double>(f.den), 0.0, 1.0)
                    : 0.0;
}

// Characters (code points) in UTF-8 text.
size_t length(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Words in lines of at most `chars` characters (a longer word gets a line of its own).
// Lines break at spaces and after a dash ("200 000–" | "499 999 kr"), never at a no-break
// space.
std::vector<std::string> wrap(const std::string& text, size_t chars) {
  struct Piece {
    std::string text;
    bool space_before;
  };
  std::vector<Piece> pieces;
  const std::string dash = "\u2013";
  bool space = false;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') {
      if (!cur.empty()) pieces.push_back({cur, space});
      cur.clear();
      space = true;
      continue;
    }
    cur += text[i];
    if (cur.ends_with(dash) && cur.size() > dash.size()) {
      pieces.push_back({cur, space});
      cur.clear();
      space = false;
    }
  }
  if (!cur.empty()) pieces.push_back({cur, space});
  std::vector<std::string> lines;
  std::string line;
  for (const Piece& p : pieces) {
    const std::string joint = line.empty() || !p.space_before ? "" : " ";
    if (!line.empty() && length(line) + joint.size() + length(p.text) > chars) {
      lines.push_back(line);
      line = p.text;
    } else {
      line += joint + p.text;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string text_at(double x, double y, const std::string& anchor, const std::string& cls,
                    const std::string& s) {
  return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" +
         (anchor.empty() ? "" : " text-anchor=\"" + anchor + "\"") +
         (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + escape(s) + "</text>\n";
}

std::string line_at(double x1, double y1, double x2, double y2, const std::string& cls) {
  return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" +
         num(y2) + "\" class=\"" + cls + "\"/>\n";
}

// Bars: the category's lines, then the bar and its value; grid and tick labels below.
std::string horizontal(const doc::BarChart& c, double& height) {
  const double x0 = kPad, plot = kWidth - kPad - kValueRoom;
  std::string marks;
  double y = kPad;
  for (const doc::Bar& b : c.bars) {
    for (const std::string& l : wrap(b.label, 50)) {
      y += kLine;
      marks += text_at(x0 + 3, y - 4, "", "kategori", l);
    }
    const double len = b.missing ? 0 : share(b.value) * plot;
    if (len > 0)
      marks += "<rect x=\"" + num(x0) + "\" y=\"" + num(y) + "\" width=\"" + num(len) +
               "\" height=\"" + num(kBar) + "\" class=\"stapel\"/>\n";
    marks += text_at(x0 + len + 5, y + kBar - 4, "", "varde", layout::bar_value_label(b));
    y += kBar + 8;
  }
  std::string grid;
  const std::vector<doc::Tick> ticks = layout::chart_ticks(c);
  for (size_t i = 0; i < ticks.size(); ++i) {
    const double x = x0 + share(ticks[i].at) * plot;
    grid += line_at(x, kPad, x, y, i == 0 ? "axel" : "rutnat");
    const std::string anchor = i == 0 ? "start" : "middle";  // the value room is at the right
    grid += text_at(x, y + 16, anchor, "skala", ticks[i].label);
  }
  y += 16;
  if (!c.axis_title.empty()) {
    y += 16;
    grid += text_at(x0 + plot / 2, y, "middle", "skala", c.axis_title);
  }
  height = y + kPad + 4;
  return grid + marks;
}

// Columns standing on the axis, the value above each, the category wrapped below it.
std::string vertical(const doc::BarChart& c, double& height) {
  // Room at the left for the longest tick label (13-unit type, about 7.5 units a character).
  size_t widest = 0;
  for (const doc::Tick& t : layout::chart_ticks(c)) widest = std::max(widest, length(t.label));
  const double left = std::max(40.0, 7.5 * static_cast<double>(widest) + 10);
  const double top = 20, plot_h = 200, plot_w = kWidth - left - kPad;
  const double slot = plot_w / static_cast<double>(std::max<size_t>(c.bars.size(), 1));
  const double base = top + plot_h;
  std::string grid, marks;
  const std::vector<doc::Tick> ticks = layout::chart_ticks(c);
  for (size_t i = 0; i < ticks.size(); ++i) {
    const double y = base - share(ticks[i].at) * plot_h;
    grid += line_at(left, y, left + plot_w, y, i == 0 ? "axel" : "rutnat");
    grid += text_at(left - 4, y + 4, "end", "skala", ticks[i].label);
  }
  size_t label_lines = 0;
  for (size_t i = 0; i < c.bars.size(); ++i) {
    const doc::Bar& b = c.bars[i];
    const double cx = left + slot * (static_cast<double>(i) + 0.5);
    const double h = b.missing ? 0 : share(b.value) * plot_h, w = std::min(slot * 0.6, 48.0);
    if (h > 0)
      marks += "<rect x=\"" + num(cx - w / 2) + "\" y=\"" + num(base - h) + "\" width=\"" + num(w) +
               "\" height=\"" + num(h) + "\" class=\"stapel\"/>\n";
    marks += text_at(cx, base - h - 4, "middle", "varde", layout::bar_value_label(b));
    const auto lines = wrap(b.label, static_cast<size_t>(std::max(slot / 7.5, 4.0)));
    for (size_t k = 0; k < lines.size(); ++k)
      marks +=
          text_at(cx, base + 16 + kLine * static_cast<double>(k), "middle", "kategori", lines[k]);
    label_lines = std::max(label_lines, lines.size());
  }
  double y = base + 4 + kLine * static_cast<double>(label_lines);
  if (!c.axis_title.empty()) {
    grid += text_at(kPad, top - 8, "", "skala", c.axis_title);
  }
  height = y + kPad + 4;
  return grid + marks;
}

}  // namespace

void Writer::chart(const doc::BarChart& c) {
  const std::string id = block_ids_.count(&c) ? block_ids_[&c] : fresh_id("", "diagram");
  const std::string e = escape(id);
  out_ += "<figure class=\"diagram\" id=\"" + e + "\" aria-labelledby=\"" + e + "-rubrik\">\n";
  out_ += "<figcaption id=\"" + e + "-rubrik\">";
  if (!c.label.empty()) out_ += "<span class=\"etikett\">" + escape(c.label) + "</span> ";
  inlines(c.caption);
  out_ += "</figcaption>\n";
  double height = 0;
  const std::string drawing = c.vertical ? vertical(c, height) : horizontal(c, height);
  std::string title = c.label.empty() ? "" : c.label + " ";
  title += doc::plain_text(c.caption);
  if (title.empty()) title = "Diagram";
  out_ += "<svg viewBox=\"0 0 " + num(kWidth) + " " + num(height) + "\" role=\"img\" " +
          "aria-labelledby=\"" + e + "-titel " + e + "-beskrivning\">\n<title id=\"" + e +
          "-titel\">" + escape(title) + "</title>\n<desc id=\"" + e + "-beskrivning\">" +
          escape(layout::chart_alt_text(c)) + "</desc>\n" + drawing + "</svg>\n";
  // The data the bars show, for reading and copying (the picture is one image to a
  // screen reader).
  out_ += "<table class=\"diagramdata\">\n<caption>Uppgifterna i " +
          escape(c.label.empty() ? std::string("diagrammet") : c.label) +
          "</caption>\n<thead><tr><th scope=\"col\">Kategori</th><th scope=\"col\" "
          "class=\"h\">Värde</th></tr></thead>\n<tbody>\n";
  for (const doc::Bar& b : c.bars)
    out_ += "<tr><th scope=\"row\">" + escape(b.label) + "</th><td class=\"h\">" +
            escape(layout::bar_value_label(b)) + "</td></tr>\n";
  out_ += "</tbody>\n</table>\n";
  if (!c.source.empty()) {
    out_ += "<p class=\"kalla\">";
    inlines(c.source);
    out_ += "</p>\n";
  }
  if (!c.note.empty()) {
    out_ += "<p class=\"not\">";
    inlines(c.note);
    out_ += "</p>\n";
  }
  out_ += "</figure>\n";
}

}  // namespace rv::html
