// Hostile templates through the command line: files outside the template's folder are
// never read (nor quoted in a message), crashes found by fuzzing are positioned errors.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::Run;
using rvtest::sh;

namespace {

const char* kSettings = "typ: bilaga\nmetadata:\n  titel: \"T\"\n  författare: \"A\"\n";

// A template folder `name` under `root` with mall.md (and optionally more in mall.yaml).
fs::path make_template(const fs::path& root, const std::string& name, const std::string& body,
                       const std::string& settings_extra = "") {
  fs::path dir = root / name;
  fs::create_directories(dir);
  rvtest::write(dir / "mall.yaml", kSettings + settings_extra);
  rvtest::write(dir / "mall.md", body);
  return dir;
}

Run render(const fs::path& dir, const fs::path& out) {
  return sh(std::string("'") + RV_BINARY + "' skapa '" + dir.string() + "' data/exempel -o '" +
            out.string() + "'");
}

}  // namespace

TEST_CASE("a template cannot include files outside its folder") {
  const fs::path root = rvtest::temp_dir("hostile_include");
  rvtest::write(root / "hemligt.md", "HEMLIGT-INNEHÅLL\n");
  const fs::path out = root / "ut.pdf";
  struct Case {
    std::string include, message;
  };
  for (const Case& c :
       {Case{"/etc/passwd",
             "mall.md:2:1: fel: '/etc/passwd' är en absolut sökväg; en mall får "
             "bara läsa filer i sin egen mapp"},
        Case{"../hemligt.md", "mall.md:2:1: fel: '../hemligt.md' ligger utanför mallens mapp"},
        Case{"länk.md", "mall.md:2:1: fel: 'länk.md' ligger utanför mallens mapp"}}) {
    CAPTURE(c.include);
    fs::path dir = make_template(root, "mall", "Text\n{% include \"" + c.include + "\" %}\n");
    fs::remove(dir / "länk.md");
    fs::create_symlink(root / "hemligt.md", dir / "länk.md");
    Run r = render(dir, out);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find(c.message) != std::string::npos);
    CHECK(r.out.find("HEMLIGT") == std::string::npos);
    CHECK(r.out.find("root:") == std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  fs::remove_all(root);
}

TEST_CASE("mall.yaml, the body text and the hyphenation list must lie in the template's folder") {
  const fs::path root = rvtest::temp_dir("hostile_settings");
  rvtest::write(root / "hemligt.txt", "root:x:0:0:HEMLIGT\n");
  const fs::path out = root / "ut.pdf";
  SECTION("avstavning: an absolute path (the issue: /etc/shadow's first line was printed)") {
    fs::path dir =
        make_template(root, "a", "Text\n", "avstavning: " + (root / "hemligt.txt").string() + "\n");
    Run r = render(dir, out);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("mall.yaml:5:13: fel: avstavningslistan: '") != std::string::npos);
    CHECK(r.out.find("HEMLIGT") == std::string::npos);
  }
  SECTION("avstavning: a link out of the folder") {
    fs::path dir = make_template(root, "b", "Text\n", "avstavning: avstavning.txt\n");
    fs::create_symlink(root / "hemligt.txt", dir / "avstavning.txt");
    Run r = render(dir, out);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("'avstavning.txt' ligger utanför mallens mapp") != std::string::npos);
    CHECK(r.out.find("HEMLIGT") == std::string::npos);
  }
  SECTION("avstavning: a binary file in the folder is refused without quoting it") {
    fs::path dir = make_template(root, "c", "Text\n", "avstavning: avstavning.txt\n");
    rvtest::write(dir / "avstavning.txt", std::string("HEMLIGT\x01\x02\xff\xfe", 11) + "\n");
    Run r = render(dir, out);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("avstavningslistan är ingen textfil") != std::string::npos);
    CHECK(r.out.find("HEMLIGT") == std::string::npos);
  }
  SECTION("brödtext: ../") {
    fs::path dir = make_template(root, "d", "Text\n", "brödtext: ../hemligt.txt\n");
    Run r = render(dir, out);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("mall.yaml:5:11: fel: brödtexten: '../hemligt.txt' ligger utanför mallens "
                     "mapp") != std::string::npos);
    CHECK(r.out.find("HEMLIGT") == std::string::npos);
  }
  SECTION("mall.yaml: a link out of the folder") {
    fs::path dir = root / "e";
    fs::create_directories(dir);
    rvtest::write(root / "andra.yaml", std::string(kSettings) + "HEMLIG_NYCKEL: 1\n");
    fs::create_symlink(root / "andra.yaml", dir / "mall.yaml");
    rvtest::write(dir / "mall.md", "Text\n");
    Run r = render(dir, out);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find("mall.yaml: fel: mallens inställningar: 'mall.yaml' ligger utanför mallens "
                     "mapp") != std::string::npos);
    CHECK(r.out.find("HEMLIG") == std::string::npos);
  }
  CHECK_FALSE(fs::exists(out));
  fs::remove_all(root);
}

TEST_CASE("templates that crashed the process end with positioned errors and exit 2") {
  const fs::path root = rvtest::temp_dir("hostile_crash");
  const fs::path out = root / "ut.pdf";
  struct Case {
    std::string name, body, message;
  };
  for (const Case& c : {
           Case{"fotnot", "Text[^1]\n\n[^1]: Se[^1]\n", "mall.md:3:9: fel: fotnoten hänvisar"},
           Case{"parenteser",
                "{{ " + std::string(7000, '(') + "1" + std::string(7000, ')') + " }}\n",
                "mall.md:1:260: fel: uttrycket är nästlat för djupt (högst 256 nivåer)"},
           Case{"stjarnor", std::string(38000, '*') + "x" + std::string(38000, '*') + "\n",
                "fel: citat, listor, betoning, länkar och fotnoter är nästlade för djupt"},
           Case{"heltal", "{{ 9223372036854775808 }}\n",
                "mall.md:1:4: fel: talet 9223372036854775808 är för stort"},
       }) {
    CAPTURE(c.name);
    Run r = render(make_template(root, c.name, c.body), out);
    INFO(r.out);
    CHECK(r.code == 2);
    CHECK(r.out.find(c.message) != std::string::npos);
    CHECK(r.out.find("internt fel") == std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  fs::remove_all(root);
}
