// Drawing the page model with libharu and saving atomically.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "layout/page.hpp"
#include "pdf/internal.hpp"
#include "pdf/pdf.hpp"

namespace rv::pdf {

namespace {

void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
  auto* w = static_cast<WriteState*>(user);
  char buf[128];
  std::snprintf(buf, sizeof buf, "PDF-biblioteket (libharu) rapporterade fel 0x%04X (detalj %u)",
                static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
  w->diags->error({}, buf);
  ++w->errors;
  // libharu's error state is sticky; clear it so the remaining problems are reported too.
  if (w->pdf) HPDF_ResetError(w->pdf);
}

char32_t next_cp(const std::string& s, size_t& i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len && i + static_cast<size_t>(k) < s.size(); ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  i += static_cast<size_t>(len);
  return cp;
}

void load_fonts(WriteState& w) {
  std::array<bool, layout::kFontCount> needed{};
  for (const layout::Page& p : w.model->pages)
    for (const layout::Item& it : p.items)
      if (const auto* t = std::get_if<layout::TextRun>(&it)) {
        const int f = static_cast<int>(t->font);
        needed[f] = true;
        std::vector<bool>& used = w.used_bits[f];
        if (used.empty()) used.assign(0x10000, false);
        for (size_t i = 0; i < t->text.size();) {
          const char32_t cp = next_cp(t->text, i);
          used[cp < 0x10000 ? cp : 0xFFFD] = true;
        }
      }
  for (int f = 0; f < layout::kFontCount; ++f) {
    for (char32_t c = 0; c < w.used_bits[f].size(); ++c)
      if (w.used_bits[f][c]) w.used[f].push_back(c);
    if (!needed[f]) continue;
    const char* name = HPDF_LoadTTFontFromFile(w.pdf, w.model->font_files[f].c_str(), HPDF_TRUE);
    if (name) w.fonts[f] = HPDF_GetFont(w.pdf, name, "UTF-8");
  }
}

// libharu's /ToUnicode is invalid (begincidrange); replace the stream's content.
void fix_tounicode(WriteState& w) {
  for (int f = 0; f < layout::kFontCount; ++f) {
    if (!w.fonts[f]) continue;
    auto cmap =
        static_cast<HPDF_Dict>(HPDF_Dict_GetItem(w.fonts[f], "ToUnicode", HPDF_OCLASS_DICT));
    if (!cmap || !cmap->stream) continue;
    HPDF_Stream_Free(cmap->stream);
    cmap->stream = HPDF_MemStream_New(w.pdf->mmgr, 4096);
    HPDF_Stream_WriteStr(cmap->stream, tounicode_cmap(w.used[f]).c_str());
    // libharu writes a CIDToGIDMap for all 65536 codes (128 KB to compress per font);
    // codes past the end of the map are never used, so it only needs to reach the
    // highest used code.
    auto attr = static_cast<HPDF_FontAttr>(w.fonts[f]->attr);
    if (attr && attr->map_stream && !w.used[f].empty()) {
      const char32_t max = std::min<char32_t>(w.used[f].back(), 0xFFFF);
      std::string map;
      map.reserve(2 * (max + 1));
      for (char32_t c = 0; c <= max; ++c) {
        const HPDF_UINT16 gid =
            HPDF_TTFontDef_GetGlyphid(attr->fontdef, static_cast<HPDF_UINT16>(c));
        map += static_cast<char>(gid >> 8);
        map += static_cast<char>(gid & 0xFF);
      }
      HPDF_Stream_Free(attr->map_stream->stream);
      attr->map_stream->stream = HPDF_MemStream_New(w.pdf->mmgr, 4096);
      HPDF_Stream_Write(attr->map_stream->stream, reinterpret_cast<const HPDF_BYTE*>(map.data()),
                        static_cast<HPDF_UINT>(map.size()));
    }
  }
}

// Draws one page. Consecutive items of one structure node form one marked-content
// sequence (/P <</MCID n>> BDC … EMC); artifacts are /Artifact BMC … EMC.
class PagePainter {
 public:
  PagePainter(WriteState& w, int index, bool tagged)
      : w_(w), index_(index), page_(w.pages[static_cast<size_t>(index)]), tagged_(tagged) {
    stream_ = static_cast<HPDF_PageAttr>(page_->attr)->stream;
  }

  void paint(const layout::Page& p) {
    for (const layout::Item& it : p.items) {
      const int node = std::visit([](const auto& v) { return v.node; }, it);
      if (!open_ || node != node_) begin_group(node);
      if (const auto* t = std::get_if<layout::TextRun>(&it)) text(*t);
      if (const auto* r = std::get_if<layout::RuleItem>(&it)) rule(*r);
      if (const auto* q = std::get_if<layout::RectItem>(&it)) rect(*q);
    }
    end_group();
  }

 private:
  void begin_group(int node) {
    end_group();
    node_ = node;
    open_ = true;
    if (!tagged_) return;
    if (node < 0) {
      HPDF_Stream_WriteStr(stream_, "/Artifact BMC\n");
      return;
    }
    const auto& mcids = w_.page_mcid_nodes[static_cast<size_t>(index_)];
    const int mcid = static_cast<int>(mcids.size());
    w_.page_mcid_nodes[static_cast<size_t>(index_)].push_back(node);
    w_.node_content[static_cast<size_t>(node)].push_back({index_, mcid});
    const layout::Role role = w_.model->nodes[static_cast<size_t>(node)].role;
    char buf[64];
    std::snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\n", layout::role_name(role), mcid);
    HPDF_Stream_WriteStr(stream_, buf);
  }
  void end_group() {
    if (!open_) return;
    end_text();
    if (tagged_) HPDF_Stream_WriteStr(stream_, "EMC\n");
    open_ = false;
  }
  void begin_text() {
    if (!in_text_) HPDF_Page_BeginText(page_);
    in_text_ = true;
  }
  void end_text() {
    if (in_text_) HPDF_Page_EndText(page_);
    in_text_ = false;
  }
  void fill(layout::Color c) {
    if (have_fill_ && c.r == fill_.r && c.g == fill_.g && c.b == fill_.b) return;
    HPDF_Page_SetRGBFill(page_, c.r, c.g, c.b);
    fill_ = c;
    have_fill_ = true;
  }
  void text(const layout::TextRun& t) {
    const HPDF_Font font = w_.fonts[static_cast<int>(t.font)];
    if (!font || t.text.empty()) return;
    begin_text();
    if (font != font_ || t.size != size_) {
      HPDF_Page_SetFontAndSize(page_, font, t.size);
      font_ = font;
      size_ = t.size;
    }
    fill(t.color);
    // Raw operators instead of HPDF_Page_TextOut: one Tm and one TJ per run, the space
    // glyphs kept (text extraction sees real spaces) and justification as TJ offsets.
    // libharu's text position is not used afterwards, so bypassing it is safe.
    std::string& op = op_;
    op.clear();
    char buf[64];
    std::snprintf(buf, sizeof buf, "1 0 0 1 %.2f %.2f Tm [(", static_cast<double>(t.x),
                  static_cast<double>(t.y));
    op += buf;
    const float scale = 1000.0f / t.size;
    float pos = t.x;  // where the next glyph lands without adjustment
    size_t word = 0;
    for (size_t i = 0; i < t.text.size();) {
      const bool word_start = i == 0 || t.text[i - 1] == ' ';
      const char32_t cp = next_cp(t.text, i);
      if (word_start && word < t.word_x.size()) {
        const float shift = t.word_x[word++] - pos;
        if (shift > 0.005f || shift < -0.005f) {
          std::snprintf(buf, sizeof buf, ") %.1f (", static_cast<double>(-shift * scale));
          op += buf;
          pos += shift;
        }
      }
      const unsigned code = cp < 0x10000 ? static_cast<unsigned>(cp) : 0xFFFDu;
      // Two-byte codes in a literal string: half the size of hex, so less to compress.
      for (const unsigned char byte :
           {static_cast<unsigned char>(code >> 8), static_cast<unsigned char>(code & 0xFF)}) {
        if (byte == '(' || byte == ')' || byte == '\\') op += '\\';
        if (byte == '\r') {
          op += "\\r";
          continue;
        }
        op += static_cast<char>(byte);
      }
      pos += static_cast<float>(width(static_cast<int>(t.font), font, code)) * t.size / 1000.0f;
    }
    op += ")] TJ\n";
    HPDF_Stream_Write(stream_, reinterpret_cast<const HPDF_BYTE*>(op.data()),
                      static_cast<HPDF_UINT>(op.size()));
  }
  // Glyph widths as libharu writes them into /W, cached per font.
  int width(int f, HPDF_Font font, unsigned code) {
    std::vector<int>& cache = w_.widths[static_cast<size_t>(f)];
    if (cache.empty()) cache.assign(0x10000, -1);
    int& w = cache[code];
    if (w < 0) w = HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(code));
    return w;
  }
  void rule(const layout::RuleItem& r) {
    end_text();
    HPDF_Page_SetLineWidth(page_, r.thickness);
    HPDF_Page_SetRGBStroke(page_, r.color.r, r.color.g, r.color.b);
    HPDF_Page_MoveTo(page_, r.x1, r.y1);
    HPDF_Page_LineTo(page_, r.x2, r.y2);
    HPDF_Page_Stroke(page_);
  }
  void rect(const layout::RectItem& q) {
    end_text();
    fill(q.fill);
    HPDF_Page_Rectangle(page_, q.x, q.y, q.w, q.h);
    HPDF_Page_Fill(page_);
  }

  WriteState& w_;
  int index_;
  HPDF_Page page_;
  HPDF_Stream stream_;
  bool tagged_;
  bool open_ = false, in_text_ = false, have_fill_ = false;
  int node_ = -2;
  HPDF_Font font_ = nullptr;
  float size_ = 0;
  layout::Color fill_;
  std::string op_;
};

}  // namespace

bool write_pdf(const layout::Pages& model, const std::string& path, Diagnostics& diags,
               const Options& options) {
  WriteState w;
  w.diags = &diags;
  w.model = &model;
  w.pdf = HPDF_New(on_error, &w);
  if (!w.pdf) {
    diags.error({}, "kan inte starta PDF-biblioteket (libharu)");
    return false;
  }
  HPDF_UseUTFEncodings(w.pdf);
  HPDF_SetCurrentEncoder(w.pdf, "UTF-8");
  if (options.compress) HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
  load_fonts(w);
  w.node_content.resize(model.nodes.size());
  w.page_mcid_nodes.resize(model.pages.size());
  for (size_t i = 0; i < model.pages.size(); ++i) {
    HPDF_Page page = HPDF_AddPage(w.pdf);
    HPDF_Page_SetWidth(page, model.pages[i].width);
    HPDF_Page_SetHeight(page, model.pages[i].height);
    w.pages.push_back(page);
  }
  for (size_t i = 0; i < model.pages.size(); ++i)
    PagePainter(w, static_cast<int>(i), options.tagged).paint(model.pages[i]);
  fix_tounicode(w);
  write_info(w);
  write_outline(w);
  write_links(w);
  if (options.tagged) write_structure(w);

  bool ok = w.errors == 0;
  const std::string tmp = path + ".tmp";
  if (ok && HPDF_SaveToFile(w.pdf, tmp.c_str()) != HPDF_OK) ok = false;
  HPDF_Free(w.pdf);
  w.pdf = nullptr;
  std::error_code ec;
  if (ok) {
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
      diags.error({}, "kan inte skriva " + path + ": " + ec.message());
      ok = false;
    }
  }
  if (!ok) {
    std::filesystem::remove(tmp, ec);
    if (w.errors == 0) diags.error({}, "kan inte skriva PDF-filen " + path);
  }
  return ok;
}

}  // namespace rv::pdf
