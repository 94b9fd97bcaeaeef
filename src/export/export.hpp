// Writers for data-bound tables: CSV (RFC 4180) and XLSX (libxlsxwriter).
//
// Both take the evaluated table (tmpl::TableData) and write raw values: amounts as whole
// numbers, shares as decimal fractions, so a spreadsheet can compute with them. Files are
// written to a temporary name and renamed into place only when complete.
#pragma once

#include <optional>
#include <string>

#include "diag/diag.hpp"
#include "model/model.hpp"
#include "template/template.hpp"

namespace rv::xport {

// RFC 4180: CRLF line ends, fields with , " CR or LF quoted, quotes doubled. Header row
// of column headings, then one row per table row; no total row (it follows from the rows;
// the XLSX has it).
std::string to_csv(const tmpl::TableData& table);

// Writes `bytes` to `path` through a temporary file renamed into place, so a reader never
// sees half a file; false (with a diagnostic) when anything fails.
bool write_file_atomically(const std::string& path, const std::string& bytes, Diagnostics& diags);
// Renames a finished temporary file to `path`; removes it and reports when that fails.
bool move_into_place(const std::string& tmp, const std::string& path, Diagnostics& diags);

bool write_csv(const tmpl::TableData& table, const std::string& path, Diagnostics& diags);

// One worksheet named after the table: title and caption rows, a bold header row frozen
// below them, Swedish number formats ("# ##0", "0 %"), column widths from the content.
// `created` fixes the document's creation date so identical input gives identical files.
bool write_xlsx(const tmpl::TableData& table, const std::string& path, Diagnostics& diags,
                std::optional<Date> created = std::nullopt);

}  // namespace rv::xport
