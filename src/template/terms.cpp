// One spelling of a recurring term in a whole document (issue 19): "HBTQ-personer" and
// "hbtq-personer" in one report read as two things to a careful reader. A template lists
// its terms (mall.yaml `termer:`); every word of the rendered text that is one of them in
// another spelling (case, hyphen) is a warning at the place that wrote it. A term that
// starts a sentence may take a capital letter.
#include "template/terms.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>

#include "swedish/swedish.hpp"

namespace rv::tmpl {

namespace {

// The key two spellings of one term share: lower case, hyphens and spaces dropped.
std::string key(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string k;
  // Most words are ASCII: lower-cased here, ICU only for the rest.
  for (char c : ascii ? std::string(word) : sv::lowercase(word))
    if (c != '-' && c != ' ')
      k += ascii ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
  return k;
}

bool word_byte(unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '-'; }

}  // namespace

void check_terms(const std::vector<TextTemplate>& terms, const doc::Document& d,
                 Diagnostics& diags) {
  if (terms.empty()) return;
  std::map<std::string, const TextTemplate*> by_key;
  size_t shortest = SIZE_MAX, longest = 0;  // a word of another length is no spelling of one
  for (const auto& t : terms) {
    by_key.emplace(key(t.text), &t);
    shortest = std::min(shortest, key(t.text).size());
    longest = std::max(longest, t.text.size() * 2);  // lower case may be longer in bytes
  }
  std::map<std::string, bool> reported;  // one warning per wrong spelling
  doc::each_inlines(d.blocks, [&](const doc::Inlines& content) {
    for (const doc::Inline& in : content) {
      const std::string& s = in.text;
      for (size_t i = 0; i < s.size();) {
        if (!word_byte(static_cast<unsigned char>(s[i]))) {
          ++i;
          continue;
        }
        size_t e = i;
        while (e < s.size() && word_byte(static_cast<unsigned char>(s[e]))) ++e;
        std::string_view word(s.data() + i, e - i);
        while (!word.empty() && word.back() == '-') word.remove_suffix(1);  // "kompetens- och"
        const size_t begin = i;
        i = e;
        // Part of an address ("www.socialstyrelsen.se", "namn@nck.uu.se"): not prose.
        const auto at = [&](size_t k) { return k < s.size() ? s[k] : ' '; };
        if ((begin > 0 && std::string_view("./@").find(s[begin - 1]) != std::string_view::npos) ||
            ((at(e) == '.' || at(e) == '@') && word_byte(static_cast<unsigned char>(at(e + 1)))) ||
            at(e) == '/')
          continue;
        if (word.size() < shortest || word.size() > longest) continue;
        auto it = by_key.find(key(word));
        if (it == by_key.end()) continue;
        const std::string& term = it->second->text;
        // The term itself, capitalised at a sentence start, or in capitals as a running
        // head or title sets it ("SOCIALSTYRELSEN"): the same spelling.
        if (word == term || word == sv::capitalize(term) || word == sv::uppercase(term)) continue;
        if (reported[std::string(word)]) continue;
        reported[std::string(word)] = true;
        // Where the text has no position of its own, the words around it say where it is.
        size_t from = begin > 30 ? begin - 30 : 0, to = std::min(s.size(), e + 30);
        const auto inside = [&](size_t k) {  // a UTF-8 continuation byte
          return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
        };
        while (inside(from)) ++from;
        while (inside(to)) --to;
        const std::string context = s.substr(from, to - from);
        const Span& where = in.span.line > 0 ? in.span : it->second->span;
        diags.warning(where, "'" + std::string(word) + "' (i ”" + context + "”) skrivs '" + term +
                                 "' i resten av dokumentet (mallens termlista, " +
                                 it->second->span.file + ":" +
                                 std::to_string(it->second->span.line) + ")");
      }
    }
  });
}

}  // namespace rv::tmpl
