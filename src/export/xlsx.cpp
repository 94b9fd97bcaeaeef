#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>

#include "export/export.hpp"

namespace rv::xport {

namespace {

size_t chars(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

time_t to_time(const Date& d) {
  std::tm tm{};
  tm.tm_year = d.year - 1900;
  tm.tm_mon = d.month - 1;
  tm.tm_mday = d.day;
  tm.tm_hour = 12;
  return timegm(&tm);
}

}  // namespace

bool write_xlsx(const tmpl::TableData& t, const std::string& path, Diagnostics& diags,
                std::optional<Date> created) {
  std::string tmp = path + ".tmp.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(tmp.c_str(), &options);
  if (!wb) {
    diags.error(Span{path, 0, 0}, "kan inte skapa arbetsboken");
    return false;
  }
  lxw_doc_properties props{};
  std::string title = t.label + " " + t.caption;
  props.title = const_cast<char*>(title.c_str());
  props.created = to_time(created.value_or(Date{2000, 1, 1}));
  workbook_set_properties(wb, &props);

  std::string sheet_name = t.id.substr(0, 31);
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  format_set_text_wrap(bold);
  format_set_bottom(bold, LXW_BORDER_THIN);
  lxw_format* heading = workbook_add_format(wb);
  format_set_bold(heading);
  format_set_font_size(heading, 12);
  // "#,##0" shows the locale's thousands separator: a space in Swedish Excel.
  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "#,##0");
  lxw_format* integer_bold = workbook_add_format(wb);
  format_set_num_format(integer_bold, "#,##0");
  format_set_bold(integer_bold);
  format_set_top(integer_bold, LXW_BORDER_THIN);
  lxw_format* percent = workbook_add_format(wb);
  format_set_num_format(percent, "0\\ %");
  lxw_format* percent_bold = workbook_add_format(wb);
  format_set_num_format(percent_bold, "0\\ %");
  format_set_bold(percent_bold);
  format_set_top(percent_bold, LXW_BORDER_THIN);
  lxw_format* text_bold = workbook_add_format(wb);
  format_set_bold(text_bold);
  format_set_top(text_bold, LXW_BORDER_THIN);

  worksheet_write_string(ws, 0, 0, title.c_str(), heading);
  const lxw_row_t header_row = 2;
  std::vector<size_t> width(t.headings.size(), 8);
  for (size_t c = 0; c < t.headings.size(); ++c) {
    worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c), t.headings[c].c_str(), bold);
    width[c] = std::max(width[c], std::min<size_t>(chars(t.headings[c]), 24));
  }
  auto write_row = [&](lxw_row_t r, const std::vector<tmpl::Value>& vals,
                       const std::vector<std::string>& texts, bool total) {
    for (size_t c = 0; c < vals.size(); ++c) {
      const auto& v = vals[c];
      auto col = static_cast<lxw_col_t>(c);
      if (v.is_int()) {
        worksheet_write_number(ws, r, col, static_cast<double>(v.as_int()),
                               total ? integer_bold : integer);
        width[c] = std::max(width[c], texts[c].size() + 2);
      } else if (v.kind() == tmpl::Value::Kind::Frac) {
        auto f = v.as_fraction();
        worksheet_write_number(ws, r, col, static_cast<double>(f.num) / static_cast<double>(f.den),
                               total ? percent_bold : percent);
      } else {
        std::string s = v.is_null() ? texts[c] : tmpl::to_text(v);
        worksheet_write_string(ws, r, col, s.c_str(), total ? text_bold : nullptr);
        width[c] = std::max(width[c], std::min<size_t>(chars(s) + 1, 50));
      }
    }
  };
  lxw_row_t r = header_row + 1;
  for (size_t i = 0; i < t.raw.size(); ++i) write_row(r++, t.raw[i], t.text[i], false);
  if (t.total_raw) write_row(r++, *t.total_raw, *t.total_text, true);
  if (!t.source.empty()) worksheet_write_string(ws, ++r, 0, t.source.c_str(), nullptr);
  if (!t.note.empty()) worksheet_write_string(ws, ++r, 0, t.note.c_str(), nullptr);
  for (size_t c = 0; c < width.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(width[c]), nullptr);
  worksheet_freeze_panes(ws, header_row + 1, 0);

  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    diags.error(Span{path, 0, 0},
                std::string("kunde inte skriva arbetsboken: ") + lxw_strerror(err));
    std::remove(tmp.c_str());
    return false;
  }
  return move_into_place(tmp, path, diags);
}

}  // namespace rv::xport
