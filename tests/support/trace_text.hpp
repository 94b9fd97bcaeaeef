// The running text of a page trace (`skapa --format spår`), for tests that search a
// rendered document for a phrase as written.
#pragma once

#include <string>

namespace rvtest {

// The quoted strings of the trace's text lines, joined with spaces, with a hyphenation at a
// line end (a soft hyphen, \\- in the trace) undone.
inline std::string trace_text(const std::string& trace) {
  std::string out;
  size_t pos = 0;
  while ((pos = trace.find("\ntext ", pos)) != std::string::npos) {
    size_t open = trace.find('"', pos), end = trace.find('\n', pos + 1);
    pos = end == std::string::npos ? trace.size() : end;
    if (open == std::string::npos || open > pos) continue;
    size_t close = trace.rfind('"', pos);
    if (close <= open) continue;
    std::string line = trace.substr(open + 1, close - open - 1);
    // A line ends with the soft hyphen the break added (undone), a hyphen of the text
    // ("Rinkeby-" + "Kista": kept, no space), the space it broke at, or a run boundary.
    const std::string soft = "\\-";  // the trace's soft hyphen
    if (out.size() >= soft.size() && out.compare(out.size() - soft.size(), soft.size(), soft) == 0)
      out.resize(out.size() - soft.size());
    else if (!out.empty() && out.back() != '-' && out.back() != ' ')
      out += ' ';
    out += line;
  }
  return out;
}

}  // namespace rvtest
