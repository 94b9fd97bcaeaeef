// Readable Swedish tables and RFC 4180 CSV of the statistics and of an allocation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stats/allocate.hpp"
#include "stats/stats.hpp"

namespace rv::stats {

// One CSV field: quoted when it contains a comma, a double quote, CR or LF (RFC 4180).
std::string csv_field(std::string_view text);
// Fields joined by commas, ended by CRLF.
std::string csv_record(const std::vector<std::string>& fields);

// grupp,antal_mottagare,fordelat,forbrukat,oforbrukat,andel_forbrukat — one record per
// group (its id), then Summa; amounts as plain integers, the share with four decimals.
std::string summary_csv(const Summary& s);
// Tabell 1 as text: Mottagare, Fördelade medel, Antal mottagare, Förbrukade, Oförbrukade,
// Andel förbrukade; amounts with NBSP grouping, shares in whole percent. `caption` is
// printed above the table when not empty.
std::string summary_table(const Summary& s, const std::string& caption = {});

// namn,belopp,nyckel in display order (the key as written in the specification).
std::string allocation_csv(const Allocation& a);
// Mottagare, the key column (when there are keys), Belopp (kr); a Totalt row.
std::string allocation_table(const Allocation& a);

// A text table with columns aligned by characters (not bytes); `right[i]` right-aligns
// column i. The last row is preceded by a rule when `total_row` is set.
std::string text_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& right, bool total_row);

}  // namespace rv::stats
