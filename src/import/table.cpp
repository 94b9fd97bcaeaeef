// From a sheet to the data format's recipients: the heading row, the columns' keys, one
// recipient per row, every problem at its cell; then the data set's own validation on the
// result, its messages moved back to the cells they are about.
#include <algorithm>
#include <map>
#include <set>

#include "import/import.hpp"
#include "import/values.hpp"
#include "import/yaml_out.hpp"
#include "load/load.hpp"
#include "load/suggest.hpp"
#include "swedish/swedish.hpp"

namespace rv::import {

namespace {

enum class Type { Text, Amount, YesNo, Ignored };

// The data format's recipient keys in the order docs/dataformat.md writes them.
const std::vector<std::string> kKeys = {
    "namn",       "ansökan",   "fördelningsnyckel", "sökt",       "rekvirerat",  "beviljat",
    "omfördelat", "fördelat",  "förbrukat",         "oförbrukat", "vill_ha_mer", "återrapporterat",
    "status",     "anmärkning"};

Type type_of(const std::string& key) {
  if (key == "namn" || key == "ansökan" || key == "status" || key == "anmärkning")
    return Type::Text;
  if (key == "vill_ha_mer" || key == "återrapporterat") return Type::YesNo;
  if (key == "-" || key.empty()) return Type::Ignored;
  return Type::Amount;
}

std::string norm(std::string_view s) {
  std::string l = sv::lowercase(s), out;
  for (char c : l)
    if (c != ' ') out += c;
  return out;
}

// "fil.csv:17" or "fil.xlsx:Blad1!C17": a cell named inside a message.
std::string place(const Span& at) {
  return at.file + (at.line ? ":" + std::to_string(at.line) : "");
}

bool is_blank(const Cell& c) {
  return c.empty() || (c.kind == Cell::Kind::Text && norm(c.text).empty());
}

struct Column {
  int index = 0;
  std::string heading;
  std::string key;  // "" unknown, "-" known but not imported
  Span at;
};

struct Mapping {
  std::map<std::string, std::string> heading_to_key;  // normalized heading → key
  std::set<std::string> wanted;                       // keys whose heading must be found
};

std::optional<Mapping> parse_mappings(const std::vector<std::string>& given, Diagnostics& diags) {
  Mapping m;
  bool ok = true;
  std::vector<std::string_view> keys(kKeys.begin(), kKeys.end());
  for (const auto& g : given) {
    const auto eq = g.find('=');
    const std::string key = eq == std::string::npos ? "" : g.substr(0, eq);
    const std::string heading = eq == std::string::npos ? "" : g.substr(eq + 1);
    if (key.empty() || heading.empty()) {
      diags.error(Span{}, "--kolumn '" + g + "': skriv nyckel=Rubrik, t.ex. fördelat=Summa");
      ok = false;
      continue;
    }
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      auto near = load::closest(key, keys);
      diags.error(Span{}, "--kolumn '" + g + "': '" + key + "' är ingen nyckel för mottagare" +
                              (near ? " (menade du '" + *near + "'?)" : ""));
      ok = false;
      continue;
    }
    m.heading_to_key[norm(heading)] = key;
    m.wanted.insert(key);
  }
  if (!ok) return std::nullopt;
  return m;
}

std::string key_of(const Mapping& m, const Cell& c) {
  if (c.kind != Cell::Kind::Text) return "";
  if (auto it = m.heading_to_key.find(norm(c.text)); it != m.heading_to_key.end())
    return it->second;
  std::string k = key_for_heading(c.text);
  // A usual heading the user mapped to another key elsewhere gives way to the mapping.
  if (!k.empty() && k != "-" && m.wanted.count(k)) return "-";
  return k;
}

// The first row of the first 50 with a name heading and some other known heading.
int find_heading_row(const Sheet& s, const Mapping& m) {
  for (int r = 0; r < static_cast<int>(s.rows.size()) && r < 50; ++r) {
    bool name = false;
    int others = 0;
    for (const auto& c : s.rows[r]) {
      const std::string k = key_of(m, c);
      if (k == "namn")
        name = true;
      else if (!k.empty() && k != "-")
        ++others;
    }
    if (name && others > 0) return r;
  }
  return -1;
}

// A row of a total ("Totalt", "Summa") ends the table.
bool is_total_row(const std::vector<Cell>& row, int name_col) {
  if (name_col >= static_cast<int>(row.size())) return false;
  const std::string n = norm(row[name_col].text);
  return n == "totalt" || n == "summa" || n == "total" || n == "samtliga" || n == "totalsumma";
}

int filled_cells(const std::vector<Cell>& row) {
  int n = 0;
  for (const auto& c : row) n += !is_blank(c);
  return n;
}

}  // namespace

std::optional<std::string> to_recipients_yaml(const Sheet& s, const Options& opt,
                                              Diagnostics& diags) {
  const size_t errors_before = diags.error_count();
  auto mapping = parse_mappings(opt.mappings, diags);
  if (!mapping) return std::nullopt;
  const int head = find_heading_row(s, *mapping);
  if (head < 0) {
    // Say which column is missing when the table is otherwise recognisable.
    for (int r = 0; r < static_cast<int>(s.rows.size()) && r < 50; ++r)
      for (const auto& c : s.rows[r]) {
        const std::string k = key_of(*mapping, c);
        if (!k.empty() && k != "-" && k != "namn") {
          diags.error(s.cell_span(r, 0),
                      "kolumnen med mottagarnas namn saknas: rubrikraden har ingen av "
                      "rubrikerna Kommun, Region, Namn, Mottagare eller Organisation (ange "
                      "annars --kolumn namn=Rubrik)");
          return std::nullopt;
        }
      }
    diags.error(Span{s.file, 0, 0},
                "hittar ingen rubrikrad med en namnkolumn (Kommun, Region, Namn, Mottagare, "
                "Organisation) och en beloppskolumn (Fördelningsnyckel, Rekvirerat, Beviljat, "
                "Fördelat, Oförbrukat …); ange kolumnerna med --kolumn nyckel=Rubrik");
    return std::nullopt;
  }
  const auto& hrow = s.rows[head];
  // Merged heading cells: one heading over several columns leaves the others without one.
  std::set<int> merged;  // columns under a merged heading, already reported
  for (const auto& m : s.merges)
    if (m.first_row <= head && head <= m.last_row && m.first_col != m.last_col &&
        merged.size() < 1000) {
      diags.error(s.cell_span(m.first_row, m.first_col),
                  "rubrikcellerna " + m.ref +
                      " är sammanfogade; dela upp dem så att varje kolumn har en egen rubrik");
      for (int c = m.first_col; c <= m.last_col && c < m.first_col + 1000; ++c) merged.insert(c);
    }
  // The columns.
  std::vector<Column> cols;
  std::map<std::string, const Column*> by_key;
  int width = static_cast<int>(hrow.size());
  for (int r = head + 1; r < static_cast<int>(s.rows.size()); ++r)
    width = std::max(width, static_cast<int>(s.rows[r].size()));
  for (int c = 0; c < width; ++c) {
    Column col;
    col.index = c;
    col.at = s.cell_span(head, c);
    if (c < static_cast<int>(hrow.size()) && !is_blank(hrow[c])) {
      col.heading = cell_text(hrow[c]);
      col.key = key_of(*mapping, hrow[c]);
    }
    cols.push_back(col);
  }
  // The first value under each column, found in one pass over the cells.
  std::vector<const Cell*> first_value(width, nullptr);
  for (int r = head + 1; r < static_cast<int>(s.rows.size()); ++r) {
    const auto& row = s.rows[r];
    if (is_total_row(row, 0)) continue;
    for (size_t c = 0; c < row.size(); ++c)
      if (!first_value[c] && !is_blank(row[c])) first_value[c] = &row[c];
  }
  for (auto& col : cols) {
    if (col.heading.empty() && merged.count(col.index)) continue;
    if (col.heading.empty()) {
      // Values under no heading: a merged heading cell, or a heading forgotten.
      if (const Cell* v = first_value[col.index])
        diags.error(col.at, "kolumn " + column_letters(col.index) + " har värden (som " +
                                place(v->at) +
                                ") men ingen rubrik; är rubrikcellen sammanfogad med grannens?");
      continue;
    }
    if (col.key.empty()) {
      // A misspelt usual heading would silently drop a whole column of amounts.
      if (auto near = near_heading_key(col.heading)) {
        diags.error(col.at, "rubriken '" + col.heading +
                                "' känns inte igen (menade du en "
                                "kolumn för '" +
                                *near + "'?); rätta rubriken eller ange --kolumn " + *near + "=" +
                                col.heading);
        continue;
      }
      diags.warning(col.at, "kolumnen '" + col.heading +
                                "' känns inte igen och tas inte med (ange --kolumn "
                                "nyckel=" +
                                col.heading + " för att läsa den)");
      continue;
    }
    if (col.key == "-") continue;
    if (auto [it, inserted] = by_key.emplace(col.key, &col); !inserted) {
      diags.error(col.at, "både '" + it->second->heading + "' och '" + col.heading + "' betyder '" +
                              col.key + "'; ta bort den ena eller välj med --kolumn " + col.key +
                              "=Rubrik");
    }
  }
  for (const auto& w : mapping->wanted)
    if (!by_key.count(w)) {
      std::string heading;
      for (const auto& [h, k] : mapping->heading_to_key)
        if (k == w) heading = h;
      diags.error(s.cell_span(head, 0),
                  "rubrikraden har ingen kolumn '" + heading + "' (från --kolumn " + w + "=…)");
    }
  if (by_key.count("rekvirerat") && by_key.count("beviljat"))
    diags.error(by_key["beviljat"]->at,
                "tabellen har både rekvirerat och beviljat belopp; en grupp har det ena eller "
                "det andra (välj med --kolumn)");
  if (diags.error_count() > errors_before) return std::nullopt;
  const int name_col = by_key["namn"]->index;

  // The rows.
  YamlOut out(opt, cols);
  std::map<std::string, int> seen;  // name + application → sheet row (0-based)
  int empty_since = -1;
  std::vector<std::string_view> known(opt.known_names.begin(), opt.known_names.end());
  std::set<std::string> known_set(opt.known_names.begin(), opt.known_names.end());
  for (int r = head + 1; r < static_cast<int>(s.rows.size()); ++r) {
    const auto& row = s.rows[r];
    if (filled_cells(row) == 0) {
      if (empty_since < 0) empty_since = r;
      continue;
    }
    if (is_total_row(row, name_col)) break;
    if (empty_since >= 0) {
      // After empty rows: notes under the table ("Källa: …") end it; more rows are a gap.
      bool more_data = false;
      for (int q = r; q < static_cast<int>(s.rows.size()) && !more_data; ++q)
        more_data = filled_cells(s.rows[q]) > 1 && !is_total_row(s.rows[q], name_col);
      if (!more_data) break;
      diags.error(s.cell_span(empty_since, name_col),
                  r - empty_since == 1
                      ? "tom rad mitt i tabellen; ta bort den (eller skriv något i den)"
                      : "tomma rader mitt i tabellen (" + std::to_string(r - empty_since) +
                            " st); ta bort dem");
      empty_since = -1;
    }
    YamlOut::Row yr;
    yr.sheet_row = r;
    bool row_error = false;
    for (const auto& key : kKeys) {
      auto it = by_key.find(key);
      if (it == by_key.end()) continue;
      const Column& col = *it->second;
      const Cell cell = col.index < static_cast<int>(row.size())
                            ? row[col.index]
                            : Cell{Cell::Kind::Empty, "", s.cell_span(r, col.index)};
      Parsed p;
      switch (type_of(key)) {
        case Type::Amount:
          p = parse_amount(cell, col.heading, diags);
          break;
        case Type::YesNo:
          p = parse_yes_no(cell, col.heading, diags);
          break;
        case Type::Text:
          p.yaml_value = is_none_marker(cell.text) && key != "namn" ? "" : cell_text(cell);
          if (cell.kind == Cell::Kind::Number) p.yaml_value = cell.text;
          break;
        case Type::Ignored:
          break;
      }
      row_error |= p.error;
      if (key == "namn" && p.yaml_value.empty()) {
        diags.error(cell.at, "raden har värden men inget namn i kolumnen '" + col.heading + "'");
        row_error = true;
      }
      if (!p.yaml_value.empty()) yr.fields.push_back({key, p.yaml_value, cell.at});
    }
    // A row with a bad value still holds its name, so a later duplicate is reported too.
    if (yr.fields.empty() || yr.fields[0].key != "namn") continue;
    const std::string& name = yr.fields[0].value;
    std::string application;
    for (const auto& f : yr.fields)
      if (f.key == "ansökan") application = f.value;
    const std::string id = name + "\n" + application;
    if (auto [it, inserted] = seen.emplace(id, r); !inserted) {
      const Span first = s.cell_span(it->second, name_col);
      diags.error(yr.fields[0].at,
                  "'" + name + "'" + (application.empty() ? "" : " (" + application + ")") +
                      " finns redan i tabellen (" + place(first) +
                      "); varje mottagare ska stå på en rad" +
                      (application.empty() ? " (eller skilj ansökningarna åt med en "
                                             "kolumn Ansökan)"
                                           : ""));
      continue;
    }
    if (row_error) continue;
    if (opt.check_names && !known_set.count(name)) {
      if (auto near = load::closest(name, known))
        diags.error(yr.fields[0].at, "'" + name + "' finns inte bland förra årets mottagare i " +
                                         "gruppen '" + opt.group + "' (menade du '" + *near +
                                         "'?)");
      else
        diags.warning(yr.fields[0].at,
                      "'" + name +
                          "' är en ny mottagare (finns inte bland förra årets i gruppen '" +
                          opt.group + "')");
    }
    out.add(std::move(yr));
  }
  if (out.rows() == 0 && diags.error_count() == errors_before)
    diags.error(s.cell_span(head + 1, name_col), "tabellen har inga mottagare under rubrikraden");
  if (diags.error_count() > errors_before) return std::nullopt;
  std::string yaml = out.text();
  // The data set's own checks (fördelat = rekvirerat + omfördelat, oförbrukat ≤ fördelat …)
  // on the result, with the group defined after the recipients so lines stay the same.
  std::string check = yaml + "grupper:\n  - {id: " + yaml_scalar(opt.group) +
                      ", etikett: x, singular: x, plural: x, bestämd_plural: x}\n";
  LoadResult loaded = load_data_text(s.file + ".yaml", check);
  for (const auto& d : loaded.diags.all()) {
    auto at = out.cell_for(d.span.line, d.span.col);
    if (!at) continue;  // about the stand-in group or the missing rest of a data set
    if (d.severity == Severity::Error)
      diags.error(*at, d.message);
    else
      diags.warning(*at, d.message);
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return yaml;
}

}  // namespace rv::import
