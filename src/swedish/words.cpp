// Numbers in words with grammatical gender ("en kommun", "ett bidrag", "tre nämnder"),
// counted nouns, and sentence-initial capitals. Words come from ICU's rule-based number
// format for Swedish, so any configured limit works, not only a fixed table.
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <memory>
#include <stdexcept>

#include "swedish/swedish.hpp"
#include "swedish/utf8.hpp"

namespace rv::sv {
namespace {

// ICU formatters are not documented as safe for concurrent use: one per thread.
icu::RuleBasedNumberFormat& spellout() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> format = [] {
    UErrorCode status = U_ZERO_ERROR;
    auto f = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT,
                                                          icu::Locale("sv", "SE"), status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU: kan inte skapa talord för sv_SE");
    return f;
  }();
  return *format;
}

std::string spell(int64_t n, Gender gender) {
  // "reale" is ICU's name for Swedish common gender (utrum): "en", "två" …
  const icu::UnicodeString ruleset(gender == Gender::Neuter ? u"%spellout-cardinal-neuter"
                                                            : u"%spellout-cardinal-reale");
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  icu::FieldPosition pos;
  spellout().format(static_cast<int64_t>(n), ruleset, out, pos, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU: talord misslyckades");
  // ICU marks compound boundaries with soft hyphens ("tjugo\u00ADtre"); hyphenation is
  // the typesetter's business, so they go.
  out.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x00AD)), icu::UnicodeString());
  return detail::to_utf8(out);
}

}  // namespace

std::string number_words(int64_t n, Gender gender, int limit) {
  if (n < 0 || n > limit) return integer(n);
  return spell(n, gender);
}

std::string number_in_words(int64_t n, Gender gender) { return spell(n, gender); }

std::string genitive(std::string_view name) {
  std::string out(name);
  const size_t end = out.size();
  if (end == 0) return out;
  const char last = static_cast<char>(std::tolower(static_cast<unsigned char>(out[end - 1])));
  if (last == 's' || last == 'x' || last == 'z') return out;
  out.insert(end, "s");
  return out;
}

std::string count_noun(int64_t n, const Noun& noun, int limit) {
  const std::string& word = (n == 1) ? noun.singular : noun.plural;
  return number_words(n, noun.gender, limit) + " " + word;
}

std::string capitalize(std::string_view text) {
  // Upper-case the first letter, past any leading quotation mark, parenthesis or space;
  // text starting with a digit stays as it is ("13 kommuner").
  for (const detail::CodePoint& c : detail::decode_utf8(text)) {
    const auto cp = static_cast<UChar32>(c.cp);
    if (u_ispunct(cp) || u_isWhitespace(cp)) continue;
    if (!u_isalpha(cp)) break;
    std::string out(text.substr(0, c.begin));
    detail::append_utf8(out, static_cast<char32_t>(u_toupper(cp)));
    out.append(text.substr(c.end));
    return out;
  }
  return std::string(text);
}

namespace {
std::string convert_case(std::string_view text, bool upper) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  static const icu::Locale swedish("sv", "SE");
  if (upper)
    u.toUpper(swedish);
  else
    u.toLower(swedish);
  std::string out;
  u.toUTF8String(out);
  return out;
}
}  // namespace

std::string uppercase(std::string_view text) { return convert_case(text, true); }
std::string lowercase(std::string_view text) { return convert_case(text, false); }

}  // namespace rv::sv
