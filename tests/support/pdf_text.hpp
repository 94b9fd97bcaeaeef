// pdftotext's output made comparable with plain text: no-break spaces (U+00A0, U+202F) as
// spaces, and the soft hyphens our line breaks add (U+00AD, drawn as a hyphen) removed,
// so "mil\u00AD\njoner" reads "mil\njoner" (a phrase search allows white space between
// words; flatten_words also joins the word).
#pragma once

#include <string>

namespace rvtest {

inline std::string pdf_plain(std::string t) {
  for (const std::string& nb : {std::string("\u00A0"), std::string("\u202F")})
    for (size_t pos; (pos = t.find(nb)) != std::string::npos;) t.replace(pos, nb.size(), " ");
  const std::string soft = "\u00AD";
  for (size_t pos; (pos = t.find(soft)) != std::string::npos;) t.erase(pos, soft.size());
  return t;
}

// pdf_plain's text as one line of words: a word hyphenated over two lines joined again,
// every run of white space one space.
inline std::string flatten_words(const std::string& pdftotext_out) {
  std::string in = pdftotext_out, out;
  const std::string soft_break = "\u00AD\n";
  for (size_t pos; (pos = in.find(soft_break)) != std::string::npos;)
    in.erase(pos, soft_break.size());
  in = pdf_plain(in);
  for (char c : in) {
    if (c == '\n' || c == '\t' || c == '\f' || c == '\r') c = ' ';
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
  return out;
}

}  // namespace rvtest
