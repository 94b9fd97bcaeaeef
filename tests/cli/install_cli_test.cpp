// Issue 20 from the user's side: the template search path (`rapportverk mallar`,
// RAPPORTVERK_MALLAR, the user's own folder), --version, --diagnostik json, and the man
// pages and bash completion made from the program's own help.
#include <hpdf_version.h>
#include <unicode/uversion.h>

#include <regex>
#include <set>

#include "../support/pdf_text.hpp"
#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::read;
using rvtest::sh;
using rvtest::write;

namespace {

std::string rv(const std::string& args) { return std::string("'") + RV_BINARY + "' " + args; }

// A template folder with a one-sentence comment, a type and one paragraph of text.
void make_template(const fs::path& dir, const std::string& comment, const std::string& text) {
  fs::create_directories(dir);
  write(dir / "mall.yaml",
        "# " + comment + "\ntyp: rapport\nmetadata:\n  titel: \"T\"\n  författare: \"F\"\n");
  write(dir / "mall.md", "# Rubrik\n\n" + text + "\n");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("rapportverk mallar shows the search path, and a name is looked up along it",
          "[mallar]") {
  const fs::path tmp = rvtest::temp_dir("mallar");
  const fs::path org = tmp / "org", home = tmp / "hem";
  const fs::path user = home / ".local" / "share" / "rapportverk" / "mallar";
  make_template(org / "egen", "Organisationens egen rapport för test. Mer text.", "Egen text.");
  make_template(org / "bilaga", "Organisationens bilaga.", "Organisationens bilaga i text.");
  make_template(user / "min", "Min mall: ett exempel", "Min text.");
  const std::string env = "env -u XDG_DATA_HOME HOME='" + home.string() + "' RAPPORTVERK_MALLAR='" +
                          org.string() + ":" + (tmp / "saknas").string() + "' ";

  const auto r = sh(env + rv("mallar"));
  INFO(r.out);
  REQUIRE(r.code == 0);
  // The folders in search order: the variable's (one missing), the user's, the bundled.
  const size_t a = r.out.find("1. " + org.string() + " (RAPPORTVERK_MALLAR)");
  const size_t b =
      r.out.find("2. " + (tmp / "saknas").string() + " (RAPPORTVERK_MALLAR; finns inte)");
  const size_t c = r.out.find("3. " + user.string() + " (dina egna mallar)");
  const size_t d =
      r.out.find(". " + std::string(RV_SOURCE_DIR) + "/templates (medföljande mallar)");
  CHECK(a != std::string::npos);
  CHECK(b > a);
  CHECK(c > b);
  CHECK(d > c);
  // Each template with its type and the first sentence of its comment.
  CHECK(std::regex_search(
      r.out, std::regex("  egen +rapport +Organisationens egen rapport för test\\.\n")));
  CHECK(std::regex_search(r.out, std::regex("  min +rapport +Min mall: ett exempel\n")));
  CHECK(std::regex_search(
      r.out,
      std::regex("  uppfoljning-nationell +rapport +Socialstyrelsens nationella uppföljning")));
  // The bundled bilaga is behind the organisation's.
  CHECK(r.out.find("(används inte: " + org.string() + " har en mall med samma namn)") !=
        std::string::npos);

  const auto names = lines_of(sh(env + rv("mallar --namn")).out);
  CHECK(std::set<std::string>(names.begin(), names.end()).size() == names.size());
  for (const char* n : {"egen", "min", "bilaga", "uppfoljning-nationell", "besked-fordelning"})
    CHECK(std::count(names.begin(), names.end(), n) == 1);

  // `skapa bilaga` takes the organisation's, `skapa min` the user's.
  const fs::path pdf = tmp / "ut.pdf";
  auto made = sh(env + rv("skapa bilaga data/exempel -o '" + pdf.string() + "'"));
  INFO(made.out);
  REQUIRE(made.code == 0);
  CHECK(rvtest::flatten_words(sh("pdftotext '" + pdf.string() + "' -").out)
            .find("Organisationens bilaga i text.") != std::string::npos);
  made = sh(env + rv("skapa min data/exempel -o '" + pdf.string() + "'"));
  REQUIRE(made.code == 0);
  CHECK(rvtest::flatten_words(sh("pdftotext '" + pdf.string() + "' -").out).find("Min text.") !=
        std::string::npos);
  fs::remove_all(tmp);
}

TEST_CASE(
    "rapportverk --version names the libraries and fonts, and the PDF's Producer the same version",
    "[version]") {
  const auto r = sh(rv("--version"));
  REQUIRE(r.code == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() >= 5);
  CHECK(std::regex_match(lines[0], std::regex("rapportverk [0-9]+\\.[0-9]+\\.[0-9]+")));
  CHECK(lines[1] == std::string("libharu ") + HPDF_VERSION_TEXT);
  CHECK(lines[2] == std::string("ICU ") + U_ICU_VERSION);
  CHECK(std::regex_match(lines[3], std::regex("yaml-cpp [0-9]+\\.[0-9]+\\.[0-9]+")));
  // All eight fonts, by their name table's version.
  CHECK(std::regex_search(
      r.out, std::regex("\ntypsnitt Version [0-9.]+: (RapportverkS[a-zA-Z-]+(, )?){8}\n")));

  const fs::path tmp = rvtest::temp_dir("version");
  REQUIRE(sh(rv("skapa bilaga data/exempel -o '" + (tmp / "b.pdf").string() + "'")).code == 0);
  const auto info = sh("pdfinfo '" + (tmp / "b.pdf").string() + "'");
  // "rapportverk 0.1.0 (libharu 2.3.0)": the first two lines of --version.
  std::smatch producer;
  REQUIRE(std::regex_search(info.out, producer, std::regex("\nProducer: +([^\n]*)\n")));
  CHECK(producer[1].str() == lines[0] + " (" + lines[1] + ")");
  fs::remove_all(tmp);
}

TEST_CASE("rapportverk --diagnostik json: one object a line, the same positions as the text",
          "[json]") {
  const std::string broken = "skapa tests/cli/mallar/okand-variabel data/nationell-2019 -o - ";
  // Standard error only: the document goes to /dev/null.
  const auto text = sh("{ " + rv(broken + "2>&1 >/dev/null; }"));
  const auto json = sh("{ " + rv(broken + "--diagnostik json 2>&1 >/dev/null; }"));
  CHECK(text.code == 2);
  // Each line parsed by Python's json module, printed back as "fil:rad:kolumn: severity".
  const fs::path tmp = rvtest::temp_dir("json");
  write(tmp / "diag.jsonl", json.out);
  const auto parsed =
      sh("python3 -c 'import json,sys\nfor l in open(sys.argv[1]):\n d=json.loads(l)\n "
         "print(\"%s:%s:%s: %s: %s\" % (d[\"file\"], d[\"line\"], d[\"col\"], "
         "{\"error\":\"fel\",\"warning\":\"varning\"}[d[\"severity\"]], d[\"message\"]))' '" +
         (tmp / "diag.jsonl").string() + "'");
  INFO(json.out);
  REQUIRE(parsed.code == 0);
  const auto as_text = lines_of(parsed.out);
  REQUIRE(!as_text.empty());
  // Every error line of the text form, in the same order; the text form's summary
  // ("N fel") has no JSON line.
  std::vector<std::string> errors;
  for (const auto& l : lines_of(text.out))
    if (l.find(": fel: ") != std::string::npos) errors.push_back(l);
  std::vector<std::string> json_errors;
  for (const auto& l : as_text)
    if (l.find(": fel: ") != std::string::npos) json_errors.push_back(l);
  CHECK(json_errors == errors);
  CHECK(as_text.size() == lines_of(json.out).size());
  // The exit code is the same.
  CHECK(sh(rv(broken + "--diagnostik json >/dev/null 2>&1; echo $?")).out ==
        sh(rv(broken + ">/dev/null 2>&1; echo $?")).out);
  // Warnings too, with their severity and no summary line.
  const auto checked =
      sh("{ " + rv("kontrollera data/nationell-2019 --diagnostik json 2>&1 >/dev/null; }"));
  for (const auto& l : lines_of(checked.out))
    CHECK(std::regex_match(l, std::regex("\\{\"file\":\"[^\"]+\",\"line\":[0-9]+,\"col\":[0-9]+,"
                                         "\"severity\":\"warning\",\"message\":\".*\"\\}")));
  CHECK(!lines_of(checked.out).empty());
  fs::remove_all(tmp);
}

TEST_CASE("man pages and bash completion come from the program's own help", "[man]") {
  const fs::path built = fs::path(RV_BINARY).parent_path();
  const fs::path tmp = rvtest::temp_dir("man");
  // Every long option of `skapa --help` is in its man page, and the built page is the same.
  const auto help = sh(rv("skapa --help")).out;
  const auto page = sh(rv("hjälp --man skapa"));
  REQUIRE(page.code == 0);
  std::set<std::string> options;
  const std::regex option_name("--[^ ,\n=:]+[^ ,\n=:.)]");
  for (std::sregex_iterator it(help.begin(), help.end(), option_name), end; it != end; ++it)
    options.insert(it->str());
  CHECK(options.count("--bevaka") == 1);
  for (const auto& o : options)
    CHECK(page.out.find(std::regex_replace(o, std::regex("-"), "\\-")) != std::string::npos);
  CHECK(sh("gzip -dc '" + (built / "man" / "rapportverk-skapa.1.gz").string() + "'").out ==
        page.out);
  // Every built page opens without a warning from man.
  size_t pages = 0;
  for (const auto& e : fs::directory_iterator(built / "man")) {
    INFO(e.path());
    ++pages;
    CHECK(sh("MANWIDTH=80 man --warnings -l '" + e.path().string() + "' 2>&1 >/dev/null")
              .out.empty());
  }
  CHECK(pages >= 10);
  // `hjälp skapa` is `skapa --help`.
  CHECK(sh(rv("hjälp skapa")).out == help);
  // man reads it without complaint.
  write(tmp / "skapa.1", page.out);
  const auto shown =
      sh("MANWIDTH=80 man --warnings -l '" + (tmp / "skapa.1").string() + "' 2>&1 >/dev/null");
  CHECK(shown.out.empty());

  // Completion: commands, options, an option's values and template names.
  const auto script = sh(rv("hjälp --bash-komplettering"));
  REQUIRE(script.code == 0);
  CHECK(read(built / "completion" / "rapportverk") == script.out);
  write(tmp / "komplettering", script.out);
  auto complete = [&](const std::string& words) {
    const std::string cmd = "bash -c 'source \"$0\"; COMP_WORDS=(\"$1\" " + words +
                            "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _rapportverk; "
                            "printf \"%s\\n\" \"${COMPREPLY[@]}\" | sort' '" +
                            (tmp / "komplettering").string() + "' '" + RV_BINARY + "'";
    return sh(cmd).out;
  };
  CHECK(complete("sk") == "skapa\n");
  CHECK(complete("f") == "fördela\n");
  CHECK(complete("skapa uppf") == "uppfoljning-analys\nuppfoljning-nationell\nuppfoljning-stad\n");
  CHECK(complete("render --be") == "--bevaka\n");
  CHECK(complete("skapa bilaga data/exempel --pdfa \"\"") == "1a\n2a\n2b\nav\n");
  CHECK(complete("exportera bilaga data/exempel --ta") == "--tabell\n");
  CHECK(complete("hjälp ex") == "exportera\n");
  fs::remove_all(tmp);
}
