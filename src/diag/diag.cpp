#include "diag/diag.hpp"

#include <algorithm>
#include <unordered_map>

namespace rv {

void Diagnostics::error(Span span, std::string message) {
  items_.push_back({Severity::Error, std::move(span), std::move(message)});
  ++errors_;
}

void Diagnostics::warning(Span span, std::string message) {
  items_.push_back({Severity::Warning, std::move(span), std::move(message)});
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++errors_;
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
  errors_ += other.errors_;
}

namespace {
// "1 000" with a plain space, as messages print counts (they go to a terminal).
std::string grouped_number(int64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}
}  // namespace

void append_repeated(Diagnostics& to, const Diagnostics& from, const std::string& prefix,
                     const std::string& unit, int64_t total) {
  std::vector<std::pair<const Diagnostic*, int64_t>> distinct;  // in the order first raised
  std::unordered_map<std::string, size_t> index;
  for (const Diagnostic& d : from.all()) {
    std::string key = d.span.file + '\0' + std::to_string(d.span.line) + ':' +
                      std::to_string(d.span.col) + (d.severity == Severity::Error ? 'e' : 'w') +
                      d.message;
    auto [at, added] = index.emplace(std::move(key), distinct.size());
    if (added)
      distinct.emplace_back(&d, 1);
    else
      ++distinct[at->second].second;
  }
  for (auto [d, times] : distinct) {
    Diagnostic merged = *d;
    merged.message = prefix + merged.message;
    if (times > 1)
      merged.message += " (i " + std::string(times == total ? "alla " : "") +
                        grouped_number(times) + " " + unit + ")";
    to.add(std::move(merged));
  }
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const { return errors_; }

size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.file != b.span.file) return a.span.file < b.span.file;
    if (a.span.line != b.span.line) return a.span.line < b.span.line;
    return a.span.col < b.span.col;
  });
  return out;
}

std::string span_text(const Span& s) {
  std::string out = s.file;
  if (s.line > 0) {
    out += ":" + std::to_string(s.line);
    if (s.col > 0) out += ":" + std::to_string(s.col);
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.span.file.empty()) out += span_text(d.span) + ": ";
  out += d.severity == Severity::Error ? "fel: " : "varning: ";
  out += d.message;
  return out;
}

namespace {

// A JSON string: quotes, backslashes and control characters escaped; bytes that are not
// UTF-8 (a file name from a broken file system) become U+FFFD, so the line stays JSON.
std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c < 0x20 || c == 0x7F) {
      static const char* const hex = "0123456789abcdef";
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
      ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
    } else {
      const size_t len = c >= 0xF0 && c < 0xF5   ? 4
                         : c >= 0xE0 && c < 0xF0 ? 3
                         : c >= 0xC2 && c < 0xE0 ? 2
                                                 : 0;
      bool ok = len > 0 && i + len <= s.size();
      for (size_t k = 1; ok && k < len; ++k)
        ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
      if (ok) {
        out.append(s, i, len);
        i += len;
      } else {
        out += "\\uFFFD";
        ++i;
      }
    }
  }
  return out + "\"";
}

}  // namespace

std::string format_diagnostic_json(const Diagnostic& d) {
  auto number = [](int n) { return n > 0 ? std::to_string(n) : std::string("null"); };
  return "{\"file\":" + (d.span.file.empty() ? std::string("null") : json_string(d.span.file)) +
         ",\"line\":" + number(d.span.line) + ",\"col\":" + number(d.span.col) +
         ",\"severity\":\"" + (d.severity == Severity::Error ? "error" : "warning") +
         "\",\"message\":" + json_string(d.message) + "}";
}

int byte_to_char_column(const std::string& line, int bytes) {
  int chars = 0;
  int n = std::min<int>(bytes, static_cast<int>(line.size()));
  for (int i = 0; i < n; ++i) {
    // Continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  }
  if (bytes > n) chars += bytes - n;
  return chars;
}

}  // namespace rv
