// Test fixtures: GrantYear values built in C++, and the 2019 appendix tables read from
// tests/stats/fixtures/*.csv (copies of the report's Bilaga 1–3 and Tabell 8).
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace rv::test {

inline std::string fixture_path(const std::string& name) {
  return std::string(RV_TEST_DIR) + "/stats/fixtures/" + name;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A minimal RFC 4180 reader: header row → records of fields.
inline std::vector<std::vector<std::string>> read_csv(const std::string& path) {
  std::string text = read_text(path);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
        field += '"', ++i;
      else if (c == '"')
        quoted = false;
      else
        field += c;
    } else if (c == '"') {
      quoted = true, any = true;
    } else if (c == ',') {
      row.push_back(field), field.clear(), any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) row.push_back(field), rows.push_back(row);
      row.clear(), field.clear(), any = false;
    } else {
      field += c, any = true;
    }
  }
  if (any || !field.empty()) row.push_back(field), rows.push_back(row);
  return rows;
}

inline std::optional<Amount> opt_amount(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return std::stoll(s);
}

inline Group make_group(const std::string& id, const std::string& label,
                        std::optional<Amount> available = {}) {
  Group g;
  g.id = id;
  g.label = label;
  g.available = available;
  return g;
}

inline Recipient make_recipient(const std::string& group, const std::string& name, Amount granted,
                                std::optional<Amount> unspent,
                                std::optional<Amount> reallocated = {}) {
  Recipient r;
  r.group = group;
  r.name = name;
  r.granted = granted;
  r.unspent = unspent;
  r.reallocated = reallocated;
  return r;
}

// The national 2019 data built from the appendix tables (no questionnaire).
inline GrantYear national_2019_from_tables() {
  GrantYear y;
  y.grant.name = "Utvecklingsmedel och stimulansmedel för arbetet mot våld i nära relationer";
  y.grant.year = 2019;
  y.groups = {make_group("kommuner", "Kommuner", 80000000), make_group("regioner", "Regioner"),
              make_group("lansstyrelser_nck", "Länsstyrelser/NCK", 5000000),
              make_group("ideella", "Ideella föreningar och stiftelser", 10000000)};
  auto table = [](const std::string& f) {
    auto rows = read_csv(fixture_path(f));
    rows.erase(rows.begin());
    return rows;
  };
  for (const auto& r : table("kommuner2019.csv")) {
    Recipient x =
        make_recipient("kommuner", r[0], std::stoll(r[2]), opt_amount(r[5]), opt_amount(r[3]));
    x.key = std::stoll(r[1]);
    x.wants_more = *x.reallocated > 0;
    y.recipients.push_back(x);
  }
  for (const auto& r : table("regioner2019.csv")) {
    Recipient x =
        make_recipient("regioner", r[0], std::stoll(r[2]), opt_amount(r[5]), opt_amount(r[3]));
    x.key = std::stoll(r[1]);
    y.recipients.push_back(x);
  }
  for (const auto& r : table("lansstyrelser-nck2019.csv")) {
    Recipient x =
        make_recipient("lansstyrelser_nck", r[0], opt_amount(r[3]).value_or(0), opt_amount(r[4]));
    if (r[3].empty()) x.granted.reset();
    x.application = r[1];
    x.applied = std::stoll(r[2]);
    if (r[6] == "avslagen") x.status = "avslagen";
    if (r[6].rfind("återkallad", 0) == 0) x.status = "återkallad";
    y.recipients.push_back(x);
  }
  int atim = 0;
  for (const auto& r : table("ideella2019.csv")) {
    Recipient x = make_recipient("ideella", r[0], std::stoll(r[2]), opt_amount(r[3]));
    x.applied = std::stoll(r[1]);
    if (x.name.rfind("ATIM", 0) == 0) x.application = "ansökan " + std::to_string(++atim);
    y.recipients.push_back(x);
  }
  return y;
}

}  // namespace rv::test
