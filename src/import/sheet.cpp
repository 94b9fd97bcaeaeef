#include "import/import.hpp"

namespace rv::import {

std::string column_letters(int col) {
  std::string out;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) out.insert(out.begin(), char('A' + (c - 1) % 26));
  return out;
}

Span Sheet::cell_span(int row, int col) const {
  if (row >= 0 && row < static_cast<int>(rows.size()) && col >= 0 &&
      col < static_cast<int>(rows[row].size()) && !rows[row][col].at.file.empty())
    return rows[row][col].at;
  if (!name.empty())
    return Span{file + ":" + name + "!" + column_letters(col) + std::to_string(row + 1), 0, 0};
  return Span{file, row + 1, 0};
}

}  // namespace rv::import
