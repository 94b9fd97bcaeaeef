// Issue 16, point 5: a recipient's own fields (egna_fält) in --urval, like the built-in ones.
#include "../support/shell.hpp"

namespace fs = std::filesystem;

namespace {

// data/nationell-2019 with `län` declared and given for two municipalities only.
fs::path data_with_county(const fs::path& dir) {
  fs::path data = dir / "data";
  fs::create_directories(data);
  for (const auto& e : fs::directory_iterator(fs::path(RV_SOURCE_DIR) / "data" / "nationell-2019"))
    fs::copy_file(e.path(), data / e.path().filename());
  auto edit = [&](const char* file, const std::string& from, const std::string& to) {
    std::string text = rvtest::read(data / file);
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    rvtest::write(data / file, text);
  };
  edit("bidrag.yaml", "  myndighet: Socialstyrelsen\n",
       "  myndighet: Socialstyrelsen\n  egna_fält: {län: text}\n");
  edit("kommuner.yaml", "{namn: Ale kommun,", "{namn: Ale kommun, län: Västra Götalands län,");
  edit("kommuner.yaml", "{namn: Alingsås kommun,",
       "{namn: Alingsås kommun, län: Västra Götalands län,");
  return data;
}

std::string batch(const fs::path& data, const std::string& condition, const fs::path& out) {
  return std::string(RV_BINARY) + " skapa besked-fordelning '" + data.string() +
         "' --per-mottagare --urval '" + condition + "' -o '" + out.string() + "'";
}

}  // namespace

TEST_CASE("batch: --urval selects by an own field, and suggests it when misspelt", "[batch][cli]") {
  fs::path dir = rvtest::temp_dir("batch_own_field");
  fs::path data = data_with_county(dir);
  auto r = rvtest::sh(batch(data, "län = \"Västra Götalands län\"", dir / "ut"));
  INFO(r.out);
  REQUIRE(r.code == 0);
  std::vector<std::string> written;
  for (const auto& e : fs::directory_iterator(dir / "ut"))
    if (e.path().extension() == ".pdf") written.push_back(e.path().filename().string());
  std::sort(written.begin(), written.end());
  CHECK(written == std::vector<std::string>{"Ale kommun.pdf", "Alingsås kommun.pdf"});
  // A recipient without the field has no value: `not län` selects the other 288 municipalities.
  auto none = rvtest::sh(batch(data, "grupp = kommuner and not län", dir / "ut2"));
  INFO(none.out);
  CHECK(none.code == 0);
  CHECK(none.out.find("288 av 344 mottagare valda") != std::string::npos);
  auto typo = rvtest::sh(batch(data, "lan = \"Skåne län\"", dir / "ut3"));
  INFO(typo.out);
  CHECK(typo.code == 2);
  CHECK(typo.out.find("okänt fält 'lan'") != std::string::npos);
  CHECK(typo.out.find("'län'") != std::string::npos);
  fs::remove_all(dir);
}
