// Manual pages in roff, one per command, made from the same App the --help text comes
// from: a description or an option changed in the code changes the man page with it.
#include <sstream>

#include "cli/commands.hpp"
#include "version.hpp"

namespace rv::cli {

namespace {

// Text for a roff line: backslashes escaped, and a line that would read as a request
// (starting with '.' or '\'') protected.
std::string roff(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

// An option name in bold, with roff's minus signs: "\fB\-o\fR, \fB\-\-utfil\fR".
std::string option_names(const CLI::Option* opt) {
  std::string out;
  auto add = [&](const std::string& name) {
    if (!out.empty()) out += ", ";
    std::string escaped;
    for (char c : name) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
    out += "\\fB" + escaped + "\\fR";
  };
  for (const auto& s : opt->get_snames()) add("-" + s);
  for (const auto& l : opt->get_lnames()) add("--" + l);
  return out;
}

std::string upper(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "å") == 0 || s.compare(i, 2, "ä") == 0 || s.compare(i, 2, "ö") == 0) {
      out += s[i];
      out += static_cast<char>(s[i + 1] - 0x20);  // U+00E5 → U+00C5, ä → Ä, ö → Ö
      ++i;
    } else {
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    }
  }
  return out;
}

bool shown(const CLI::Option* opt) { return !opt->get_group().empty(); }

void options_section(std::ostringstream& out, const CLI::App& app) {
  bool any_positional = false, any_option = false;
  for (const CLI::Option* opt : app.get_options()) {
    if (!shown(opt)) continue;
    (opt->nonpositional() ? any_option : any_positional) = true;
  }
  if (any_positional) {
    out << ".SH ARGUMENT\n";
    for (const CLI::Option* opt : app.get_options())
      if (shown(opt) && !opt->nonpositional())
        out << ".TP\n\\fI" << roff(opt->get_name()) << "\\fR"
            << (opt->get_items_expected_max() > 1 ? " …" : "")
            << (opt->get_required() ? "" : " (valfritt)") << "\n"
            << roff(opt->get_description()) << "\n";
  }
  if (any_option) {
    out << ".SH FLAGGOR\n";
    for (const CLI::Option* opt : app.get_options()) {
      if (!shown(opt) || !opt->nonpositional()) continue;
      out << ".TP\n" << option_names(opt);
      if (opt->get_type_size_max() > 0) out << " \\fI" << roff(opt->get_type_name()) << "\\fR";
      out << "\n" << roff(opt->get_description()) << "\n";
    }
  }
}

// The program's footer (exit codes, environment, where the documentation is), paragraph
// by paragraph.
void notes_section(std::ostringstream& out, const CLI::App& root) {
  std::string footer = root.get_footer();
  if (footer.empty()) return;
  out << ".SH ANMÄRKNINGAR\n";
  std::istringstream lines(footer);
  std::string line;
  bool paragraph = true;
  while (std::getline(lines, line)) {
    if (line.empty()) {
      paragraph = true;
      continue;
    }
    if (paragraph) out << ".PP\n";
    paragraph = false;
    out << roff(line) << "\n";
  }
}

std::string header(const std::string& page, const std::string& summary) {
  std::ostringstream out;
  out << "'\\\" -*- coding: utf-8 -*-\n"
      << ".\\\" Gjord av 'rapportverk hjälp --man' ur programmets egen hjälptext: ändra i\n"
      << ".\\\" programmet (src/cli/), inte här.\n"
      << ".TH " << upper(page) << " 1 \"\" \"rapportverk " << RAPPORTVERK_VERSION
      << "\" \"rapportverk\"\n"
      << ".SH NAMN\n"
      << page << " \\- " << roff(summary) << "\n";
  return out.str();
}

std::vector<const CLI::App*> commands(const CLI::App& root) {
  std::vector<const CLI::App*> out;
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_group().empty()) out.push_back(sub);
  return out;
}

}  // namespace

std::vector<std::string> man_page_names(const CLI::App& root) {
  std::vector<std::string> out{"rapportverk"};
  for (const CLI::App* sub : commands(root)) out.push_back("rapportverk-" + sub->get_name());
  return out;
}

std::optional<std::string> man_page(const CLI::App& root, const std::string& command) {
  std::ostringstream out;
  if (command.empty() || command == "rapportverk") {
    out << header("rapportverk", root.get_description().substr(
                                     root.get_description().find(" – ") == std::string::npos
                                         ? 0
                                         : root.get_description().find(" – ") + 5));
    out << ".SH SYNOPSIS\n.B rapportverk\n\\fIUNDERKOMMANDO\\fR [\\fIFLAGGOR\\fR] "
           "[\\fIARGUMENT\\fR …]\n"
        << ".SH BESKRIVNING\n"
        << roff(root.get_description()) << "\n"
        << ".SH UNDERKOMMANDON\n";
    for (const CLI::App* sub : commands(root)) {
      out << ".TP\n\\fB" << roff(sub->get_name()) << "\\fR";
      if (!sub->get_aliases().empty()) out << " (" << roff(sub->get_aliases().front()) << ")";
      out << "\n"
          << roff(sub->get_description()) << ". Se \\fB\\%rapportverk\\-" << roff(sub->get_name())
          << "\\fR(1).\n";
    }
    options_section(out, root);
    notes_section(out, root);
    return out.str();
  }
  const CLI::App* sub = nullptr;
  for (const CLI::App* s : commands(root))
    if (s->check_name(command)) sub = s;
  if (!sub) return std::nullopt;
  const std::string page = "rapportverk-" + sub->get_name();
  out << header(page, sub->get_description());
  out << ".SH SYNOPSIS\n.B rapportverk " << roff(sub->get_name()) << "\n[\\fIFLAGGOR\\fR]";
  for (const CLI::Option* opt : sub->get_options())
    if (shown(opt) && !opt->nonpositional()) {
      const bool optional = !opt->get_required();
      out << " " << (optional ? "[" : "") << "\\fI" << roff(opt->get_name()) << "\\fR"
          << (opt->get_items_expected_max() > 1 ? " …" : "") << (optional ? "]" : "");
    }
  out << "\n.SH BESKRIVNING\n" << roff(sub->get_description()) << ".\n";
  if (!sub->get_aliases().empty())
    out << ".PP\nKommandot heter också \\fB" << roff(sub->get_aliases().front())
        << "\\fR på engelska.\n";
  // (A subcommand's footer is the program's, from CLI11: notes_section prints it.)
  options_section(out, *sub);
  notes_section(out, root);
  out << ".SH SE ÄVEN\n\\fBrapportverk\\fR(1)\n";
  return out.str();
}

}  // namespace rv::cli
