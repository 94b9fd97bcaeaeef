#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "data_header.hpp"
#include "load/load.hpp"

using namespace rv;

using test::kHeader;

TEST_CASE("a valid data set becomes the model with its amounts") {
  std::string text = std::string(kHeader) +
                     "mottagare:\n"
                     "  kommuner:\n"
                     "    - {namn: Ale kommun, fördelningsnyckel: 283502, rekvirerat: 283502, "
                     "omfördelat: 13754, oförbrukat: 109021, vill_ha_mer: ja}\n"
                     "    - {namn: Åmål kommun, rekvirerat: 100, förbrukat: 100}\n";
  auto r = load_data_text("x.yaml", text);
  REQUIRE(r.ok());
  REQUIRE(r.data.recipients.size() == 2);
  const auto& ale = r.data.recipients[0];
  CHECK(ale.allocated() == 297256);
  CHECK(ale.spent_or_derived() == 188235);
  CHECK(ale.wants_more == true);
  CHECK(ale.span.line == 6);
  CHECK(r.data.recipients[1].unspent_or_derived() == 0);
  CHECK(r.data.grant.year == 2019);
  CHECK(r.data.groups.at(0).noun.definite_plural == "kommunerna");
}

TEST_CASE("columns count characters, not bytes") {
  // "Överkalix" has two 2-byte letters before the faulty value.
  std::string text = std::string(kHeader) +
                     "mottagare:\n"
                     "  kommuner:\n"
                     "    - {namn: Öö kommun, rekvirerat: x}\n";
  auto r = load_data_text("y.yaml", text);
  REQUIRE(r.diags.error_count() == 1);
  const auto& d = r.diags.all().at(0);
  CHECK(d.span.line == 6);
  CHECK(d.span.col == 37);  // bytes would say 39
}

TEST_CASE("all problems are reported at once, sorted by line") {
  std::string text = std::string(kHeader) +
                     "mottagare:\n"
                     "  kommuner:\n"
                     "    - {namn: A, rekvirerat: -1}\n"
                     "    - {namn: B, rekvirerat: 1.5}\n"
                     "    - {namn: C, rekvirerat: 10, oförbrukat: 11}\n";
  auto r = load_data_text("z.yaml", text);
  auto sorted = r.diags.sorted();
  REQUIRE(sorted.size() == 3);
  CHECK(sorted[0].span.line == 6);
  CHECK(sorted[1].span.line == 7);
  CHECK(sorted[2].span.line == 8);
}

TEST_CASE("unknown groups get a suggestion") {
  std::string text =
      std::string(kHeader) + "mottagare:\n  komuner:\n    - {namn: A, rekvirerat: 1}\n";
  auto r = load_data_text("g.yaml", text);
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all()[0].message ==
        "okänd grupp 'komuner' (menade du 'kommuner'?); grupper definieras under 'grupper'");
}

TEST_CASE("a 5 000-recipient file is checked completely and quickly enough to be usable") {
  namespace fs = std::filesystem;
  fs::path p = fs::temp_directory_path() / "rv_5000.yaml";
  {
    std::ofstream out(p);
    out << kHeader << "mottagare:\n  kommuner:\n";
    for (int i = 0; i < 5000; ++i) {
      long key = 80000 + i * 37;
      long unspent = (i == 4321) ? key + 1 : i % 7;  // one impossible row
      out << "    - {namn: Kommun " << i << ", fördelningsnyckel: " << key
          << ", rekvirerat: " << key << ", oförbrukat: " << unspent << "}\n";
    }
  }
  auto r = load_data_set({p.string()});
  CHECK(r.data.recipients.size() == 5000);
  REQUIRE(r.diags.error_count() == 1);
  CHECK(r.diags.all()[0].span.line == 3 + 2 + 4321 + 1);  // header, mottagare, kommuner, row
  fs::remove(p);
}
