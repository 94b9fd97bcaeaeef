// Writing the page model as PDF: paint, compress in parallel, hand libharu the objects, save
// to memory, write the bytes atomically (outfile).
#include <cstdio>
#include <functional>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/page.hpp"
#include "outfile/outfile.hpp"
#include "pdf/internal.hpp"
#include "pdf/pdf.hpp"

namespace rv::pdf {

namespace {

void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
  auto* w = static_cast<WriteState*>(user);
  char buf[128];
  std::snprintf(buf, sizeof buf, "internt fel i PDF-biblioteket (libharu): fel 0x%04X (detalj %u)",
                static_cast<unsigned>(error_no), static_cast<unsigned>(detail_no));
  w->diags->error({}, buf);
  ++w->errors;
  // libharu's error state is sticky; clear it so the remaining problems are reported too.
  if (w->pdf) HPDF_ResetError(w->pdf);
}

}  // namespace

Written write_pdf(const layout::Pages& model, const outfile::Target& target, Diagnostics& diags,
                  const Options& options) {
  auto state = std::make_unique<WriteState>();
  WriteState& w = *state;
  w.diags = &diags;
  w.model = &model;
  w.pdf = HPDF_New(on_error, &w);
  if (!w.pdf) {
    diags.error({}, "kan inte starta PDF-biblioteket (libharu)");
    return Written::LibraryFailed;
  }
  declare_pdf_17(w);            // the header says what the file uses (XMP, Type0 fonts…)
  HPDF_UseUTFEncodings(w.pdf);  // outline titles and /Alt texts are UTF-8
  HPDF_SetCurrentEncoder(w.pdf, "UTF-8");
  if (!collect_fonts(w)) {
    HPDF_Free(w.pdf);
    return Written::LibraryFailed;
  }
  const size_t n = model.pages.size();
  w.contents.resize(n);
  if (options.tagged) w.content = map_content(model);
  w.links = tagged_links(model);

  // Painting and deflating are the bulk of the work and need no libharu object, so they
  // run on all cores while this thread builds the document's objects.
  std::vector<std::function<void()>> jobs;
  for (EmbeddedFont& f : w.fonts)
    if (f.file) jobs.emplace_back([&f] { compress_font(f); });
  for (size_t i = 0; i < n; ++i)
    jobs.emplace_back([&w, &options, i] {
      std::string content = paint_page(w, static_cast<int>(i), options.tagged);
      w.contents[i] = options.compress ? deflate_bytes(content) : std::move(content);
    });
  run_jobs(jobs, [&] {
    for (size_t i = 0; i < n; ++i) {
      keep_object_list_growth_geometric(w.pdf);
      HPDF_Page page = HPDF_AddPage(w.pdf);
      HPDF_Page_SetWidth(page, model.pages[i].width);
      HPDF_Page_SetHeight(page, model.pages[i].height);
      w.pages.push_back(page);
    }
    add_font_objects(w);
    write_info(w);
    write_outline(w);
    write_links(w);
    if (options.tagged) write_structure(w);
  });
  for (EmbeddedFont& f : w.fonts) {
    if (!f.file) continue;
    set_stream_bytes(w, f.font_file, f.font_file_z);
    HPDF_Dict_AddNumber(f.font_file, "Length1", static_cast<HPDF_INT32>(f.font_file_length));
    set_stream_bytes(w, f.cid_to_gid, f.cid_to_gid_z);
    set_stream_bytes(w, f.to_unicode, f.to_unicode_z);
    if (f.cid_set) set_stream_bytes(w, f.cid_set, f.cid_set_z);
  }
  write_file_id(w);
  for (size_t i = 0; i < n; ++i) {
    set_page_contents(w, i, w.contents[i], options.compress);
  }

  // Saved to memory, then written whole through outfile (temporary file, every write
  // checked, rename last). HPDF_SaveToFile would hand the bytes to stdio, whose errors on
  // the final flush it never sees.
  Written result = Written::Ok;
  std::string saved;
  if (w.errors > 0 || !save_to_string(w.pdf, saved) || w.errors > 0) {
    if (w.errors == 0)
      diags.error(Span{target.shown, 0, 0}, "PDF-biblioteket kunde inte spara dokumentet");
    result = Written::LibraryFailed;
  } else if (!outfile::write(target, saved, diags)) {
    result = Written::OutputFailed;
  }
  // Kept only when the caller ends the process right after a success (see Options); a
  // failed write returns to a caller that goes on, so what it allocated is freed.
  const bool keep = !options.free_document && result == Written::Ok;
  if (!keep) HPDF_Free(w.pdf);
  w.pdf = nullptr;
  if (keep) static_cast<void>(state.release());
  return result;
}

bool write_pdf(const layout::Pages& model, const std::string& path, Diagnostics& diags,
               const Options& options) {
  auto target = outfile::check_target(path, diags);
  return target && write_pdf(model, *target, diags, options) == Written::Ok;
}

}  // namespace rv::pdf
