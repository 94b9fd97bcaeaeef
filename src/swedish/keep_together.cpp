// Spaces a line must not break at, by Swedish typographic convention (Språkrådet's
// Svenska skrivregler): inside a date ("1 oktober 2019"), between a number and its unit
// or currency ("47 procent", "5 kr"), between a designation and its number ("delmål 5.2",
// "§ 4", "kap. 3", "SFS 2018:1937"), after a one-letter word ("i", "å", "ö") that
// would otherwise end a line, and after a suspension hyphen ("utvecklings- och"). Templates get it without writing no-break spaces.
#include <array>
#include <cctype>
#include <string>

#include "swedish/swedish.hpp"

namespace rv::sv {
namespace {

bool all_digits(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// A number as written in text: digits, maybe with decimal comma or point, or grouped
// with no-break spaces ("5 394 915").
bool is_number(std::string_view w) {
  if (w.empty() || !std::isdigit(static_cast<unsigned char>(w.front()))) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(w[i]);
    if (std::isdigit(c) || c == ',' || c == '.') continue;
    if (c == 0xC2 && i + 1 < w.size() && static_cast<unsigned char>(w[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

bool starts_with_digit(std::string_view w) {
  return !w.empty() && std::isdigit(static_cast<unsigned char>(w.front()));
}

// The word without punctuation a sentence puts around it ("2019." → "2019").
std::string_view bare(std::string_view w) {
  while (!w.empty() && std::string_view(".,;:)”»!?").find(w.back()) != std::string_view::npos)
    w.remove_suffix(1);
  while (!w.empty() && std::string_view("(“«”").find(w.front()) != std::string_view::npos)
    w.remove_prefix(1);
  return w;
}

bool one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words)
    if (w == x) return true;
  return false;
}

bool is_month(std::string_view w) {
  return one_of(w, {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                    "september", "oktober", "november", "december"});
}

bool is_unit(std::string_view w) {
  return one_of(
      w, {"kr", "kronor", "krona", "tkr", "mnkr", "mdkr", "miljoner", "miljon", "miljarder",
          "procent", "%", "procentenheter", "st", "timmar", "dagar", "veckor", "månader", "år"});
}

bool is_designation(std::string_view w) {
  return one_of(w, {"delmål",  "§",       "kap.",   "kapitel", "SFS",    "nr",     "nr.",
                    "punkt",   "avsnitt", "bilaga", "Bilaga",  "tabell", "Tabell", "diagram",
                    "Diagram", "sid.",    "s.",     "sidan",   "mål",    "Dnr",    "dnr"});
}

}  // namespace

bool keep_together(std::string_view before, std::string_view after) {
  const std::string_view a = bare(before), b = bare(after);
  if (a.empty() || b.empty()) return false;
  if (all_digits(a) && a.size() <= 2 && is_month(b)) return true;  // 1 oktober
  if (is_month(a) && all_digits(b) && b.size() == 4) return true;  // oktober 2019
  if (is_number(a) && is_unit(b)) return true;                     // 47 procent
  if (one_of(a, {"miljoner", "miljon", "miljarder", "miljard", "tusen"}) &&
      one_of(b, {"kronor", "kr"}))
    return true;                                                    // 5,1 miljoner kronor
  if (is_designation(before) && starts_with_digit(b)) return true;  // delmål 5.2, § 4
  if (one_of(before, {"i", "I", "å", "Å", "ö", "Ö"})) return true;  // not "i" at a line end
  // A suspension hyphen ("kompetens- och metodstöd") does not end a line: the reader would
  // take it for a word broken there, and so does text extraction ("kompetensoch").
  if (before.size() > 1 && before.back() == '-' &&
      one_of(after, {"och", "eller", "samt", "respektive", "till", "som", "resp."}))
    return true;
  return false;
}

}  // namespace rv::sv
