// Layout refuses what no real document needs and a runaway template can produce: more
// pages than limits::kPages, lists and quotes nested past limits::kMarkdownDepth.
#include "doc/limits.hpp"

#include <catch2/catch.hpp>

#include "layout/layout.hpp"

using namespace rv;

TEST_CASE("layout: more than limits::kPages pages is an error at the content that overflows") {
  doc::Document d;
  for (int i = 0; i <= limits::kPages; ++i) {
    d.blocks.push_back(doc::paragraph("Sida", Span{"mall.md", i + 1, 1}));
    d.blocks.push_back(doc::page_break({}, Span{"mall.md", i + 1, 5}));
  }
  Diagnostics diags;
  auto pages = layout::layout(d, {}, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(format_diagnostic(diags.all()[0]) ==
        "mall.md:" + std::to_string(limits::kPages + 1) + ":1: fel: dokumentet blir längre än " + limits::grouped(limits::kPages) + " sidor");
  if (pages) CHECK(pages->pages.size() == static_cast<size_t>(limits::kPages));
}

TEST_CASE("layout: block quotes nested past the limit are an error, not a stack overflow") {
  doc::BlockQuote q;
  q.blocks.push_back(doc::paragraph("Innerst"));
  for (int i = 0; i < 5000; ++i) {
    doc::BlockQuote outer;
    outer.span = Span{"mall.md", 1, 5000 - i};
    outer.blocks.push_back(doc::Block{std::move(q)});
    q = std::move(outer);
  }
  doc::Document d;
  d.blocks.push_back(doc::Block{std::move(q)});
  Diagnostics diags;
  layout::layout(d, {}, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.all()[0].message == "citat och listor är nästlade för djupt (högst 64 nivåer)");
  // Freeing the 5 000-deep tree recurses too; it is built here only to reach layout.
  while (!d.blocks.empty()) {
    auto* quote = std::get_if<doc::BlockQuote>(&d.blocks.back().node);
    if (!quote) break;
    std::vector<doc::Block> inner = std::move(quote->blocks);
    d.blocks = std::move(inner);
  }
}
