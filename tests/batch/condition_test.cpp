// The --urval condition language: selection, and errors that point into the condition.
#include <catch2/catch.hpp>

#include "batch/batch.hpp"

using namespace rv;
using rv::tmpl::Map;
using rv::tmpl::Value;

namespace {

const std::vector<std::string> kFields = {"namn",     "grupp",           "oförbrukat",
                                          "fördelat", "andel_förbrukat", "vill_ha_mer"};

Value record(const std::string& name, const std::string& group, std::optional<int64_t> unspent,
             bool more = false) {
  Map m;
  m["namn"] = Value(name);
  m["grupp"] = Value(group);
  m["oförbrukat"] = unspent ? Value(*unspent) : Value();
  m["fördelat"] = Value(int64_t{200000});
  m["andel_förbrukat"] = unspent ? Value(sv::Fraction{200000 - *unspent, 200000}) : Value();
  m["vill_ha_mer"] = Value(more);
  return Value(std::move(m));
}

bool selects(const std::string& condition, const Value& r) {
  Diagnostics d;
  auto s = batch::Selection::parse(condition, kFields, d);
  REQUIRE(s);
  return s->matches(r);
}

std::string first_error(const std::string& condition) {
  Diagnostics d;
  auto s = batch::Selection::parse(condition, kFields, d);
  CHECK_FALSE(s);
  REQUIRE(d.has_errors());
  return format_diagnostic(d.all().front());
}

}  // namespace

TEST_CASE("urval: comparisons, and/or/not and parentheses", "[batch][urval]") {
  Value ale = record("Ale kommun", "kommuner", 109021, true);
  Value aneby = record("Aneby kommun", "kommuner", 0);
  Value atim = record("ATIM, ansökan 1", "ideella", 5000);
  Value silent = record("Boxholms kommun", "kommuner", std::nullopt);
  CHECK(selects("oförbrukat > 0", ale));
  CHECK_FALSE(selects("oförbrukat > 0", aneby));
  CHECK_FALSE(selects("oförbrukat > 0", silent));  // unknown use: not selected
  CHECK_FALSE(selects("oförbrukat <= 0", silent));
  CHECK(selects("grupp = kommuner", aneby));
  CHECK_FALSE(selects("grupp = kommuner", atim));
  CHECK(selects("grupp = \"ideella\" and oförbrukat >= 5000", atim));
  CHECK(selects("not (grupp = kommuner) or vill_ha_mer", ale));
  CHECK_FALSE(selects("not (grupp = kommuner or vill_ha_mer)", ale));
  CHECK(selects("namn = 'ATIM, ansökan 1'", atim));
  CHECK(selects("andel_förbrukat < 50 %", record("X", "kommuner", 150000)));
  CHECK_FALSE(selects("andel_förbrukat < 50 %", record("X", "kommuner", 50000)));
  CHECK(selects("andel_förbrukat >= 0,75", record("X", "kommuner", 50000)));
  CHECK(selects("grupp = kommuner och inte vill_ha_mer", aneby));
}

TEST_CASE("urval: errors point into the condition and suggest fields", "[batch][urval]") {
  CHECK(first_error("oförbrukad > 0") ==
        "--urval:1:1: fel: okänt fält 'oförbrukad'; menade du 'oförbrukat'?");
  CHECK(first_error("grupp = kommuner and (oförbrukat > 0") ==
        "--urval:1:22: fel: parentesen stängs aldrig (saknar ')')");
  CHECK(first_error("oförbrukat >") == "--urval:1:13: fel: jämförelsen saknar ett värde efter '>'");
  CHECK(first_error("oförbrukat > 0 kommuner").find("--urval:1:16:") == 0);
  CHECK(first_error("namn = \"Ale").find("--urval:1:8: fel: texten stängs aldrig") == 0);
  CHECK(first_error("").find("villkoret är tomt") != std::string::npos);
}

// Found by the urval fuzz target: 2 000 opening parentheses exhausted the stack.
TEST_CASE("urval: deep nesting and endless chains are errors, not a crash", "[batch][urval]") {
  std::string parens = std::string(2000, '(') + "vill_ha_mer" + std::string(2000, ')');
  CHECK(first_error(parens) ==
        "--urval:1:101: fel: villkoret är nästlat för djupt (högst 100 nivåer av parenteser "
        "och not)");
  std::string nots;
  for (int i = 0; i < 5000; ++i) nots += "not ";
  CHECK(first_error(nots + "vill_ha_mer").find("nästlat för djupt") != std::string::npos);
  std::string chain = "vill_ha_mer";
  for (int i = 0; i < 100000; ++i) chain += " and vill_ha_mer";
  CHECK(first_error(chain).find("för många delar (högst 1 000 and och or)") !=
        std::string::npos);
  std::string fine = std::string(100, '(') + "vill_ha_mer" + std::string(100, ')');
  for (int i = 0; i < 999; ++i) fine += " or oförbrukat > 0";
  CHECK(selects(fine, record("Ale kommun", "kommuner", 0, true)));
}
