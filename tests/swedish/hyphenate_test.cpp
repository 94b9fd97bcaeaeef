#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "swedish/swedish.hpp"
#include "swedish/utf8.hpp"

using namespace rv::sv;

TEST_CASE("swedish: hyphenation follows Swedish compounds", "[swedish][hyphenate]") {
  // Issue 18: no point within two letters of a compound joint ("utvecklings|medel"), so
  // the patterns' "me-del" and "ut" right after "vålds" are not offered.
  CHECK(hyphenate_visibly("utvecklingsmedel") == "ut-veck-lings-medel");
  CHECK(hyphenate_visibly("stadsdelsnämnderna") == "stads-dels-nämn-der-na");
  const std::string valds = hyphenate_visibly("våldsutövare");
  CHECK((valds == "vålds-utöva-re" || valds == "vålds-utövare"));
  CHECK(hyphenate_visibly("samordningsfunktion") == "sam-ord-nings-funk-tion");
}

TEST_CASE("swedish: hyphenation points are byte offsets into the UTF-8 word",
          "[swedish][hyphenate]") {
  // "vålds": å is two bytes, so the break after "vålds" is at byte 6, not 5.
  const std::vector<size_t> points = hyphenation_points("våldsutövare");
  REQUIRE_FALSE(points.empty());
  CHECK(points.front() == 6);
}

TEST_CASE("swedish: upper case and punctuation do not change the breaks", "[swedish][hyphenate]") {
  CHECK(hyphenate_visibly("Utvecklingsmedel") == "Ut-veck-lings-medel");
  CHECK(hyphenate_visibly("utvecklingsmedel,") == "ut-veck-lings-medel,");
  CHECK(hyphenate_visibly("(Stadsdelsnämnderna)") == "(Stads-dels-nämn-der-na)");
}

TEST_CASE("swedish: no break leaves a single letter alone", "[swedish][hyphenate]") {
  const std::vector<std::string> words = {"utvecklingsmedel",
                                          "stadsdelsnämnderna",
                                          "våldsutövare",
                                          "samordningsfunktion",
                                          "överenskommelse",
                                          "ideella",
                                          "organisationer",
                                          "anställda",
                                          "arbetsmarknad",
                                          "Östermalm",
                                          "Rinkeby-Kista",
                                          "Älvsjö",
                                          "uppföljning",
                                          "ensamkommande",
                                          "äldreomsorg",
                                          "socialnämnden",
                                          "Örebro",
                                          "abonnemang",
                                          "avrapportering",
                                          "oanvända",
                                          "återbetalning",
                                          "isolering",
                                          "Ekerö",
                                          "ålder",
                                          "aorta",
                                          "ouppklarade",
                                          "idé",
                                          "ena",
                                          "Upplands-Bro",
                                          "Malung-Sälen",
                                          "Åre",
                                          "öar"};
  for (const std::string& w : words) {
    const auto cps = rv::sv::detail::decode_utf8(w);
    for (size_t p : hyphenation_points(w)) {
      INFO(w << " break at byte " << p);
      // Count the letters of the same letter run on each side of the break.
      size_t left = 0, right = 0;
      bool before = true;
      for (const auto& c : cps) {
        if (c.begin == p) before = false;
        const bool letter = c.cp != U'-';
        if (before) left = letter ? left + 1 : 0;
        if (!before) {
          if (!letter) break;
          ++right;
        }
      }
      CHECK(left >= 2);
      CHECK(right >= 2);
    }
  }
}

TEST_CASE("swedish: numbers and acronyms are never hyphenated", "[swedish][hyphenate]") {
  CHECK(hyphenation_points("5394915").empty());
  CHECK(hyphenation_points("2016–2019").empty());
  CHECK(hyphenation_points("MUCF").empty());
  CHECK(hyphenation_points("covid19").empty());
}

TEST_CASE("swedish: compounds with a hyphen hyphenate each letter run", "[swedish][hyphenate]") {
  // Each side of the hyphen is hyphenated on its own; the hyphen itself is a line-break
  // opportunity (line_breaks), not a hyphenation point.
  CHECK(hyphenate_visibly("Rinkeby-Kista") == "Rin-ke-by-Kis-ta");
  CHECK(hyphenate_visibly("Malung-Sälen") == "Malung-Sä-len");
}

TEST_CASE("swedish: user exceptions override the patterns", "[swedish][hyphenate]") {
  set_hyphenation_exceptions({"stads-del-snämnd", "rapportverk", "ut-veck-lingsmedel"});
  CHECK(hyphenate_visibly("stadsdelsnämnd") == "stads-del-snämnd");
  CHECK(hyphenate_visibly("Stadsdelsnämnd") == "Stads-del-snämnd");
  CHECK(hyphenate_visibly("rapportverk") == "rapportverk");
  CHECK(hyphenate_visibly("utvecklingsmedel") == "ut-veck-lingsmedel");
  set_hyphenation_exceptions({});
  CHECK(hyphenate_visibly("utvecklingsmedel") == "ut-veck-lings-medel");
}

TEST_CASE("swedish: exception list file reports malformed lines", "[swedish][hyphenate]") {
  rv::Diagnostics diags;
  const bool ok = load_hyphenation_exceptions(
      std::string(RV_TEST_DIR) + "/swedish/fixtures/avstavning.txt", diags);
  CHECK_FALSE(ok);
  REQUIRE(diags.error_count() == 2);
  CHECK(diags.all()[0].span.line == 4);
  CHECK(diags.all()[1].span.line == 5);
  // Valid lines are still installed.
  CHECK(hyphenate_visibly("rapportverk") == "rapport-verk");
  set_hyphenation_exceptions({});

  rv::Diagnostics missing;
  CHECK_FALSE(load_hyphenation_exceptions("/nonexistent/avstavning.txt", missing));
  CHECK(missing.error_count() == 1);
}
