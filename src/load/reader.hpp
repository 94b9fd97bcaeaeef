// Typed, diagnosing access to one YAML file's nodes (internal to src/load).
//
// yaml-cpp accepts duplicate keys silently and reports byte columns; everything here
// turns its nodes into model values while reporting problems with character columns.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diag.hpp"
#include "model/model.hpp"

namespace rv::load {

// The years a date or a grant year may have (as `år: 1900–2200` always had).
constexpr int kFirstYear = 1900, kLastYear = 2200;

struct SourceFile {
  std::string path;                // as the user named it
  std::vector<std::string> lines;  // for byte → character columns
  Span span(const YAML::Mark& m) const;
  Span span(const YAML::Node& n) const;
  // An empty value (`period:` and nothing) carries the mark of the next token, often on
  // another line: MapReader::node() records the key of the empty value it hands out, and
  // span() of that node points at the key instead.
  mutable YAML::Node empty_value;
  mutable YAML::Mark empty_value_key = YAML::Mark::null_mark();
};

// A file's lines without line ends (CRLF too), for byte → character columns.
std::vector<std::string> split_lines(const std::string& text);

// Old Mac line ends (a lone CR) become LF: yaml-cpp does not treat a lone CR as a line
// end and reported such a file as one long line. Same length, so positions still hold.
void normalise_line_ends(std::string& text);

// One YAML file parsed as every rapportverk input is: one document only (a second one
// is an error, not silently dropped), yaml-cpp's English messages in Swedish.
struct YamlDocument {
  YAML::Node root;
  std::optional<YAML::Mark> error_at;  // set when the text is not usable
  std::string error;                   // Swedish, without "YAML-syntaxfel: "
};
YamlDocument parse_yaml(const std::string& text);

// Human description of a node's kind for "förväntade X, fick Y".
std::string describe(const YAML::Node& n);

// A YAML mapping checked against the keys it may have. Construction reports: not a
// mapping, duplicate keys, unknown keys (with "menade du …?"). Getters report missing
// required keys and wrong types; each returns nullopt when the value is unusable.
class MapReader {
 public:
  // `unknown_hint` is added to the message for an unknown key ("; egna fält deklareras …").
  MapReader(const SourceFile& file, const YAML::Node& node, std::string what, Diagnostics& diags,
            std::vector<std::string_view> known, std::string_view unknown_hint = {});

  bool is_map() const { return is_map_; }
  Span span() const { return file_.span(node_); }
  bool has(std::string_view key) const { return present(key); }
  YAML::Node find(std::string_view key) const;
  Span key_span(std::string_view key) const;    // where the key is written
  Span value_span(std::string_view key) const;  // where its value is written

  std::optional<std::string> text(std::string_view key, bool required = false);
  // A name shown in a table (recipient, group): text on one line, without spaces at its
  // ends, so that two rows never look the same while they differ.
  std::optional<std::string> name(std::string_view key, bool required = false);
  std::optional<Amount> amount(std::string_view key, bool required = false);
  std::optional<int> integer(std::string_view key, bool required = false, int min = 0,
                             int max = 1'000'000'000);
  std::optional<bool> yes_no(std::string_view key, bool required = false);
  std::optional<Date> date(std::string_view key, bool required = false);
  // A node that must be present (reports missing) or std::nullopt.
  std::optional<YAML::Node> node(std::string_view key, bool required = false);

  void error_at(std::string_view key, std::string message);
  void warning_at(std::string_view key, std::string message);
  const SourceFile& file() const { return file_; }
  // A comma inside {…} split a value: the values read are not what the user wrote.
  bool comma_split_seen() const { return comma_split_seen_; }
  Diagnostics& diags() { return diags_; }

 private:
  bool present(std::string_view key) const;
  void missing(std::string_view key);

  struct Entry {
    std::string key;
    YAML::Node key_node, value;
  };
  const Entry* entry(std::string_view key) const;
  static bool is_empty(const Entry& e);
  bool comma_split(const YAML::Node& key, const YAML::Node& value, const YAML::Node& before) const;
  std::string comma_split_message(const std::string& field, const YAML::Node& before,
                                  const std::string& tail) const;

  const SourceFile& file_;
  bool comma_split_seen_ = false;
  YAML::Node node_;
  // The mapping's pairs, first occurrence of each key, read once: yaml-cpp's iterators are
  // slow enough that scanning the node for every key access showed in the load time.
  std::vector<Entry> entries_;
  std::string what_;
  Diagnostics& diags_;
  bool is_map_ = false;
};

// Scalar conversions shared by MapReader and list readers; report at the node.
std::optional<std::string> as_text(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                                   std::string_view what);
// Text that is printed as written must be valid UTF-8 without control characters or
// the invisible characters that turn the writing direction (U+202E …). Reports the first
// problem at its character and returns false. `one_line`: no line breaks or tabs either.
bool check_text(const SourceFile& f, const YAML::Node& n, Diagnostics& d, std::string_view what,
                bool one_line);
// as_text, and check_text for one line, and no spaces at the ends.
std::optional<std::string> as_name(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                                   std::string_view what);
// The key under which two names count as the same: Unicode NFC (a precomposed "ö" and
// "o" + combining diaeresis look alike and are the same name).
std::string name_key(const std::string& name);
std::optional<Amount> as_amount(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                                std::string_view what);
std::optional<bool> as_yes_no(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                              std::string_view what);
std::optional<Date> as_date(const SourceFile& f, const YAML::Node& n, Diagnostics& d,
                            std::string_view what);

}  // namespace rv::load

namespace rv::load {
// "79 999 998 kr": grouped with plain spaces, for messages in a terminal.
std::string kr(Amount a);
// "2022-05-18", as dates are written in the data and in messages.
std::string date_text(const Date& d);
}  // namespace rv::load
