#include <catch2/catch.hpp>
#include <string>

#include "swedish/swedish.hpp"

using namespace rv::sv;
using rv::Gender;

namespace {
const rv::Noun kommun{"kommun", "kommuner", "kommunerna", Gender::Common};
const rv::Noun bidrag{"bidrag", "bidrag", "bidragen", Gender::Neuter};
const rv::Noun namnd{"stadsdelsnämnd", "stadsdelsnämnder", "stadsdelsnämnderna", Gender::Common};
}  // namespace

TEST_CASE("swedish: acceptance, numbers in words", "[swedish][words]") {
  CHECK(number_words(3) == "tre");
  CHECK(capitalize(count_noun(2, namnd)) == "Två stadsdelsnämnder");
  CHECK(count_noun(4, kommun) == "fyra kommuner");
  CHECK(count_noun(1, bidrag) == "ett bidrag");
  CHECK(number_words(13) == "13");
}

TEST_CASE("swedish: gender, limits and large counts", "[swedish][words]") {
  CHECK(number_words(1) == "en");
  CHECK(number_words(1, Gender::Neuter) == "ett");
  CHECK(number_words(0) == "noll");
  CHECK(number_words(12) == "tolv");
  CHECK(number_words(20, Gender::Common, 100) == "tjugo");
  // ICU inserts soft hyphens inside compounds; they must be gone.
  CHECK(number_words(23, Gender::Common, 100) == "tjugotre");
  CHECK(number_words(21, Gender::Neuter, 100) == "tjugoett");
  CHECK(number_words(5, Gender::Common, 3) == "5");
  CHECK(number_words(-2) == "\u22122");
  CHECK(number_words(1234567) == "1\u00A0234\u00A0567");
  CHECK(count_noun(1, kommun) == "en kommun");
  CHECK(count_noun(51, kommun) == "51 kommuner");
  CHECK(count_noun(0, bidrag) == "noll bidrag");
}

TEST_CASE("swedish: capitalize is UTF-8 aware", "[swedish][words]") {
  CHECK(capitalize("östermalm") == "Östermalm");
  CHECK(capitalize("älvsjö och åre") == "Älvsjö och åre");
  CHECK(capitalize("\u201Dtre\u201D kommuner") == "\u201DTre\u201D kommuner");
  CHECK(capitalize("") == "");
  CHECK(capitalize("13 kommuner") == "13 kommuner");
}

TEST_CASE("swedish: upper and lower case with Swedish letters") {
  CHECK(rv::sv::uppercase("Kvalitetsutveckling av arbetet mot våld i nära relationer") ==
        "KVALITETSUTVECKLING AV ARBETET MOT VÅLD I NÄRA RELATIONER");
  CHECK(rv::sv::lowercase("Ideella Föreningar ÅÄÖ") == "ideella föreningar åäö");
}

// Issue 19: numbers in words of any size, in both genders, as ICU spells Swedish.
TEST_CASE("number_in_words: any size, common and neuter gender") {
  CHECK(number_in_words(0) == "noll");
  CHECK(number_in_words(1) == "en");
  CHECK(number_in_words(1, Gender::Neuter) == "ett");
  CHECK(number_in_words(21) == "tjugoen");
  CHECK(number_in_words(21, Gender::Neuter) == "tjugoett");
  CHECK(number_in_words(100) == "etthundra");
  CHECK(number_in_words(101) == "etthundraen");
  CHECK(number_in_words(101, Gender::Neuter) == "etthundraett");
  CHECK(number_in_words(1000) == "ettusen");
  CHECK(number_in_words(5000000) == "fem miljoner");
  CHECK(number_in_words(5000000, Gender::Neuter) == "fem miljoner");
  CHECK(number_in_words(134249879) ==
        "etthundratrettiofyra miljoner tvåhundrafyrtioniotusen åttahundrasjuttionio");
  CHECK(number_in_words(134249879, Gender::Neuter) ==
        "etthundratrettiofyra miljoner tvåhundrafyrtioniotusen åttahundrasjuttionio");
  // The soft hyphens ICU puts at compound joints are gone.
  CHECK(number_in_words(134249879).find("\u00AD") == std::string::npos);
}

TEST_CASE("genitive of Stockholm's districts and of a coordinated list") {
  CHECK(genitive("Bromma") == "Brommas");
  CHECK(genitive("Kungsholmen") == "Kungsholmens");
  CHECK(genitive("Östermalm") == "Östermalms");
  CHECK(genitive("Spånga-Tensta") == "Spånga-Tenstas");
  CHECK(genitive("Hägersten-Liljeholmen") == "Hägersten-Liljeholmens");
  CHECK(genitive("Skärholmen") == "Skärholmens");
  CHECK(genitive("Enskede-Årsta-Vantör") == "Enskede-Årsta-Vantörs");
  CHECK(genitive("Rinkeby-Kista") == "Rinkeby-Kistas");
  CHECK(genitive("Farsta") == "Farstas");
  // None after s, x or z; only the last name of a list takes it.
  CHECK(genitive("Borås") == "Borås");
  CHECK(genitive("Sfax") == "Sfax");
  CHECK(genitive("Bromma och Kungsholmen") == "Bromma och Kungsholmens");
}
