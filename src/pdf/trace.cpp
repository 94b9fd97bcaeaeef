// The text trace: the page model one item a line, stable and diffable.
#include <cstdio>

#include "pdf/internal.hpp"
#include "pdf/pdf.hpp"

namespace rv::pdf {

namespace {

std::string role_of(const layout::Pages& p, int node) {
  if (node == layout::kArtifactHeader) return "Artifact:Header";
  if (node == layout::kArtifactFooter) return "Artifact:Footer";
  if (node < 0) return "Artifact";
  return std::string(layout::role_name(p.nodes[static_cast<size_t>(node)].role)) + "#" +
         std::to_string(node);
}

// A soft hyphen (U+00AD, the hyphen a line break adds) is written \- as in TeX, since
// it is invisible in an editor and the goldens must show every hyphenation.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xAD') {
      out += "\\-";
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string trace(const layout::Pages& pages) {
  std::string out;
  char buf[256];
  for (size_t pi = 0; pi < pages.pages.size(); ++pi) {
    const layout::Page& page = pages.pages[pi];
    std::snprintf(buf, sizeof buf, "page %zu %.2fx%.2f\n", pi + 1, static_cast<double>(page.width),
                  static_cast<double>(page.height));
    out += buf;
    for (const layout::Item& it : page.items) {
      if (const auto* t = std::get_if<layout::TextRun>(&it)) {
        const char* kind = t->kind == layout::RunKind::FootnoteMark     ? " mark"
                           : t->kind == layout::RunKind::RepeatedHeader ? " repeat"
                                                                        : "";
        std::snprintf(buf, sizeof buf, "text %s l%d%s %s %.1f x=%.2f y=%.2f w=%.2f ",
                      role_of(pages, t->node).c_str(), t->line, kind, layout::font_name(t->font),
                      static_cast<double>(t->size), static_cast<double>(t->x),
                      static_cast<double>(t->y), static_cast<double>(t->width));
        out += buf;
        out += quoted(t->text);
        out += '\n';
      } else if (const auto* r = std::get_if<layout::RuleItem>(&it)) {
        std::snprintf(buf, sizeof buf, "rule %s x1=%.2f y1=%.2f x2=%.2f y2=%.2f t=%.2f\n",
                      role_of(pages, r->node).c_str(), static_cast<double>(r->x1),
                      static_cast<double>(r->y1), static_cast<double>(r->x2),
                      static_cast<double>(r->y2), static_cast<double>(r->thickness));
        out += buf;
      } else if (const auto* q = std::get_if<layout::RectItem>(&it)) {
        std::snprintf(buf, sizeof buf, "rect %s x=%.2f y=%.2f w=%.2f h=%.2f\n",
                      role_of(pages, q->node).c_str(), static_cast<double>(q->x),
                      static_cast<double>(q->y), static_cast<double>(q->w),
                      static_cast<double>(q->h));
        out += buf;
      }
    }
    for (const layout::LinkArea& l : page.links) {
      std::snprintf(buf, sizeof buf, "link x=%.2f y=%.2f w=%.2f h=%.2f -> ",
                    static_cast<double>(l.x), static_cast<double>(l.y), static_cast<double>(l.w),
                    static_cast<double>(l.h));
      out += buf;
      out +=
          l.url.empty() ? "#" + l.target_id + " page " + std::to_string(l.target_page + 1) : l.url;
      out += '\n';
    }
  }
  // The tag tree the PDF gets, so that a golden diff shows every change to the tags.
  out += tag_tree_text(pages);
  return out;
}

}  // namespace rv::pdf
