// A template folder's settings file (mall.yaml): document type, metadata, page
// furniture, house style, and the data-bound tables and charts the body refers to.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "doc/doc.hpp"
#include "template/expand.hpp"

namespace rv::tmpl {

// A text field that may contain {{ … }}: kept with where it was written.
struct TextTemplate {
  std::string text;
  Span span;
  bool empty() const { return text.empty(); }
};

struct ColumnDef {
  TextTemplate heading;
  ExprPtr value;       // evaluated per row, the row bound to `rad`
  std::string format;  // text | heltal | kr | tkr | mnkr | procent | år
  doc::CellAlign align = doc::CellAlign::Left;
  double width = 1;
  bool sum = false;  // summera: the total row sums the column's values
  ExprPtr total;     // summa: the total row's value, evaluated once
  // beräknat: per row, what a rule computes for the cell. The cell prints the value (what
  // was decided); where the two differ, the table's note says so with both figures.
  ExprPtr computed;
  // angiven_summa: the total as decided or printed in the record. The total row prints it;
  // where it differs from the column's sum, the note gives both figures.
  ExprPtr declared_total;
  Span span;
};

struct TableDef {
  std::string id;
  TextTemplate caption;  // rubrik
  ExprPtr rows;          // källa: an expression giving a list
  ExprPtr where;         // villkor: keep rows for which it is true
  std::string sort;      // sortering: a field name; "" keeps the list's order
  bool descending = false;
  std::vector<ColumnDef> columns;
  std::optional<TextTemplate> total_label;  // summarad: "Summa", "Totalt"
  TextTemplate source;                      // källrad
  TextTemplate note;                        // not
  bool numbered = true;  // numrerad: nej → no "Tabell N." label (appendix tables)
  Span span;
};

struct ChartDef {
  std::string id;
  TextTemplate caption;
  ExprPtr rows;
  ExprPtr label;     // per row
  ExprPtr value;     // per row: a share (0–1), or an amount or count (format)
  Span value_span;   // where `värde` is written: errors about a bar's value point there
  std::string sort;  // "värde" (largest first) or "" (list order)
  // format: procent (a share on the fixed 0–100 % axis) | kr | tkr | mnkr | heltal (an
  // amount or a count on an axis computed from the largest value).
  std::string format = "procent";
  bool vertical = false;            // riktning: stående (columns) | liggande (bars)
  std::optional<TextTemplate> alt;  // alternativtext: replaces the generated alt text
  TextTemplate source;
  TextTemplate note;
  Span span;
};

// A named data source (källor: in mall.yaml): rows, optionally filtered, and optionally
// grouped by a field or into classes of a number, each group one record with counts and
// sums. Text, tables and charts all read it as `källor.<namn>`, so one filter or one
// grouping is written once.
struct AggregateDef {
  std::string name;      // the grouped record's field
  std::string function;  // antal | summa | högst | lägst
  ExprPtr value;         // evaluated per row (not for antal)
  Span span;
};

struct SourceDef {
  std::string id;
  ExprPtr rows;      // källa
  ExprPtr where;     // villkor
  ExprPtr group_by;  // gruppera: one group per distinct value, in Swedish order
  // klasser: one group per class of a number, empty classes included, in order
  ExprPtr class_value;
  std::vector<int64_t> class_limits;  // gränser, ascending: below the first, …, the last or more
  std::vector<std::string> class_labels;  // etiketter (one per class), else made from the limits
  std::string class_unit;                 // enhet: "kr" in the made labels
  std::vector<AggregateDef> columns;      // kolumner
  Span span;
};

// A parameter the template takes (`skapa -p namn=värde`), declared under `parametrar:` in
// mall.yaml. A parameter or value the template does not declare is an error, so that a
// misspelt `-p grupp=kommun` cannot give an empty document.
struct ParameterDef {
  std::string description;          // beskrivning
  std::vector<std::string> values;  // värden: the accepted values (empty: any text)
  // grupper: values that name a group; accepted only when the data set has that group.
  std::vector<std::string> groups;
  std::optional<std::string> default_value;  // standard: the value when -p does not give one
  Span span;
};

// What the document is about (kräver:), e.g. an allocation memo's allocation: when `what`
// names nothing in the data, `missing` is a warning and the document says so in words.
struct Requirement {
  ExprPtr what;         // värde: tested as with `| finns`
  std::string missing;  // saknas: the Swedish warning
  Span span;
};

enum class DocKind : uint8_t { Report = 0, Memo, Appendix, Letter };

struct TemplateSettings {
  std::string dir;
  std::string file;
  DocKind kind = DocKind::Report;
  std::string body = "mall.md";
  TextTemplate title, author, subject;
  std::vector<std::string> keywords;
  std::vector<TextTemplate> running_header;
  doc::PageNumberFormat numbering = doc::PageNumberFormat::Plain;
  HouseStyle style;
  std::string table_word = "Tabell", chart_word = "Diagram";
  // Title page and colophon (reports).
  std::optional<TextTemplate> title_page_title, title_page_subtitle, title_page_sender;
  std::vector<TextTemplate> colophon;
  // The header block of a tjänsteutlåtande (memos).
  std::map<std::string, TextTemplate> official;
  // A letter (brev:): letterhead, subject, signature and contact fields, and the addressee
  // block's lines (mottagare:); every line must give text for each recipient.
  std::map<std::string, TextTemplate> letter;
  std::vector<TextTemplate> letter_address;
  std::string hyphenation_file;
  // termer: recurring terms in the one spelling the document uses ("HBTQ-personer", "NCK");
  // another spelling of one of them in the rendered text is a warning (terms.cpp).
  std::vector<TextTemplate> terms;
  doc::PdfA pdfa = doc::PdfA::A2a;  // pdfa: 1a | 2a | 2b | av
  std::map<std::string, TableDef> tables;
  std::map<std::string, ChartDef> charts;
  std::map<std::string, SourceDef> sources;
  std::map<std::string, ParameterDef> parameters;
  std::vector<Requirement> requirements;
};

std::optional<TemplateSettings> read_settings(const std::string& template_dir, Diagnostics& diags);

// The template's data sources evaluated against `context` (which they may use whole,
// `parametrar` included): a record with one list per source.
Value compute_sources(const TemplateSettings& s, const Value& context, Diagnostics& diags);

}  // namespace rv::tmpl
