// A tiny XLSX writer for the import tests (libzip): just the parts the reader needs, so a
// test can make exactly the broken workbook it is about.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace rvtest {

// One cell: "" empty, "123" or "-4.5" a number, "'text" a shared string, "\"text" an
// inline string, "=SUM(B2:B3)" a formula without a cached value, "=SUM(B2:B3)|42" with one.
using XlsxRow = std::vector<std::string>;

inline std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else
      out += c;
  }
  return out;
}

inline std::string col_letters(int col) {
  std::string out;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) out.insert(out.begin(), char('A' + (c - 1) % 26));
  return out;
}

struct XlsxSpec {
  std::string sheet_name = "Blad1";
  std::vector<XlsxRow> rows;        // row i is the sheet's row i + 1; an empty row is left out
  std::vector<std::string> merges;  // "B1:C1"
  std::string extra_sheet;          // a second sheet's name (empty: none)
};

inline std::string xlsx_bytes(const XlsxSpec& spec) {
  std::vector<std::string> shared;
  std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  for (size_t r = 0; r < spec.rows.size(); ++r) {
    bool any = false;
    for (const auto& c : spec.rows[r]) any |= !c.empty();
    if (!any) continue;
    sheet += "<row r=\"" + std::to_string(r + 1) + "\">";
    for (size_t c = 0; c < spec.rows[r].size(); ++c) {
      const std::string& v = spec.rows[r][c];
      if (v.empty()) continue;
      const std::string ref = col_letters(static_cast<int>(c)) + std::to_string(r + 1);
      if (v[0] == '\'') {
        shared.push_back(v.substr(1));
        sheet +=
            "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(shared.size() - 1) + "</v></c>";
      } else if (v[0] == '"') {
        sheet += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + xml_escape(v.substr(1)) +
                 "</t></is></c>";
      } else if (v[0] == '=') {
        const auto bar = v.find('|');
        sheet += "<c r=\"" + ref + "\"><f>" +
                 xml_escape(v.substr(1, bar == std::string::npos ? std::string::npos : bar - 1)) +
                 "</f>" + (bar == std::string::npos ? "" : "<v>" + v.substr(bar + 1) + "</v>") +
                 "</c>";
      } else {
        sheet += "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
      }
    }
    sheet += "</row>";
  }
  sheet += "</sheetData>";
  if (!spec.merges.empty()) {
    sheet += "<mergeCells count=\"" + std::to_string(spec.merges.size()) + "\">";
    for (const auto& m : spec.merges) sheet += "<mergeCell ref=\"" + m + "\"/>";
    sheet += "</mergeCells>";
  }
  sheet += "</worksheet>";
  std::string sst =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (const auto& s : shared) sst += "<si><t>" + xml_escape(s) + "</t></si>";
  sst += "</sst>";
  std::string workbook =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>";
  std::string rels =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::vector<std::pair<std::string, std::string>> sheets;  // name, part
  if (!spec.extra_sheet.empty()) sheets.push_back({spec.extra_sheet, "worksheets/sheet2.xml"});
  sheets.push_back({spec.sheet_name, "worksheets/sheet1.xml"});
  for (size_t i = 0; i < sheets.size(); ++i) {
    workbook += "<sheet name=\"" + xml_escape(sheets[i].first) + "\" sheetId=\"" +
                std::to_string(i + 1) + "\" r:id=\"rId" + std::to_string(i + 1) + "\"/>";
    rels += "<Relationship Id=\"rId" + std::to_string(i + 1) +
            "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            "worksheet\" Target=\"" +
            sheets[i].second + "\"/>";
  }
  workbook += "</sheets></workbook>";
  rels += "</Relationships>";
  const std::string empty_sheet =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Annat</t></is></c></row>"
      "</sheetData></worksheet>";

  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (!z) throw std::runtime_error("zip_open_from_source");
  zip_source_keep(out);
  std::vector<std::string> keep = {workbook, rels, sheet, sst, empty_sheet};
  auto add = [&](const char* name, const std::string& text) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    if (!s || zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0)
      throw std::runtime_error("zip_file_add");
  };
  add("xl/workbook.xml", keep[0]);
  add("xl/_rels/workbook.xml.rels", keep[1]);
  add("xl/worksheets/sheet1.xml", keep[2]);
  add("xl/sharedStrings.xml", keep[3]);
  if (!spec.extra_sheet.empty()) add("xl/worksheets/sheet2.xml", keep[4]);
  if (zip_close(z) < 0) throw std::runtime_error("zip_close");
  std::string bytes;
  zip_stat_t st;
  if (zip_source_stat(out, &st) < 0 || zip_source_open(out) < 0)
    throw std::runtime_error("zip_source_open");
  bytes.resize(st.size);
  if (zip_source_read(out, bytes.data(), st.size) != static_cast<zip_int64_t>(st.size))
    throw std::runtime_error("zip_source_read");
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

}  // namespace rvtest
