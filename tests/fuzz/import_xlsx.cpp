// Fuzz target: the XLSX reader (libzip, expat) and the step to recipients' YAML. A broken
// archive, XML or cell must give diagnostics, never a crash or unbounded memory.
//
// An input starting with "PK" is read as the workbook itself. Anything else becomes the
// worksheet XML of a small workbook made here: inside a real archive the checksums would
// reject nearly every mutation of the XML before the parser saw it.
#include <zip.h>

#include "diag/diag.hpp"
#include "fuzz.hpp"
#include "import/import.hpp"

namespace {

const char kWorkbook[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
const char kRels[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>";
const char kShared[] =
    "<sst><si><t>Kommun</t></si><si><t>Rekvirerat belopp</t></si><si><r><t>Ale </t></r><r>"
    "<t>kommun</t></r></si><si><t>Totalt</t></si><si><t>Oförbrukat</t></si></sst>";

std::string workbook_around(const std::string& sheet) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* z = out ? zip_open_from_source(out, ZIP_TRUNCATE, &err) : nullptr;
  if (!z) return "";
  zip_source_keep(out);
  auto add = [z](const char* name, const char* data, size_t size) {
    zip_source_t* s = zip_source_buffer(z, data, size, 0);
    if (s && zip_file_add(z, name, s, 0) < 0) zip_source_free(s);
  };
  add("xl/workbook.xml", kWorkbook, sizeof kWorkbook - 1);
  add("xl/_rels/workbook.xml.rels", kRels, sizeof kRels - 1);
  add("xl/sharedStrings.xml", kShared, sizeof kShared - 1);
  add("xl/worksheets/sheet1.xml", sheet.data(), sheet.size());
  std::string bytes;
  if (zip_close(z) != 0) {
    zip_discard(z);
    zip_source_free(out);
    return bytes;
  }
  zip_stat_t st;
  if (zip_source_stat(out, &st) == 0 && zip_source_open(out) == 0) {
    bytes.resize(st.size);
    if (zip_source_read(out, bytes.data(), st.size) != static_cast<zip_int64_t>(st.size))
      bytes.clear();
    zip_source_close(out);
  }
  zip_source_free(out);
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input = rv::fuzz::text(data, size);
  if (!input.starts_with("PK")) input = workbook_around(input);
  rv::Diagnostics diags;
  auto sheet = rv::import::read_xlsx("fuzz.xlsx", input, "", diags);
  if (sheet) {
    rv::import::Options opt;
    opt.group = "kommuner";
    opt.source_label = "fuzz.xlsx";
    static_cast<void>(rv::import::to_recipients_yaml(*sheet, opt, diags));
  }
  for (const rv::Diagnostic& d : diags.all()) static_cast<void>(rv::format_diagnostic(d));
  return 0;
}
