// Page content streams, written as raw PDF operators.
//
// Consecutive items of one structure node form one marked-content sequence
// (/P <</MCID n>> BDC … EMC); artifacts are /Artifact <</Type …>> BDC … EMC, classified as a
// running header, a running footer or layout. Text runs are one Tm and one TJ each, the
// space glyphs kept (text extraction sees real spaces) and justification as TJ offsets (Tw
// does not apply to two-byte codes).
#include <cmath>
#include <cstdint>
#include <initializer_list>

#include "layout/glyphs.hpp"
#include "pdf/internal.hpp"

namespace rv::pdf {

namespace {

// A number with at most `decimals` (≤ 3) decimals, trailing zeros dropped: "85.04",
// "702.3", "11", "-0.5". Far cheaper than printf, which dominated painting.
void put_number(std::string& s, double v, int decimals) {
  static constexpr int64_t kScale[] = {1, 10, 100, 1000};
  int64_t n = std::llround(v * static_cast<double>(kScale[decimals]));
  if (n < 0) {
    s += '-';
    n = -n;
  }
  int64_t whole = n / kScale[decimals], frac = n % kScale[decimals];
  char buf[24];
  int len = 0;
  do {
    buf[len++] = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole);
  while (len) s += buf[--len];
  if (frac == 0) return;
  int digits = decimals;
  while (frac % 10 == 0) {
    frac /= 10;
    --digits;
  }
  s += '.';
  for (int k = digits - 1; k >= 0; --k) {
    int64_t p = 1;
    for (int j = 0; j < k; ++j) p *= 10;
    s += static_cast<char>('0' + (frac / p) % 10);
  }
}

bool same(layout::Color a, layout::Color b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

class PagePainter {
 public:
  PagePainter(const WriteState& w, bool tagged) : w_(w), tagged_(tagged) {}

  std::string paint(const layout::Page& p) {
    out_.reserve(16384);
    for (const McGroup& g : marked_content(p)) {
      begin_group(g.node, g.mcid);
      for (size_t i = g.begin; i < g.end; ++i) {
        const layout::Item& it = p.items[i];
        if (const auto* t = std::get_if<layout::TextRun>(&it)) text(*t);
        if (const auto* r = std::get_if<layout::RuleItem>(&it)) rule(*r);
        if (const auto* q = std::get_if<layout::RectItem>(&it)) rect(*q);
      }
      end_group();
    }
    return std::move(out_);
  }

 private:
  void begin_group(int node, int mcid) {
    open_ = true;
    if (!tagged_) return;
    if (node < 0) {  // classified, so that a validator knows what a reader may skip
      out_ += node == layout::kArtifactHeader
                  ? "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n"
              : node == layout::kArtifactFooter
                  ? "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"
                  : "/Artifact <</Type /Layout>> BDC\n";
      return;
    }
    out_ += '/';
    out_ += layout::role_name(w_.model->nodes[static_cast<size_t>(node)].role);
    out_ += " <</MCID ";
    put_int(out_, mcid);
    out_ += ">> BDC\n";
  }
  void end_group() {
    if (!open_) return;
    end_text();
    if (tagged_) out_ += "EMC\n";
    open_ = false;
  }
  void begin_text() {
    if (!in_text_) out_ += "BT\n";
    in_text_ = true;
  }
  void end_text() {
    if (in_text_) out_ += "ET\n";
    in_text_ = false;
  }
  // Numbers separated by spaces: the operands of one operator.
  void operands(std::initializer_list<float> values, int decimals) {
    bool first = true;
    for (float v : values) {
      if (!first) out_ += ' ';
      put_number(out_, v, decimals);
      first = false;
    }
  }
  void put_color(layout::Color c) { operands({c.r, c.g, c.b}, 3); }
  void fill(layout::Color c) {
    if (have_fill_ && same(c, fill_)) return;
    put_color(c);
    out_ += " rg\n";
    fill_ = c;
    have_fill_ = true;
  }
  void text(const layout::TextRun& t) {
    const int f = static_cast<int>(t.font);
    const EmbeddedFont& font = w_.fonts[static_cast<size_t>(f)];
    if (!font.file || t.text.empty()) return;
    begin_text();
    if (f != font_ || t.size != size_) {
      out_ += "/F";
      put_int(out_, f);
      out_ += ' ';
      put_number(out_, t.size, 2);
      out_ += " Tf\n";
      font_ = f;
      size_ = t.size;
    }
    fill(t.color);
    out_ += "1 0 0 1 ";
    operands({t.x, t.y}, 2);
    out_ += " Tm [(";
    const float scale = 1000.0f / t.size;
    // Glyph codes go through a local buffer: appending them to out_ byte by byte, with a
    // capacity check each, cost a third of painting.
    char buf[512];
    size_t n = 0;
    const auto advance = [&](char32_t cp) {
      const unsigned code = cp < 0x10000 ? static_cast<unsigned>(cp) : 0xFFFDu;
      return static_cast<float>(font.widths[code]) * t.size / 1000.0f;
    };
    const font::Kerning& kerning = font.file->kerning();
    const auto kern = [&](char32_t left, char32_t right) {
      return static_cast<float>(kerning(left, right)) * t.size / 1000.0f;
    };
    // The word positions and kerning are read by the one function the layout tests check.
    layout::walk_glyphs(t, advance, kern, [&](char32_t cp, size_t, float, float shift) {
      if (shift != 0) {
        out_.append(buf, n);
        n = 0;
        out_ += ") ";
        put_number(out_, -shift * scale, 1);
        out_ += " (";
      }
      if (n + 8 > sizeof buf) {
        out_.append(buf, n);
        n = 0;
      }
      const unsigned code = cp < 0x10000 ? static_cast<unsigned>(cp) : 0xFFFDu;
      // Two-byte codes in a literal string: half the size of hex, so less to compress.
      for (const unsigned char byte :
           {static_cast<unsigned char>(code >> 8), static_cast<unsigned char>(code & 0xFF)}) {
        if (byte == '(' || byte == ')' || byte == '\\') buf[n++] = '\\';
        if (byte == '\r') {
          buf[n++] = '\\';
          buf[n++] = 'r';
          continue;
        }
        buf[n++] = static_cast<char>(byte);
      }
    });
    out_.append(buf, n);
    out_ += ")] TJ\n";
  }
  void rule(const layout::RuleItem& r) {
    end_text();
    if (line_width_ != r.thickness) {
      put_number(out_, r.thickness, 2);
      out_ += " w\n";
      line_width_ = r.thickness;
    }
    if (!have_stroke_ || !same(r.color, stroke_)) {
      put_color(r.color);
      out_ += " RG\n";
      stroke_ = r.color;
      have_stroke_ = true;
    }
    operands({r.x1, r.y1}, 2);
    out_ += " m ";
    operands({r.x2, r.y2}, 2);
    out_ += " l S\n";
  }
  void rect(const layout::RectItem& q) {
    end_text();
    fill(q.fill);
    operands({q.x, q.y, q.w, q.h}, 2);
    out_ += " re f\n";
  }

  const WriteState& w_;
  bool tagged_;
  std::string out_;
  bool open_ = false, in_text_ = false, have_fill_ = false, have_stroke_ = false;
  int font_ = -1;
  float size_ = 0, line_width_ = 1;  // 1: the PDF default
  layout::Color fill_, stroke_;
};

}  // namespace

std::string paint_page(const WriteState& w, int index, bool tagged) {
  return PagePainter(w, tagged).paint(w.model->pages[static_cast<size_t>(index)]);
}

}  // namespace rv::pdf
