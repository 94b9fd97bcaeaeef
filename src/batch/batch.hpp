// One document per recipient (skapa --per-mottagare): which recipients (the --urval
// condition), the recipients' records, file names, the batch run and its manifest.
//
//   data set ──TemplateBatch──▶ context ──recipients()──▶ one record per grant
//            ──Selection──▶ the chosen ──threads: render, layout, write_pdf──▶ <mapp>/<namn>.pdf
//            ──▶ förteckning.csv (mottagare, fil, belopp, sidor, sha256)
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diag.hpp"
#include "template/value.hpp"

namespace rv::batch {

// ---- the condition language (--urval) ---------------------------------------------------
//
//   oförbrukat > 0          grupp = kommuner         andel_förbrukat < 50 %
//   not (grupp = "ideella") and fördelat >= 100000   namn != "Ale kommun" or vill_ha_mer
//
// A comparison has a field of the recipient's record on the left and a number (decimal
// comma or point, optional %), a quoted text or a bare word on the right. and/or/not (also
// och/eller/inte) and parentheses combine them; a field alone tests that it is true (set,
// non-zero). A field without a value (spent before the recipient reported) makes a
// comparison false.
struct Node;

class Selection {
 public:
  // Errors point into the condition: "--urval:1:5: fel: …", with "menade du …?" for a
  // field name not among `fields`.
  // `origin`: where the condition was written (a template's `brev.urval` in mall.yaml);
  // the default is the command line's --urval, line 1.
  static std::optional<Selection> parse(std::string_view text,
                                        const std::vector<std::string>& fields, Diagnostics& diags,
                                        const Span& origin = Span{"--urval", 1, 1});
  bool matches(const tmpl::Value& record) const;

 private:
  std::shared_ptr<const Node> root_;
};

// ---- recipients ------------------------------------------------------------------------

// Every grant of every group (grupper.<g>.alla_rader, in the data set's group order and
// Swedish alphabetical order within a group) as the record templates see as `mottagare`:
// the row's figures plus grupp_etikett, grupp_singular, grupp_tidsfrister (the grant's
// deadlines whose description starts with "<etikett>: ", without it), the allocation's key and
// amount (nyckel, belopp, nyckel_text, minimibelopp, grundbelopp, when the group has a
// specification) and the address fields (null where the data set gives none).
std::vector<tmpl::Value> recipients(const tmpl::Value& context);
// The field names a condition may use (the records' keys).
std::vector<std::string> field_names(const std::vector<tmpl::Value>& records);

// ---- file names ------------------------------------------------------------------------

// A file name (without extension) from a recipient's name, valid on Linux, macOS and
// Windows: no / \ : * ? " < > | or control characters, no leading dot or dash, no trailing
// dot or space, not a reserved Windows name, at most 120 bytes; å ä ö and spaces kept.
std::string safe_file_stem(std::string_view name);
// One name per recipient with `extension` (".pdf"), unique even on a file system that
// ignores case: a clash gets " (2)", " (3)" …
std::vector<std::string> unique_file_names(const std::vector<std::string>& names,
                                           std::string_view extension);

// ---- manifest --------------------------------------------------------------------------

// SHA-256 of `bytes` as 64 lower-case hex digits (FIPS 180-4).
std::string sha256_hex(std::string_view bytes);

struct ManifestRow {
  std::string recipient, file;
  std::optional<int64_t> amount;
  int pages = 0;
  std::string sha256;
};
// CSV (RFC 4180, comma, quoted where needed): mottagare,fil,belopp,sidor,sha256.
std::string manifest_csv(const std::vector<ManifestRow>& rows);

}  // namespace rv::batch
