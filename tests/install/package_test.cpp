// Issue 20: the Debian package (cpack -G DEB). No clean Debian 12 container can run
// here, so the package is checked from the outside: its Depends name the package of
// every library the program links and of what it opens at run time; its file list has
// the program, every template, font, man page and the completion; lintian finds no
// errors or warnings; apt accepts it; and unpacked, its program makes a document from
// its own files.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "../support/shell.hpp"

namespace fs = std::filesystem;
using rvtest::sh;

namespace {

// The Debian package that holds `file` ("libicu72"), or "" if none does.
std::string package_of(const std::string& file) {
  auto r = sh("dpkg-query -S '" + file + "'");
  if (r.code != 0) return "";
  return r.out.substr(0, r.out.find_first_of(":,"));
}

std::set<std::string> depends_of(const std::string& info) {
  std::set<std::string> out;
  std::smatch m;
  REQUIRE(std::regex_search(info, m, std::regex("\\n Depends: ([^\\n]*)")));
  std::stringstream list(m[1].str());
  std::string item;
  while (std::getline(list, item, ',')) {
    item.erase(0, item.find_first_not_of(' '));
    out.insert(item.substr(0, item.find_first_of(" (")));
  }
  return out;
}

// The subcommands `rapportverk --help` lists.
std::vector<std::string> commands() {
  const auto help = sh(std::string("'") + RV_BINARY + "' --help").out;
  std::vector<std::string> out;
  const size_t at = help.find("\nUnderkommandon:\n");
  REQUIRE(at != std::string::npos);
  std::istringstream lines(help.substr(at + 1));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.starts_with("  ")) {
    const size_t start = line.find_first_not_of(' ');
    out.push_back(line.substr(start, line.find_first_of(", ", start) - start));
  }
  return out;
}

}  // namespace

TEST_CASE("the Debian package: Depends, files, lintian, and a document from its contents",
          "[install][deb]") {
  const fs::path tmp = rvtest::temp_dir("deb");
  const auto made = sh("cd '" + std::string(RV_BUILD_DIR) + "' && '" + RV_CPACK + "' -G DEB -B '" +
                       tmp.string() + "'");
  INFO(made.out);
  REQUIRE(made.code == 0);
  fs::path deb;
  for (const auto& e : fs::directory_iterator(tmp))
    if (e.path().extension() == ".deb") deb = e.path();
  REQUIRE(deb.filename().string().starts_with("rapportverk_"));

  const auto info = sh("dpkg-deb --info '" + deb.string() + "'");
  REQUIRE(info.code == 0);
  CHECK(info.out.find(" Package: rapportverk\n") != std::string::npos);
  const auto depends = depends_of(info.out);
  // Every library the program links (its NEEDED entries), as the dynamic linker finds
  // it on this machine.
  const auto needed = sh(std::string("readelf -d '") + RV_BINARY + "'");
  const auto ldd = sh(std::string("ldd '") + RV_BINARY + "'");
  REQUIRE(needed.code == 0);
  REQUIRE(ldd.code == 0);
  std::smatch m;
  std::string rest = needed.out;
  size_t libraries = 0;
  while (std::regex_search(rest, m, std::regex("\\(NEEDED\\)[^\\[]*\\[([^\\]]+)\\]"))) {
    const std::string name = m[1].str();
    rest = m.suffix();
    // The sanitizer build links its runtime from the compiler's package: not shipped.
    if (name.find("san.so") != std::string::npos) continue;
    std::smatch where;
    REQUIRE(
        std::regex_search(ldd.out, where,
                          std::regex("\\t" + std::regex_replace(name, std::regex("[.+]"), "\\$&") +
                                     " => (/[^ ]+) ")));
    // dpkg knows a file by the path its package ships (/lib/… or /usr/lib/… on a merged /usr).
    const fs::path file = where[1].str(), real = fs::canonical(file);
    std::string pkg = package_of(real.string());
    if (pkg.empty()) pkg = package_of(file.string());
    if (pkg.empty() && real.string().starts_with("/usr/"))
      pkg = package_of(real.string().substr(4));
    INFO(name << " → " << where[1].str() << " → " << pkg);
    CHECK(!pkg.empty());
    CHECK(depends.count(pkg) == 1);
    ++libraries;
  }
  CHECK(libraries >= 10);  // libhpdf, yaml-cpp, ICU, libdeflate, cmark-gfm, libhyphen, libc …
  // Opened at run time, not linked: the hyphenation patterns, libzip and libxlsxwriter.
  CHECK(depends.count(package_of("/usr/share/hyphen/hyph_sv_SE.dic")) == 1);
  CHECK(std::any_of(depends.begin(), depends.end(),
                    [](const std::string& d) { return d.starts_with("libzip"); }));
  CHECK(std::any_of(depends.begin(), depends.end(),
                    [](const std::string& d) { return d.starts_with("libxlsxwriter"); }));

  const auto contents = sh("dpkg-deb --contents '" + deb.string() + "'");
  REQUIRE(contents.code == 0);
  auto has = [&](const std::string& path) {
    return contents.out.find(" ./usr/" + path + "\n") != std::string::npos;
  };
  CHECK(has("bin/rapportverk"));
  CHECK(has("share/doc/rapportverk/copyright"));
  CHECK(has("share/doc/rapportverk/changelog.gz"));
  CHECK(has("share/bash-completion/completions/rapportverk"));
  CHECK(has("share/man/man1/rapportverk.1.gz"));
  const auto names = commands();
  CHECK(names.size() >= 9);
  for (const auto& c : names) CHECK(has("share/man/man1/rapportverk-" + c + ".1.gz"));
  for (const auto& e : fs::recursive_directory_iterator(fs::path(RV_SOURCE_DIR) / "templates"))
    if (e.is_regular_file())
      CHECK(has("share/rapportverk/templates/" +
                fs::relative(e.path(), fs::path(RV_SOURCE_DIR) / "templates").string()));
  for (const auto& e : fs::directory_iterator(fs::path(RV_SOURCE_DIR) / "fonts"))
    CHECK(has("share/rapportverk/fonts/" + e.path().filename().string()));

  // lintian, where it is installed (scripts/install-deps.sh installs it): no errors, no
  // warnings.
  if (sh("command -v lintian").code == 0) {
    const auto lint = sh("lintian --fail-on error,warning '" + deb.string() + "'");
    INFO(lint.out);
    CHECK(lint.code == 0);
    CHECK(lint.out.find("E: ") == std::string::npos);
    CHECK(lint.out.find("W: ") == std::string::npos);
  } else {
    WARN("lintian saknas: paketet granskades inte med lintian");
  }
  // apt would install it here: every Depends can be met on this Debian.
  const auto apt = sh("apt-get install --simulate --no-install-recommends '" + deb.string() + "'");
  INFO(apt.out);
  CHECK(apt.code == 0);
  CHECK(apt.out.find("Inst rapportverk") != std::string::npos);

  // Unpacked, the program finds its templates and fonts next to itself and makes a
  // document; its man pages open.
  const fs::path root = tmp / "rot";
  REQUIRE(sh("dpkg-deb -x '" + deb.string() + "' '" + root.string() + "'").code == 0);
  const fs::path bin = root / "usr" / "bin" / "rapportverk";
  const auto listed = sh("HOME='" + tmp.string() + "' '" + bin.string() + "' mallar");
  INFO(listed.out);
  CHECK(listed.out.find((root / "usr/share/rapportverk/templates").string() +
                        " (medföljande mallar)") != std::string::npos);
  const auto rendered =
      sh("RAPPORTVERK_CACHE=0 '" + bin.string() + "' skapa bilaga data/nationell-2019 -o '" +
         (tmp / "bilaga.pdf").string() + "'");
  INFO(rendered.out);
  CHECK(rendered.code == 0);
  CHECK(sh("cmp '" + (tmp / "bilaga.pdf").string() + "' /dev/null").code != 0);
  const auto man = sh("MANWIDTH=80 man -l '" +
                      (root / "usr/share/man/man1/rapportverk-skapa.1.gz").string() + "'");
  CHECK(man.code == 0);
  CHECK(man.out.find("--bevaka") != std::string::npos);
  fs::remove_all(tmp);
}
