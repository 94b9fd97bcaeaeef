// Issue 16, point 6: charts of amounts on an axis computed from the largest value, with
// Swedish tick labels, horizontal or standing, missing and negative values, errors in the
// chart's settings at their line and column, and the alternative text (generated or
// written in mall.yaml) as the Figure's /Alt in the PDF.
#include <catch2/catch.hpp>
#include <random>
#include <regex>

#include "../support/pdf_text.hpp"
#include "../support/shell.hpp"
#include "template/chart.hpp"

using namespace rv;
using namespace rv::tmpl;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> labels(const std::vector<doc::Tick>& ticks) {
  std::vector<std::string> out;
  for (const auto& t : ticks) out.push_back(rvtest::pdf_plain(t.label));
  return out;
}

// A template folder with one chart of the national data set's groups; `chart` is the
// chart's settings after its name (indented four spaces), `body` the body text.
fs::path chart_template(const std::string& tag, const std::string& chart,
                        const std::string& body = "# Diagram\n\n{% diagram d %}\n") {
  fs::path dir = rvtest::temp_dir("chart_" + tag);
  rvtest::write(dir / "mall.yaml",
                "typ: bilaga\n"
                "metadata: {titel: Test, författare: Test}\n"
                "diagram:\n"
                "  d:\n"
                "    rubrik: Oförbrukat per grupp\n"
                "    källa: grupplista\n"
                "    etikett: rad.etikett\n" +
                    chart);
  rvtest::write(dir / "mall.md", body);
  return dir;
}

rvtest::Run render(const fs::path& dir, const std::string& out = "ut.pdf") {
  return rvtest::sh(rvtest::rv("skapa '" + dir.string() + "' data/nationell-2019 -o '" +
                               (dir / out).string() + "'"));
}

// The /Alt texts of the PDF's structure elements, as qpdf decodes them.
std::vector<std::string> alt_texts(const fs::path& pdf) {
  const std::string json = rvtest::sh("qpdf --json '" + pdf.string() + "'").out;
  std::vector<std::string> out;
  std::regex alt("\"/Alt\": \"u:([^\"]*)\"");
  for (auto it = std::sregex_iterator(json.begin(), json.end(), alt); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST_CASE("nice axis: 2 836 000 kr gives 0 to 3 000 000 in steps of 500 000") {
  const ValueAxis a = nice_axis(2836000);
  CHECK(a.top == 3000000);
  CHECK(a.step == 500000);
  CHECK(labels(axis_ticks(a, "kr")) == std::vector<std::string>{"0", "500 000", "1 000 000",
                                                                "1 500 000", "2 000 000",
                                                                "2 500 000", "3 000 000"});
  // The NBSP groups the digits, so a label is never broken.
  CHECK(axis_ticks(a, "kr")[2].label == "1\u00A0000\u00A0000");
  CHECK(labels(axis_ticks(a, "mnkr")) ==
        std::vector<std::string>{"0", "0,5", "1,0", "1,5", "2,0", "2,5", "3,0"});
  CHECK(labels(axis_ticks(a, "tkr")) ==
        std::vector<std::string>{"0", "500", "1 000", "1 500", "2 000", "2 500", "3 000"});
  CHECK(axis_title("kr") == "kr");
  CHECK(axis_title("mnkr") == "mnkr");
  CHECK(axis_title("heltal").empty());
  // Each tick's place on the scale.
  const auto t = axis_ticks(a, "kr");
  CHECK(t.back().at.num == t.back().at.den);
  CHECK(t[1].at.num * 6 == t[1].at.den);
}

TEST_CASE("nice axis: small, round and awkward maxima") {
  CHECK(nice_axis(1799061).top == 2000000);
  CHECK(nice_axis(1799061).step == 500000);
  CHECK(nice_axis(100).top == 100);  // a round maximum is the axis's end
  CHECK(nice_axis(100).step == 20);
  CHECK(nice_axis(101).top == 120);
  CHECK(nice_axis(7).top == 8);
  CHECK(nice_axis(7).step == 2);
  CHECK(nice_axis(240).step == 50);  // 2,5 × 10^k: 250 would need one step too few
  CHECK(nice_axis(130).step == 25);
  CHECK(nice_axis(130).top == 150);
  CHECK(nice_axis(0).top == 1);  // all bars zero: an axis still
  CHECK(labels(axis_ticks(nice_axis(2500), "tkr")) ==
        std::vector<std::string>{"0", "0,5", "1,0", "1,5", "2,0", "2,5"});
}

TEST_CASE("nice axis: for any maximum, three to six steps of 1, 2, 2,5 or 5 × 10^k") {
  std::mt19937_64 rng(16);
  for (int i = 0; i < 20000; ++i) {
    const int64_t max = static_cast<int64_t>(rng() % 4000000000000ULL) + 3;
    const ValueAxis a = nice_axis(max);
    INFO(max);
    REQUIRE(a.top >= max);
    REQUIRE(a.top - a.step < max);  // the first tick at or above the largest value
    REQUIRE(a.top % a.step == 0);
    const int64_t steps = a.top / a.step;
    REQUIRE(steps >= 3);
    REQUIRE(steps <= 6);
    int64_t m = a.step;
    while (m % 10 == 0 && m >= 100) m /= 10;
    REQUIRE((m == 1 || m == 2 || m == 5 || m == 10 || m == 20 || m == 25 || m == 50));
    // No smaller nice step would do.
    for (int64_t smaller : {a.step / 2, a.step * 2 / 5, a.step * 2 / 4})
      if (smaller > 0 && smaller < a.step) REQUIRE((max + smaller - 1) / smaller > 6);
  }
}

TEST_CASE("value labels and the alternative text's words in each format") {
  CHECK(rvtest::pdf_plain(chart_value_label(773332, "kr")) == "773 332 kr");
  CHECK(rvtest::pdf_plain(chart_value_label(773332, "tkr")) == "773 tkr");
  CHECK(rvtest::pdf_plain(chart_value_label(5050766, "mnkr")) == "5,1 mnkr");
  CHECK(rvtest::pdf_plain(chart_value_label(773332, "heltal")) == "773 332");
  CHECK(rvtest::pdf_plain(chart_value_prose(773332, "kr")) == "773 332 kronor");
  CHECK(rvtest::pdf_plain(chart_value_prose(5050766, "mnkr")) == "5,1 miljoner kronor");
}

TEST_CASE("a chart of amounts renders its axis, values and generated alt text") {
  for (const char* way : {"liggande", "stående"}) {
    fs::path dir = chart_template(std::string("kr_") + way,
                                  std::string("    värde: rad.oförbrukat\n    format: kr\n"
                                              "    riktning: ") +
                                      way + "\n");
    auto r = render(dir);
    INFO(r.out);
    REQUIRE(r.code == 0);
    CHECK_FALSE(rvtest::has(r.out, "utanför"));
    const std::string text =
        rvtest::flatten_words(rvtest::sh("pdftotext '" + (dir / "ut.pdf").string() + "' -").out);
    INFO(text);
    // Kommuner 5 050 766, regioner 8 443 350, ideella 272 189, …: the axis ends at 10 000 000.
    CHECK(rvtest::has(text, "8 443 350 kr"));
    CHECK(rvtest::has(text, "5 050 766 kr"));
    CHECK(rvtest::has(text, "10 000 000"));
    CHECK(rvtest::has(text, "2 000 000"));
    CHECK_FALSE(rvtest::has(text, "100 %"));
    const auto alts = alt_texts(dir / "ut.pdf");
    REQUIRE(alts.size() == 1);
    CHECK(rvtest::pdf_plain(alts[0]).find("Diagram 1. Oförbrukat per grupp: ") == 0);
    CHECK(rvtest::has(rvtest::pdf_plain(alts[0]), "Kommuner, 5 050 766 kronor"));
    CHECK(rvtest::has(rvtest::pdf_plain(alts[0]), "Regioner, 8 443 350 kronor"));
    fs::remove_all(dir);
  }
}

TEST_CASE("alternativtext in mall.yaml becomes the Figure's /Alt") {
  fs::path dir = chart_template(
      "alt",
      "    värde: rad.oförbrukat\n    format: mnkr\n"
      "    alternativtext: \"Kommunerna hade {{ grupper.kommuner.oförbrukat | mnkr }} kvar.\"\n");
  auto r = render(dir);
  INFO(r.out);
  REQUIRE(r.code == 0);
  const auto alts = alt_texts(dir / "ut.pdf");
  REQUIRE(alts.size() == 1);
  CHECK(rvtest::pdf_plain(alts[0]) == "Kommunerna hade 5,1 mnkr kvar.");
  fs::remove_all(dir);
}

TEST_CASE("a missing value: no bar, '–' at the bar and 'uppgift saknas' in the alt text") {
  fs::path dir = chart_template(
      "missing",
      "    värde: \"rad.oförbrukat if rad.oförbrukat > 1000000 else inget\"\n    format: kr\n");
  auto r = render(dir);
  INFO(r.out);
  REQUIRE(r.code == 0);
  const auto alts = alt_texts(dir / "ut.pdf");
  REQUIRE(alts.size() == 1);
  const std::string alt = rvtest::pdf_plain(alts[0]);
  CHECK(rvtest::has(alt, "Kommuner, 5 050 766 kronor"));
  CHECK(rvtest::has(alt, "Ideella föreningar och stiftelser, uppgift saknas"));
  const std::string text = rvtest::sh("pdftotext '" + (dir / "ut.pdf").string() + "' -").out;
  CHECK(rvtest::has(text, "–"));
  fs::remove_all(dir);
}

TEST_CASE("chart settings errors: format and riktning at their line with a suggestion") {
  fs::path dir = chart_template("bad",
                                "    värde: rad.oförbrukat\n    format: procnet\n"
                                "    riktning: staende\n");
  auto r = render(dir);
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(rvtest::has(r.out,
                    "mall.yaml:9:13: fel: diagrammet 'd': okänt format 'procnet'; "
                    "menade du 'procent'? (tillåtna: procent, kr, tkr, mnkr, heltal)"));
  CHECK(rvtest::has(r.out,
                    "mall.yaml:10:15: fel: diagrammet 'd': okänd riktning 'staende'; "
                    "menade du 'stående'? (tillåtna: liggande, stående)"));
  CHECK_FALSE(fs::exists(dir / "ut.pdf"));
  fs::remove_all(dir);
}

TEST_CASE("a negative amount is an error at the chart's value, naming the bar") {
  fs::path dir =
      chart_template("negative", "    värde: rad.oförbrukat - 1000000\n    format: kr\n");
  auto r = render(dir);
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(rvtest::has(
      rvtest::pdf_plain(r.out),
      "mall.yaml:8:12: fel: diagrammet 'd': stapeln 'Ideella föreningar och "
      "stiftelser' har ett negativt värde (−727 811 kr); ett diagram med belopp börjar vid 0"));
  CHECK_FALSE(fs::exists(dir / "ut.pdf"));
  fs::remove_all(dir);
}

TEST_CASE("a chart of amounts with a value that is not a whole number is an error") {
  fs::path dir = chart_template("share", "    värde: rad.andel_förbrukat\n    format: kr\n");
  auto r = render(dir);
  INFO(r.out);
  CHECK(r.code == 2);
  CHECK(rvtest::has(r.out, "mall.yaml:8:12: fel: diagrammet 'd': 'värde' ska ge ett heltal"));
  fs::remove_all(dir);
}

TEST_CASE("too many standing columns for their values is a warning, not a silent overlap") {
  fs::path dir = rvtest::temp_dir("chart_crowded");
  rvtest::write(dir / "mall.yaml",
                "typ: bilaga\nmetadata: {titel: Test, författare: Test}\ndiagram:\n"
                "  d:\n    rubrik: Regionerna\n    källa: grupper.regioner.mottagare\n"
                "    etikett: rad.namn\n    värde: rad.fördelat\n    format: kr\n"
                "    riktning: stående\n");
  rvtest::write(dir / "mall.md", "{% diagram d %}\n");
  auto r = render(dir);
  INFO(r.out);
  CHECK(r.code == 0);
  CHECK(rvtest::has(r.out, "mall.md:1:1: varning: diagrammet har för många kolumner"));
  rvtest::replace_in(dir / "mall.yaml", "riktning: stående", "riktning: liggande");
  r = render(dir);
  CHECK(r.code == 0);
  CHECK_FALSE(rvtest::has(r.out, "för många kolumner"));
  fs::remove_all(dir);
}
