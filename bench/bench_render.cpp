// Lays out and writes a generated 60-page report (prose with footnotes, a 290-row
// seven-column table, five charts) repeatedly; prints median wall times and peak memory.
//   build/bench/bench_render [runs] [output.pdf]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "layout/layout.hpp"
#include "pdf/pdf.hpp"
#include "sample_document.hpp"

namespace {

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;
  const std::string out = argc > 2 ? argv[2] : "/tmp/rapportverk-bench.pdf";
  rv::sample::Params params;
  params.chapters = 10;
  params.charts = 5;
  params.table_rows = 290;

  std::vector<double> build_ms, layout_ms, write_ms, total_ms;
  size_t pages = 0;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    const rv::doc::Document d = rv::sample::make_report(params);
    build_ms.push_back(ms_since(t0));
    const auto t1 = std::chrono::steady_clock::now();
    rv::Diagnostics diags;
    auto p = rv::layout::layout(d, {}, diags);
    layout_ms.push_back(ms_since(t1));
    if (!p) {
      std::fprintf(stderr, "layout failed\n");
      return 1;
    }
    pages = p->pages.size();
    const auto t2 = std::chrono::steady_clock::now();
    if (!rv::pdf::write_pdf(*p, out, diags)) {
      std::fprintf(stderr, "write failed\n");
      return 1;
    }
    write_ms.push_back(ms_since(t2));
    total_ms.push_back(ms_since(t1));
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("pages: %zu, runs: %d\n", pages, runs);
  std::printf("median build tree: %.1f ms\n", median(build_ms));
  std::printf("median layout:     %.1f ms\n", median(layout_ms));
  std::printf("median write PDF:  %.1f ms\n", median(write_ms));
  std::printf("median layout+write: %.1f ms\n", median(total_ms));
  std::printf("peak RSS: %.1f MiB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
  return 0;
}
