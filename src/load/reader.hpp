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

struct SourceFile {
  std::string path;                // as the user named it
  std::vector<std::string> lines;  // for byte → character columns
  Span span(const YAML::Mark& m) const;
  Span span(const YAML::Node& n) const { return span(n.Mark()); }
};

// A file's lines without line ends (CRLF too), for byte → character columns.
std::vector<std::string> split_lines(const std::string& text);

// Human description of a node's kind for "förväntade X, fick Y".
std::string describe(const YAML::Node& n);

// A YAML mapping checked against the keys it may have. Construction reports: not a
// mapping, duplicate keys, unknown keys (with "menade du …?"). Getters report missing
// required keys and wrong types; each returns nullopt when the value is unusable.
class MapReader {
 public:
  MapReader(const SourceFile& file, const YAML::Node& node, std::string what, Diagnostics& diags,
            std::vector<std::string_view> known);

  bool is_map() const { return is_map_; }
  Span span() const { return file_.span(node_); }
  bool has(std::string_view key) const { return present(key); }
  YAML::Node find(std::string_view key) const;
  Span key_span(std::string_view key) const;    // where the key is written
  Span value_span(std::string_view key) const;  // where its value is written

  std::optional<std::string> text(std::string_view key, bool required = false);
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
  Diagnostics& diags() { return diags_; }

 private:
  bool present(std::string_view key) const;
  void missing(std::string_view key);

  struct Entry {
    std::string key;
    YAML::Node key_node, value;
  };
  const Entry* entry(std::string_view key) const;

  const SourceFile& file_;
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
}  // namespace rv::load
