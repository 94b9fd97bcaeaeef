// Issue 16, point 3: named data sources in mall.yaml (filter, group by a field or by
// classes, aggregate columns) that text, tables and charts share; record literals.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "template/settings.hpp"

using namespace rv;
using namespace rv::tmpl;
namespace fs = std::filesystem;

namespace {

Value row(const char* name, const char* county, int64_t allocated, std::optional<int64_t> unspent) {
  return Value(Map{{"namn", Value(name)},
                   {"län", Value(county)},
                   {"fördelat", Value(allocated)},
                   {"oförbrukat", Value(unspent)}});
}

Value context() {
  List rows{row("Ale kommun", "Västra Götaland", 150000, 10000),
            row("Stockholms stad", "Stockholm", 2500000, 773332),
            row("Älvsbyns kommun", "Norrbotten", 120000, 0),
            row("Boxholms kommun", "Östergötland", 130000, std::nullopt),
            row("Solna stad", "Stockholm", 600000, 5000)};
  return Value(Map{{"mottagare", Value(std::move(rows))}});
}

struct Read {
  Value sources;
  Diagnostics diags;
};

Read compute(const std::string& yaml) {
  fs::path dir = fs::temp_directory_path() / ("rv_sources_" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "mall.yaml") << "typ: rapport\nmetadata: {titel: T, författare: A}\n" << yaml;
  Read r;
  auto s = read_settings(dir.string(), r.diags);
  fs::remove_all(dir);
  REQUIRE(s);
  r.sources = compute_sources(*s, context(), r.diags);
  return r;
}

const Value& field(const Value& record, const char* name) {
  const Value* v = record.get(name);
  REQUIRE(v);
  return *v;
}

}  // namespace

TEST_CASE("classes of a number: every class, counts and sums, unreported rows left out") {
  Read r = compute(
      "källor:\n"
      "  storlek:\n"
      "    källa: mottagare\n"
      "    villkor: rad.oförbrukat != inget\n"
      "    klasser: {värde: rad.fördelat, gränser: [200000, 1000000], enhet: kr}\n"
      "    kolumner: {n: antal, oförbrukat: summa(rad.oförbrukat), störst: högst(rad.fördelat)}\n");
  INFO(r.diags.all().size());
  REQUIRE(r.diags.empty());
  const List& l = field(r.sources, "storlek").as_list();
  REQUIRE(l.size() == 3);
  CHECK(field(l[0], "grupp").as_str() == "under 200\u00A0000\u00A0kr");
  CHECK(field(l[0], "n").as_int() == 2);  // Ale, Älvsbyn (Boxholm has not reported)
  CHECK(field(l[0], "oförbrukat").as_int() == 10000);
  CHECK(field(l[0], "störst").as_int() == 150000);
  CHECK(field(l[1], "grupp").as_str() == "200\u00A0000–999\u00A0999\u00A0kr");
  CHECK(field(l[1], "oförbrukat").as_int() == 5000);
  CHECK(field(l[2], "grupp").as_str() == "1\u00A0000\u00A0000\u00A0kr eller mer");
  CHECK(field(l[2], "antal").as_int() == 1);
  CHECK(field(l[2], "till").is_null());
  CHECK(field(l[2], "rader").as_list().size() == 1);
}

TEST_CASE("grouping by a field: Swedish order, and a sum over an unreported row is no value") {
  Read r = compute(
      "källor:\n"
      "  län:\n"
      "    källa: mottagare\n"
      "    gruppera: rad.län\n"
      "    kolumner: {oförbrukat: summa(rad.oförbrukat), minst: lägst(rad.fördelat)}\n");
  REQUIRE(r.diags.empty());
  const List& l = field(r.sources, "län").as_list();
  REQUIRE(l.size() == 4);
  CHECK(field(l[0], "grupp").as_str() == "Norrbotten");
  CHECK(field(l[1], "grupp").as_str() == "Stockholm");
  CHECK(field(l[1], "oförbrukat").as_int() == 778332);
  CHECK(field(l[1], "minst").as_int() == 600000);
  CHECK(field(l[2], "grupp").as_str() == "Västra Götaland");
  CHECK(field(l[3], "grupp").as_str() == "Östergötland");  // Ö after V
  CHECK(field(l[3], "oförbrukat").is_null());              // Boxholm never reported
}

TEST_CASE("a source without grouping is the filtered rows, for a table and a chart alike") {
  Read r = compute(
      "källor:\n"
      "  med_kvar:\n"
      "    källa: mottagare\n"
      "    villkor: rad.oförbrukat != inget and rad.oförbrukat > 0\n");
  REQUIRE(r.diags.empty());
  CHECK(field(r.sources, "med_kvar").as_list().size() == 3);
}

TEST_CASE("source errors name the source and the column, at their place in mall.yaml") {
  Read r = compute(
      "källor:\n"
      "  fel:\n"
      "    källa: mottagare\n"
      "    gruppera: rad.län\n"
      "    klasser: {värde: rad.fördelat, gränser: [5, 3]}\n"
      "    kolumner: {a: medel(rad.x), b: summa(rad.fördelad +)}\n");
  std::string all;
  for (const auto& d : r.diags.sorted()) all += format_diagnostic(d) + "\n";
  CAPTURE(all);
  CHECK(all.find("källan 'fel': 'gränser' ska vara en lista av heltal i stigande ordning") !=
        std::string::npos);
  CHECK(all.find("källan 'fel': skriv antingen 'gruppera' eller 'klasser', inte båda") !=
        std::string::npos);
  CHECK(all.find("mall.yaml:8:19: fel: källan 'fel', kolumnen 'a': skriv antal, summa(uttryck)") !=
        std::string::npos);
  CHECK(all.find(":8:56: fel: källan 'fel', kolumnen 'b': uttrycket är tomt eller slutar för "
                 "tidigt") != std::string::npos);
}

TEST_CASE("a field the rows lack is one error naming the source, with the number of rows") {
  Read r = compute(
      "källor:\n"
      "  x:\n"
      "    källa: mottagare\n"
      "    villkor: rad.oförbrukad > 0\n");
  REQUIRE(r.diags.all().size() == 1);
  CAPTURE(format_diagnostic(r.diags.all()[0]));
  CHECK(format_diagnostic(r.diags.all()[0])
            .find("mall.yaml:6:18: fel: källan 'x': 'rad' har inget fält 'oförbrukad' (menade du "
                  "'oförbrukat'?) (i alla 5 rader)") != std::string::npos);
}
