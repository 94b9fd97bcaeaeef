// Issue 16, point 5: a recipient's own fields (egna_fält) in templates: on each recipient
// record (`m.län`), no value where a recipient leaves one out, in conditions, and as the
// key that a named data source groups by (`gruppera: rad.län`).
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "load/load.hpp"
#include "template/bind.hpp"
#include "template/expand.hpp"
#include "template/settings.hpp"

using namespace rv;
using namespace rv::tmpl;
namespace fs = std::filesystem;

namespace {

const char* const kData =
    "bidrag:\n"
    "  namn: Utvecklingsmedel\n"
    "  år: 2019\n"
    "  myndighet: Socialstyrelsen\n"
    "  egna_fält: {län: text, invånare: heltal, jour: ja_nej}\n"
    "grupper:\n"
    "  - {id: kommuner, etikett: Kommuner, singular: kommun, plural: kommuner,\n"
    "     bestämd_plural: kommunerna}\n"
    "mottagare:\n"
    "  kommuner:\n"
    "    - {namn: Ale kommun, rekvirerat: 100, län: Västra Götalands län, invånare: 31868, "
    "jour: ja}\n"
    "    - {namn: Borås stad, rekvirerat: 300, län: Västra Götalands län, invånare: 113714}\n"
    "    - {namn: Eda kommun, rekvirerat: 50, län: Värmlands län, jour: nej}\n"
    "    - {namn: Umeå kommun, rekvirerat: 70}\n";

Value context(Diagnostics& d) {
  LoadResult r = load_data_text("d.yaml", kData);
  REQUIRE(r.diags.error_count() == 0);
  static GrantYear year;  // the context may point into it
  year = std::move(r.data);
  return bind_context(year, d);
}

std::string expand(const std::string& tpl) {
  Diagnostics d;
  Body b = parse_template("mall.md", tpl, d);
  Expander ex(context(d), HouseStyle{}, nullptr, d);
  std::string out = ex.expand(b).markdown;
  std::string all;
  for (const auto& x : d.sorted()) all += format_diagnostic(x) + "\n";
  INFO(all);
  CHECK(d.empty());
  return out;
}

}  // namespace

TEST_CASE("own fields on each recipient, no value where left out") {
  CHECK(expand("{% for m in grupper.kommuner.mottagare %}{{ m.namn }}: "
               "{{ m.län | standard(\"–\") }}, {{ m.invånare | standard(\"–\") }}; "
               "{% endfor %}") ==
        "Ale kommun: Västra Götalands län, 31\u00A0868; Borås stad: Västra Götalands län, "
        "113\u00A0714; "
        "Eda kommun: Värmlands län, –; Umeå kommun: –, –; ");
  // In a condition: a yes/no field, and a missing value that is `inget`.
  CHECK(expand("{% for m in grupper.kommuner.mottagare %}{% if m.jour %}{{ m.namn }} har jour. "
               "{% endif %}{% if m.län == inget %}{{ m.namn }} saknar län.{% endif %}"
               "{% endfor %}") == "Ale kommun har jour. Umeå kommun saknar län.");
  // Sorted by an own number field, those that have it.
  CHECK(expand("{{ grupper.kommuner.mottagare | sortera(\"invånare\", \"fallande\") | första(1) "
               "| varje(\"{namn}\") | lista }}") == "Borås stad");
}

TEST_CASE("a named data source grouped by an own field") {
  fs::path dir = fs::temp_directory_path() / ("rv_own_sources_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "mall.yaml")
      << "typ: rapport\nmetadata: {titel: T, författare: A}\n"
         "källor:\n"
         "  per_län:\n"
         "    källa: grupper.kommuner.mottagare\n"
         "    villkor: rad.län != inget\n"
         "    gruppera: rad.län\n"
         "    kolumner: {kommuner: antal, fördelat: summa(rad.fördelat)}\n";
  Diagnostics d;
  auto s = read_settings(dir.string(), d);
  fs::remove_all(dir);
  REQUIRE(s);
  Value sources = compute_sources(*s, context(d), d);
  REQUIRE(d.empty());
  const List& l = sources.get("per_län")->as_list();
  REQUIRE(l.size() == 2);
  CHECK(l[0].get("grupp")->as_str() == "Värmlands län");  // in Swedish order
  CHECK(l[0].get("kommuner")->as_int() == 1);
  CHECK(l[0].get("fördelat")->as_int() == 50);
  CHECK(l[1].get("grupp")->as_str() == "Västra Götalands län");
  CHECK(l[1].get("kommuner")->as_int() == 2);
  CHECK(l[1].get("fördelat")->as_int() == 400);
}
