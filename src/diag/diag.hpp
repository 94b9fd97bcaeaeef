// Diagnostics: plain data carried through every pipeline stage.
//
// Every problem found in the user's input is a Diagnostic with the file, line and
// column (1-based, columns counted in Unicode characters) where it was found. Stages
// collect all of them and fail at the end, so the user sees every problem at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rv {

struct Span {
  std::string file;
  int line = 0;  // 1-based; 0 = unknown
  int col = 0;   // 1-based, in characters; 0 = unknown
  bool operator==(const Span&) const = default;
};

enum class Severity : uint8_t { Error, Warning };

struct Diagnostic {
  Severity severity = Severity::Error;
  Span span;
  std::string message;  // Swedish, no trailing full stop needed
  bool operator==(const Diagnostic&) const = default;
};

class Diagnostics {
 public:
  void error(Span span, std::string message);
  void warning(Span span, std::string message);
  void add(Diagnostic d);
  void append(const Diagnostics& other);

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  bool empty() const { return items_.empty(); }

  // Sorted by file, line, column (stable for equal positions).
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
  // Kept up to date by every insertion: loaders ask for the count once per row, and
  // counting the items each time made 100 000 errors take seconds.
  size_t errors_ = 0;
};

// Appends `from` to `to` with each distinct diagnostic once, in the order first raised:
// one raised `times` > 1 times gets "(i <times> <unit>)", "(i alla …)" when that is every
// one of `total`; each message is prefixed with `prefix` ("tabellen 'bilaga1': ").
// For what a loop or a table raises once per pass or row.
void append_repeated(Diagnostics& to, const Diagnostics& from, const std::string& prefix,
                     const std::string& unit, int64_t total);

// "fil:rad:kolumn: fel: meddelande" (or "varning:"). Unknown positions are left out.
std::string format_diagnostic(const Diagnostic& d);
// One JSON object on one line, for editors (--diagnostik json): {"file": …, "line": …,
// "col": …, "severity": "error"|"warning", "message": …}; an unknown file, line or
// column is null.
std::string format_diagnostic_json(const Diagnostic& d);
// "fil:rad:kolumn" (as far as the span knows), for messages that name a second position.
std::string span_text(const Span& s);

// Counts Unicode characters (UTF-8 code points) in the first `bytes` bytes of `line`:
// converts a byte column (as yaml-cpp reports it) to a character column.
int byte_to_char_column(const std::string& line, int bytes);

}  // namespace rv
