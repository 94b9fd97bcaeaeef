// Import of a spreadsheet (CSV or XLSX) as one group of a data set's recipients.
//
// Two steps: a reader turns the file's bytes into a Sheet (cells as text or numbers, each
// with the place a message points at: "fil.csv:17:9" or "fil.xlsx:Blad1!C17"), then
// to_recipients_yaml() finds the heading row, matches the headings to the data format's
// keys, reads every row and writes the YAML of docs/dataformat.md. Every problem is a
// Swedish diagnostic at its cell, all at once; with any error there is no YAML.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diag.hpp"

namespace rv::import {

struct Cell {
  enum class Kind { Empty, Text, Number };
  Kind kind = Kind::Empty;
  std::string text;  // as written (CSV), the shared/inline string or the number's digits
  Span at;           // where a message about this cell points
  bool empty() const { return kind == Kind::Empty; }
};

// A cell range merged into one (XLSX <mergeCell>), 0-based and inclusive.
struct Merge {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
  std::string ref;  // "B3:C3"
};

struct Sheet {
  std::string file;                     // as the user named it
  std::string name;                     // the worksheet's name (XLSX); empty for CSV
  std::vector<std::vector<Cell>> rows;  // row i is the sheet's row i + 1
  std::vector<Merge> merges;
  std::string encoding;  // CSV: "UTF-8", "UTF-8 med BOM" or "Windows-1252"
  char separator = 0;    // CSV: ',' or ';'
  // The place of the cell at (row, col), 0-based, also where the sheet has none.
  Span cell_span(int row, int col) const;
};

// "A", "B", …, "Z", "AA", … for the 0-based column `col`.
std::string column_letters(int col);

// CSV with ',' or ';' (whichever the first line uses more of, outside quotes), RFC 4180
// quoting, CRLF or LF; UTF-8 with or without BOM, else Windows-1252 (converted to UTF-8).
std::optional<Sheet> read_csv(const std::string& file, std::string_view bytes, Diagnostics& diags);

// The first worksheet, or the one named `sheet_name`: shared and inline strings, numbers,
// the cached values of formulas (a formula without one is an error at its cell), merged
// ranges.
std::optional<Sheet> read_xlsx(const std::string& file, std::string_view bytes,
                               const std::string& sheet_name, Diagnostics& diags);

// A Swedish number as officials write it: "1 000 000", "1 000 000 kr", "12,13", "12,13 %",
// with spaces, non-breaking or thin spaces between thousands. `percent` tells whether a
// "%" followed it. Nothing for text that is not a number.
struct SwedishNumber {
  long long units = 0;  // the value × 10^decimals
  int decimals = 0;
  bool percent = false;
  bool negative() const { return units < 0; }
};
std::optional<SwedishNumber> parse_swedish_number(std::string_view text);
// "–", "-", "—" and blank: no value.
bool is_none_marker(std::string_view text);

struct Options {
  std::string group;                  // the group id the recipients go under
  std::vector<std::string> mappings;  // "fördelat=Summa": key = heading, overriding the usual
  // Last year's recipients of the group (from --jämför-med); empty: names are not checked.
  std::vector<std::string> known_names;
  bool check_names = false;
  std::string source_label;  // "kommuner.xlsx (blad Blad1)", for the comment at the top
};

// The YAML text for `mottagare: <group>:` or nothing (with the reasons in `diags`).
std::optional<std::string> to_recipients_yaml(const Sheet& sheet, const Options& options,
                                              Diagnostics& diags);

// Importing into an existing data-set file (e.g. the group file `rapportverk init` wrote):
// the file's text with only the group's list under `mottagare:` replaced by the one in
// `generated` (to_recipients_yaml's text), or added; everything else kept as written.
std::optional<std::string> merge_recipients(const std::string& path, const std::string& text,
                                            const std::string& group, const std::string& generated,
                                            const std::string& source_label, Diagnostics& diags);
// The names in the file's list for `group` (last year's names in a file init wrote).
std::vector<std::string> names_in_file(const std::string& text, const std::string& group);

// The data format's key a heading means ("Rekvirerat belopp" → "rekvirerat"); empty when
// none. Spaces, case and a unit ("(kr)") do not matter.
std::string key_for_heading(std::string_view heading);
// The key of a usual heading a few letters away ("Rekvireat belopp" → "rekvirerat").
std::optional<std::string> near_heading_key(std::string_view heading);

}  // namespace rv::import
