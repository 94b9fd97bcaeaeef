// A recipient named `*Stiftelsen* [x](y) <b>|` (or with any other Markdown in its name) is
// printed exactly as written in every bundled document type, in the body text and in the
// tables, and the exports carry the raw name. Each test renames a recipient in a copy of a
// bundled data set and reads the document's text trace back.
#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kHostile = "*Stiftelsen* [x](y) <b>|";
// The other names to try: a trailing backslash, an entity, a comment, block starts.
const std::vector<std::string> kMoreNames = {
    "_a_ \\", "# rubrik &amp;", "1. x `kod`", "> citat <!-- x -->", "- y\\",
};

// A double-quoted YAML scalar for `s`.
std::string yaml_quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Copies a data set and renames the recipient `from` to `to` wherever the data names it as a
// whole value or key (not inside prose, which mentions the name in passing).
// `edits` (file, from, to) are made first, on the bundled names.
using Edits = std::vector<std::array<std::string, 3>>;
fs::path renamed_copy(const std::string& data, const std::string& from, const std::string& to,
                      const std::string& tag, const Edits& edits = {}) {
  fs::path dir = rvtest::temp_dir("verbatim_" + tag) / "data";
  fs::copy(fs::path(RV_SOURCE_DIR) / data, dir, fs::copy_options::recursive);
  for (const auto& [file, a, b] : edits) {
    std::string text = rvtest::read(dir / file);
    size_t at = text.find(a);
    INFO(file << ": " << a);
    REQUIRE(at != std::string::npos);
    rvtest::write(dir / file, text.replace(at, a.size(), b));
  }
  std::regex whole("(^[ \\t]*|: |- |\\{namn: )" + from + "(?=[,}:]|[ \\t]*(#|$))",
                   std::regex::multiline);
  int replaced = 0;
  for (const auto& f : fs::directory_iterator(dir)) {
    if (f.path().extension() != ".yaml") continue;
    std::string text = rvtest::read(f.path());
    std::string changed = std::regex_replace(text, whole, "$1" + yaml_quoted(to));
    if (changed != text) ++replaced, rvtest::write(f.path(), changed);
  }
  REQUIRE(replaced > 0);
  return dir;
}

struct TraceLine {
  std::string element;  // "P#54", "TD#10" …
  std::string style;    // "SerifRegular" …
  std::string text;
};

std::vector<TraceLine> trace_text(const std::string& trace) {
  std::vector<TraceLine> out;
  std::istringstream in(trace);
  std::string line;
  static const std::regex text_line("^text (\\S+) l\\d+(?: \\w+)? (\\S+) .*? w=[0-9.]+ \"(.*)\"$");
  std::smatch m;
  while (std::getline(in, line)) {
    if (!std::regex_match(line, m, text_line)) continue;
    std::string t, quoted = m[3];
    for (size_t i = 0; i < quoted.size(); ++i) {
      if (quoted[i] == '\\' && i + 1 < quoted.size()) ++i;
      t += quoted[i];
    }
    out.push_back({m[1], m[2], t});
  }
  return out;
}

// The text of each element (a paragraph, list item, cell …), its lines joined.
std::map<std::string, std::string> element_texts(const std::vector<TraceLine>& lines) {
  std::map<std::string, std::string> out;
  for (const auto& l : lines) {
    std::string& s = out[l.element];
    if (!s.empty()) s += ' ';
    s += l.text;
  }
  return out;
}

// Line breaks may fall inside the name (after a space, or at a hyphen the layout added):
// compare without blanks and line-end hyphens.
std::string squash(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') continue;
    if (s[i] == '-' && i + 1 < s.size() && s[i + 1] == ' ' && (i == 0 || s[i - 1] != ' ')) continue;
    out += s[i];
  }
  return out;
}

struct Found {
  int body = 0, table = 0;
  std::string context;
};

// Where the name is printed whole: body elements (P, LI, H…) and table cells (TD, and TH for
// the row labels of a name column).
Found find_name(const std::string& trace, const std::string& name) {
  Found f;
  for (const auto& [element, text] : element_texts(trace_text(trace))) {
    if (squash(text).find(squash(name)) == std::string::npos) continue;
    (element.rfind("TD#", 0) == 0 || element.rfind("TH#", 0) == 0 ? f.table : f.body)++;
    f.context += element + ": " + text + "\n";
  }
  return f;
}

std::string render_trace(const std::string& args, const fs::path& out) {
  auto r = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa " + args +
                      " --format spår -o '" + out.string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  return rvtest::read(out);
}

void check_document(const std::string& templ, const std::string& data, const std::string& from,
                    const std::string& name, const std::string& tag, bool in_body,
                    const std::string& extra = "", const Edits& edits = {}) {
  fs::path dir = renamed_copy(data, from, name, tag, edits);
  std::string trace =
      render_trace(templ + " '" + dir.string() + "' " + extra, dir.parent_path() / "spår.txt");
  Found f = find_name(trace, name);
  INFO(templ << ": " << name << "\n" << f.context);
  CHECK(f.table > 0);
  if (in_body) CHECK(f.body > 0);
  // Nothing of the name became markup: no link to its "(y)", no stray italics or code.
  CHECK(trace.find("-> y\n") == std::string::npos);
  CHECK(trace.find("-> y)") == std::string::npos);
  fs::remove_all(dir.parent_path());
}

}  // namespace

TEST_CASE("a hostile recipient name prints verbatim in the national report, body and table") {
  // Emmaboda kommun used none of its grant: it is named in the footnote that lists those
  // municipalities (body) and has a row in Bilaga 1.
  for (const auto& name : std::vector<std::string>{kHostile, kMoreNames[0], kMoreNames[3]})
    check_document("uppfoljning-nationell", "data/nationell-2019", "Emmaboda kommun", name,
                   "nationell", true);
}

TEST_CASE("a hostile district name prints verbatim in the city follow-up, body and table") {
  // Bromma used none of its grant: it is named in the body's list and in the table.
  for (const auto& name : std::vector<std::string>{kHostile, kMoreNames[1], kMoreNames[4]})
    check_document("uppfoljning-stad", "data/stockholm-2017", "Bromma", name, "stad", true);
}

TEST_CASE("a hostile district name prints verbatim in the allocation memo, body and table") {
  // Every district gets more than last year in the bundled data; moved 110 000 kr of last
  // year's total from Rinkeby-Kista to Kungsholmen, Kungsholmen gets less this year and is
  // named in the sentence about decreases.
  const Edits less = {
      {"tidigare-fordelning.yaml", "Kungsholmen: 167082", "Kungsholmen: 277082"},
      {"tidigare-fordelning.yaml", "Rinkeby-Kista: 534497", "Rinkeby-Kista: 424497"}};
  for (const auto& name : std::vector<std::string>{kHostile, kMoreNames[2], kMoreNames[0]})
    check_document("fordelning-beslut", "data/stockholm-2022", "Kungsholmen", name, "beslut", true,
                   "", less);
}

TEST_CASE("a hostile organisation name prints verbatim in the appendix table") {
  for (const auto& name : std::vector<std::string>{kHostile, kMoreNames[0], kMoreNames[2]})
    check_document("bilaga", "data/nationell-2019", "ASOV Stockholm", name, "bilaga", false,
                   "-p grupp=ideella");
}

TEST_CASE("the exports carry a hostile name raw, without escapes") {
  fs::path dir = renamed_copy("data/nationell-2019", "ASOV Stockholm", kHostile, "export");
  fs::path csv = dir.parent_path() / "bilaga3.csv", xlsx = dir.parent_path() / "bilaga3.xlsx";
  for (const auto& out : {csv, xlsx}) {
    auto r = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' exportera bilaga '" +
                        dir.string() + "' --tabell bilaga3 -o '" + out.string() + "'");
    INFO(r.out);
    REQUIRE(r.code == 0);
  }
  std::string text = rvtest::read(csv);
  CHECK(text.find(kHostile) != std::string::npos);
  CHECK(text.find("\\*") == std::string::npos);
  auto strings = rvtest::sh(
      "python3 -c \"import sys, zipfile, xml.etree.ElementTree as E; "
      "z = zipfile.ZipFile(sys.argv[1]); "
      "print('\\n'.join(''.join(t.text or '' for t in si.iter() if t.tag.endswith('}t')) "
      "for si in E.fromstring(z.read('xl/sharedStrings.xml'))))\" '" +
      xlsx.string() + "'");
  REQUIRE(strings.code == 0);
  CHECK(strings.out.find(kHostile + "\n") != std::string::npos);
  CHECK(strings.out.find("\\*") == std::string::npos);
  fs::remove_all(dir.parent_path());
}
