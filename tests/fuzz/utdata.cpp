// Fuzz target: the writers of the web page and the Word file (src/html, src/docx) on the
// document tree the Markdown front end makes of any text: headings, lists, quotes,
// tables, footnotes, links and the characters XML cannot hold, under a memo's header.
#include "docx/docx.hpp"
#include "html/html.hpp"
#include "markdown_input.hpp"

using namespace rv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const tmpl::Expansion ex = fuzz::markdown_input(data, size);
  Diagnostics diags;
  doc::Document d;
  d.blocks = tmpl::markdown_to_blocks(
      ex, [](const tmpl::BlockRequest&) { return std::vector<doc::Block>{}; }, diags);
  d.meta.title = ex.markdown.substr(0, 40);
  doc::OfficialHeader h;
  h.organisation = ex.markdown.substr(0, 20);
  h.dnr = "Dnr SOF 2022/1";
  d.page_styles = {doc::PageStyle{"första", "", {}, {}, h, {}}};
  html::Options ho;
  static_cast<void>(html::write_html(d, ho, diags));
  docx::Options dx;
  static_cast<void>(docx::write_docx(d, dx, diags));
  return 0;
}
