#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <ctime>

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

// libxlsxwriter brings libcrypto and minizip with it, and linking them costs every start
// of rapportverk about 1.7 ms, for the one command that writes XLSX. So the library is
// opened when a workbook is written: the functions below are looked up by name.
#define RV_LXW_FUNCTIONS(X)                                                                \
  X(workbook_new_opt)                                                                      \
  X(workbook_set_properties)                                                               \
  X(workbook_add_worksheet)                                                                \
  X(workbook_add_format)                                                                   \
  X(workbook_close)                                                                        \
  X(format_set_bold)                                                                       \
  X(format_set_text_wrap) X(format_set_bottom) X(format_set_top) X(format_set_font_size)   \
      X(format_set_num_format) X(worksheet_write_string) X(worksheet_write_number)         \
          X(worksheet_set_column) X(worksheet_freeze_panes) X(worksheet_write_formula_num) \
              X(lxw_strerror)

struct Lxw {
#define RV_LXW_MEMBER(f) decltype(&::f) f = nullptr;
  RV_LXW_FUNCTIONS(RV_LXW_MEMBER)
#undef RV_LXW_MEMBER
};

// The library's functions, or null with the reason in `error`.
const Lxw* xlsxwriter(std::string& error) {
  static const Lxw* loaded = [&error]() -> const Lxw* {
    void* lib = dlopen(RV_XLSXWRITER_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      error = std::string("kan inte läsa in libxlsxwriter (") + dlerror() +
              "); installera paketet libxlsxwriter-dev";
      return nullptr;
    }
    static Lxw f;
#define RV_LXW_LOOKUP(name)                                                           \
  f.name = reinterpret_cast<decltype(f.name)>(dlsym(lib, #name));                     \
  if (!f.name) {                                                                      \
    error = "libxlsxwriter saknar funktionen " #name " (fel version av biblioteket)"; \
    return nullptr;                                                                   \
  }
    RV_LXW_FUNCTIONS(RV_LXW_LOOKUP)
#undef RV_LXW_LOOKUP
    return &f;
  }();
  if (!loaded && error.empty()) error = "libxlsxwriter kunde inte läsas in tidigare";
  return loaded;
}

// Excel's rules for a sheet name: at most 31 characters, none of []:*?/\ and no
// apostrophe first or last. The name is the table's id from mall.yaml, so it is made to
// fit rather than refused.
std::string sheet_name(const std::string& id) {
  std::string out;
  size_t n = 0;
  for (size_t i = 0; i < id.size() && n < 31; ++n) {
    size_t len = 1;
    const auto lead = static_cast<unsigned char>(id[i]);
    if (lead >= 0xF0)
      len = 4;
    else if (lead >= 0xE0)
      len = 3;
    else if (lead >= 0xC0)
      len = 2;
    std::string ch = id.substr(i, len);
    if (ch.size() == 1 && std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos)
      ch = "_";
    out += ch;
    i += len;
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out.empty() ? "Blad1" : out;
}

// libxlsxwriter prints its own English "[ERROR] …" lines to stderr; every error it has is
// checked here and reported in Swedish instead, so its lines are sent to /dev/null while
// it closes the workbook (the only place that prints on a failed write).
class QuietStderr {
 public:
  QuietStderr() {
    std::fflush(stderr);
    saved_ = dup(STDERR_FILENO);
    const int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_ >= 0 && null >= 0) dup2(null, STDERR_FILENO);
    if (null >= 0) close(null);
  }
  ~QuietStderr() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      dup2(saved_, STDERR_FILENO);
      close(saved_);
    }
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_ = -1;
};

std::string lxw_error_text(lxw_error err) {
  switch (err) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return "minnet räcker inte";
    case LXW_ERROR_CREATING_XLSX_FILE:
      return "när filen skapades";
    case LXW_ERROR_CREATING_TMPFILE:
      return "när en tillfällig fil skapades";
    case LXW_ERROR_READING_TMPFILE:
      return "när en tillfällig fil lästes";
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return "en cell har fler än 32 767 tecken, mer än Excel rymmer";
    default:
      if (err >= LXW_ERROR_ZIP_FILE_OPERATION && err <= LXW_ERROR_ZIP_CLOSE)
        return "när den packades (zip)";
      return "fel nummer " + std::to_string(static_cast<int>(err)) + " i libxlsxwriter";
  }
}

// "A" … "Z", "AA" …: a column in a formula.
std::string column_name(size_t col) {
  std::string out;
  for (size_t c = col + 1; c > 0; c = (c - 1) / 26)
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  return out;
}

// The sum of a column's whole numbers, or nothing when it has another kind of value.
std::optional<int64_t> column_sum(const tmpl::TableData& t, size_t c) {
  int64_t sum = 0;
  for (const auto& row : t.raw) {
    if (c >= row.size()) return std::nullopt;
    if (row[c].is_int())
      sum += row[c].as_int();
    else if (!row[c].is_null())
      return std::nullopt;
  }
  return sum;
}

}  // namespace

bool write_xlsx(const tmpl::TableData& t, const outfile::Target& target, Diagnostics& diags,
                std::optional<Date> created) {
  const Span where{target.shown, 0, 0};
  std::string lib_error;
  const Lxw* x = xlsxwriter(lib_error);
  if (!x) {
    diags.error(where, lib_error);
    return false;
  }
  const Lxw& lx = *x;
  auto scratch = outfile::ScratchFolder::create(target, "arbetsbok.xlsx", diags);
  if (!scratch) return false;
  std::string scratch_folder = scratch->file().substr(0, scratch->file().rfind('/'));
  lxw_workbook_options options{};
  options.constant_memory = LXW_FALSE;
  options.tmpdir = scratch_folder.data();  // its own temporary files go there too
  lxw_workbook* wb = lx.workbook_new_opt(scratch->file().c_str(), &options);
  if (!wb) {
    diags.error(where, "kan inte skapa arbetsboken: minnet räcker inte");
    return false;
  }
  lxw_error first_error = LXW_NO_ERROR;  // of the cells written
  auto check = [&first_error](lxw_error e) {
    if (first_error == LXW_NO_ERROR) first_error = e;
  };
  lxw_doc_properties props{};
  std::string title = t.label + " " + t.caption;
  props.title = const_cast<char*>(title.c_str());
  props.created = to_time(created.value_or(Date{2000, 1, 1}));
  lx.workbook_set_properties(wb, &props);

  const std::string sheet = sheet_name(t.id);
  lxw_worksheet* ws = lx.workbook_add_worksheet(wb, sheet.c_str());
  if (!ws) {
    QuietStderr quiet;
    lx.workbook_close(wb);  // frees it; the scratch folder goes with `scratch`
    diags.error(where, "kan inte skapa kalkylbladet '" + sheet + "'");
    return false;
  }
  lxw_format* bold = lx.workbook_add_format(wb);
  lx.format_set_bold(bold);
  lx.format_set_text_wrap(bold);
  lx.format_set_bottom(bold, LXW_BORDER_THIN);
  lxw_format* heading = lx.workbook_add_format(wb);
  lx.format_set_bold(heading);
  lx.format_set_font_size(heading, 12);
  // "#,##0" shows the locale's thousands separator: a space in Swedish Excel.
  lxw_format* integer = lx.workbook_add_format(wb);
  lx.format_set_num_format(integer, "#,##0");
  lxw_format* integer_bold = lx.workbook_add_format(wb);
  lx.format_set_num_format(integer_bold, "#,##0");
  lx.format_set_bold(integer_bold);
  lx.format_set_top(integer_bold, LXW_BORDER_THIN);
  lxw_format* percent = lx.workbook_add_format(wb);
  lx.format_set_num_format(percent, "0\\ %");
  lxw_format* percent_bold = lx.workbook_add_format(wb);
  lx.format_set_num_format(percent_bold, "0\\ %");
  lx.format_set_bold(percent_bold);
  lx.format_set_top(percent_bold, LXW_BORDER_THIN);
  lxw_format* text_bold = lx.workbook_add_format(wb);
  lx.format_set_bold(text_bold);
  lx.format_set_top(text_bold, LXW_BORDER_THIN);

  check(lx.worksheet_write_string(ws, 0, 0, title.c_str(), heading));
  const lxw_row_t header_row = 2;
  std::vector<size_t> width(t.headings.size(), 8);
  for (size_t c = 0; c < t.headings.size(); ++c) {
    check(lx.worksheet_write_string(ws, header_row, static_cast<lxw_col_t>(c),
                                    t.headings[c].c_str(), bold));
    width[c] = std::max(width[c], std::min<size_t>(chars(t.headings[c]), 24));
  }
  const lxw_row_t first_data = header_row + 1;
  auto write_row = [&](lxw_row_t r, const std::vector<tmpl::Value>& vals,
                       const std::vector<std::string>& texts, bool total) {
    for (size_t c = 0; c < vals.size(); ++c) {
      const auto& v = vals[c];
      auto col = static_cast<lxw_col_t>(c);
      const bool numeric = c < t.formats.size() && t.formats[c] != "text";
      if (v.is_int() && total && column_sum(t, c) == v.as_int() && !t.raw.empty()) {
        // =SUM(B4:B293): the total stays right when someone changes a row.
        const std::string letters = column_name(c);
        const std::string formula = "=SUM(" + letters + std::to_string(first_data + 1) + ":" +
                                    letters + std::to_string(first_data + t.raw.size()) + ")";
        check(lx.worksheet_write_formula_num(ws, r, col, formula.c_str(), integer_bold,
                                             static_cast<double>(v.as_int())));
        width[c] = std::max(width[c], texts[c].size() + 2);
      } else if (v.is_int()) {
        lx.worksheet_write_number(ws, r, col, static_cast<double>(v.as_int()),
                                  total ? integer_bold : integer);
        width[c] = std::max(width[c], texts[c].size() + 2);
      } else if (v.kind() == tmpl::Value::Kind::Frac) {
        auto f = v.as_fraction();
        lx.worksheet_write_number(ws, r, col,
                                  static_cast<double>(f.num) / static_cast<double>(f.den),
                                  total ? percent_bold : percent);
      } else if (v.is_null() && numeric) {
        // No value: an empty cell, not the document's "–", so the column stays numbers.
      } else {
        std::string s = v.is_null() ? texts[c] : tmpl::to_text(v);
        check(lx.worksheet_write_string(ws, r, col, s.c_str(), total ? text_bold : nullptr));
        width[c] = std::max(width[c], std::min<size_t>(chars(s) + 1, 50));
      }
    }
  };
  lxw_row_t r = header_row + 1;
  for (size_t i = 0; i < t.raw.size(); ++i) write_row(r++, t.raw[i], t.text[i], false);
  if (t.total_raw) write_row(r++, *t.total_raw, *t.total_text, true);
  if (!t.source.empty()) check(lx.worksheet_write_string(ws, ++r, 0, t.source.c_str(), nullptr));
  if (!t.note.empty()) check(lx.worksheet_write_string(ws, ++r, 0, t.note.c_str(), nullptr));
  for (size_t c = 0; c < width.size(); ++c)
    lx.worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                            static_cast<double>(width[c]), nullptr);
  lx.worksheet_freeze_panes(ws, header_row + 1, 0);

  lxw_error err;
  int err_no;
  {
    QuietStderr quiet;
    errno = 0;
    err = lx.workbook_close(wb);  // frees the workbook, also on failure
    err_no = errno;
  }
  if (first_error != LXW_NO_ERROR) {
    diags.error(where, "kan inte skriva arbetsboken: " + lxw_error_text(first_error));
    return false;
  }
  if (err != LXW_NO_ERROR) {
    // "… när den packades (zip): disken är full", with the system's reason when it gave one.
    const std::string why = lxw_error_text(err);
    const bool stage = why.starts_with("när ");
    if (stage && err_no != 0)
      diags.error(where, "kan inte skriva arbetsboken " + why + ": " + outfile::errno_text(err_no));
    else
      diags.error(where, "kan inte skriva arbetsboken: " + (stage ? "fel " + why : why));
    return false;
  }
  auto bytes = outfile::read_back(scratch->file(), target.shown, diags);
  return bytes && outfile::write(target, *bytes, diags);
}

}  // namespace rv::xport
