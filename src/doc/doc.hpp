// The document tree: what a report says, not where it goes on the page.
//
// Plain data, modelled on pandoc's Definition.hs: a Document is metadata, page styles and
// a list of Blocks; paragraphs hold Inline runs. The template engine builds it, tests
// build it by hand, the layout stage (src/layout) consumes it. Every node keeps the
// rv::Span it came from, so a problem found during layout can still point at the
// template or data line that produced it.
//
// All text is UTF-8 and final: the tree carries "Tabell 3.", "Källa: …", "94 %" exactly
// as they are to be printed (Swedish wording is the template's business). No-break
// spaces (U+00A0, U+202F) are ordinary characters that layout never breaks at.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "diag/diag.hpp"

namespace rv::doc {

struct Block;  // defined below; lists of blocks nest (list items, quotes, footnotes)

// ---- metadata ------------------------------------------------------------------------

// A point in time given as data (never read from the clock), interpreted as UTC.
struct DateTime {
  int year = 1970, month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;
};

// The archival conformance the PDF claims (ISO 19005): PDF/A-2 level A by default, part 1
// (with what it needs more, such as CIDSet) for archives that take only that, level B, or
// none. Every document is tagged and claims PDF/UA-1 whatever this is.
enum class PdfA : uint8_t { A2a = 0, A1a, A2b, Off };

struct Meta {
  std::string title;   // PDF /Title, shown in the viewer's window title
  std::string author;  // "Socialstyrelsen", "Socialförvaltningen"
  std::string subject;
  std::vector<std::string> keywords;
  std::string language = "sv-SE";
  // PDF creation/modification date. Absent: the writer uses SOURCE_DATE_EPOCH if set,
  // otherwise writes no date (so output stays reproducible).
  std::optional<DateTime> created;
  PdfA pdfa = PdfA::A2a;
  Span span;
};

// "1a", "2a", "2b", "av" (as the template settings and --pdfa write it) → the part; nullopt
// for anything else.
std::optional<PdfA> parse_pdfa(const std::string& s);

// The date a written file carries: meta.created, else SOURCE_DATE_EPOCH, else none (never
// the clock, so that the same input gives the same bytes).
std::optional<DateTime> creation_time(const Meta& meta);

// ---- page styles ---------------------------------------------------------------------

enum class PageNumberFormat : uint8_t {
  None,
  Plain,     // "9"
  SidaXavY,  // "Sida 2 (6)": needs the total page count
};

// A running header or footer line group.
struct RunningText {
  std::vector<std::string> lines;  // {"KVALITETSUTVECKLING AV …", "SOCIALSTYRELSEN"}
  PageNumberFormat number = PageNumberFormat::None;
  std::string page_word = "Sida";  // used by SidaXavY
  bool mirrored = false;           // page number at the outer edge (left on even pages) as in print
  bool rule = false;               // thin rule between the running text and the body
};

// The header block of a Stockholm tjänsteutlåtande (seed 000). All fields are final text.
struct OfficialHeader {
  std::string organisation;        // "Socialförvaltningen"
  std::string department;          // "Avdelningen för individ- och familjeomsorg"
  std::string doc_type;            // "Tjänsteutlåtande"
  std::string dnr;                 // "Dnr SOF 2022/123"
  std::string date;                // "2022-05-18"
  std::string handlaggare;         // "Handläggare: Anna Andersson"
  std::string telefon;             // "Telefon: 08-508 000 00"
  std::string recipient;           // "Till Socialnämnden"
  std::string meeting;             // "2022-06-14"
  std::string page_word = "Sida";  // "Sida 1 (4)" is printed on every page that has a block
  bool full = true;  // false: short form for following pages (organisation, doc type, Dnr, Sida)
  Span span;
};

// The letterhead of a letter (typ: brev): the sender and its logo area, date and Dnr at
// the top, the addressee block on the first page, a contact line at the foot of every page.
// "Sida x (y)" only when the letter has more than one page. All fields are final text.
struct LetterHead {
  std::string logo;    // the logo area: the authority's word mark, "SOCIALSTYRELSEN"
  std::string sender;  // "Socialstyrelsen"
  std::string department;
  std::string date;                    // "Datum 2019-04-15"
  std::string dnr;                     // "Dnr 1.2-1234/2019"
  std::vector<std::string> addressee;  // first page only
  std::string contact;                 // foot line: telephone, e-mail, web
  std::string page_word = "Sida";
  bool first = true;  // the first page: addressee block and the body further down
};

struct PageStyle {
  std::string name;  // referred to by Document::first_style and PageBreak::style
  std::string next;  // style of the page after this one; empty: the same style
  RunningText header;
  RunningText footer;
  std::optional<OfficialHeader> official;
  Span span;
  std::optional<LetterHead> letter;
};

// ---- inline content ------------------------------------------------------------------

enum class FontStyle : uint8_t { Regular = 0, Bold, Italic, BoldItalic };

enum class InlineKind : uint8_t {
  Text,       // `text` in `style`, optionally a link
  Footnote,   // a footnote reference; the note's content is `note`, numbered by layout
  LineBreak,  // forced line break inside a paragraph
  // The number of the page where `link_id`'s target (a heading, table or chart) begins,
  // linked to it. Layout fills in `text` once the pages are known ("12").
  PageRef
};

// One run of inline content. Flat rather than a variant: a run is text with a style and
// at most one link, which is all a report needs and keeps tree-building code short.
struct Inline {
  InlineKind kind = InlineKind::Text;
  std::string text;
  FontStyle style = FontStyle::Regular;
  std::string link_id;      // internal link: id of a Heading, Table or BarChart
  std::string url;          // external link
  std::vector<Block> note;  // Footnote only: the note's blocks (usually one paragraph)
  // A cross-reference the template stage has yet to resolve (an index into its list of
  // references); every inline that reaches layout has -1.
  int cross_ref = -1;
  Span span;
};

using Inlines = std::vector<Inline>;

// ---- blocks --------------------------------------------------------------------------

struct Heading {
  int level = 1;   // 1–3
  std::string id;  // target for internal links and TOC entries; empty: none
  Inlines content;
  bool in_toc = true;
  bool in_outline = true;  // PDF bookmark
  Span span;
};

enum class Align : uint8_t { Justify = 0, Left, Center, Right };
enum class Family : uint8_t { Serif = 0, Sans };

// Paragraph formatting. The defaults are the body text style; other values build title
// pages, colophons and signatures without special block kinds.
struct ParaFormat {
  Align align = Align::Justify;
  Family family = Family::Serif;
  double size = 0;          // points; 0 = body size
  double space_before = 0;  // points added before (on top of the normal gap)
  double space_after = -1;  // points after; -1 = normal paragraph gap
  bool keep_with_next = false;
  // Tagged as a heading of this level (1–3) though set as a paragraph: a title page's
  // title, which is the document's first heading but not one of its chapters.
  int tag_heading = 0;
};

struct Paragraph {
  Inlines content;
  ParaFormat format;
  Span span;
};

struct ListItem {
  std::vector<Block> blocks;
  Span span;
};

struct List {
  bool numbered = false;  // "1." … else bullets "•" (nested: "–")
  int start = 1;
  std::vector<ListItem> items;
  Span span;
};

struct BlockQuote {
  std::vector<Block> blocks;
  Span span;
};

enum class CellAlign : uint8_t { Left = 0, Right, Center };

struct Column {
  CellAlign align = CellAlign::Left;  // numbers: Right
  double width = 1;                   // relative; columns share the text width
};

struct Cell {
  Inlines content;  // wraps when longer than the column; never empty in an accessible table
  int colspan = 1;
  Span span;
};

struct Row {
  std::vector<Cell> cells;
  Span span;
};

struct Table {
  std::string id;     // internal link target
  std::string label;  // "Tabell 3."
  Inlines caption;    // printed above the table after the label
  std::vector<Column> columns;
  std::vector<Row> header;  // repeated at the top of every page the table continues on
  std::vector<Row> body;
  std::optional<Row> total;  // "Summa": set bold with a rule above
  Inlines source;            // "Källa: …" below the table
  Inlines note;              // "*Andel av de som svarat … N=262." below the source
  bool repeat_header = true;
  Span span;
};

// An exact value num/den; a share of the 0–100 % scale.
struct Fraction {
  int64_t num = 0;
  int64_t den = 1;
};

struct Bar {
  std::string label;  // wrapped when long
  // The bar's length as a share of the whole scale (0 ≤ value ≤ 1): {94,100} = 94 % on
  // the 0–100 % scale, or an amount divided by the axis maximum.
  Fraction value;
  std::string value_label;  // "94 %", "773 332 kr"; empty: layout prints the rounded percent
  bool missing = false;     // no value: no bar, the value label says so ("–")
  Span span;
};

// A tick on a computed value axis: where (a share of the scale) and its label.
struct Tick {
  Fraction at;
  std::string label;  // "500 000", "1,5"
};

// A bar chart drawn as vectors: horizontal bars (the default) or vertical columns, on a
// fixed 0–100 % scale or on a computed axis with its own ticks (amounts).
struct BarChart {
  std::string id;
  std::string label;  // "Diagram 1."
  Inlines caption;
  std::vector<Bar> bars;
  int tick_step_percent = 20;  // without `ticks`: axis ticks 0, 20, …, 100 %
  std::vector<Tick> ticks;     // a computed axis: 0 first, the scale's end last
  std::string axis_title;      // the unit of a computed axis: "kr", "tkr", "mnkr"
  bool vertical = false;       // columns standing on the axis (stående) instead of bars
  Inlines source;              // "Källa: …"
  Inlines note;
  std::string alt_text;  // states the data: "Kommuner 94 procent, regioner 78 procent, …"
  Span span;
};

struct PageBreak {
  std::string style;  // page style of the new page; empty: continue the current sequence
  Span span;
};

// Replaced by the table of contents: one line per heading (level ≤ depth, in_toc) with
// its page number and an internal link.
struct TableOfContents {
  std::string title = "Innehåll";
  int depth = 2;
  Span span;
};

// Vertical space; `fill` pushes the following blocks to the bottom of the page
// (title page, colophon).
struct Spacer {
  double points = 0;
  bool fill = false;
  Span span;
};

// A thin horizontal rule across the text width (colophon, signature lines).
struct Rule {
  double thickness = 0.5;
  Span span;
};

struct Block {
  std::variant<Heading, Paragraph, List, BlockQuote, Table, BarChart, PageBreak, TableOfContents,
               Spacer, Rule>
      node;
};

struct Document {
  Meta meta;
  std::vector<PageStyle> page_styles;  // empty: one default style with plain page numbers
  std::string first_style;             // name of the first page's style; empty: the first one
  std::vector<Block> blocks;
};

// ---- small builders (keep tests and templates short) ---------------------------------

Inline text(std::string s, FontStyle style = FontStyle::Regular, Span span = {});
Inline bold(std::string s, Span span = {});
Inline italic(std::string s, Span span = {});
Inline footnote(std::vector<Block> note, Span span = {});
Inline footnote(std::string note_text, Span span = {});  // one plain paragraph
Inline link(std::string s, std::string target_id, Span span = {});
Inline url(std::string s, std::string address, Span span = {});

Block heading(int level, std::string text, std::string id = {}, Span span = {});
Block paragraph(Inlines content, Span span = {});
Block paragraph(std::string text, Span span = {});
Block page_break(std::string style = {}, Span span = {});

// The source position of any block (for diagnostics).
const Span& span_of(const Block& b);
// The link target of the n-th heading of a document (n from 1, in document order, the
// headings in quotes included): its id, or "_rubrik<n>" when it has none. Layout anchors
// every heading by it (the table of contents' page numbers); the DOCX writer finds the PDF's
// page of a heading by it.
std::string heading_target(const Heading& h, size_t n);
// Plain text of inline runs (footnotes left out): outline titles, TOC lines, alt text.
std::string plain_text(const Inlines& content);
// Text for XML and HTML content and quoted attributes, as every writer of markup needs it
// (HTML, DOCX, the PDF's XMP): & < > " ' escaped, and the control characters XML 1.0
// cannot hold (C0 but tab, line feed and carriage return) dropped.
std::string escape_markup(std::string_view text);
// Calls `f` on every run of inline content in `blocks`: paragraphs, headings, list items,
// quotes, table cells, captions, sources and notes, and the footnotes inside them.
void each_inlines(std::vector<Block>& blocks, const std::function<void(Inlines&)>& f);
void each_inlines(const std::vector<Block>& blocks, const std::function<void(const Inlines&)>& f);

}  // namespace rv::doc
