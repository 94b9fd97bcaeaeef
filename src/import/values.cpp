// One cell's value as the data format writes it: amounts in whole kronor, ja/nej.
#include "import/values.hpp"

#include <charconv>
#include <cmath>

#include "swedish/swedish.hpp"

namespace rv::import {

namespace {
std::string norm(std::string_view s) {
  std::string l = sv::lowercase(s), out;
  for (char c : l)
    if (c != ' ') out += c;
  return out;
}
}  // namespace

std::string cell_text(const Cell& c) {
  std::string t = c.text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
  size_t b = 0;
  while (b < t.size() && (t[b] == ' ' || t[b] == '\t')) ++b;
  return t.substr(b);
}

Parsed parse_amount(const Cell& c, const std::string& heading, Diagnostics& diags) {
  const std::string where = "i kolumnen '" + heading + "'";
  if (c.kind == Cell::Kind::Number) {
    double v = 0;
    const auto* end = c.text.data() + c.text.size();
    auto [p, ec] = std::from_chars(c.text.data(), end, v);
    if (ec != std::errc() || p != end || !std::isfinite(v)) {
      diags.error(c.at, "talet '" + c.text + "' " + where + " går inte att läsa");
      return {"", true};
    }
    const double r = std::nearbyint(v);
    if (std::fabs(v - r) > 1e-6 * std::max(1.0, std::fabs(v))) {
      diags.error(c.at, "beloppet " + c.text + " " + where +
                            " är inte hela kronor (avrunda i kalkylbladet eller ändra formatet)");
      return {"", true};
    }
    if (std::fabs(r) > 9e15) {
      diags.error(c.at, "beloppet " + c.text + " " + where + " är orimligt stort");
      return {"", true};
    }
    return {std::to_string(static_cast<long long>(r)), false};
  }
  if (is_none_marker(c.text)) return {"", false};
  auto n = parse_swedish_number(c.text);
  if (!n) {
    diags.error(c.at, "'" + cell_text(c) + "' " + where +
                          " är inget belopp (skriv hela kronor, t.ex. 283 502 eller 283502)");
    return {"", true};
  }
  if (n->percent) {
    diags.error(c.at, "'" + cell_text(c) + "' " + where +
                          " är en procentsats, men kolumnen ska ha belopp i kronor");
    return {"", true};
  }
  long long whole = n->units;
  for (int i = 0; i < n->decimals; ++i) {
    if (whole % 10 != 0) {
      diags.error(c.at, "'" + cell_text(c) + "' " + where +
                            " är inte hela kronor (belopp anges i hela kronor)");
      return {"", true};
    }
    whole /= 10;
  }
  return {std::to_string(whole), false};
}

Parsed parse_yes_no(const Cell& c, const std::string& heading, Diagnostics& diags) {
  const std::string t = norm(c.kind == Cell::Kind::Number ? c.text : cell_text(c));
  if (t.empty() || is_none_marker(c.text)) return {"", false};
  if (t == "ja" || t == "j" || t == "x" || t == "1" || t == "sant" || t == "yes")
    return {"ja", false};
  if (t == "nej" || t == "n" || t == "0" || t == "falskt" || t == "no") return {"nej", false};
  diags.error(c.at, "'" + cell_text(c) + "' i kolumnen '" + heading + "' ska vara ja eller nej");
  return {"", true};
}

}  // namespace rv::import
