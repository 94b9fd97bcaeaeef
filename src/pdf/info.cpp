// Document information, catalog entries (/Lang, DisplayDocTitle), outline and links.
#include <hpdf_version.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include "pdf/internal.hpp"
#include "version.hpp"

namespace rv::pdf {

namespace {

// Creation date: from the metadata, else SOURCE_DATE_EPOCH, else none (never the clock,
// so identical input gives identical bytes).
bool creation_date(const doc::Meta& meta, HPDF_Date& d) {
  d = HPDF_Date{};
  d.ind = 'Z';
  const auto t = doc::creation_time(meta);
  if (!t) return false;
  d.year = t->year;
  d.month = t->month;
  d.day = t->day;
  d.hour = t->hour;
  d.minutes = t->minute;
  d.seconds = t->second;
  return true;
}

// [page /XYZ 0 y 1] as a direct array: libharu's destinations are indirect objects, which
// PDFBox (Preflight) cannot read as a /Dest ("can't convert to Destination").
HPDF_Array destination(WriteState& w, int page, float y) {
  HPDF_Array a = new_array(w);
  HPDF_Array_Add(a, w.pages[static_cast<size_t>(page)]);  // written as a reference
  HPDF_Array_AddName(a, "XYZ");
  HPDF_Array_AddReal(a, 0);
  HPDF_Array_AddReal(a, y);
  HPDF_Array_AddReal(a, 1);
  return a;
}

}  // namespace

void write_info(WriteState& w) {
  const doc::Meta& m = w.model->meta;
  auto set = [&](HPDF_InfoType type, const std::string& v) {
    if (!v.empty()) HPDF_SetInfoAttr(w.pdf, type, v.c_str());
  };
  set(HPDF_INFO_TITLE, m.title);
  set(HPDF_INFO_AUTHOR, m.author);
  set(HPDF_INFO_SUBJECT, m.subject);
  std::string keywords;
  for (const std::string& k : m.keywords) keywords += (keywords.empty() ? "" : ", ") + k;
  set(HPDF_INFO_KEYWORDS, keywords);
  set(HPDF_INFO_CREATOR, std::string("rapportverk ") + RAPPORTVERK_VERSION);
  // The same words as the first two lines of `rapportverk --version`.
  set(HPDF_INFO_PRODUCER,
      std::string("rapportverk ") + RAPPORTVERK_VERSION + " (libharu " HPDF_VERSION_TEXT ")");
  HPDF_Date d;
  std::string iso;
  if (creation_date(m, d)) {
    // "D:20180511000000Z", written here: libharu's "Z00'00'" is read by PDFBox as another
    // time than the XMP's "…Z", so Preflight finds the two dates different (PDF/A 7.2).
    char pdf_date[24];
    std::snprintf(pdf_date, sizeof pdf_date, "D:%04d%02d%02d%02d%02d%02dZ", d.year, d.month, d.day,
                  d.hour, d.minutes, d.seconds);
    HPDF_Dict info = info_dict(w);
    if (info) {
      HPDF_Dict_Add(info, "CreationDate", new_text(w, pdf_date));
      HPDF_Dict_Add(info, "ModDate", new_text(w, pdf_date));
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day, d.hour,
                  d.minutes, d.seconds);
    iso = buf;
  }
  write_metadata(w, iso);
  if (m.pdfa != doc::PdfA::Off) write_output_intent(w);
  HPDF_Dict cat = catalog(w);
  HPDF_Dict_Add(cat, "Lang", new_text(w, m.language.empty() ? "sv-SE" : m.language));
  HPDF_Dict prefs = new_dict(w);
  HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(cat, "ViewerPreferences", prefs);
  if (!w.model->outline.empty()) HPDF_SetPageMode(w.pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

void write_outline(WriteState& w) {
  HPDF_Encoder enc = HPDF_GetEncoder(w.pdf, "UTF-8");
  HPDF_Outline parents[4] = {nullptr, nullptr, nullptr, nullptr};
  for (const layout::OutlineEntry& e : w.model->outline) {
    if (e.page < 0 || e.page >= static_cast<int>(w.pages.size())) continue;
    const int level = e.level < 1 ? 1 : e.level > 3 ? 3 : e.level;
    HPDF_Outline parent = nullptr;
    for (int l = level - 1; l >= 1 && !parent; --l) parent = parents[l];
    HPDF_Outline o = HPDF_CreateOutline(w.pdf, parent, e.title.c_str(), enc);
    if (!o) continue;
    HPDF_Dict_Add(o, "Dest", destination(w, e.page, e.y));
    HPDF_Outline_SetOpened(o, level == 1 ? HPDF_TRUE : HPDF_FALSE);
    parents[level] = o;
    for (int l = level + 1; l <= 3; ++l) parents[l] = nullptr;
  }
}

void write_links(WriteState& w) {
  w.link_annots.assign(w.links.size(), nullptr);
  size_t tagged = 0;  // the next of w.links
  for (size_t p = 0; p < w.model->pages.size(); ++p) {
    const auto& links = w.model->pages[p].links;
    for (size_t k = 0; k < links.size(); ++k) {
      const layout::LinkArea& l = links[k];
      const HPDF_Rect rect{l.x, l.y, l.x + l.w, l.y + l.h};
      HPDF_Annotation a = nullptr;
      if (!l.url.empty()) {
        a = HPDF_Page_CreateURILinkAnnot(w.pages[p], rect, l.url.c_str());
      } else if (l.target_page >= 0) {
        // libharu's link annotation takes a destination object; ours replaces it.
        HPDF_Destination dst =
            HPDF_Page_CreateDestination(w.pages[static_cast<size_t>(l.target_page)]);
        a = HPDF_Page_CreateLinkAnnot(w.pages[p], rect, dst);
        if (a) HPDF_Dict_Add(a, "Dest", destination(w, l.target_page, l.target_y));
      }
      const bool is_tagged = tagged < w.links.size() &&
                             w.links[tagged].page == static_cast<int>(p) &&
                             w.links[tagged].link == static_cast<int>(k);
      if (is_tagged) ++tagged;
      if (!a) continue;
      if (is_tagged) w.link_annots[tagged - 1] = a;
      HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
      HPDF_Dict_AddNumber(a, "F", 4);  // printed with the page (PDF/A)
      if (!l.text.empty())             // what the link says, for assistive technology
        HPDF_Dict_Add(a, "Contents", new_text(w, l.text, /*utf8=*/true));
    }
  }
}

}  // namespace rv::pdf
