// The bash completion script, made from the same App as --help: every command, alias and
// option, the values an option allows, and template names for a template argument (asked
// of `rapportverk mallar --namn` when completing, so the user's own templates are there).
#include <sstream>

#include "cli/commands.hpp"

namespace rv::cli {

namespace {

// "TEXT:{pdf,spår}" → "pdf spår"; "" when the option lists no values.
std::string allowed_values(const CLI::Option* opt) {
  const std::string type = opt->get_type_name();
  const size_t open = type.find('{'), close = type.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return "";
  std::string values = type.substr(open + 1, close - open - 1);
  for (char& c : values)
    if (c == ',') c = ' ';
  return values;
}

std::string option_words(const CLI::App& app) {
  std::string out;
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->get_group().empty() || !opt->nonpositional()) continue;
    for (const auto& s : opt->get_snames()) out += " -" + s;
    for (const auto& l : opt->get_lnames()) out += " --" + l;
  }
  return out.empty() ? out : out.substr(1);
}

// Single quotes for the shell.
std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string bash_completion(const CLI::App& root) {
  std::ostringstream out;
  out << "# bash-komplettering för rapportverk. Gjord av 'rapportverk hjälp --bash-komplettering'\n"
         "# ur programmets egen hjälptext: ändra i programmet (src/cli/), inte här.\n\n";
  std::vector<const CLI::App*> subs;
  for (const CLI::App* sub : root.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_group().empty()) subs.push_back(sub);

  // The command (its name or alias) for a word, "" for none.
  out << "_rapportverk_command() {\n  case $1 in\n";
  for (const CLI::App* sub : subs) {
    out << "    " << quoted(sub->get_name());
    for (const auto& a : sub->get_aliases()) out << "|" << quoted(a);
    out << ") echo " << quoted(sub->get_name()) << " ;;\n";
  }
  out << "  esac\n}\n\n";

  // Options of a command (or of the program, for "").
  out << "_rapportverk_options() {\n  case $1 in\n    '') echo " << quoted(option_words(root))
      << " ;;\n";
  for (const CLI::App* sub : subs)
    out << "    " << quoted(sub->get_name()) << ") echo " << quoted(option_words(*sub)) << " ;;\n";
  out << "  esac\n}\n\n";

  // Whether option $2 of command $1 takes a value: prints the allowed values, or "-" for
  // any (a file name); fails for a flag.
  out << "_rapportverk_value() {\n  case $1:$2 in\n";
  for (const CLI::App* sub : subs)
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_group().empty() || !opt->nonpositional() || opt->get_type_size_max() == 0)
        continue;
      std::string patterns;
      for (const auto& s : opt->get_snames())
        patterns += (patterns.empty() ? "" : "|") + quoted(sub->get_name() + ":-" + s);
      for (const auto& l : opt->get_lnames())
        patterns += (patterns.empty() ? "" : "|") + quoted(sub->get_name() + ":--" + l);
      const std::string values = allowed_values(opt);
      out << "    " << patterns << ") echo " << (values.empty() ? "-" : quoted(values)) << " ;;\n";
    }
  out << "    *) return 1 ;;\n  esac\n}\n\n";

  // What the n:th argument (from 1) of a command is: "mall" or "-" (a file or folder).
  out << "_rapportverk_argument() {\n  case $1:$2 in\n";
  for (const CLI::App* sub : subs) {
    int n = 0;
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_group().empty() || opt->nonpositional()) continue;
      ++n;
      if (opt->get_name() == "mall")
        out << "    " << quoted(sub->get_name() + ":" + std::to_string(n)) << ") echo mall ;;\n";
      if (opt->get_name() == "kommando")
        out << "    " << quoted(sub->get_name() + ":" + std::to_string(n))
            << ") echo kommando ;;\n";
    }
  }
  out << "    *) echo - ;;\n  esac\n}\n\n";

  out << R"sh(_rapportverk() {
  local cur=${COMP_WORDS[COMP_CWORD]} cmd='' arg=0 i word values
  COMPREPLY=()
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ -z $cmd ]]; then
      [[ $word == -* ]] || cmd=$(_rapportverk_command "$word")
      [[ $word == -* || -n $cmd ]] || return 0
      continue
    fi
    if [[ $word == -* ]]; then
      # An option with its value in the next word: skip the value.
      [[ $word != *=* ]] && _rapportverk_value "$cmd" "$word" >/dev/null && ((i++))
      continue
    fi
    ((arg++))
  done
  if [[ -z $cmd ]]; then
    if [[ $cur == -* ]]; then
      mapfile -t COMPREPLY < <(compgen -W "$(_rapportverk_options '')" -- "$cur")
    else
      mapfile -t COMPREPLY < <(compgen -W ")sh";
  for (const CLI::App* sub : subs) {
    out << sub->get_name() << " ";
    for (const auto& a : sub->get_aliases()) out << a << " ";
  }
  out << R"sh(" -- "$cur")
    fi
    return 0
  fi
  if ((COMP_CWORD > 1)) && [[ ${COMP_WORDS[COMP_CWORD-1]} == -* ]] &&
    values=$(_rapportverk_value "$cmd" "${COMP_WORDS[COMP_CWORD-1]}"); then
    if [[ $values == - ]]; then
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    else
      mapfile -t COMPREPLY < <(compgen -W "$values" -- "$cur")
    fi
    return 0
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_rapportverk_options "$cmd")" -- "$cur")
    return 0
  fi
  case $(_rapportverk_argument "$cmd" $((arg + 1))) in
    mall)
      mapfile -t COMPREPLY < <(compgen -W "$("${COMP_WORDS[0]}" mallar --namn 2>/dev/null)" -- "$cur")
      # A template can also be a folder.
      mapfile -t -O ${#COMPREPLY[@]} COMPREPLY < <(compgen -d -- "$cur") ;;
    kommando)
      mapfile -t COMPREPLY < <(compgen -W ")sh";
  for (const CLI::App* sub : subs) out << sub->get_name() << " ";
  out << R"sh(" -- "$cur") ;;
    *) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
  esac
  return 0
}
complete -o filenames -F _rapportverk rapportverk
)sh";
  return out.str();
}

}  // namespace rv::cli
