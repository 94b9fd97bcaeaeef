#include "export/export.hpp"
#include "stats/stats.hpp"

namespace rv::xport {

namespace {

std::string raw_text(const tmpl::Value& v) {
  using K = tmpl::Value::Kind;
  switch (v.kind()) {
    case K::Null:
      return "";
    case K::Int:
      return std::to_string(v.as_int());
    // Shares as decimal fractions with a point, like `statistik --format csv`.
    case K::Frac:
      return stats::decimal_point(v.as_fraction(), 4);
    case K::Date:
      return sv::date_iso(v.as_date());
    default:
      return tmpl::to_text(v);
  }
}

std::string field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void row(std::string& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + field(cells[i]);
  out += "\r\n";
}

}  // namespace

std::string to_csv(const tmpl::TableData& t) {
  std::string out;
  row(out, t.headings);
  for (const auto& r : t.raw) {
    std::vector<std::string> cells;
    for (const auto& v : r) cells.push_back(raw_text(v));
    row(out, cells);
  }
  // No total row: a CSV is for computing, and the total follows from the rows.
  return out;
}

bool write_csv(const tmpl::TableData& t, const outfile::Target& target, Diagnostics& diags) {
  return outfile::write(target, to_csv(t), diags);
}

}  // namespace rv::xport
