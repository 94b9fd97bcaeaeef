// Next year's data set from last year's (`rapportverk init`, docs/init.md).
//
//   last year's GrantYear ──advance──▶ next year's GrantYear (amounts and answers emptied,
//   dates a year on, last year's totals in the history) ──next_year_files──▶ YAML texts,
//   one per source file, same names ──write_new_folder──▶ the new folder, all or nothing.
//
// Every element of the model keeps the Span it was read from; the new year's elements keep
// theirs, so each lands in the file of the same name it came from.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "model/model.hpp"

namespace rv::init {

// The same day a year later; 29 February becomes 28 February.
Date next_year(const Date& d);

// `text` with every whole number `from` (not part of a longer number, nor of a range such
// as 2020–2022) replaced by `to`: "Uppföljning av 2019 års medel" → "… 2020 års …".
std::string advance_year_in_text(const std::string& text, int from, int to);

// Next year's model: groups, recipients (name and ansökan), questionnaire and document
// settings kept; the year and every date advanced; every amount, answer and quote emptied;
// last year's totals per group appended to the history (unless the history already has
// that year); tidigare_fördelning, where the data set has one, replaced by last year's
// allocation. History rows without a source file (the data set had none) carry an empty
// span.file.
GrantYear advance(const GrantYear& last);

struct NewFile {
  std::string name;  // path relative to the new folder: "kommuner.yaml"
  std::string text;  // the YAML
};

struct Origin {
  std::string source;   // the folder (or file) as the user named it, for the header comment
  std::string made_on;  // "2026-11-30", for the header comment
};

// The new data set's files: one for each file of `last` (same relative name and the same
// top-level keys in the same order), plus historik.yaml when `last` had no history. Files
// read from `source_root` (a folder, or the single file itself).
std::vector<NewFile> next_year_files(const GrantYear& last, const GrantYear& next,
                                     const std::string& source_root, const Origin& origin,
                                     Diagnostics& diags);

// Why `folder` cannot become the new data set (it exists and is not an empty folder, or
// it lies inside the source), in Swedish; empty when it can.
std::string unusable_target(const std::string& folder, const std::string& source_root);

// Writes `files` into a temporary folder beside `folder` (each file whole, through
// src/outfile), calls `check` with that folder, and only if it returns true renames the
// temporary folder to `folder`. False with diagnostics otherwise; nothing is left behind.
bool write_new_folder(const std::string& folder, const std::vector<NewFile>& files,
                      const std::function<bool(const std::string&)>& check, Diagnostics& diags);

}  // namespace rv::init
