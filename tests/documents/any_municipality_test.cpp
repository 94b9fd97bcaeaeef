// templates/fordelning-beslut for any municipality: the bundled small-municipality example
// (data/exempelby-2024, made up) renders a complete memo in its own words with no Stockholm
// text, and the memo follows what the data set says about consultations, appendices and the
// reporting deadline, with none of them required.
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <string>

#include "../support/pdf_text.hpp"
#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

using rvtest::read;
using rvtest::Run;
using rvtest::sh;
using rvtest::write;

const std::string kSource = RV_SOURCE_DIR;
const std::string kTemplate = kSource + "/templates/fordelning-beslut";
const std::string kExempelby = kSource + "/data/exempelby-2024";
const std::string kStockholm = kSource + "/data/stockholm-2022";

// One line of words: no-break spaces become spaces, a word hyphenated at a line end is
// joined again, and runs of white space become one space.
std::string flatten(const std::string& t) { return rvtest::flatten_words(t); }

// The memo's text layer (pdftotext, reading order) as one line of words.
std::string memo_text(const std::string& data, const std::string& tag) {
  fs::path dir = rvtest::temp_dir("anymun_" + tag);
  fs::path pdf = dir / "memo.pdf";
  Run r = sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' skapa '" + kTemplate + "' '" +
             data + "' -o '" + pdf.string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  Run t = sh("pdftotext '" + pdf.string() + "' -");
  REQUIRE(t.code == 0);
  return flatten(t.out);
}

bool has(const std::string& text, const std::string& words) {
  return text.find(words) != std::string::npos;
}

// A copy of a bundled data set that a test may edit.
fs::path copy_data(const std::string& from, const std::string& tag) {
  fs::path d = rvtest::temp_dir("anymun_data_" + tag);
  for (const auto& e : fs::directory_iterator(from))
    fs::copy_file(e.path(), d / e.path().filename());
  return d;
}

// Replaces exactly one occurrence of `from` in the file.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string t = read(file);
  size_t pos = t.find(from);
  INFO(file.string() << ": " << from);
  REQUIRE(pos != std::string::npos);
  REQUIRE(t.find(from, pos + 1) == std::string::npos);
  t.replace(pos, from.size(), to);
  write(file, t);
}

}  // namespace

TEST_CASE("fordelning-beslut: a small municipality's memo has no Stockholm text",
          "[documents][any-municipality]") {
  const std::string text = memo_text(kExempelby, "exempelby");
  INFO(text);
  CHECK_FALSE(has(text, "Stockholm"));
  CHECK_FALSE(has(text, "ocialförvaltning"));
  CHECK_FALSE(has(text, "staden"));
  CHECK_FALSE(has(text, "stadens"));
  CHECK_FALSE(has(text, "stadsdel"));
  CHECK_FALSE(has(text, "funktionshinderrådet"));
  CHECK_FALSE(has(text, "Förvaltningsgruppen"));
}

TEST_CASE("fordelning-beslut: a small municipality's memo says its own names",
          "[documents][any-municipality]") {
  const std::string text = memo_text(kExempelby, "names");
  INFO(text);
  // The municipality, its administration and the committee the memo goes to.
  CHECK(has(text, "Exempelby kommun kan rekvirera 126 400 kronor för år 2024."));
  CHECK(has(text, "För år 2024 har Exempelby kommun haft möjlighet att rekvirera totalt"));
  CHECK(has(text, "Välfärdsförvaltningen"));
  CHECK(has(text, "Till Kommunstyrelsen"));
  // Its three committees, in the text and in both tables.
  CHECK(has(text, "Förvaltningen föreslår att utvecklingsmedlen fördelas till samtliga nämnder."));
  for (const char* committee :
       {"Socialnämnden", "Vård- och omsorgsnämnden", "Barn- och utbildningsnämnden"})
    CHECK(has(text, committee));
  CHECK(has(text, "Mottagande nämnd"));
  CHECK(has(text, "Belopp i kronor"));
  CHECK_FALSE(has(text, "Fördelning kronor"));
  // Every consultation, in order, each worded by how it took part.
  CHECK(has(text,
            "i samråd med ekonomienheten. Ledningsgruppen har behandlat ärendet "
            "den 9 april 2024, rådet för funktionshinder- och pensionärsfrågor har haft "
            "möjlighet att ta del av ärendet den 11 april 2024 och brottsförebyggande rådet "
            "har yttrat sig över ärendet den 15 april 2024."));
  // Its own background instead of the grant's standing text.
  CHECK(has(text, "Kommunens arbete mot våld i nära relationer"));
  CHECK(has(text, "stärka stödet till barn som har bevittnat våld"));
  CHECK_FALSE(has(text, "Övergripande mål och användning av utvecklingsmedel"));
  // The reporting deadline of the committees' group, and who reports for whom.
  CHECK(has(text,
            "Senast den 14 februari 2025 ska nämnderna återrapportera till "
            "välfärdsförvaltningen hur de har använt statsbidraget."));
  CHECK(has(text,
            "Välfärdsförvaltningen återrapporterar sedan till Socialstyrelsen för "
            "kommunens räkning."));
  CHECK_FALSE(has(text, "I början av nästa år"));
  // Both appendices, numbered.
  CHECK(has(text, "Bilagor"));
  CHECK(has(text,
            "1. Socialstyrelsens anvisningar till kommuner för att rekvirera "
            "utvecklingsmedel för 2024"));
  CHECK(has(text, "2. Exempelby kommuns handlingsplan mot våld i nära relationer 2021–2024"));
}

TEST_CASE("fordelning-beslut: consultations, appendices and the deadline may be left out",
          "[documents][any-municipality]") {
  fs::path data = copy_data(kExempelby, "bare");
  std::string doc = read(data / "dokument.yaml");
  auto cut = [&](const std::string& from, const std::string& to) {
    size_t a = doc.find(from), b = doc.find(to, a);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    doc.erase(a, b - a);
  };
  cut("  beredning:", "  undertecknare:");
  cut("  bilagor:", "  övrigt:");
  write(data / "dokument.yaml", doc);
  // The two reporting deadlines, kept as deadlines without a kind.
  edit(data / "bidrag.yaml", ",\n       typ: återrapportering, grupp: namnder}", "}");
  edit(data / "bidrag.yaml", ",\n       typ: återrapportering}", "}");

  // The running header of a continuation page, and the footer that marks the example's
  // data as invented, may stand between two sections: they are page decoration, not the
  // memo's text.
  const std::string text = std::regex_replace(
      memo_text(data.string(), "bare"),
      std::regex("(Exempel \u2013 fiktiva uppgifter )?Välfärdsförvaltningen Tjänsteutlåtande "
                 ".*?Sida [0-9]+ \\([0-9]+\\) "),
      "");
  INFO(text);
  CHECK(has(text, "i samråd med ekonomienheten. Förvaltningens synpunkter och förslag"));
  CHECK_FALSE(has(text, "ärendet"));
  CHECK_FALSE(has(text, "Bilaga"));
  CHECK(has(text, "I början av nästa år ska nämnderna återrapportera"));
}

TEST_CASE("kontrollera accepts both bundled allocation data sets",
          "[documents][any-municipality]") {
  for (const std::string& data : {kExempelby, kStockholm}) {
    Run r = sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) + "' kontrollera '" + data + "'");
    INFO(data << "\n" << r.out);
    CHECK(r.code == 0);
    CHECK_FALSE(has(r.out, "fel:"));
  }
}
