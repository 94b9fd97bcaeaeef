// Every number of the published 2019 report's body is in the national report rendered from
// the bundled data (issue 19).
//
// Source side: tests/documents/fixtures/kalla-nationell-2019/brodtext.txt, the body text of
// Socialstyrelsen 2020 cut out of its PDF text layer by scripts/extract-source-body.py
// (chapters Sammanfattning … Socialstyrelsens kommentarer; no tables, diagrams, page
// furniture, footnote marks or list labels; footnote texts kept). Report side: the page
// trace of `skapa uppfoljning-nationell data/nationell-2019` (the text drawn into the PDF,
// with its structure tags): headings, paragraphs, list item bodies, footnote texts and
// links in them ("tabell 3", "bilaga 1") (P, H1–H3, Note, Link), not table cells, captions, chart
// labels, list labels, footnote marks, running heads or the table of contents. The trace is used
// rather than pdftotext because pdftotext loses the tags that tell a table cell from a paragraph.
//
// Numbers are compared per chapter as multisets: "5 394 915" (any kind of space between
// digit groups) is 5394915, "74,9" stays "74,9", "94 %" and "94 procent" are 94, number
// words ("fem", "tjugofyra") are their value on both sides, and a year range written short
// ("2016-19") is written out ("2016–2019"). A source number the report lacks is *missing*,
// unless fixtures/kalla-nationell-2019/avvikelser.txt lists it as a deliberate correction
// (chapter, source number, report number, reason) and the report has the corrected one:
// then it is *differing*. Acceptance: nothing missing, every correction used.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../support/shell.hpp"

namespace {

using rvtest::read;
using Counts = std::map<std::string, int>;

const std::vector<std::string> kChapters = {
    "Sammanfattning",
    "Inledning",
    "Utvecklingsmedel till kommuner",
    "Utvecklingsmedel till regioner",
    "Utvecklingsmedel till ideella",
    "Stimulansmedel till länsstyrelserna",
    "Socialstyrelsens kommentarer",
};

const std::map<std::string, int>& number_words() {
  static const std::map<std::string, int> w = {
      {"två", 2},      {"tre", 3},      {"fyra", 4},     {"fem", 5},      {"sex", 6},
      {"sju", 7},      {"åtta", 8},     {"nio", 9},      {"tio", 10},     {"elva", 11},
      {"tolv", 12},    {"tretton", 13}, {"fjorton", 14}, {"femton", 15},  {"sexton", 16},
      {"sjutton", 17}, {"arton", 18},   {"nitton", 19},  {"tjugo", 20},   {"trettio", 30},
      {"fyrtio", 40},  {"femtio", 50},  {"sextio", 60},  {"sjuttio", 70}, {"åttio", 80},
      {"nittio", 90}};
  return w;
}

// "tjugofyra" → 24; a plain number word → its value; anything else → 0.
int word_value(std::string w) {
  for (char& c : w)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (w.rfind("Å", 0) == 0) w.replace(0, 2, "å");
  auto& words = number_words();
  if (auto it = words.find(w); it != words.end()) return it->second;
  static const std::vector<std::string> units = {"ett", "två", "tre",  "fyra", "fem",
                                                 "sex", "sju", "åtta", "nio"};
  for (const std::string tens :
       {"tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"})
    if (w.rfind(tens, 0) == 0)
      for (size_t u = 0; u < units.size(); ++u)
        if (w.substr(tens.size()) == units[u]) return words.at(tens) + static_cast<int>(u) + 1;
  return 0;
}

// The numbers of a text, normalised as described at the top.
std::vector<std::string> numbers(std::string text) {
  for (const std::string nb : {"\u00A0", "\u202F"})
    for (size_t p; (p = text.find(nb)) != std::string::npos;) text.replace(p, nb.size(), " ");
  text = std::regex_replace(text, std::regex(R"(\b(\d\d)(\d\d)(?:-|–)(\d\d)\b)"), "$1$2–$1$3");
  std::vector<std::string> out;
  // A number: digit groups of three after a space, optional decimals; not inside a code
  // such as "S2011/11337/FST" or "2015:454" (no letter, '/' or ':' next to it).
  static const std::regex token(
      R"((^|[^\w/:])(\d{1,3}(?: \d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w/]|:\d))"
      R"(|([A-Za-zÅÄÖåäö]|\xC3[\x80-\xBF])+)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), token);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    if (m[2].matched) {
      std::string n = m[2].str();
      n.erase(std::remove(n.begin(), n.end(), ' '), n.end());
      out.push_back(n);
    } else if (int v = word_value(m[0].str())) {
      out.push_back(std::to_string(v));
    }
  }
  return out;
}

// Which chapter a heading opens, or "" for one outside the body (Förord, Bilaga).
std::string chapter_of(const std::string& heading) {
  for (const auto& c : kChapters)
    if (heading.rfind(c, 0) == 0) return c;
  return "";
}

// Source fixture: "# title" lines open chapters.
std::map<std::string, std::string> source_chapters(const std::string& text) {
  std::map<std::string, std::string> out;
  std::string cur;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# ", 0) == 0) {
      cur = chapter_of(line.substr(2));
      continue;
    }
    if (!cur.empty()) out[cur] += line + "\n";
  }
  return out;
}

// Report side: the trace's text lines of P, H1–H3, Note and Link elements (not a Note's number,
// drawn as line -1), joined per element, cut into chapters at the H1 headings.
std::map<std::string, std::string> report_chapters(const std::string& trace) {
  static const std::regex line_re(R"re(^text (\w+)#(\d+) l(-?\d+) .*?"(.*)"$)re");
  std::vector<std::pair<std::string, std::string>> elems;  // (role#id, text)
  std::istringstream in(trace);
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, line_re)) continue;
    std::string role = m[1], key = m[1].str() + "#" + m[2].str(), t = m[4];
    if (!(role == "P" || role == "H1" || role == "H2" || role == "H3" || role == "Note" ||
          role == "Link") ||
        m[3] == "-1")
      continue;
    if (!elems.empty() && elems.back().first == key) {
      std::string& prev = elems.back().second;
      if (prev.size() >= 2 && prev.compare(prev.size() - 2, 2, "\\-") == 0)
        prev.resize(prev.size() - 2);
      else if (!prev.empty() && prev.back() != ' ' && prev.back() != '-')
        prev += ' ';
      prev += t;
    } else {
      elems.emplace_back(key, t);
    }
  }
  std::map<std::string, std::string> out;
  std::string cur;
  for (const auto& [key, text] : elems) {
    if (key.rfind("H1#", 0) == 0) {
      cur = chapter_of(text);
      continue;
    }
    if (!cur.empty()) out[cur] += text + "\n";
  }
  return out;
}

Counts count(const std::vector<std::string>& v) {
  Counts c;
  for (const auto& n : v) ++c[n];
  return c;
}

struct Correction {
  std::string chapter, source, report, reason;
  bool used = false;
};

// avvikelser.txt: "chapter | source number | report number | reason", '#' comments.
std::vector<Correction> corrections(const std::string& text) {
  std::vector<Correction> out;
  std::istringstream in(text);
  auto trim = [](std::string s) {
    s.erase(0, s.find_first_not_of(' '));
    s.erase(s.find_last_not_of(' ') + 1);
    return s;
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::istringstream fs(line);
    for (std::string part; std::getline(fs, part, '|');) f.push_back(trim(part));
    REQUIRE(f.size() == 4);
    REQUIRE(!f[3].empty());  // every correction says why
    out.push_back({f[0], f[1], f[2], f[3]});
  }
  return out;
}

std::string join(const Counts& c) {
  std::string s;
  for (const auto& [n, k] : c)
    for (int i = 0; i < k; ++i) s += (s.empty() ? "" : ", ") + n;
  return s;
}

}  // namespace

TEST_CASE("numbers: extraction normalises digit groups, units, words and year ranges",
          "[källsiffror]") {
  CHECK(numbers("5 394 915 kr") == std::vector<std::string>{"5394915"});
  CHECK(numbers("5\u00A0394\u00A0915\u00A0kr") == std::vector<std::string>{"5394915"});
  CHECK(numbers("74,9 mnkr och 94 % och 94 procent") ==
        std::vector<std::string>{"74,9", "94", "94"});
  CHECK(numbers("Fem av tjugofyra, sexuella") == std::vector<std::string>{"5", "24"});
  CHECK(numbers("perioden 2016-19") == std::vector<std::string>{"2016", "2019"});
  CHECK(numbers("S2011/11337/FST och 2015:454 men 5.2.") == std::vector<std::string>{"5", "2"});
  CHECK(numbers("år 2019 80 miljoner") == std::vector<std::string>{"2019", "80"});
}

TEST_CASE("every number of the published report's body is in the rendered report",
          "[källsiffror]") {
  const std::string fixtures =
      std::string(RV_SOURCE_DIR) + "/tests/documents/fixtures/kalla-nationell-2019/";
  auto source = source_chapters(read(fixtures + "brodtext.txt"));
  auto fixes = corrections(read(fixtures + "avvikelser.txt"));
  REQUIRE(source.size() == kChapters.size());

  auto dir = rvtest::temp_dir("kallsiffror");
  auto out = dir / "spår.txt";
  auto r = rvtest::sh(rvtest::rv(
      "skapa uppfoljning-nationell data/nationell-2019 --format spår -o '" + out.string() + "'"));
  INFO(r.out);
  REQUIRE(r.code == 0);
  auto report = report_chapters(read(out));
  REQUIRE(report.size() == kChapters.size());

  int total = 0, matched = 0, differing = 0;
  std::string missing;
  for (const auto& ch : kChapters) {
    Counts want = count(numbers(source[ch])), have = count(numbers(report[ch]));
    Counts lacking;
    for (const auto& [n, k] : want) {
      total += k;
      int got = std::min(k, have[n]);
      matched += got;
      have[n] -= got;
      if (k > got) lacking[n] = k - got;
    }
    // What the report lacks is a documented correction when the corrected number is there.
    for (auto& fix : fixes) {
      if (fix.chapter != ch || lacking[fix.source] == 0 || have[fix.report] == 0) continue;
      --lacking[fix.source];
      --have[fix.report];
      fix.used = true;
      ++differing;
    }
    for (auto it = lacking.begin(); it != lacking.end();)
      it = it->second == 0 ? lacking.erase(it) : std::next(it);
    if (!lacking.empty()) missing += ch + ": " + join(lacking) + "\n";
  }
  std::string unused;
  for (const auto& fix : fixes)
    if (!fix.used) unused += fix.chapter + " | " + fix.source + " | " + fix.report + "\n";
  INFO("källans siffror: " << total << ", samma: " << matched << ", avvikande: " << differing
                           << "\nsaknas:\n"
                           << missing << "oanvända rättelser:\n"
                           << unused);
  WARN("källans siffror: " << total << ", samma: " << matched << ", avvikande: " << differing);
  CHECK(missing.empty());
  CHECK(unused.empty());
  CHECK(matched + differing == total);
  CHECK(total > 200);  // the fixture is the whole body, not a stub
}
