#include "cli/pipeline.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "docx/docx.hpp"
#include "html/html.hpp"
#include "layout/layout.hpp"
#include "load/load.hpp"
#include "paths/paths.hpp"
#include "pdf/pdf.hpp"
#include "raster/raster.hpp"
#include "stats/consistency.hpp"
#include "stats/group_allocation.hpp"

namespace fs = std::filesystem;

namespace rv::cli {

std::string resolve_template(const std::string& name) {
  // No exceptions: a path that cannot be examined (a symlink loop …) is left as given, and
  // reading the template then reports it with its Swedish reason.
  std::error_code ec;
  if (fs::is_directory(name, ec)) return name;
  // By name: the first on the search path (RAPPORTVERK_MALLAR, the user's own folder, the
  // bundled templates; `rapportverk mallar` shows it).
  return paths::find_template(name).value_or(name);
}

std::optional<std::map<std::string, std::string>> parse_parameters(
    const std::vector<std::string>& parameters, Diagnostics& diags) {
  std::map<std::string, std::string> params;
  for (const auto& p : parameters) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      diags.error(Span{}, "parametern '" + p + "' ska skrivas namn=värde");
      return std::nullopt;
    }
    auto [it, fresh] = params.emplace(p.substr(0, eq), p.substr(eq + 1));
    if (!fresh) {
      diags.error(Span{}, "parametern '" + it->first + "' anges två gånger (-p " + it->first + "=" +
                              it->second + " och -p " + p + ")");
      return std::nullopt;
    }
  }
  return params;
}

std::optional<GrantYear> load_year(const std::vector<std::string>& data, Diagnostics& diags) {
  auto t0 = std::chrono::steady_clock::now();
  LoadResult loaded = load_data_set(data);
  if (std::getenv("RAPPORTVERK_TIDER"))
    std::cerr
        << "tid läsa data: "
        << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count()
        << " ms\n";
  diags.append(loaded.diags);
  if (!loaded.ok()) return std::nullopt;
  GrantYear year = std::move(loaded.data);
  // Keys computed by a group's specification, before anything reads them.
  stats::apply_group_allocations(year, diags);
  // Files that contradict each other would give a memo that contradicts itself.
  stats::check_allocations(year, diags);
  if (diags.has_errors()) return std::nullopt;
  return year;
}

std::optional<Prepared> prepare(const std::string& template_name,
                                const std::vector<std::string>& data,
                                const std::vector<std::string>& parameters, Diagnostics& diags) {
  auto params = parse_parameters(parameters, diags);
  if (!params) return std::nullopt;
  auto year = load_year(data, diags);
  if (!year) return std::nullopt;
  Prepared p;
  p.year = std::move(*year);
  auto rendered = tmpl::render_template(resolve_template(template_name), p.year, diags, *params);
  if (!rendered || diags.has_errors()) return std::nullopt;
  p.rendered = std::move(*rendered);
  return p;
}

namespace {

// Charts drawn at this resolution: sharp in print and on a screen zoomed to 200 %.
constexpr double kChartDpi = 200;

// The PDF's page number ("7") of every link target: what page references (sida()) and a
// table of contents cite in the web page and the Word file.
std::map<std::string, std::string> page_numbers(const layout::Pages& pages) {
  std::map<std::string, std::string> out;
  for (const layout::Anchor& a : pages.anchors)
    if (a.page >= 0) out.emplace(a.id, std::to_string(a.page + 1));
  return out;
}

}  // namespace

bool write_html(const doc::Document& document, const layout::Pages& pages,
                const outfile::Target& target, Diagnostics& diags) {
  html::Options options;
  options.fonts_dir = layout::default_fonts_dir();
  options.page_of = page_numbers(pages);
  return outfile::write(target, html::write_html(document, options, diags), diags);
}

bool write_docx(const doc::Document& document, const layout::Pages& pages,
                const outfile::Target& target, Diagnostics& diags) {
  docx::Options options;
  options.page_of = page_numbers(pages);
  // Each chart is one Figure node, laid out in document order.
  for (size_t n = 0; n < pages.nodes.size(); ++n) {
    if (pages.nodes[n].role != layout::Role::Figure) continue;
    docx::Picture pic;
    if (auto image = raster::draw_node(pages, static_cast<int>(n), kChartDpi)) {
      pic.png = raster::png(*image);
      pic.width_pt = image->width_pt;
      pic.height_pt = image->height_pt;
    }
    options.charts.push_back(std::move(pic));
  }
  options.pdf_pages = static_cast<int>(pages.pages.size());
  options.table_columns = pages.table_columns;
  return outfile::write(target, docx::write_docx(document, options, diags), diags);
}

bool write_document(const std::string& format, const doc::Document& document,
                    const layout::Pages& pages, const outfile::Target& target, Diagnostics& diags) {
  if (format == "html") return write_html(document, pages, target, diags);
  if (format == "docx") return write_docx(document, pages, target, diags);
  return pdf::write_pdf(pages, target, diags) == pdf::Written::Ok;
}

}  // namespace rv::cli
