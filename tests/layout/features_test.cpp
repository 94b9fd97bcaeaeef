// Page styles, the tjänsteutlåtande header block, spans in diagnostics and the trace.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "layout/layout.hpp"

using namespace rv;
using namespace rv::test;

namespace {

doc::Document utlatande(int paragraphs) {
  doc::Document d;
  d.meta.title = "Fördelning av utvecklingsmedel för arbetet mot våld i nära relationer 2022";
  doc::OfficialHeader h;
  h.organisation = "Socialförvaltningen";
  h.department = "Avdelningen för stadsövergripande sociala frågor";
  h.doc_type = "Tjänsteutlåtande";
  h.dnr = "Dnr SOF 2022/1234";
  h.date = "2022-05-18";
  h.handlaggare = "Handläggare: Anna Andersson";
  h.telefon = "Telefon: 08-508 250 00";
  h.recipient = "Till Socialnämnden";
  h.meeting = "2022-06-14";
  doc::PageStyle first;
  first.name = "forsta";
  first.next = "foljande";
  first.official = h;
  doc::PageStyle rest = first;
  rest.name = "foljande";
  rest.next.clear();
  rest.official->full = false;
  d.page_styles = {first, rest};
  d.blocks.push_back(doc::heading(1, "Fördelning av utvecklingsmedel"));
  for (int i = 0; i < paragraphs; ++i)
    d.blocks.push_back(doc::paragraph(
        "Socialstyrelsen har under åren 2020–2022 regeringens uppdrag att fördela medel till "
        "kommuner för att utveckla socialtjänstens och hälso- och sjukvårdens arbete mot våld "
        "i nära relationer. Stockholms stad kan rekvirera 5\u00a0394\u00a0915 kronor för år "
        "2022."));
  return d;
}

}  // namespace

TEST_CASE("layout: a tjänsteutlåtande has the header block and \"Sida x (y)\" on every page") {
  Diagnostics diags;
  auto p = layout::layout(utlatande(40), {}, diags);
  REQUIRE(p);
  const size_t n = p->pages.size();
  REQUIRE(n >= 3);
  for (size_t i = 0; i < n; ++i) {
    const std::string want = "Sida " + std::to_string(i + 1) + " (" + std::to_string(n) + ")";
    bool found = false, dnr = false, recipient = false;
    for (const auto& it : p->pages[i].items)
      if (const auto* t = std::get_if<TextRun>(&it)) {
        found |= t->text == want;
        dnr |= t->text == "Dnr SOF 2022/1234";
        recipient |= t->text == "Till Socialnämnden";
      }
    INFO(want);
    CHECK(found);
    CHECK(dnr);
    CHECK(recipient == (i == 0));  // the full block only on the first page
  }
}

TEST_CASE("layout: an unknown page style is reported at the page break's span") {
  doc::Document d = utlatande(1);
  d.blocks.push_back(doc::page_break("saknas", Span{"mall.md", 12, 3}));
  d.blocks.push_back(doc::paragraph("Efter brytningen."));
  Diagnostics diags;
  auto p = layout::layout(d, {}, diags);
  REQUIRE(p);
  REQUIRE(diags.has_errors());
  CHECK(diags.all()[0].span.file == "mall.md");
  CHECK(diags.all()[0].span.line == 12);
  CHECK(diags.all()[0].message.find("saknas") != std::string::npos);
}

TEST_CASE("layout: missing fonts are a diagnostic, not a crash") {
  Diagnostics diags;
  layout::Context ctx;
  ctx.fonts_dir = "/finns/inte";
  CHECK_FALSE(layout::layout(utlatande(1), ctx, diags));
  CHECK(diags.error_count() == 8);
}
