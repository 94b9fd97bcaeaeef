// CLI11 pads the help's left column with std::setw, which counts bytes: every å, ä and ö
// in a name ("fördela", "--jämför-med") pushed its description one column to the left.
// The same layout, padded by characters.
#include <sstream>

#include "cli/commands.hpp"

namespace rv::cli {

namespace {

size_t display_width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string two_columns(std::string name, const std::string& description, size_t width) {
  name = "  " + name;
  std::string out = name;
  const size_t w = display_width(name);
  if (!description.empty()) {
    if (w >= width)
      out += "\n" + std::string(width, ' ');
    else
      out += std::string(width - w, ' ');
    for (char c : description) {
      out += c;
      if (c == '\n') out += std::string(width, ' ');
    }
  } else if (w < width) {
    out += std::string(width - w, ' ');
  }
  return out + "\n";
}

class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_subcommand(const CLI::App* sub) const override {
    return two_columns(sub->get_display_name(true), sub->get_description(), get_column_width());
  }
  std::string make_option(const CLI::Option* opt, bool is_positional) const override {
    return two_columns(make_option_name(opt, is_positional) + make_option_opts(opt),
                       make_option_desc(opt), get_column_width());
  }
};

}  // namespace

std::shared_ptr<CLI::Formatter> help_formatter() { return std::make_shared<HelpFormatter>(); }

}  // namespace rv::cli
