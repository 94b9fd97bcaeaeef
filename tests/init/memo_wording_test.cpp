// init carries a municipality's memo wording into next year (data/exempelby-2024 → 2025):
// names and texts as they were, each consultation dated a year on, the year in the
// appendices advanced, and the files it writes read back as that model.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "init/init.hpp"
#include "load/load.hpp"

using namespace rv;
namespace fs = std::filesystem;

TEST_CASE("next year keeps the municipality's wording, consultations a year on") {
  setenv("RAPPORTVERK_CACHE", "0", 1);
  const std::string source = std::string(RV_SOURCE_DIR) + "/data/exempelby-2024";
  LoadResult last = load_data_set({source});
  REQUIRE(last.ok());
  const GrantYear next = init::advance(last.data);
  const DocumentMeta& d = next.document;
  CHECK(d.municipality == "Exempelby kommun");
  CHECK(d.organisation_in_text == last.data.document.organisation_in_text);
  REQUIRE(d.consultations.size() == 3);
  CHECK(d.consultations[0].date == Date{2025, 4, 9});
  CHECK(d.consultations[2].kind == "yttrat");
  REQUIRE(d.appendices.size() == 2);
  CHECK(d.appendices[0] ==
        "Socialstyrelsens anvisningar till kommuner för att rekvirera utvecklingsmedel för 2025");
  CHECK(d.column_headings == last.data.document.column_headings);
  CHECK(d.background == last.data.document.background);

  Diagnostics diags;
  auto files =
      init::next_year_files(last.data, next, source, {"exempelby-2024", "2026-11-30"}, diags);
  REQUIRE_FALSE(diags.has_errors());
  const fs::path dir = fs::temp_directory_path() / ("rv_init_memo_" + std::to_string(getpid()));
  fs::remove_all(dir);
  for (const auto& f : files) {
    fs::create_directories((dir / f.name).parent_path());
    std::ofstream(dir / f.name, std::ios::binary) << f.text;
  }
  LoadResult back = load_data_set({dir.string()});
  INFO((back.diags.all().empty() ? "" : format_diagnostic(back.diags.sorted().front())));
  REQUIRE(back.ok());
  DocumentMeta read = back.data.document;
  for (auto& c : read.consultations) c.span = Span{};
  DocumentMeta made = d;
  for (auto& c : made.consultations) c.span = Span{};
  CHECK(read.municipality == made.municipality);
  CHECK(read.consultations == made.consultations);
  CHECK(read.background == made.background);
  CHECK(read.column_headings == made.column_headings);
  CHECK(read.appendices == made.appendices);
  fs::remove_all(dir);
}
