// Numbers in a document's text, for the tests that compare each output format's figures
// with its PDF's (tests/html, tests/docx).
#pragma once

#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include "shell.hpp"

namespace rvtest {

// Number tokens: digit groups joined by (no-break) spaces, with a decimal part: "5 394 915",
// "74,9", "2019". Separators as plain spaces (pdftotext writes U+00A0 as one).
inline std::set<std::string> numbers(const std::string& text) {
  static const std::regex token(
      "[0-9]+(?:(?: |\xC2\xA0|\xE2\x80\xAF)[0-9]{3}(?![0-9]))*(?:,[0-9]+)?");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), token);
       it != std::sregex_iterator(); ++it) {
    std::string n = it->str();
    n = std::regex_replace(n, std::regex("\xC2\xA0|\xE2\x80\xAF"), " ");
    out.insert(n);
  }
  return out;
}

inline int pages_of(const std::filesystem::path& pdf) {
  auto r = rvtest::sh("pdfinfo '" + pdf.string() + "' | sed -n 's/^Pages: *//p'");
  REQUIRE(r.code == 0);
  return std::stoi(r.out);
}

inline std::string join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += "[" + x + "] ";
  return out;
}

}  // namespace rvtest
