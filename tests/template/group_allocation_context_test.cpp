// grupper.<g>.fördelning: a template reads the rule that computes a group's keys, with the
// base amount, minimum, threshold, the key's total and each key as a number (not text).
#include <catch2/catch.hpp>
#include <string>

#include "../support/shell.hpp"
#include "../support/trace_text.hpp"

TEST_CASE("a template reads a group's key rule, inputs and results as numbers") {
  const auto out = rvtest::temp_dir("grupp_fordelning") / "ut.spår";
  rvtest::Run r = rvtest::sh("RAPPORTVERK_CACHE=0 '" + std::string(RV_BINARY) +
                             "' skapa tests/template/mallar/grupp-fordelning data/nationell-2019 "
                             "--format spår -o '" +
                             out.string() + "'");
  INFO(r.out);
  REQUIRE(r.code == 0);
  // The trace's text runs, joined (the paragraph is broken over lines, maybe hyphenated).
  std::string text = rvtest::trace_text(rvtest::read(out));
  // Numbers are printed with no-break spaces; compare with plain ones.
  for (size_t at; (at = text.find("\u00a0")) != std::string::npos;) text.replace(at, 2, " ");
  INFO(text);
  CHECK(text.find("Regel minimibelopp, belopp 79 999 998 kr, minimibelopp 80 000 kr") !=
        std::string::npos);
  CHECK(text.find("tröskel nej, antal 290") != std::string::npos);
  // Numbers: the key total plus 2 is the printed 80 000 000; Ale's key doubled.
  CHECK(text.find("nyckelsumma 80 000 000") != std::string::npos);
  CHECK(text.find("första nyckel 567 004") != std::string::npos);
  CHECK(text.find("totalt 79 999 998 kr") != std::string::npos);
  CHECK(text.find("Regioner lika 1 869 047 kr") != std::string::npos);
  // No rule for the NGOs; and the group rules are not the data set's `fördelning`.
  CHECK(text.find("Ideella nej. Fördelning nej.") != std::string::npos);
}
