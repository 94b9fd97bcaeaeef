// The usual Swedish column headings and the data format's keys they mean.
#include <string>

#include "import/import.hpp"
#include "load/suggest.hpp"
#include "swedish/swedish.hpp"

namespace rv::import {

namespace {

// Lower case without spaces, '_', '-', '.', ':' and a trailing unit: "Rekvirerat belopp
// (kr)" → "rekvireratbelopp".
std::string normalize(std::string_view heading) {
  std::string s = sv::lowercase(heading);
  for (std::string_view unit : {"(kr)", "(sek)", "(tkr)", "kr", "(%)"})
    if (s.size() > unit.size() && s.ends_with(unit)) s.resize(s.size() - unit.size());
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '_' || c == '-' || c == '.' || c == ':' || c == '\t' || c == '\n' ||
        c == '\r')
      continue;
    if (s.compare(i, 2, "\xC2\xA0") == 0) {
      ++i;
      continue;
    }
    out += c;
  }
  return out;
}

struct Known {
  const char* key;
  std::initializer_list<const char*> headings;
};

// "-" as key: a heading that is known but not imported (computed, or not in the format).
const Known kKnown[] = {
    {"namn",
     {"namn", "kommun", "region", "mottagare", "organisation", "förening", "stadsdelsnämnd",
      "nämnd", "länsstyrelse", "kommunnamn", "regionnamn", "mottagarensnamn"}},
    {"ansökan", {"ansökan", "ansökningsnummer"}},
    {"fördelningsnyckel", {"fördelningsnyckel", "nyckel", "enligtfördelningsnyckel"}},
    {"sökt", {"sökt", "söktbelopp", "sökta", "söktamedel"}},
    {"rekvirerat", {"rekvirerat", "rekvireratbelopp", "rekvirerademedel"}},
    {"beviljat", {"beviljat", "beviljatbelopp", "beviljademedel", "belopp", "bidrag"}},
    {"omfördelat", {"omfördelat", "omfördelademedel", "omfördelatbelopp"}},
    {"fördelat", {"fördelat", "fördelademedel", "fördelatbelopp", "totaltfördelat"}},
    {"förbrukat", {"förbrukat", "förbrukademedel", "förbrukatbelopp"}},
    {"oförbrukat", {"oförbrukat", "oförbrukademedel", "oförbrukatbelopp", "ejförbrukat"}},
    {"vill_ha_mer", {"villhamer", "villhamermedel", "önskarmer"}},
    {"återrapporterat", {"återrapporterat", "återrapport", "haråterrapporterat"}},
    {"status", {"status"}},
    {"anmärkning", {"anmärkning", "kommentar", "not"}},
    {"-",
     {"andeloförbrukademedel", "andeloförbrukat", "andel", "befolkning", "invånare", "invånarantal",
      "kommungrupp", "län", "kommunkod", "regionkod", "nr", "löpnummer"}},
};

}  // namespace

std::string key_for_heading(std::string_view heading) {
  const std::string h = normalize(heading);
  if (h.empty()) return "";
  for (const auto& k : kKnown)
    for (const char* name : k.headings)
      if (h == name) return k.key;
  // The data format's keys themselves, written as in YAML ("vill_ha_mer").
  for (const auto& k : kKnown)
    if (std::string(k.key) != "-" && h == normalize(k.key)) return k.key;
  return "";
}

std::optional<std::string> near_heading_key(std::string_view heading) {
  const std::string h = normalize(heading);
  if (h.size() < 5) return std::nullopt;  // "Nr", "Län": too short to tell a typo
  std::vector<std::string_view> names;
  std::vector<const char*> keys;
  for (const auto& k : kKnown)
    if (std::string_view(k.key) != "-")
      for (const char* name : k.headings) {
        names.push_back(name);
        keys.push_back(k.key);
      }
  auto near = load::closest(h, names);
  if (!near) return std::nullopt;
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == *near) return std::string(keys[i]);
  return std::nullopt;
}

}  // namespace rv::import
