// File names from recipients' names: readable (å ä ö and spaces kept) and valid on every
// file system the letters may be copied to.
#include <map>

#include "batch/batch.hpp"

namespace rv::batch {

namespace {

constexpr size_t kMaxStemBytes = 120;  // well under 255, with room for " (12).pdf"

bool forbidden(unsigned char c) {
  return c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' ||
         c == '"' || c == '<' || c == '>' || c == '|';
}

// Windows refuses these as a name's stem, whatever the extension.
bool reserved_on_windows(const std::string& stem) {
  std::string up;
  for (char c : stem) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (up == "CON" || up == "PRN" || up == "AUX" || up == "NUL") return true;
  return up.size() == 4 && (up.starts_with("COM") || up.starts_with("LPT")) && up[3] >= '1' &&
         up[3] <= '9';
}

// The key two names clash on where case is ignored (Windows, macOS): ASCII and Å Ä Ö É.
std::string fold(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
      ++i;
      continue;
    }
    out += static_cast<char>(std::tolower(c));
  }
  return out;
}

}  // namespace

std::string safe_file_stem(std::string_view name) {
  std::string out;
  bool space = false;
  for (unsigned char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ', space = false;
    out += forbidden(c) ? '-' : static_cast<char>(c);
  }
  // Never a hidden file (our temporary files start with a dot) nor an option ("-x").
  while (!out.empty() && (out.front() == '.' || out.front() == '-')) out.erase(0, 1);
  if (out.size() > kMaxStemBytes) {
    size_t cut = kMaxStemBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
  if (out.empty()) out = "mottagare";
  if (reserved_on_windows(out)) out += "_";
  return out;
}

std::vector<std::string> unique_file_names(const std::vector<std::string>& names,
                                           std::string_view extension) {
  std::vector<std::string> out;
  std::map<std::string, int> taken;  // folded name → times used
  for (const auto& n : names) {
    std::string stem = safe_file_stem(n), candidate = stem + std::string(extension);
    for (int k = 2; taken.count(fold(candidate)); ++k)
      candidate = stem + " (" + std::to_string(k) + ")" + std::string(extension);
    ++taken[fold(candidate)];
    out.push_back(candidate);
  }
  return out;
}

}  // namespace rv::batch
