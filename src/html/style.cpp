// The embedded stylesheet: the house style of the PDF (serif body text, sans headings,
// tables and charts) for a screen of any width and for print, with the bundled fonts as
// @font-face subsets holding only the characters the page uses.
#include <array>
#include <set>

#include "font/font.hpp"
#include "html/internal.hpp"

namespace rv::html {

namespace {

struct Face {
  const char* file;
  const char* family;
  int weight;
  bool italic;
};

constexpr std::array<Face, 8> kFaces = {{
    {"RapportverkSerif-Regular.ttf", "Rapportverk Serif", 400, false},
    {"RapportverkSerif-Bold.ttf", "Rapportverk Serif", 700, false},
    {"RapportverkSerif-Italic.ttf", "Rapportverk Serif", 400, true},
    {"RapportverkSerif-BoldItalic.ttf", "Rapportverk Serif", 700, true},
    {"RapportverkSans-Regular.ttf", "Rapportverk Sans", 400, false},
    {"RapportverkSans-Bold.ttf", "Rapportverk Sans", 700, false},
    {"RapportverkSans-Italic.ttf", "Rapportverk Sans", 400, true},
    {"RapportverkSans-BoldItalic.ttf", "Rapportverk Sans", 700, true},
}};

// The house style. Sizes follow the PDF's (body 11 pt = 1 rem here, headings 18/13/11,
// tables 9, sources 8.5); the bar colour is the PDF's dark blue (8.6:1 against white).
constexpr const char* kRules = R"css(
html{font-family:"Rapportverk Serif","Liberation Serif","Times New Roman",Times,serif;
 font-size:100%;line-height:1.5;color:#000;background:#fff;-webkit-text-size-adjust:100%}
body{max-width:44rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1,h2,h3,h4,caption,figcaption,table,nav,header,footer,.sans,.kalla,.not,.fotnoter,svg{
 font-family:"Rapportverk Sans","Liberation Sans",Arial,Helvetica,sans-serif}
h1{font-size:1.64rem;line-height:1.25;margin:1.6em 0 .5em}
h2{font-size:1.18rem;line-height:1.3;margin:1.5em 0 .4em}
h3{font-size:1rem;margin:1.2em 0 .2em}
p{margin:0 0 .7em}
ul,ol{margin:0 0 .7em;padding-left:1.6em}
li>p{margin:0}
a{color:#1a4480}
a:focus{outline:2px solid #1a4480;outline-offset:1px}
.mitt{text-align:center}.hoger{text-align:right}
hr{border:0;border-top:1px solid #555;margin:1em 0}
blockquote{margin:0 0 .7em 1.4em}
sup{line-height:0}
.fotnotsref{padding:0 .1em}
.huvud{display:grid;grid-template-columns:1fr 1fr;gap:.5rem 2rem;font-size:.85rem;
 border-bottom:1px solid #999;padding-bottom:.75rem;margin-bottom:1.5rem}
.huvud p{margin:0}.huvud .dokumenttyp{font-weight:bold;font-size:1.1rem}
.huvud dl{margin:0;grid-column:1/-1;display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.2rem 2rem}
.huvud dl div{display:flex;gap:.5em}.huvud dt{font-weight:bold}.huvud dd{margin:0}
.huvud dt::after{content:":"}
.brev .logo{grid-column:1/-1;font-weight:bold;font-size:1.3rem;letter-spacing:.05em}
.brev .mottagare{grid-column:1/-1;margin-top:1rem}
.kontakt{font-size:.8rem;border-top:1px solid #999;margin-top:2rem;padding-top:.5rem}
.innehall ol{list-style:none;padding-left:0}.innehall ol ol{padding-left:1.2em}
.innehall>ol>li{margin-top:.4em;font-weight:bold}.innehall li li{font-weight:normal}
.tabell,.diagram{margin:1.2em 0}
.rulla{overflow-x:auto}
.rulla:focus{outline:2px solid #1a4480}
table{border-collapse:collapse;font-size:.82rem;line-height:1.3;min-width:60%}
caption{text-align:left;font-size:.91rem;padding:0 0 .4em;caption-side:top;
 position:sticky;left:0;max-width:calc(100vw - 2rem)}
.etikett{font-weight:bold}
th,td{padding:.25em .45em;text-align:left;vertical-align:top;border-bottom:1px solid #c4c4c4}
thead th{vertical-align:bottom;border-bottom:1.5px solid #404040}
tbody th{font-weight:normal}
tfoot th,tfoot td{font-weight:bold;border-top:1px solid #404040}
.h{text-align:right;font-variant-numeric:tabular-nums}.c{text-align:center}
.kalla,.not{font-size:.77rem;margin:.4em 0 0}
figure{margin-left:0;margin-right:0}
figcaption{font-size:.91rem;margin-bottom:.4em}
svg{display:block;width:100%;max-width:36rem;height:auto;margin:.3em 0}
svg text{font-size:15px;fill:#000}
svg .skala{font-size:13px;fill:#333}
svg .stapel{fill:#26548c}
svg .rutnat{stroke:#b3b3b3;stroke-width:.6}
svg .axel{stroke:#404040;stroke-width:1}
.diagramdata{margin-top:.6em;font-size:.77rem}
.diagramdata caption{font-size:.82rem}
.fotnoter{font-size:.85rem;border-top:1px solid #999;margin-top:2.5rem}
.fotnoter h2{font-size:1rem}
@media (max-width:30rem){
 body{padding:1rem .75rem 2rem}
 h1{font-size:1.4rem}h2{font-size:1.12rem}
 .huvud{grid-template-columns:1fr}
 table{font-size:.78rem}
}
@media print{
 @page{size:A4;margin:28mm 30mm}
 html{font-size:11pt}
 body{max-width:none;padding:0}
 a{color:inherit;text-decoration:none}
 .rulla{overflow:visible}
 thead{display:table-header-group}
 tr,figure,.huvud{break-inside:avoid}
 h1,h2,h3,caption,figcaption{break-after:avoid}
 .tillbaka{display:none}
}
)css";

}  // namespace

std::string base64(std::string_view bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                       static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
  }
  if (i < bytes.size()) {
    uint32_t v = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size())
      v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::string stylesheet(const std::string& fonts_dir, const std::string& text, Diagnostics& diags) {
  std::string css;
  if (!fonts_dir.empty()) {
    // Every character of the page (markup included: it is ASCII) and printable ASCII, so
    // that what the stylesheet itself adds (":" after a term) has its glyph too.
    std::set<char32_t> used;
    for (char32_t c = 0x20; c < 0x7F; ++c) used.insert(c);
    for (size_t i = 0; i < text.size();) used.insert(font::next_code_point(text, i));
    // The italic faces only for a page with italic text (<em>): a letter has none, and is
    // then a third smaller.
    const bool italic = text.find("<em>") != std::string::npos;
    for (const Face& f : kFaces) {
      if (f.italic && !italic) continue;
      font::TrueType face;
      std::string error;
      if (!face.load(fonts_dir + "/" + f.file, error)) {
        diags.warning(Span{fonts_dir + "/" + f.file, 0, 0},
                      error + "; HTML-filen använder systemets typsnitt i stället");
        continue;
      }
      std::vector<bool> keep(face.glyph_count(), false);
      for (char32_t c : used)
        if (uint16_t g = face.glyph(c); g < keep.size()) keep[g] = true;
      css += "@font-face{font-family:\"" + std::string(f.family) +
             "\";font-weight:" + std::to_string(f.weight) +
             ";font-style:" + (f.italic ? "italic" : "normal") +
             ";font-display:swap;src:url(data:font/ttf;base64," + base64(face.subset(keep)) +
             ") format(\"truetype\")}\n";
    }
  }
  return css + kRules;
}

}  // namespace rv::html
