// Lists in prose and Swedish quotation marks.
#include "swedish/swedish.hpp"

namespace rv::sv {

std::string join_list(const std::vector<std::string>& items, std::string_view conjunction) {
  // Swedish puts no comma before the conjunction: "A, B och C".
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      if (i + 1 == items.size()) {
        out += ' ';
        out += conjunction;
        out += ' ';
      } else {
        out += ", ";
      }
    }
    out += items[i];
  }
  return out;
}

std::string swedish_quotes(std::string_view text) {
  // Swedish uses the same closing mark at both ends (”citat”) and ’ as apostrophe, so a
  // straight mark maps to one character without guessing whether it opens or closes.
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (char c : text) {
    if (c == '"')
      out += "\u201D";
    else if (c == '\'')
      out += "\u2019";
    else
      out.push_back(c);
  }
  return out;
}

}  // namespace rv::sv
