// Issue 16, point 5: fields of the organisation's own on recipients (`egna_fält`), declared
// under bidrag or a group, typed and checked at the value; and answers to one question in
// a file of their own, merged with the recipient's other answers.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "data_header.hpp"
#include "load/cache.hpp"
#include "load/load.hpp"

using namespace rv;
namespace fs = std::filesystem;

namespace {

const char* const kGrant =
    "bidrag:\n"
    "  namn: Utvecklingsmedel\n"
    "  år: 2019\n"
    "  myndighet: Socialstyrelsen\n";
const char* const kGroup =
    "grupper:\n"
    "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner, "
    "bestämd_plural: kommunerna}\n";

// Every error of a load, as "line:col: message", in order.
std::vector<std::string> errors(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.sorted())
    if (d.severity == Severity::Error)
      out.push_back(std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + ": " +
                    d.message);
  return out;
}

const Recipient& recipient(const LoadResult& r, const std::string& name) {
  for (const auto& x : r.data.recipients)
    if (x.name == name) return x;
  FAIL("no recipient " << name);
  throw;
}

// A folder of data files, removed at the end of the test.
struct Folder {
  fs::path dir;
  explicit Folder(const std::string& name)
      : dir(fs::temp_directory_path() / (name + "_" + std::to_string(getpid()))) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Folder() { fs::remove_all(dir); }
  void write(const std::string& file, const std::string& text) const {
    std::ofstream(dir / file) << text;
  }
};

}  // namespace

TEST_CASE("declared own fields are read as their type on each recipient") {
  auto r = load_data_text(
      "d.yaml",
      std::string(kGrant) +
          "  egna_fält: {län: text, invånare: heltal, eget_bidrag: belopp, startad: datum,\n"
          "              jour: ja_nej}\n" +
          "grupper:\n"
          "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner,\n"
          "     bestämd_plural: kommunerna, egna_fält: {storlek: [liten, mellan, stor]}}\n"
          "mottagare:\n"
          "  kommuner:\n"
          "    - {namn: Ale kommun, rekvirerat: 100, län: Västra Götalands län, invånare: 31868,\n"
          "       eget_bidrag: 1500, startad: 2019-03-01, jour: ja, storlek: liten}\n"
          "    - {namn: Borås stad, rekvirerat: 200}\n");
  INFO(errors(r).size());
  REQUIRE(r.diags.error_count() == 0);
  const Recipient& ale = recipient(r, "Ale kommun");
  REQUIRE(ale.fields.size() == 6);
  CHECK(ale.fields.at("län").text == "Västra Götalands län");
  CHECK(ale.fields.at("län").type == FieldType::Text);
  CHECK(ale.fields.at("invånare").number == 31868);
  CHECK(ale.fields.at("eget_bidrag").number == 1500);
  CHECK(ale.fields.at("startad").date == Date{2019, 3, 1});
  CHECK(ale.fields.at("jour").yes);
  CHECK(ale.fields.at("storlek").text == "liten");
  CHECK(ale.fields.at("län").span.line == 12);
  // A declared field a recipient leaves out is no value, not an error.
  CHECK(recipient(r, "Borås stad").fields.empty());
  REQUIRE(r.data.field_decls.size() == 6);
  const FieldDecl* size = r.data.find_field("kommuner", "storlek");
  REQUIRE(size);
  CHECK(size->type == FieldType::Choice);
  CHECK(size->choices == std::vector<std::string>{"liten", "mellan", "stor"});
  CHECK(r.data.find_field("regioner", "storlek") == nullptr);  // declared for kommuner only
  CHECK(r.data.find_field("regioner", "län") != nullptr);      // for every group
}

TEST_CASE("a value of the wrong type is an error at the value, naming field and type") {
  auto r = load_data_text("d.yaml", std::string(kGrant) +
                                        "  egna_fält: {invånare: heltal, startad: datum, "
                                        "storlek: [liten, stor]}\n" +
                                        kGroup +
                                        "mottagare:\n"
                                        "  kommuner:\n"
                                        "    - {namn: Ale kommun, rekvirerat: 100, invånare: "
                                        "många}\n"
                                        "    - {namn: Borås stad, rekvirerat: 100, startad: "
                                        "i mars}\n"
                                        "    - {namn: Eda kommun, rekvirerat: 100, storlek: "
                                        "störst}\n");
  auto e = errors(r);
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "10:53: 'invånare' ska vara ett heltal, men är 'många'");
  CHECK(e[1].starts_with("11:52: 'startad' ska vara ett datum"));
  CHECK(e[2] == "12:52: 'storlek' ska vara ett av liten eller stor, inte 'störst'");
}

TEST_CASE("an undeclared key is still unknown, and the message tells where to declare it") {
  auto r = load_data_text("d.yaml", std::string(kGrant) + "  egna_fält: {län: text}\n" + kGroup +
                                        "mottagare:\n"
                                        "  kommuner:\n"
                                        "    - {namn: Ale kommun, rekvirerat: 100, lan: x}\n"
                                        "    - {namn: Eda kommun, rekvirerat: 100, kommunkod: "
                                        "1830}\n");
  auto e = errors(r);
  REQUIRE(e.size() == 2);
  CHECK(e[0] ==
        "10:43: okänd nyckel 'lan' i mottagaren (menade du 'län'?); egna fält på mottagarna "
        "deklareras under 'egna_fält' (docs/data.md)");
  CHECK(e[1].starts_with("11:43: okänd nyckel 'kommunkod' i mottagaren; egna fält"));
  // Declared for another group only: unknown here too.
  auto g = load_data_text("d.yaml",
                          std::string(kGrant) +
                              "grupper:\n"
                              "  - {id: kommuner, etikett: K, singular: kommun, plural: kommuner, "
                              "bestämd_plural: kommunerna}\n"
                              "  - {id: regioner, etikett: R, singular: region, plural: regioner, "
                              "bestämd_plural: regionerna, egna_fält: {län: text}}\n"
                              "mottagare:\n"
                              "  kommuner:\n"
                              "    - {namn: Ale kommun, rekvirerat: 100, län: x}\n"
                              "  regioner:\n"
                              "    - {namn: Region Skåne, rekvirerat: 100, län: Skåne län}\n");
  auto ge = errors(g);
  REQUIRE(ge.size() == 1);
  CHECK(ge[0].starts_with("10:43: okänd nyckel 'län' i mottagaren"));
}

TEST_CASE("a declaration clashing with a built-in field, another declaration or no type") {
  auto r = load_data_text(
      "d.yaml", std::string(kGrant) +
                    "  egna_fält: {oförbrukat: belopp, organisation: text, län: text, x: tal}\n" +
                    "grupper:\n"
                    "  - {id: kommuner, etikett: K, singular: kommun, plural: kommuner, "
                    "bestämd_plural: kommunerna, egna_fält: {län: text}}\n");
  auto e = errors(r);
  REQUIRE(e.size() == 4);
  CHECK(e[0] ==
        "5:15: 'oförbrukat' är redan ett fält hos mottagarna och kan inte deklareras som eget "
        "fält; välj ett annat namn");
  CHECK(e[1].starts_with("5:35: 'organisation' är redan ett fält hos mottagarna"));
  CHECK(e[2] ==
        "5:69: okänd typ 'tal' för det egna fältet 'x'; möjliga typer: text, heltal, belopp, "
        "datum, ja_nej eller en lista av tillåtna värden");
  CHECK(e[3] == "7:108: det egna fältet 'län' är redan deklarerat i d.yaml:5");
}

TEST_CASE("a recipient file read before the file that declares its fields") {
  Folder f("rv_own_fields");
  // a-*.yaml comes first in name order.
  f.write("a-mottagare.yaml",
          "mottagare:\n  kommuner:\n    - {namn: Ale kommun, rekvirerat: 100, län: Västra "
          "Götalands län}\n");
  f.write("b-bidrag.yaml", std::string(kGrant) + "  egna_fält: {län: text}\n" + kGroup);
  auto r = load_data_set({f.dir.string()});
  INFO((errors(r).empty() ? "" : errors(r)[0]));
  REQUIRE(r.diags.error_count() == 0);
  CHECK(recipient(r, "Ale kommun").fields.at("län").text == "Västra Götalands län");
}

TEST_CASE("answers to one question in a file of their own are merged") {
  Folder f("rv_answer_files");
  f.write("bidrag.yaml", std::string(kGrant) + kGroup +
                             "mottagare:\n  kommuner:\n"
                             "    - {namn: Ale kommun, rekvirerat: 100}\n"
                             "    - {namn: Eda kommun, rekvirerat: 100}\n"
                             "enkät:\n"
                             "  - {id: samordning, grupp: kommuner, typ: ja_nej, fråga: S}\n"
                             "  - {id: placering, grupp: kommuner, typ: fritext, fråga: P,\n"
                             "     endast_om: {fråga: samordning, svar: ja}}\n"
                             "  - {id: plan, grupp: kommuner, typ: ja_nej, fråga: H}\n");
  f.write("svar.yaml",
          "svar:\n"
          "  - {mottagare: Ale kommun, svar: {samordning: ja}}\n"
          "  - {mottagare: Eda kommun, svar: {samordning: nej}}\n");
  // The condition of 'placering' is answered in the other file.
  f.write("svar-plan.yaml",
          "svar:\n"
          "  - {mottagare: Ale kommun, svar: {plan: ja, placering: enhet}}\n"
          "  - {mottagare: Eda kommun, svar: {plan: nej}}\n");
  auto r = load_data_set({f.dir.string()});
  INFO((errors(r).empty() ? "" : errors(r)[0]));
  REQUIRE(r.diags.error_count() == 0);
  REQUIRE(r.data.responses.size() == 2);
  for (const auto& resp : r.data.responses) {
    INFO(resp.recipient);
    CHECK(resp.group == "kommuner");
    std::vector<std::string> asked;
    for (const auto& a : resp.answers) asked.push_back(a.question);
    std::sort(asked.begin(), asked.end());
    if (resp.recipient == "Ale kommun")
      CHECK(asked == std::vector<std::string>{"placering", "plan", "samordning"});
    else
      CHECK(asked == std::vector<std::string>{"plan", "samordning"});
  }
}

TEST_CASE("a question answered twice over two files is an error naming both places") {
  Folder f("rv_answer_twice");
  f.write("bidrag.yaml", std::string(kGrant) + kGroup +
                             "mottagare:\n  kommuner:\n"
                             "    - {namn: Ale kommun, rekvirerat: 100}\n"
                             "enkät:\n"
                             "  - {id: plan, grupp: kommuner, typ: ja_nej, fråga: H}\n"
                             "  - {id: jour, grupp: kommuner, typ: ja_nej, fråga: J}\n");
  f.write("svar-a.yaml", "svar:\n  - mottagare: Ale kommun\n    svar: {plan: ja, jour: nej}\n");
  f.write("svar-b.yaml", "svar:\n  - mottagare: Ale kommun\n    svar:\n      plan: nej\n");
  auto r = load_data_set({f.dir.string()});
  auto e = errors(r);
  REQUIRE(e.size() == 1);
  const std::string a = (f.dir / "svar-a.yaml").string();
  CHECK(e[0] == "4:7: frågan 'plan' besvaras redan för 'Ale kommun' i " + a + ":3:12");
  REQUIRE(r.diags.sorted().size() >= 1);
  CHECK(r.diags.sorted().front().span.file == (f.dir / "svar-b.yaml").string());
}

TEST_CASE("the same recipient twice in one answers file is still an error") {
  auto r = load_data_text("d.yaml", std::string(test::kHeader) +
                                        "mottagare:\n  kommuner:\n"
                                        "    - {namn: Ale kommun, rekvirerat: 100}\n"
                                        "enkät:\n"
                                        "  - {id: plan, grupp: kommuner, typ: ja_nej, fråga: H}\n"
                                        "  - {id: jour, grupp: kommuner, typ: ja_nej, fråga: J}\n"
                                        "svar:\n"
                                        "  - {mottagare: Ale kommun, svar: {plan: ja}}\n"
                                        "  - {mottagare: Ale kommun, svar: {jour: ja}}\n");
  auto e = errors(r);
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "12:5: svar för 'Ale kommun' finns redan i d.yaml:11");
}

TEST_CASE("own fields and their declarations round-trip through the data cache") {
  Folder f("rv_own_fields_cache");
  std::string text = std::string(kGrant) +
                     "  egna_fält: {län: text, invånare: heltal, eget: belopp, startad: datum, "
                     "jour: ja_nej}\n" +
                     "grupper:\n"
                     "  - {id: kommuner, etikett: K, singular: kommun, plural: kommuner, "
                     "bestämd_plural: kommunerna, egna_fält: {storlek: [liten, stor]}}\n"
                     "mottagare:\n"
                     "  kommuner:\n"
                     "    - {namn: Ale kommun, rekvirerat: 100, län: Västra Götalands län, "
                     "invånare: -3, eget: 1500, startad: 2019-03-01, jour: nej, storlek: stor}\n";
  std::vector<load::CachedFile> files{{"d.yaml", &text}};
  LoadResult r = load_data_text("d.yaml", text);
  REQUIRE(r.ok());
  REQUIRE(recipient(r, "Ale kommun").fields.size() == 6);
  const std::string cache = (f.dir / "cache").string();
  load::write_cached(cache, files, r);
  auto hit = load::read_cached(cache, files);
  REQUIRE(hit);
  CHECK(hit->data == r.data);
  CHECK(hit->data.field_decls.size() == 6);
  CHECK(recipient(*hit, "Ale kommun").fields.at("invånare").number == -3);
  CHECK(recipient(*hit, "Ale kommun").fields.at("storlek").text == "stor");
}
