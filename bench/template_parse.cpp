// Template parsing grows linearly with the number of tags on one line (it was quadratic:
// 2.6 s for 20 000 nested {% if %} tags on one line). Prints the time per tag for growing
// sizes; the figures should stay flat.
#include <chrono>
#include <cstdio>
#include <string>

#include "template/syntax.hpp"

int main() {
  using clock = std::chrono::steady_clock;
  for (size_t n : {25'000u, 50'000u, 100'000u, 200'000u}) {
    std::string line;
    for (size_t i = 0; i < n; ++i) line += "{% if x %}a{% endif %}";
    rv::Diagnostics diags;
    auto start = clock::now();
    rv::tmpl::Body body = rv::tmpl::parse_template("mall.md", line, diags);
    double s = std::chrono::duration<double>(clock::now() - start).count();
    std::printf("%7zu {%% if %%}…{%% endif %%} on one line: %7.1f ms, %6.0f ns per tag%s\n", n,
                s * 1e3, s * 1e9 / static_cast<double>(2 * n), diags.empty() ? "" : " (errors)");
  }
}
