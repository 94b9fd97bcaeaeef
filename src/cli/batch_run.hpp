// skapa <mall> <data> --per-mottagare [--urval <villkor>] -o <mapp> (src/batch).
#pragma once

#include <string>
#include <vector>

namespace rv::cli {

struct BatchArgs {
  std::string templ;
  std::vector<std::string> data;
  std::vector<std::string> parameters;
  std::string condition;  // --urval; empty: every recipient
  std::string folder;     // -o
  std::string combined;   // --samlad: every document also in one PDF; empty: none
  std::string pdfa;       // --pdfa: 1a, 2a, 2b or av; empty: the template's setting
  std::string format;     // --format: pdf (also when empty), html or docx
};

// Writes one PDF (or HTML file) per selected recipient and förteckning.csv; the process's exit
// code.
int run_batch(const BatchArgs& args);

}  // namespace rv::cli
