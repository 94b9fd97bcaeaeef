// "menade du …?" for names: a recipient's name written another way in another file.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "load/suggest.hpp"

namespace rv::load {

std::string name_key(std::string_view name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString n = nfc->normalize(u, status);
    if (U_SUCCESS(status)) u = n;
  }
  u.foldCase();
  icu::UnicodeString kept;
  for (int32_t i = 0; i < u.length();) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    // Spaces and dashes of any kind: "Hässelby Vällingby", "Hässelby–Vällingby".
    bool drop = c == ' ' || c == 0xA0 || c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
    if (!drop) kept.append(c);
  }
  std::string out;
  kept.toUTF8String(out);
  return out;
}

std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string_view>& known) {
  const std::string key = name_key(name);
  for (auto k : known)
    if (name_key(k) == key) return std::string(k);
  return closest(name, known);
}

}  // namespace rv::load
