// A small compound splitter for the vocabulary of Swedish grant follow-ups. The parts
// below were collected from the compounds of the bundled documents (data/ and
// templates/): stems as they appear inside compounds, including their joining forms
// ("arbets", "barnavårds"). A word is split only when it is covered completely by parts
// (each at least three letters), optionally joined by a linking -s-, with one of the
// common inflection endings after the last part; anything else is left to the patterns.
#include "swedish/compounds.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_set>

#include "swedish/utf8.hpp"

namespace rv::sv::detail {
namespace {

constexpr std::array kParts = {
    "arbete",       "arbets",       "arbeta",       "avdelning",    "barn",
    "barnavårds",   "baserad",      "baserade",     "bedömning",    "behandling",
    "behov",        "beslut",       "besked",       "bidrag",       "brist",
    "brott",        "central",      "centrum",      "chef",         "del",
    "dels",         "direktör",     "dag",          "enhet",        "fullmäktige",
    "funktion",     "fördelning",   "förebyggande", "förbättring",  "förhands",
    "förtryck",     "förvaltning",  "formulär",     "grupp",        "grupps",
    "handläggare",  "handläggar",   "handling",     "hantering",    "heders",
    "höjande",      "informations", "information",  "insats",       "jour",
    "kampanj",      "kartläggning", "kontakt",      "kontor",       "konvention",
    "kompetens",    "kris",         "kurs",         "kvalitets",    "kvalitet",
    "köns",         "läggning",     "län",          "läns",         "lednings",
    "ledning",      "material",     "medel",        "medl",         "metod",
    "misshandel",   "myndighets",   "myndighet",    "möte",         "mottagning",
    "mottagar",     "mottagare",    "nämnd",        "nedsättning",  "nivå",
    "nyckel",       "offer",        "omgång",       "område",       "omsättning",
    "organisation", "period",       "personal",     "person",       "plan",
    "problematik",  "process",      "projekt",      "område",       "regerings",
    "region",       "rekvisitions", "rekvisition",  "relations",    "relaterad",
    "relaterade",   "relaterat",    "riks",         "sekreterare",  "social",
    "stads",        "stimulans",    "stats",        "styrelse",     "stympning",
    "stöd",         "system",       "samtals",      "samtal",       "samordnings",
    "samverkans",   "team",         "tillfälle",    "tilläggs",     "tjänst",
    "tjänste",      "träff",        "ungdoms",      "uppdrag",      "uppgift",
    "utbildnings",  "utbildning",   "utlåtande",    "utsatt",       "utsatthet",
    "utveckla",     "utveckling",   "utvecklings",  "utövande",     "utövare",
    "verksamhets",  "vålds",        "våld",         "webb",         "återrapportering",
    "år",           "sexual",       "nätverk",      "övergripande", "fält",
    "assistent",    "förskole",     "förskola",     "avdelning",    "förälder",
    "föräldra",     "skap",         "stödjande",    "kvinno",       "klinik"};

// Endings allowed after the last part (plural, definite, genitive and verb forms).
constexpr std::array kEndings = {
    "",     "a",     "e",    "en",    "er",  "et",   "n",   "na",  "r",   "s",   "t",  "ar",
    "arna", "arnas", "erna", "ernas", "or",  "orna", "ens", "ets", "ns",  "rna", "de", "da",
    "ade",  "at",    "ad",   "ande",  "are", "ares", "ts",  "ers", "ars", "nas", "ens"};

std::u32string widen(std::string_view utf8) {
  std::u32string out;
  for (const CodePoint& c : decode_utf8(utf8)) out.push_back(c.cp);
  return out;
}

struct Lexicon {
  std::vector<std::u32string> parts;
  std::unordered_set<std::u32string> endings;
  size_t longest_ending = 0;
  Lexicon() {
    for (const char* p : kParts) parts.push_back(widen(p));
    for (const char* e : kEndings) {
      endings.insert(widen(e));
      longest_ending = std::max(longest_ending, widen(e).size());
    }
  }
};

const Lexicon& lexicon() {
  static const Lexicon lex;
  return lex;
}

bool is_vowel(char32_t c) {
  return std::u32string_view(U"aeiouyåäöé").find(c) != std::u32string_view::npos;
}

}  // namespace

std::vector<CompoundJoint> compound_joints(const std::u32string& word) {
  const Lexicon& lex = lexicon();
  const size_t n = word.size();
  if (n < 6) return {};
  // Shortest split (fewest parts) by dynamic programming over start positions. A part
  // may start at a position reached by the previous part's end, after a linking s, or
  // one letter back when three equal consonants were written as two ("webb|baserade").
  constexpr int kNone = 1 << 20;
  struct Step {
    int parts = kNone;
    int joint = -1;  // where the joint before this part is (letters before it)
    int from = -1;   // the previous start position
    bool restored = false;
  };
  std::vector<Step> at(n + 1);
  at[0].parts = 0;
  int best_end = -1, best_parts = kNone;
  int best_from = -1;
  for (size_t i = 0; i < n; ++i) {
    if (at[i].parts == kNone) continue;
    const std::u32string_view rest(word.data() + i, n - i);
    for (const std::u32string& p : lex.parts) {
      if (rest.size() < p.size() || rest.compare(0, p.size(), p) != 0) continue;
      const size_t end = i + p.size();
      const int parts = at[i].parts + 1;
      // The last part: the remainder is an ending.
      if (n - end <= lex.longest_ending && lex.endings.count(word.substr(end)) && parts >= 2 &&
          parts < best_parts) {
        best_parts = parts;
        best_end = static_cast<int>(end);
        best_from = static_cast<int>(i);
      }
      const auto reach = [&](size_t next, int joint, bool restored) {
        if (next + 3 > n || at[next].parts <= parts) return;
        at[next] = {parts, joint, static_cast<int>(i), restored};
      };
      reach(end, static_cast<int>(end), false);
      if (end < n && word[end] == U's' && p.back() != U's')
        reach(end + 1, static_cast<int>(end + 1), false);
      if (p.size() >= 2 && p[p.size() - 1] == p[p.size() - 2] && !is_vowel(p.back()) && end < n &&
          word[end] != p.back())
        reach(end - 1, static_cast<int>(end), true);
    }
  }
  if (best_end < 0) return {};
  std::vector<CompoundJoint> joints;
  for (int s = best_from; s > 0; s = at[static_cast<size_t>(s)].from) {
    const Step& st = at[static_cast<size_t>(s)];
    joints.push_back({st.joint, st.restored});
  }
  std::reverse(joints.begin(), joints.end());
  return joints;
}

}  // namespace rv::sv::detail
