// The render path of a batch on several threads at once gives exactly the documents it
// gives one at a time (TemplateBatch::render, layout, the PDF writer's page model).
#include <catch2/catch.hpp>
#include <thread>

#include "batch/batch.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "pdf/pdf.hpp"
#include "stats/group_allocation.hpp"
#include "template/template.hpp"

using namespace rv;

namespace {

std::string page_model(const tmpl::TemplateBatch& templ, const tmpl::Value& recipient) {
  Diagnostics d;
  auto rendered = templ.render("mottagare", recipient, d);
  if (!rendered) return "mallfel";
  layout::Context lc;
  auto pages = layout::layout(rendered->document, lc, d);
  if (!pages || d.has_errors()) return "layoutfel";
  return pdf::trace(*pages);
}

}  // namespace

TEST_CASE("batch: rendering on several threads gives the sequential documents",
          "[batch][threads]") {
  LoadResult loaded = load_data_set({std::string(RV_SOURCE_DIR) + "/data/nationell-2019"});
  REQUIRE(loaded.ok());
  Diagnostics d;
  stats::apply_group_allocations(loaded.data, d);
  auto templ = tmpl::TemplateBatch::open(
      std::string(RV_SOURCE_DIR) + "/templates/besked-fordelning", loaded.data, d, {});
  REQUIRE(templ);
  std::vector<tmpl::Value> all = batch::recipients(templ->context()), chosen;
  for (size_t i = 0; i < all.size() && chosen.size() < 24; i += 14) chosen.push_back(all[i]);
  std::vector<std::string> alone, together(chosen.size());
  for (const auto& r : chosen) alone.push_back(page_model(*templ, r));
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (size_t i = t; i < chosen.size(); i += 4) together[i] = page_model(*templ, chosen[i]);
    });
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < chosen.size(); ++i) {
    INFO(i);
    CHECK(alone[i].size() > 1000);
    CHECK(together[i] == alone[i]);
  }
}
