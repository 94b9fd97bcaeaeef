// Building a document's two halves on two cores gives exactly the sequential result.
#include <catch2/catch.hpp>

#include "layout/flow.hpp"
#include "layout/layout.hpp"
#include "pdf/pdf.hpp"

using namespace rv;

namespace {

std::string sentence(int i) {
  return "Stycke " + std::to_string(i) +
         ": Socialstyrelsen fördelar utvecklingsmedel till kommuner, regioner och ideella "
         "organisationer för att kvalitetsutveckla arbetet mot våld i nära relationer, och "
         "mottagarna återrapporterar hur medlen har använts.";
}

doc::Block table(int rows) {
  doc::Table t;
  t.label = "Tabell 1.";
  t.caption.push_back(doc::text("Beviljade medel per kommun"));
  t.columns.resize(2);
  t.columns[1].align = doc::CellAlign::Right;
  doc::Row head;
  head.cells.push_back({{doc::text("Kommun")}});
  head.cells.push_back({{doc::text("Belopp, kr")}});
  t.header.push_back(head);
  for (int r = 0; r < rows; ++r) {
    doc::Row row;
    row.cells.push_back({{doc::text("Kommun " + std::to_string(r))}});
    row.cells.push_back({{doc::text(std::to_string(1000 * r))}});
    t.body.push_back(row);
  }
  return doc::Block{t};
}

// A TOC, headings, footnotes and a long table on both sides of a page break in the middle.
doc::Document document(bool missing_glyph_late) {
  doc::Document d;
  d.meta.title = "Parallell sättning";
  d.blocks.push_back(doc::Block{doc::TableOfContents{}});
  for (int part = 0; part < 2; ++part) {
    if (part == 1) d.blocks.push_back(doc::page_break());
    d.blocks.push_back(doc::heading(1, "Kapitel " + std::to_string(part + 1)));
    for (int i = 0; i < 30; ++i) {
      doc::Inlines content{doc::text(sentence(i))};
      if (i % 7 == 0) content.push_back(doc::footnote("Not till stycke " + std::to_string(i)));
      if (part == 1 && i == 20 && missing_glyph_late) content.push_back(doc::text(" 中"));
      d.blocks.push_back(doc::paragraph(content));
      if (i % 10 == 0) d.blocks.push_back(doc::heading(2, "Avsnitt " + std::to_string(i)));
    }
    d.blocks.push_back(table(60));
  }
  return d;
}

struct Result {
  std::string trace;
  std::vector<std::string> messages;
};

Result lay_out(const doc::Document& d, bool parallel) {
  Diagnostics diags;
  layout::Context c;
  c.parallel = parallel;
  auto pages = layout::layout(d, c, diags);
  REQUIRE(pages);
  Result r{pdf::trace(*pages), {}};
  for (const Diagnostic& m : diags.all()) r.messages.push_back(m.message);
  return r;
}

}  // namespace

TEST_CASE("layout: the two halves built in parallel give the sequential page model") {
  const doc::Document d = document(false);
  REQUIRE(layout::split_point(d.blocks) > 0);  // the parallel path is really taken
  const Result seq = lay_out(d, false), par = lay_out(d, true);
  CHECK(seq.messages.empty());
  CHECK(par.trace == seq.trace);
  // Footnotes are numbered on across the cut: five in each half, marks 1 to 10.
  size_t marks = 0;
  for (size_t at = par.trace.find(" mark "); at != std::string::npos;
       at = par.trace.find(" mark ", at + 1))
    ++marks;
  CHECK(marks == 10);
  CHECK(par.trace.find("w=6.82 \"10\"") != std::string::npos);
}

TEST_CASE("layout: a warning from the second half falls back to the sequential build") {
  const doc::Document d = document(true);
  const Result seq = lay_out(d, false), par = lay_out(d, true);
  REQUIRE(seq.messages.size() == 1);
  CHECK(par.messages == seq.messages);
  CHECK(par.trace == seq.trace);
}
