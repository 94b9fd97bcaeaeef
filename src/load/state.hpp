// What the loader keeps while it reads the files of one data set (internal to src/load).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "load/reader.hpp"

namespace rv::load {

struct LoadState {
  GrantYear year;
  Diagnostics& diags;

  // Single-valued fields (bidrag.*, dokument.*) may be repeated across files only with the
  // same value: field → (value as written, where).
  std::map<std::string, std::pair<std::string, Span>> claimed;
  std::map<std::string, Span> group_defined;             // group id → where defined
  std::map<std::string, Span> question_defined;          // question id → where
  std::map<std::string, Span> recipient_defined;         // group/name/application → where
  std::map<std::string, Span> history_defined;           // group/year → where
  std::map<std::string, Span> field_declared;            // group (or "")\nfield → where
  std::vector<std::pair<std::string, Span>> group_refs;  // group ids used, for checking
  // Groups named by a deadline: a data set may hold only some of the grant's groups (one
  // group's own folder), so a deadline for a group it lacks is a warning, not an error.
  std::vector<std::pair<std::string, Span>> deadline_group_refs;
  std::vector<std::pair<std::string, Span>> previous_names;  // tidigare_fördelning's names
  std::map<std::string, Span> declared_spans;                // group id → deklarerad_summa
  std::map<std::string, Span> recipient_group_key;           // recipient index → group key span
  std::vector<size_t> without_amount;  // recipients written with neither rekvirerat nor beviljat

  size_t suggestion_work = 0;  // known words compared for "menade du …?" (validate.cpp)

  explicit LoadState(Diagnostics& d) : diags(d) {}

  // Records a single-valued field; reports a conflict with an earlier different value.
  bool claim(const std::string& field, const std::string& value, Span where);
};

void read_grant(LoadState& st, const SourceFile& f, const YAML::Node& n);
void read_groups(LoadState& st, const SourceFile& f, const YAML::Node& n);
void read_recipients(LoadState& st, const SourceFile& f, const YAML::Node& n);
void read_questions(LoadState& st, const SourceFile& f, const YAML::Node& n);
void read_responses(LoadState& st, const SourceFile& f, const YAML::Node& n, bool reconstructed);
// egna_fält (read_fields.cpp): the declarations, read from every file before the rest, and
// each recipient's values of the fields declared for its group.
extern const std::vector<std::string_view> kRecipientKeys;  // a recipient's keys in the data
bool has_field_decls(const YAML::Node& root);
void read_field_decls(LoadState& st, const SourceFile& f, const YAML::Node& root);
std::vector<const FieldDecl*> fields_for(const LoadState& st, const std::string& group);
void read_field_values(MapReader& m, const std::vector<const FieldDecl*>& decls, Recipient& r);
void read_quotes(LoadState& st, const SourceFile& f, const YAML::Node& n);
void read_history(LoadState& st, const SourceFile& f, const YAML::Node& n);
void read_previous(LoadState& st, const SourceFile& f, const YAML::Node& n);
void read_document(LoadState& st, const SourceFile& f, const YAML::Node& n);
// The memo wording fields of dokument: (read_memo.cpp) and their keys.
inline const std::vector<std::string_view> kMemoWordingKeys = {
    "kommun",         "kommun_i_text", "förvaltning_i_text", "beredning", "bakgrund",
    "kolumnrubriker", "bilagor",       "fiktiva_uppgifter"};
void read_memo_wording(LoadState& st, const SourceFile& f, MapReader& m, DocumentMeta& d);

// Checks that need the whole data set: references between files, declared totals.
void validate(LoadState& st);
// Dates against the data set's year and the order of the process (check_dates.cpp).
void check_dates(LoadState& st);

}  // namespace rv::load
