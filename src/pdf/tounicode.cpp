// The ToUnicode CMap of our Type0/Identity-H fonts (fonts.cpp).
//
// Character codes are the Unicode code points themselves, so the map is the identity
// over the codes actually used, written as bfchar entries (at most 100 per block, as the
// CMap format requires). (libharu's own fonts wrote "begincidrange" here, which is not a
// ToUnicode operator: poppler warned and guessed.)
#include <cstdio>
#include <string>
#include <vector>

#include "pdf/internal.hpp"

namespace rv::pdf {

std::string tounicode_cmap(const std::vector<char32_t>& codes) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> bmp;
  for (char32_t c : codes)
    if (c < 0x10000 && (c < 0xD800 || c > 0xDFFF)) bmp.push_back(c);
  char buf[32];
  for (size_t i = 0; i < bmp.size(); i += 100) {
    const size_t n = std::min<size_t>(100, bmp.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      std::snprintf(buf, sizeof buf, "<%04X> <%04X>\n", static_cast<unsigned>(bmp[k]),
                    static_cast<unsigned>(bmp[k]));
      s += buf;
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

}  // namespace rv::pdf
