// Embedded fonts: Type0 / CIDFontType2 with Identity-H codes = Unicode code points.
//
// Each font gets a subset of its TrueType file (glyph ids kept), a CIDToGIDMap up to the
// highest code used, a /W array with the widths layout measured, and a ToUnicode map
// that is the identity over the codes used.
#include <cstdint>

#include "pdf/internal.hpp"

namespace rv::pdf {

namespace {

// A subset tag ("ABCDEF+") from the glyphs used, so equal subsets get equal names and
// output stays byte-identical for identical input.
std::string subset_tag(const EmbeddedFont& f) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&h](uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : f.file->postscript_name) mix(static_cast<unsigned char>(c));
  for (char32_t c : f.codes) mix(c);
  std::string tag;
  for (int k = 0; k < 6; ++k) {
    tag += static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag + "+";
}

// /W: runs of consecutive codes as `first [w1 w2 …]`.
HPDF_Array widths(WriteState& w, const EmbeddedFont& f) {
  HPDF_Array out = new_array(w);
  HPDF_Array run = nullptr;
  char32_t prev = 0;
  for (char32_t c : f.codes) {
    if (!run || c != prev + 1) {
      HPDF_Array_AddNumber(out, static_cast<HPDF_INT32>(c));
      run = new_array(w);
      HPDF_Array_Add(out, run);
    }
    HPDF_Array_AddNumber(run, f.widths[c]);
    prev = c;
  }
  return out;
}

HPDF_Array int_array(WriteState& w, std::initializer_list<int> values) {
  HPDF_Array a = new_array(w);
  for (int v : values) HPDF_Array_AddNumber(a, v);
  return a;
}

}  // namespace

bool collect_fonts(WriteState& w) {
  for (const layout::Page& p : w.model->pages)
    for (const layout::Item& it : p.items)
      if (const auto* t = std::get_if<layout::TextRun>(&it)) {
        EmbeddedFont& f = w.fonts[static_cast<size_t>(t->font)];
        f.used = true;
        if (f.used_bits.empty()) f.used_bits.assign(0x10000, 0);
        const std::string& text = t->text;
        for (size_t i = 0; i < text.size();) {
          const auto b = static_cast<unsigned char>(text[i]);
          if (b < 0x80) {  // most text is ASCII: no decoding call
            f.used_bits[b] = 1;
            ++i;
            continue;
          }
          const char32_t cp = font::next_code_point(text, i);
          f.used_bits[cp < 0x10000 ? cp : 0xFFFD] = 1;
        }
      }
  bool ok = true;
  for (int i = 0; i < layout::kFontCount; ++i) {
    EmbeddedFont& f = w.fonts[static_cast<size_t>(i)];
    if (!f.used) continue;
    for (char32_t c = 0; c < f.used_bits.size(); ++c)
      if (f.used_bits[c]) f.codes.push_back(c);
    f.file = w.model->fonts[static_cast<size_t>(i)];
    if (f.file)
      for (char32_t c : f.codes)
        f.widths.set(c, static_cast<int16_t>(f.file->advance(f.file->glyph(c))));
    if (!f.file) {
      w.diags->error({}, std::string("typsnittet ") +
                             layout::font_name(static_cast<layout::FontId>(i)) +
                             " används men är inte inläst");
      ok = false;
    }
  }
  return ok;
}

void compress_font(EmbeddedFont& f) {
  std::vector<bool> glyphs(f.file->glyph_count(), false);
  std::string map;  // CIDToGIDMap: two bytes per code up to the highest used
  const char32_t max = f.codes.empty() ? 0 : f.codes.back();
  map.resize(2 * (static_cast<size_t>(max) + 1), '\0');
  for (char32_t c : f.codes) {
    const uint16_t gid = f.file->glyph(c);
    glyphs[gid] = true;
    map[2 * c] = static_cast<char>(gid >> 8);
    map[2 * c + 1] = static_cast<char>(gid & 0xFF);
  }
  const std::string subset = f.file->subset(glyphs);
  f.font_file_length = static_cast<uint32_t>(subset.size());
  f.font_file_z = deflate_bytes(subset);
  f.cid_to_gid_z = deflate_bytes(map);
  f.to_unicode_z = deflate_bytes(tounicode_cmap(f.codes));
  // CIDSet (ISO 19005-1 §6.3.5): one bit per CID, the highest bit of the first byte CID 0;
  // the subset keeps glyph 0 (.notdef), so CID 0 is in it.
  std::string set(static_cast<size_t>(max) / 8 + 1, '\0');
  set[0] = static_cast<char>(0x80);
  for (char32_t c : f.codes) set[c / 8] = static_cast<char>(set[c / 8] | (0x80 >> (c % 8)));
  f.cid_set_z = deflate_bytes(set);
}

void add_font_objects(WriteState& w) {
  HPDF_Dict resources = new_indirect(w);  // shared by all pages: /F0 … /F7
  for (int i = 0; i < layout::kFontCount; ++i) {
    EmbeddedFont& f = w.fonts[static_cast<size_t>(i)];
    if (!f.file) continue;
    const font::TrueType& tt = *f.file;
    const std::string name = subset_tag(f) + tt.postscript_name;

    f.font_file = new_stream(w);
    f.cid_to_gid = new_stream(w);
    f.to_unicode = new_stream(w);

    HPDF_Dict desc = new_indirect(w);
    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", name.c_str());
    // Flags: 1 fixed pitch, 2 serif, 32 nonsymbolic, 64 italic.
    const int flags = (tt.fixed_pitch ? 1 : 0) | (tt.serif ? 2 : 0) | 32 | (tt.italic ? 64 : 0);
    HPDF_Dict_AddNumber(desc, "Flags", flags);
    HPDF_Dict_Add(desc, "FontBBox", int_array(w, {tt.bbox[0], tt.bbox[1], tt.bbox[2], tt.bbox[3]}));
    HPDF_Dict_AddNumber(desc, "ItalicAngle", tt.italic_angle);
    HPDF_Dict_AddNumber(desc, "Ascent", tt.ascent);
    HPDF_Dict_AddNumber(desc, "Descent", tt.descent);
    HPDF_Dict_AddNumber(desc, "CapHeight", tt.cap_height);
    HPDF_Dict_AddNumber(desc, "XHeight", tt.x_height);
    HPDF_Dict_AddNumber(desc, "StemV", tt.bold ? 140 : 80);  // TrueType has no stem width
    HPDF_Dict_Add(desc, "FontFile2", f.font_file);
    if (w.model->meta.pdfa == doc::PdfA::A1a) {
      f.cid_set = new_stream(w);
      HPDF_Dict_Add(desc, "CIDSet", f.cid_set);
    }

    HPDF_Dict cid = new_indirect(w);
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
    HPDF_Dict info = new_dict(w);
    HPDF_Dict_Add(info, "Registry", new_text(w, "Adobe"));
    HPDF_Dict_Add(info, "Ordering", new_text(w, "Identity"));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(cid, "DW", tt.advance(0));
    HPDF_Dict_Add(cid, "W", widths(w, f));
    HPDF_Dict_Add(cid, "CIDToGIDMap", f.cid_to_gid);

    f.type0 = new_indirect(w);
    HPDF_Dict_AddName(f.type0, "Type", "Font");
    HPDF_Dict_AddName(f.type0, "Subtype", "Type0");
    HPDF_Dict_AddName(f.type0, "BaseFont", name.c_str());
    HPDF_Dict_AddName(f.type0, "Encoding", "Identity-H");
    HPDF_Array descendants = new_array(w);
    HPDF_Array_Add(descendants, cid);
    HPDF_Dict_Add(f.type0, "DescendantFonts", descendants);
    HPDF_Dict_Add(f.type0, "ToUnicode", f.to_unicode);

    HPDF_Dict_Add(resources, ("F" + std::to_string(i)).c_str(), f.type0);
  }
  for (HPDF_Page page : w.pages) {
    auto res = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT));
    if (res) HPDF_Dict_Add(res, "Font", resources);
  }
}

}  // namespace rv::pdf
