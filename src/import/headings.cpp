// The usual Swedish column headings and the data format's keys they mean.
#include <string>

#include "import/import.hpp"
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

}  // namespace rv::import
