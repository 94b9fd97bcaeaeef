// A stray ',' outside [ ] or { } (found by fuzzing the loader): yaml-cpp's LoadAll
// reported an empty document for it again and again without consuming it, so loading
// such a file never ended. It is a syntax error at the comma, in the data-set loader and
// in the allocation specification, which reads YAML the same way.
#include <catch2/catch.hpp>
#include <string>

#include "load/load.hpp"
#include "stats/allocate.hpp"

using namespace rv;

namespace {

std::string first_error(const Diagnostics& diags) {
  for (const auto& d : diags.sorted())
    if (d.severity == Severity::Error)
      return std::to_string(d.span.line) + ":" + std::to_string(d.span.col) + ": " + d.message;
  return "inget fel";
}

const std::string kComma =
    "YAML-syntaxfel: oväntat ',' (ett kommatecken hör hemma mellan [ ] eller { })";

}  // namespace

TEST_CASE("a stray comma ends loading with a positioned syntax error") {
  struct Case {
    std::string text, where;
  };
  for (const Case& c :
       {Case{",", "1:1"}, Case{std::string(",\0\0\x04", 4), "1:1"}, Case{"# kommentar\n  ,", "2:3"},
        Case{"--- ,", "1:5"}, Case{"bidrag: {namn: x}\n---\n,", "3:1"},
        Case{"bidrag: {namn: x}\n...\n,", "3:1"}, Case{"&a ,", "1:4"}}) {
    INFO(c.text);
    LoadResult r = load_data_text("d.yaml", c.text);
    CHECK(first_error(r.diags) == c.where + ": " + kComma);
    stats::SpecRead spec = stats::parse_allocation_spec("f.yaml", c.text);
    CHECK(first_error(spec.diags) == c.where + ": " + kComma);
  }
}

TEST_CASE("document markers without a stray comma still load as before") {
  // An empty second document loses nothing; a second document with content is an error.
  LoadResult empty_second = load_data_text("d.yaml", "---\nokänd: 1\n...\n---\n");
  CHECK(first_error(empty_second.diags).find("okänd nyckel 'okänd'") != std::string::npos);
  LoadResult two = load_data_text("d.yaml", "okänd: 1\n---\nb: 2\n");
  CHECK(first_error(two.diags).find("2:1: YAML-syntaxfel: filen innehåller mer än ett") == 0);
}
