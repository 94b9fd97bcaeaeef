// Writers for data-bound tables: CSV (RFC 4180) and XLSX (libxlsxwriter).
//
// Both take the evaluated table (tmpl::TableData) and write raw values: amounts as whole
// numbers, shares as decimal fractions, so a spreadsheet can compute with them. Files are
// written whole or not at all through outfile (standard output too, for "-"). False
// means a diagnostic says why (a file that cannot be written, a cell Excel cannot hold).
#pragma once

#include <optional>
#include <string>

#include "diag/diag.hpp"
#include "model/model.hpp"
#include "outfile/outfile.hpp"
#include "template/template.hpp"

namespace rv::xport {

struct CsvOptions {
  // For Swedish Excel (`exportera --excel`): ';' between fields, decimal comma, UTF-8 with
  // a byte order mark (without it Excel reads the file as Windows-1252).
  bool excel = false;
  // The table's total row last (`--summarad`); by default there is none, since a CSV is
  // for computing and the total follows from the rows.
  bool total_row = false;
};

// RFC 4180: CRLF line ends, fields with the separator, " CR or LF quoted, quotes doubled.
// Header row of column headings, then one row per table row.
std::string to_csv(const tmpl::TableData& table, const CsvOptions& options = {});

bool write_csv(const tmpl::TableData& table, const outfile::Target& target, Diagnostics& diags,
               const CsvOptions& options = {});

// One worksheet named after the table: title and caption rows, a bold header row frozen
// below them, Swedish number formats ("# ##0", "0 %"), column widths from the content.
// Numbers are numbers (a missing value is an empty cell, not "–"); a total that is the
// sum of its column is a SUM formula with its value cached, so the file shows the
// total without being recalculated and still adds up when a row is changed.
// `created` fixes the document's creation date so identical input gives identical files.
// The workbook is made in a private scratch folder (libxlsxwriter writes only to a path of
// its own), checked, and then written like any other output.
bool write_xlsx(const tmpl::TableData& table, const outfile::Target& target, Diagnostics& diags,
                std::optional<Date> created = std::nullopt);

}  // namespace rv::xport
