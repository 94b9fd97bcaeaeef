// format_diagnostic_json (--diagnostik json): one line of valid JSON whatever the message
// holds.
#include <catch2/catch.hpp>

#include "diag/diag.hpp"

using rv::Diagnostic;
using rv::Severity;
using rv::Span;

TEST_CASE("diagnostic as JSON: fields, nulls for unknown positions, escapes", "[json]") {
  CHECK(
      rv::format_diagnostic_json({Severity::Error, Span{"mall.md", 3, 16}, "okänd variabel 'x'"}) ==
      R"({"file":"mall.md","line":3,"col":16,"severity":"error","message":"okänd variabel 'x'"})");
  CHECK(rv::format_diagnostic_json({Severity::Warning, Span{}, "saknas"}) ==
        R"({"file":null,"line":null,"col":null,"severity":"warning","message":"saknas"})");
  // Quotes, backslashes and control characters escaped: still one line.
  const std::string escaped =
      rv::format_diagnostic_json({Severity::Error, Span{"a\"b\\c.yaml", 1, 0}, "rad\nett\tx\x01"});
  CHECK(
      escaped ==
      R"({"file":"a\"b\\c.yaml","line":1,"col":null,"severity":"error","message":"rad\u000aett\u0009x\u0001"})");
  // Bytes that are not UTF-8 become U+FFFD; valid UTF-8 (å, €, 😀) is kept.
  CHECK(
      rv::format_diagnostic_json(
          {Severity::Error, Span{"f\xff.yaml", 0, 0}, "å € 😀 \xC3 \xE2\x82"}) ==
      R"({"file":"f\uFFFD.yaml","line":null,"col":null,"severity":"error","message":"å € 😀 \uFFFD \uFFFD\uFFFD"})");
}
