// Issue 18: the PDF paints the kerning layout measured. A kerned pair is a TJ adjustment
// between its two glyphs, and every word ends where layout said it would: pdftotext's
// glyph boxes read back from the file end at the run's measured right edge.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "layout/layout.hpp"
#include "pdf/pdf.hpp"

using namespace rv;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& cmd) {
  FILE* f = popen(cmd.c_str(), "r");
  REQUIRE(f);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  REQUIRE(pclose(f) == 0);
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("kerning: painted as measured, word by word") {
  const fs::path dir = fs::temp_directory_path() / ("rv_kern_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  doc::Document d;
  d.meta.title = "Kerning";
  // Ragged: no justification, so every word stands where its measured width puts it.
  doc::Paragraph p;
  p.content = {doc::text("AVTAL Totalt Västerås, Yta. Tåg")};
  p.format.align = doc::Align::Left;
  d.blocks.push_back(doc::Block{p});
  Diagnostics diags;
  auto pages = layout::layout(d, {}, diags);
  REQUIRE(pages);
  const layout::TextRun* run_ptr = nullptr;
  for (const auto& it : pages->pages.at(0).items)
    if (const auto* t = std::get_if<layout::TextRun>(&it); t && t->node >= 0) run_ptr = t;
  REQUIRE(run_ptr);
  const layout::TextRun& r = *run_ptr;
  const fs::path pdf = dir / "k.pdf";
  REQUIRE(pdf::write_pdf(*pages, pdf.string(), diags));

  // The pair "To" closes up by the font's value: a positive TJ number between the glyphs.
  const font::TrueType& face = *pages->fonts[static_cast<size_t>(r.font)];
  const int to = face.kerning()(U'T', U'o');
  REQUIRE(to < 0);
  REQUIRE(std::system(("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" +
                       (dir / "q.pdf").string() + "'")
                          .c_str()) == 0);
  const std::string content = slurp(dir / "q.pdf");
  // (qpdf writes the two-byte codes as hex strings: T is <0054>, o is <006f>.)
  CHECK(content.find("0054> " + std::to_string(-to) + " <006f") != std::string::npos);

  // The last word's glyph box ends at the run's measured right edge (to a rounding).
  const std::string bbox = run("pdftotext -bbox '" + pdf.string() + "' -");
  std::smatch m;
  REQUIRE(std::regex_search(bbox, m, std::regex("xMax=\"([0-9.]+)\"[^>]*>Tåg<")));
  CHECK(std::stod(m[1]) == Approx(r.x + r.width).margin(0.05));
  REQUIRE(std::regex_search(bbox, m, std::regex("xMin=\"([0-9.]+)\"[^>]*>AVTAL<")));
  CHECK(std::stod(m[1]) == Approx(r.x).margin(0.05));
  fs::remove_all(dir);
}
