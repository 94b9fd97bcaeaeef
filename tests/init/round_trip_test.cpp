// What init writes reads back as the model it wrote: every text, date and setting survives
// the YAML (quoting, folded long texts, ids with '_', names with ',').
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "init/init.hpp"
#include "load/load.hpp"

using namespace rv;
namespace fs = std::filesystem;

namespace {

template <class T>
std::vector<T> without_spans(std::vector<T> v) {
  for (auto& x : v) {
    x.span = Span{};
    if constexpr (std::is_same_v<T, Question>)
      for (auto& o : x.options) o.span = Span{};
  }
  return v;
}

}  // namespace

TEST_CASE("each bundled data set's next year reads back as the model init made") {
  setenv("RAPPORTVERK_CACHE", "0", 1);
  for (const char* set : {"exempel", "nationell-2019", "stockholm-2017", "stockholm-2022"}) {
    INFO(set);
    const std::string source = std::string(RV_SOURCE_DIR) + "/data/" + set;
    LoadResult last = load_data_set({source});
    REQUIRE(last.ok());
    const GrantYear next = init::advance(last.data);
    Diagnostics diags;
    auto files = init::next_year_files(last.data, next, source, {set, "2026-11-30"}, diags);
    REQUIRE_FALSE(diags.has_errors());
    const fs::path dir = fs::temp_directory_path() /
                         ("rv_init_rundtur_" + std::string(set) + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    for (const auto& f : files) {
      fs::create_directories((dir / f.name).parent_path());
      std::ofstream(dir / f.name, std::ios::binary) << f.text;
    }
    LoadResult back = load_data_set({dir.string()});
    const std::string first_problem =
        back.diags.all().empty() ? "" : format_diagnostic(back.diags.sorted().front());
    INFO(first_problem);
    REQUIRE(back.ok());
    const GrantYear& b = back.data;
    CHECK(b.grant.name == next.grant.name);
    CHECK(b.grant.year == next.grant.year);
    CHECK(b.grant.period_start == next.grant.period_start);
    CHECK(b.grant.period_end == next.grant.period_end);
    CHECK(without_spans(b.grant.deadlines) == without_spans(next.grant.deadlines));
    CHECK(without_spans(b.groups) == without_spans(next.groups));
    CHECK(without_spans(b.questions) == without_spans(next.questions));
    CHECK(without_spans(b.history) == without_spans(next.history));
    CHECK(without_spans(b.previous) == without_spans(next.previous));
    DocumentMeta doc = b.document, expected = next.document;
    doc.span = expected.span = Span{};
    doc.consultations = without_spans(doc.consultations);
    expected.consultations = without_spans(expected.consultations);
    CHECK(doc == expected);
    REQUIRE(b.recipients.size() == next.recipients.size());
    for (size_t i = 0; i < b.recipients.size(); ++i) {
      Recipient r = b.recipients[i], e = next.recipients[i];
      r.span = e.span = Span{};
      CHECK(r == e);
    }
    CHECK(b.allocation_spec_files.size() == last.data.allocation_spec_files.size());
    fs::remove_all(dir);
  }
}

// Issue 16, point 5: the organisation's own fields (egna_fält) outlive the year, like the
// postal address: their declarations and each recipient's values come back as they were.
TEST_CASE("own fields and their declarations are carried into the next year") {
  setenv("RAPPORTVERK_CACHE", "0", 1);
  const fs::path src = fs::temp_directory_path() / ("rv_init_egna_" + std::to_string(getpid()));
  const fs::path dir = src.string() + "_2020";
  fs::remove_all(src);
  fs::remove_all(dir);
  fs::create_directories(src);
  std::ofstream(src / "bidrag.yaml")
      << "bidrag:\n  namn: Utvecklingsmedel\n  år: 2019\n  myndighet: Socialstyrelsen\n"
         "  egna_fält: {län: text, invånare: heltal, startad: datum, jour: ja_nej}\n"
         "grupper:\n  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner,\n"
         "     bestämd_plural: kommunerna, egna_fält: {storlek: [liten, \"stor stad\"]}}\n"
         "mottagare:\n  kommuner:\n"
         "    - {namn: Ale kommun, rekvirerat: 100, län: \"Västra Götalands län\", invånare: "
         "31868, startad: 2019-03-01, jour: ja, storlek: stor stad}\n"
         "    - {namn: Eda kommun, rekvirerat: 50, storlek: liten}\n";
  LoadResult last = load_data_set({src.string()});
  REQUIRE(last.ok());
  const GrantYear next = init::advance(last.data);
  Diagnostics diags;
  auto files = init::next_year_files(last.data, next, src.string(), {"x", "2026-11-30"}, diags);
  REQUIRE_FALSE(diags.has_errors());
  for (const auto& f : files) {
    fs::create_directories((dir / f.name).parent_path());
    std::ofstream(dir / f.name, std::ios::binary) << f.text;
  }
  LoadResult back = load_data_set({dir.string()});
  INFO((back.diags.all().empty() ? "" : format_diagnostic(back.diags.sorted().front())));
  REQUIRE(back.ok());
  CHECK(without_spans(back.data.field_decls) == without_spans(last.data.field_decls));
  REQUIRE(back.data.recipients.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    auto got = back.data.recipients[i].fields, want = last.data.recipients[i].fields;
    for (auto* m : {&got, &want})
      for (auto& [k, v] : *m) v.span = Span{};
    CHECK(got == want);
  }
  CHECK(back.data.recipients[0].fields.size() == 5);
  fs::remove_all(src);
  fs::remove_all(dir);
}
