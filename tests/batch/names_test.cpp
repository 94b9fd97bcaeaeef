// File names from recipients' names, SHA-256 and the manifest's CSV.
#include <catch2/catch.hpp>

#include "batch/batch.hpp"

using namespace rv::batch;

TEST_CASE("file names: safe everywhere, å ä ö kept", "[batch][names]") {
  CHECK(safe_file_stem("Ale kommun") == "Ale kommun");
  CHECK(safe_file_stem("Älvdalens kommun") == "Älvdalens kommun");
  CHECK(safe_file_stem("A/B: \"C\" <D>|E?*") == "A-B- -C- -D--E--");
  CHECK(safe_file_stem(".hemlig") == "hemlig");  // never hidden, like our temporary files
  CHECK(safe_file_stem("-x") == "x");            // never an option
  CHECK(safe_file_stem("Stiftelsen X.  ") == "Stiftelsen X");
  CHECK(safe_file_stem("  Två   mellanslag ") == "Två mellanslag");
  CHECK(safe_file_stem("CON") == "CON_");
  CHECK(safe_file_stem("lpt1") == "lpt1_");
  CHECK(safe_file_stem("...") == "mottagare");
  CHECK(safe_file_stem(std::string(2, '\t') + "a\nb") == "a b");
  // Cut at a character boundary, never inside "ö".
  std::string longer;
  for (int i = 0; i < 100; ++i) longer += "ö";
  std::string cut = safe_file_stem(longer);
  CHECK(cut.size() <= 120);
  CHECK(cut.size() % 2 == 0);
}

TEST_CASE("file names: unique also where case is ignored", "[batch][names]") {
  auto names = unique_file_names({"ATIM", "atim", "ATIM", "Åre kommun", "åre kommun", "B"}, ".pdf");
  CHECK(names == std::vector<std::string>{"ATIM.pdf", "atim (2).pdf", "ATIM (3).pdf",
                                          "Åre kommun.pdf", "åre kommun (2).pdf", "B.pdf"});
}

TEST_CASE("sha256: FIPS 180-4 test vectors", "[batch][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // 55, 56 and 64 bytes: the padding's edge cases.
  CHECK(sha256_hex(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("manifest: a name with a comma or quote stays one field", "[batch][manifest]") {
  std::vector<ManifestRow> rows = {
      {"Ale kommun", "Ale kommun.pdf", 109021, 1, "ab"},
      {"Stiftelsen \"X\", Y", "Stiftelsen -X-, Y.pdf", std::nullopt, 2, "cd"}};
  CHECK(manifest_csv(rows) ==
        "mottagare,fil,belopp,sidor,sha256\r\n"
        "Ale kommun,Ale kommun.pdf,109021,1,ab\r\n"
        "\"Stiftelsen \"\"X\"\", Y\",\"Stiftelsen -X-, Y.pdf\",,2,cd\r\n");
}
