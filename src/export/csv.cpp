#include "export/export.hpp"
#include "stats/stats.hpp"

namespace rv::xport {

namespace {

std::string raw_text(const tmpl::Value& v, bool excel) {
  using K = tmpl::Value::Kind;
  switch (v.kind()) {
    case K::Null:
      return "";
    case K::Int:
      return std::to_string(v.as_int());
    // Shares as decimal fractions with a point, like `statistik --format csv`.
    case K::Frac: {
      std::string s = stats::decimal_point(v.as_fraction(), 4);
      if (excel)
        for (auto& c : s)
          if (c == '.') c = ',';
      return s;
    }
    case K::Date:
      return sv::date_iso(v.as_date());
    default:
      return tmpl::to_text(v);
  }
}

std::string field(const std::string& s, char sep) {
  if (s.find_first_of(std::string(1, sep) + "\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void row(std::string& out, const std::vector<std::string>& cells, char sep) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += sep;
    out += field(cells[i], sep);
  }
  out += "\r\n";
}

}  // namespace

std::string to_csv(const tmpl::TableData& t, const CsvOptions& options) {
  const char sep = options.excel ? ';' : ',';
  std::string out = options.excel ? "\xEF\xBB\xBF" : "";
  row(out, t.headings, sep);
  auto values = [&](const std::vector<tmpl::Value>& r) {
    std::vector<std::string> cells;
    for (const auto& v : r) cells.push_back(raw_text(v, options.excel));
    row(out, cells, sep);
  };
  for (const auto& r : t.raw) values(r);
  if (options.total_row && t.total_raw) values(*t.total_raw);
  return out;
}

bool write_csv(const tmpl::TableData& t, const outfile::Target& target, Diagnostics& diags,
               const CsvOptions& options) {
  return outfile::write(target, to_csv(t, options), diags);
}

}  // namespace rv::xport
