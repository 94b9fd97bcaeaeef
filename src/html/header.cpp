// What a memo or letter opens with: the tjänsteutlåtande's header block as a definition
// list, or the letter's letterhead. Only its text: where it stood on the page is the PDF's.
#include "html/internal.hpp"

namespace rv::html {

namespace {

// "Dnr SOF 2022/123" → {"Dnr", "SOF 2022/123"}; "Handläggare: Anna" → {"Handläggare",
// "Anna"}; text without one of the known words → {fallback, text}.
std::pair<std::string, std::string> labelled(const std::string& text, const std::string& fallback) {
  for (const char* word : {"Dnr", "Datum", "Handläggare", "Telefon", "Till", "Diarienummer"}) {
    const std::string w = word;
    if (!text.starts_with(w) || text.size() <= w.size()) continue;
    size_t at = w.size();
    if (text[at] == ':') ++at;
    if (at < text.size() && text[at] == ' ') return {w, text.substr(at + 1)};
  }
  return {fallback, text};
}

void definition(std::string& out, const std::string& text, const std::string& fallback) {
  if (text.empty()) return;
  auto [dt, dd] = labelled(text, fallback);
  out += "<div><dt>" + escape(dt) + "</dt><dd>" + escape(dd) + "</dd></div>\n";
}

}  // namespace

const doc::PageStyle* first_style(const doc::Document& d) {
  for (const auto& s : d.page_styles)
    if (s.name == d.first_style) return &s;
  return d.page_styles.empty() ? nullptr : &d.page_styles.front();
}

// The memo's header block as a definition list, or the letter's letterhead.
void Writer::header() {
  const doc::PageStyle* first = first_style(d_);
  if (!first) return;
  if (const auto& o = first->official) {
    out_ += "<header class=\"huvud\">\n<p class=\"avsandare\">";
    if (!o->organisation.empty()) out_ += "<strong>" + escape(o->organisation) + "</strong>";
    if (!o->organisation.empty() && !o->department.empty()) out_ += "<br>";
    out_ += escape(o->department) + "</p>\n";
    if (!o->doc_type.empty()) out_ += "<p class=\"dokumenttyp\">" + escape(o->doc_type) + "</p>\n";
    std::string dl;
    definition(dl, o->dnr, "Diarienummer");
    definition(dl, o->date, "Datum");
    definition(dl, o->handlaggare, "Handläggare");
    definition(dl, o->telefon, "Telefon");
    definition(dl, o->recipient, "Till");
    definition(dl, o->meeting, "Sammanträde");
    if (!dl.empty()) out_ += "<dl>\n" + dl + "</dl>\n";
    out_ += "</header>\n";
  } else if (const auto& l = first->letter) {
    out_ += "<header class=\"huvud brev\">\n";
    if (!l->logo.empty())
      out_ += "<p class=\"logo\" aria-hidden=\"true\">" + escape(l->logo) + "</p>\n";
    out_ += "<p class=\"avsandare\"><strong>" + escape(l->sender) + "</strong>";
    if (!l->department.empty()) out_ += "<br>" + escape(l->department);
    out_ += "</p>\n";
    std::string dl;
    definition(dl, l->date, "Datum");
    definition(dl, l->dnr, "Diarienummer");
    if (!dl.empty()) out_ += "<dl>\n" + dl + "</dl>\n";
    if (!l->addressee.empty()) {
      out_ += "<p class=\"mottagare\">";
      for (size_t i = 0; i < l->addressee.size(); ++i)
        out_ += (i ? "<br>" : "") + escape(l->addressee[i]);
      out_ += "</p>\n";
    }
    out_ += "</header>\n";
  }
}

}  // namespace rv::html
