// Reading allocation specifications: every problem at once, file:line:col, Swedish.
#include <catch2/catch.hpp>

#include "stats/allocate.hpp"

using namespace rv;
using namespace rv::stats;

namespace {
std::vector<std::string> messages(const SpecRead& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diags.sorted()) out.push_back(format_diagnostic(d));
  return out;
}
}  // namespace

TEST_CASE("unknown keys are errors with a suggestion and character columns") {
  std::string text =
      "fördelning:\n"
      "  belopp: 100\n"
      "  regel: lika\n"
      "  mottagare: [A, B]\n"
      "  ordnig: svensk\n"
      "  övrigt: x\n";
  SpecRead r = parse_allocation_spec("s.yaml", text);
  CHECK_FALSE(r.ok());
  auto m = messages(r);
  REQUIRE(m.size() == 2);
  CHECK(m[0] == "s.yaml:5:3: fel: okänd nyckel 'ordnig' i 'fördelning' (menade du 'ordning'?)");
  CHECK(m[1].rfind("s.yaml:6:3: fel: okänd nyckel 'övrigt'", 0) == 0);
}

TEST_CASE("columns count characters after multibyte letters") {
  std::string text =
      "fördelning:\n"
      "  belopp: 100\n"
      "  regel: proportionell\n"
      "  mottagare:\n"
      "    - {namn: Ööö, nyckel: x}\n";
  SpecRead r = parse_allocation_spec("c.yaml", text);
  auto m = messages(r);
  REQUIRE(m.size() == 1);
  // "    - {namn: Ööö, nyckel: " is 26 characters (29 bytes): the value starts at column 27.
  CHECK(m[0] == "c.yaml:5:27: fel: 'nyckel' ska vara ett tal (som 283502 eller 12,5), men är 'x'");
}

TEST_CASE("all problems are reported at once") {
  std::string text =
      "fördelning:\n"
      "  belopp: 1 000\n"
      "  regel: proportionel\n"
      "  grundbelopp: 5\n"
      "  mottagare:\n"
      "    - {namn: A, nyckel: 1}\n"
      "    - {namn: A, nyckel: 2}\n"
      "    - {namn: B}\n"
      "    - {nyckel: 3}\n";
  SpecRead r = parse_allocation_spec("a.yaml", text);
  auto m = messages(r);
  CHECK(std::find(m.begin(), m.end(),
                  "a.yaml:2:11: fel: skriv 'belopp' utan mellanrum mellan siffrorna: 1000") !=
        m.end());
  CHECK(std::find(m.begin(), m.end(),
                  "a.yaml:3:10: fel: 'regel' ska vara proportionell | grundbelopp | minimibelopp | "
                  "lika, men är "
                  "'proportionel' (menade du 'proportionell'?)") != m.end());
  CHECK(std::find(m.begin(), m.end(),
                  "a.yaml:7:7: fel: 'A' förekommer två gånger (första gången på rad 6)") !=
        m.end());
  CHECK(std::find(m.begin(), m.end(), "a.yaml:9:7: fel: mottagaren saknar 'namn'") != m.end());
  CHECK(m.size() == 4);
}

TEST_CASE("rule parameters belong to their rule") {
  SpecRead r =
      parse_allocation_spec("p.yaml",
                            "fördelning:\n  belopp: 10\n  regel: proportionell\n  minimibelopp: 5\n"
                            "  mottagare: [{namn: A, nyckel: 1}]\n");
  auto m = messages(r);
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "p.yaml:4:3: fel: 'minimibelopp' används inte med regel: proportionell");
  SpecRead r2 = parse_allocation_spec("q.yaml",
                                      "fördelning:\n  belopp: 10\n  regel: minimibelopp\n"
                                      "  mottagare: [{namn: A, nyckel: 1}]\n");
  REQUIRE(messages(r2).size() == 1);
  CHECK(messages(r2)[0] == "q.yaml:3:3: fel: regel: minimibelopp kräver 'minimibelopp'");
  SpecRead r3 = parse_allocation_spec("k.yaml",
                                      "fördelning:\n  belopp: 10\n  regel: proportionell\n"
                                      "  mottagare: [A]\n");
  REQUIRE(messages(r3).size() == 1);
  CHECK(messages(r3)[0] ==
        "k.yaml:4:15: fel: 'A' saknar 'nyckel' (regel: proportionell fördelar efter nyckeln)");
}

TEST_CASE("fixed amounts larger than the amount, missing keys, YAML syntax errors") {
  SpecRead r = parse_allocation_spec("f.yaml",
                                     "fördelning:\n  belopp: 10\n  regel: lika\n  fasta_belopp:\n"
                                     "    - {namn: X, belopp: 11}\n  mottagare: [A]\n");
  REQUIRE(messages(r).size() == 1);
  CHECK(messages(r)[0].rfind(
            "f.yaml:4:3: fel: de fasta beloppen (11 kr) är större än beloppet (10 kr)", 0) == 0);
  SpecRead y = parse_allocation_spec("y.yaml", "fördelning:\n  belopp: [1\n");
  REQUIRE(y.diags.error_count() == 1);
  CHECK(y.diags.all()[0].message.rfind("YAML-syntaxfel", 0) == 0);
  SpecRead t = parse_allocation_spec("t.yaml", "annat: 1\n");
  CHECK_FALSE(t.ok());
  SpecRead e = parse_allocation_spec("e.yaml", "");
  CHECK_FALSE(e.ok());
}
