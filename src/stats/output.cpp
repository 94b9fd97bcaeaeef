// Text tables and CSV for the statistics and for allocations.
#include "stats/output.hpp"

#include <algorithm>

#include "swedish/swedish.hpp"

namespace rv::stats {

namespace {

size_t width(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string pad(const std::string& s, size_t w, bool right) {
  std::string fill(w > width(s) ? w - width(s) : 0, ' ');
  return right ? fill + s : s + fill;
}

std::string share_text(const std::optional<Fraction>& f) { return f ? sv::percent_table(*f) : "–"; }

std::string key_text(const AllocationLine& l, int decimals) {
  if (!l.key) return "";
  if (decimals == 0) return sv::integer(*l.key);
  int64_t den = 1;
  for (int i = 0; i < decimals; ++i) den *= 10;
  return sv::decimal(Fraction{*l.key, den}, decimals);
}

}  // namespace

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\r\n";
}

std::string summary_csv(const Summary& s) {
  std::string out = csv_record(
      {"grupp", "antal_mottagare", "fordelat", "forbrukat", "oforbrukat", "andel_forbrukat"});
  auto row = [&](const std::string& name, const GroupSummary& g) {
    out += csv_record({name, std::to_string(g.recipients), std::to_string(g.allocated),
                       std::to_string(g.spent), std::to_string(g.unspent),
                       g.share_spent ? decimal_point(*g.share_spent, 4) : ""});
  };
  for (const auto& g : s.groups) row(g.id, g);
  row("Summa", s.total);
  return out;
}

std::string summary_table(const Summary& s, const std::string& caption) {
  std::vector<std::vector<std::string>> rows;
  auto row = [&](const GroupSummary& g) {
    rows.push_back({g.label, sv::integer(g.allocated), sv::integer(g.recipients),
                    sv::integer(g.spent), sv::integer(g.unspent), share_text(g.share_spent)});
  };
  for (const auto& g : s.groups) row(g);
  row(s.total);
  std::string out = caption.empty() ? "" : caption + "\n\n";
  out += text_table({"Mottagare", "Fördelade medel (kr)", "Antal mottagare",
                     "Förbrukade medel (kr)", "Oförbrukade medel (kr)", "Andel förbrukade medel"},
                    rows, {false, true, true, true, true, true}, true);
  if (s.total.unknown_use > 0)
    out += "\nAnvändningen är okänd för " + sv::integer(s.total.unknown_use) +
           " kr (mottagare som inte har återrapporterat).\n";
  return out;
}

std::string allocation_csv(const Allocation& a) {
  std::string out = csv_record({"namn", "belopp", "nyckel"});
  for (const auto& l : a.lines) out += csv_record({l.name, std::to_string(l.amount), l.key_text});
  return out;
}

std::string allocation_table(const Allocation& a) {
  bool keys = std::any_of(a.lines.begin(), a.lines.end(),
                          [](const AllocationLine& l) { return l.key.has_value(); });
  std::vector<std::string> header = {"Mottagare"};
  if (keys) header.push_back(a.key_name.empty() ? "Nyckel" : a.key_name);
  header.push_back("Belopp (kr)");
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : a.lines) {
    std::vector<std::string> r = {l.name};
    if (keys) r.push_back(key_text(l, a.key_decimals));
    r.push_back(sv::integer(l.amount));
    rows.push_back(r);
  }
  std::vector<std::string> total = {"Totalt"};
  if (keys) total.push_back("");
  total.push_back(sv::integer(a.total()));
  rows.push_back(total);
  std::vector<bool> right(header.size(), true);
  right[0] = false;
  std::string out = a.title.empty() ? "" : a.title + "\n\n";
  return out + text_table(header, rows, right, true);
}

std::string text_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const std::vector<bool>& right, bool total_row) {
  std::vector<size_t> w(header.size(), 0);
  for (size_t c = 0; c < header.size(); ++c) w[c] = width(header[c]);
  for (const auto& r : rows)
    for (size_t c = 0; c < r.size() && c < w.size(); ++c) w[c] = std::max(w[c], width(r[c]));
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (size_t c = 0; c < w.size(); ++c) {
      std::string cell = c < r.size() ? r[c] : "";
      out += (c ? "  " : "") + pad(cell, w[c], c < right.size() && right[c]);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  size_t total_width = 0;
  for (size_t c = 0; c < w.size(); ++c) total_width += w[c] + (c ? 2 : 0);
  std::string rule;
  for (size_t i = 0; i < total_width; ++i) rule += "─";
  std::string out = line(header) + rule + "\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    if (total_row && i + 1 == rows.size() && rows.size() > 1) out += rule + "\n";
    out += line(rows[i]);
  }
  return out;
}

}  // namespace rv::stats
