// A template reads only files inside its own folder, with symbolic links resolved.
#include "template/confine.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "../support/shell.hpp"

using namespace rv::tmpl;
namespace fs = std::filesystem;

TEST_CASE("files a template names must lie inside its folder") {
  const fs::path root = rvtest::temp_dir("confine");
  const fs::path dir = root / "mall";
  fs::create_directories(dir / "del");
  rvtest::write(dir / "kapitel.md", "x");
  rvtest::write(dir / "del" / "avsnitt.md", "x");
  rvtest::write(root / "hemligt.md", "hemligt");
  fs::create_symlink(root / "hemligt.md", dir / "länk.md");
  fs::create_symlink("kapitel.md", dir / "inre-länk.md");
  fs::create_symlink(root, dir / "ut");
  fs::create_symlink("slinga", dir / "slinga");
  fs::create_directories(dir / "mapp");

  std::string why;
  bool outside = false;
  SECTION("inside: plain, in a subfolder, through a link that stays inside") {
    CHECK(file_in_template(dir.string(), "kapitel.md", why) ==
          fs::canonical(dir / "kapitel.md").string());
    CHECK(file_in_template(dir.string(), "del/avsnitt.md", why));
    CHECK(file_in_template(dir.string(), "del/../kapitel.md", why));
    CHECK(file_in_template(dir.string(), "inre-länk.md", why) ==
          fs::canonical(dir / "kapitel.md").string());
  }
  SECTION("outside: ../, an absolute path, a link out of the folder") {
    for (const std::string& name :
         {std::string("../hemligt.md"), std::string("/etc/passwd"), (root / "hemligt.md").string(),
          std::string("länk.md"), std::string("ut/hemligt.md"),
          std::string("del/../../hemligt.md")}) {
      CAPTURE(name);
      CHECK_FALSE(file_in_template(dir.string(), name, why, &outside));
      CHECK(outside);
      CHECK(why.find("en mall får bara läsa filer i sin egen mapp") != std::string::npos);
      CHECK(why.find("hemligt\n") == std::string::npos);
    }
  }
  SECTION("missing files, folders and link loops are refused in Swedish") {
    CHECK_FALSE(file_in_template(dir.string(), "saknas.md", why, &outside));
    CHECK(why == "filen 'saknas.md' finns inte i mallen");
    CHECK_FALSE(outside);
    CHECK_FALSE(file_in_template(dir.string(), "mapp", why));
    CHECK(why == "'mapp' i mallen är ingen vanlig fil");
    CHECK_FALSE(file_in_template(dir.string(), "slinga", why));
    CHECK(why.find("slinga") != std::string::npos);
    CHECK(why.find("symbolic") == std::string::npos);
  }
  fs::remove_all(root);
}
