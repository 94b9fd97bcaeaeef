#include <catch2/catch.hpp>

#include "doc/doc.hpp"
#include "layout/layout.hpp"

using namespace rv;

TEST_CASE("layout: a character the fonts lack is reported once, at its source position") {
  doc::Document d;
  d.meta.title = "Test";
  d.blocks.push_back(doc::paragraph(doc::Inlines{doc::text("Namnet 王 och 王 igen, Åsa och Ödön.",
                                                           doc::FontStyle::Regular,
                                                           Span{"mall.md", 7, 3})}));
  Diagnostics diags;
  auto pages = layout::layout(d, {}, diags);
  REQUIRE(pages);
  REQUIRE(diags.warning_count() == 1);
  CHECK_FALSE(diags.has_errors());
  CHECK(format_diagnostic(diags.all()[0]) ==
        "mall.md:7:3: varning: tecknet \u201d王\u201d (U+738B) finns inte i typsnittet och blir en "
        "tom ruta i PDF-filen");
}
