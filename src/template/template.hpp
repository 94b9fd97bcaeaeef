// Templates → document tree. A template is a folder: mall.yaml (settings, data-bound
// tables and charts) and mall.md (Markdown with {{ … }} and {% … %}); see docs/mallar.md.
//
//   GrantYear ──bind_context──▶ Value ──expand──▶ Markdown ──cmark-gfm──▶ doc::Document
//
// Every problem (unknown variable or filter, type mismatch, syntax error) is a diagnostic
// with the template's file:line:col; a caller writes no output when there are errors.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "doc/doc.hpp"
#include "model/model.hpp"
#include "template/value.hpp"

namespace rv::tmpl {

// A data-bound table, evaluated: raw values (for CSV/XLSX) and printed text (for PDF).
struct TableData {
  std::string id;
  std::string label;    // "Tabell 3." (numbered in the order the document shows them)
  std::string caption;  // "Fördelade och förbrukade …"
  std::vector<std::string> headings;
  std::vector<std::string> formats;  // per column: text | heltal | kr | tkr | mnkr | procent | år
  std::vector<std::vector<Value>> raw;
  std::vector<std::vector<std::string>> text;
  std::optional<std::vector<Value>> total_raw;
  std::optional<std::vector<std::string>> total_text;
  std::string source, note;
};

struct Rendered {
  doc::Document document;
  std::vector<TableData> tables;  // every data-bound table, in document order
  // The bound data the document was rendered from. Kept so that freeing its tens of
  // thousands of nodes is the caller's choice: the CLI ends the process instead.
  Value context;
};

// `parameters` (from `skapa -p namn=värde`) are visible to the template as
// `parametrar.<namn>`, e.g. which group's appendix to show.
std::optional<Rendered> render_template(const std::string& template_dir, const GrantYear& year,
                                        Diagnostics& diags,
                                        const std::map<std::string, std::string>& parameters = {});

// One template over one data set for many documents (skapa --per-mottagare): the
// settings, hyphenation exceptions and bound data are read once; each render() adds one
// top-level entry (`mottagare`) to the context. render() may run on several threads at once.
class TemplateBatch {
 public:
  // `year` must outlive the batch. nullopt when there were errors (in diags).
  static std::optional<TemplateBatch> open(const std::string& template_dir, const GrantYear& year,
                                           Diagnostics& diags,
                                           const std::map<std::string, std::string>& parameters);
  TemplateBatch(TemplateBatch&&) noexcept;
  TemplateBatch& operator=(TemplateBatch&&) noexcept;
  ~TemplateBatch();
  const Value& context() const;  // the bound data, without the per-document entry
  // A letter setting as written in mall.yaml (brev.<key>), e.g. `belopp: oförbrukat`: the
  // field of `mottagare` the manifest sums. Empty when not set.
  std::string letter_setting(const std::string& key) const;
  // Where that setting's text starts in mall.yaml (for messages about it).
  Span letter_setting_span(const std::string& key) const;
  std::optional<Rendered> render(const std::string& name, Value value, Diagnostics& diags) const;

 private:
  TemplateBatch();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The ids of a template's data-bound tables (for `exportera --lista`).
std::vector<std::string> table_ids(const std::string& template_dir, Diagnostics& diags);

}  // namespace rv::tmpl
