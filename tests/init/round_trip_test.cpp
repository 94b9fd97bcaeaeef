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
