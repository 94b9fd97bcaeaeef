// The recipients as YAML in the bundled data sets' style (internal to src/import): one
// flow mapping per line, keys in the format's order, comments naming the source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/import.hpp"

namespace rv::import {

// A value as a YAML scalar: plain where YAML reads it back as the same text, else quoted.
std::string yaml_scalar(const std::string& text);

class YamlOut {
 public:
  struct Field {
    std::string key, value;  // value already YAML for amounts and ja/nej; text is quoted here
    Span at;
  };
  struct Row {
    int sheet_row = 0;
    std::vector<Field> fields;
  };
  template <class Columns>
  YamlOut(const Options& opt, const Columns& cols) : opt_(opt) {
    for (const auto& c : cols)
      if (!c.key.empty() && c.key != "-") used_.push_back(c.heading + " → " + c.key);
  }
  void add(Row row) { rows_.push_back(std::move(row)); }
  size_t rows() const { return rows_.size(); }
  std::string text();
  // The cell behind the text at (line, col) of text(), 1-based; nothing off the rows.
  std::optional<Span> cell_for(int line, int col) const;

 private:
  struct Placed {
    int line = 0;
    std::vector<std::pair<int, Span>> starts;  // character column of a key → its cell
  };
  const Options& opt_;
  std::vector<std::string> used_;
  std::vector<Row> rows_;
  std::vector<Placed> placed_;
};

}  // namespace rv::import
