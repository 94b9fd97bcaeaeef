// The Swedish language layer: numbers, amounts, percent, words, dates, lists, sorting,
// hyphenation and line-break opportunities, as Swedish official documents write them
// (see docs/svenska.md). Built on ICU (sv_SE) and libhyphen with Debian's hyph_sv_SE.
//
// Every function here is pure apart from the lazily loaded ICU/hyphenation resources,
// which are process-wide and thread-safe to initialise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace rv::sv {

// No-break space (U+00A0) and minus sign (U+2212) in UTF-8.
inline constexpr const char* NBSP = "\u00A0";
inline constexpr const char* MINUS = "\u2212";

// An exact fraction num/den (den > 0) so shares are rounded once, when presented.
struct Fraction {
  int64_t num = 0;
  int64_t den = 1;
};

// Round num/den half up (away from zero for .5) to an integer; exact, no floating point.
int64_t round_half_up(int64_t num, int64_t den);

// ---- numbers and amounts ------------------------------------------------------------
// 5394915 → "5 394 915" (NBSP between groups), −12 → "−12" (U+2212).
std::string integer(int64_t value);
// Years and page numbers are not grouped: plain digits.
std::string plain(int64_t value);
// A decimal with `decimals` digits after the comma, rounded half up from an exact
// fraction: decimal({749,10},1) → "74,9".
std::string decimal(Fraction value, int decimals);

enum class AmountStyle : uint8_t {
  Kr,        // "5 394 915 kr"
  Kronor,    // "5 394 915 kronor"
  Tkr,       // "5 395 tkr"
  Mnkr,      // "74,9 mnkr" (one decimal, "80 mnkr" when the decimal is 0 unless forced)
  Miljoner,  // "5,1 miljoner kronor"
};
std::string amount(int64_t kronor, AmountStyle style, int decimals = 1,
                   bool keep_zero_decimal = false);

// Hedged approximation as the national report writes it: round to `unit` (1 000 000
// with decimals=1 → tenths of millions; 1 000 → thousands), then "drygt" when the
// rounded figure is below the exact one, "knappt" when above, nothing when equal.
// approx(14183942, Unit::Millions) → "knappt 14,2 miljoner kronor";
// approx(272189, Unit::Thousands) → "drygt 272 000 kronor".
// TenThousands: "drygt 20 000 kronor" for 22 953, as the Stockholm memo writes it.
enum class Unit : uint8_t { Millions, Thousands, TenThousands };
enum class Hedge : uint8_t { Auto, Cirka, None };
std::string approx(int64_t kronor, Unit unit, Hedge hedge = Hedge::Auto, int decimals = 1);

// ---- percent ------------------------------------------------------------------------
// Table style "94 %" (NBSP), prose "94 procent"; prose values up to the word limit in
// words ("sex procent"). decimals > 0 gives "93,7 %".
std::string percent_table(Fraction share, int decimals = 0, bool space_before_sign = true);
std::string percent_prose(Fraction share, int word_limit = 12);

// ---- numbers in words -----------------------------------------------------------------
// Up to `limit` (default 12) in words with the given gender, larger as digits:
// number_words(1, Common) → "en", (1, Neuter) → "ett", (3) → "tre", (13) → "13".
std::string number_words(int64_t n, Gender gender = Gender::Common, int limit = 12);
// Always in words, any size, as ICU spells Swedish: 21 → "tjugoen" / "tjugoett",
// 5 000 000 → "fem miljoner", 134 249 879 → "etthundratrettiofyra miljoner
// tvåhundrafyrtioniotusen åttahundrasjuttionio".
std::string number_in_words(int64_t n, Gender gender = Gender::Common);
// The genitive of a name, or of a list of names ending in one (only the last takes it,
// "Bromma och Kungsholmens"): an -s added, none after s, x or z ("Borås", "Sfax").
std::string genitive(std::string_view name);
// "fyra kommuner", "en kommun", "ett bidrag", "51 kommuner".
std::string count_noun(int64_t n, const Noun& noun, int limit = 12);
// Whole text upper- or lower-cased with Swedish rules (ICU): "Socialstyrelsen" → "SOCIALSTYRELSEN".
std::string uppercase(std::string_view text);
std::string lowercase(std::string_view text);
// First letter upper-cased (UTF-8 aware): "två stadsdelsnämnder" → "Två stadsdelsnämnder".
std::string capitalize(std::string_view text);

// ---- dates ----------------------------------------------------------------------------
std::string date_iso(const Date& d);                          // "2022-05-18"
std::string date_prose(const Date& d, bool with_den = true);  // "den 18 maj 2022"
std::string month_name(int month);                            // "maj"
std::string year_range(int from, int to);                     // "2016–2019" (en dash)
std::optional<Date> parse_iso_date(std::string_view text);

// ---- lists and quotes -----------------------------------------------------------------
// "A", "A och B", "A, B och C" (no comma before "och").
std::string join_list(const std::vector<std::string>& items, std::string_view conjunction = "och");
// Straight double quotes → Swedish ” (U+201D) at both ends; ' → ’.
std::string swedish_quotes(std::string_view text);

// ---- sorting --------------------------------------------------------------------------
// Swedish collation (ICU sv): … Z, Å, Ä, Ö; v and w distinct.
bool collate_less(std::string_view a, std::string_view b);
void sort_swedish(std::vector<std::string>& items);
// ICU sort key for repeated comparisons.
std::string sort_key(std::string_view text);

// ---- hyphenation and line breaking ---------------------------------------------------
// Byte offsets into `word` where a hyphen may be inserted (the break comes after the
// byte offset's preceding character). At least two letters stay on each side. Words in
// the user exception list (set_hyphenation_exceptions) use that list's breaks.
std::vector<size_t> hyphenation_points(std::string_view word);
// The same points with what the line breaker weighs them by: how many letters of the
// letter run stand on each side (Swedish typography wants three, see
// kPreferredFragment) and whether the point is a compound joint ("personal|omsättning"),
// found by the compound splitter (compounds.cpp). Pattern points within two letters of
// a joint are left out, so "persona-lomsättning" and "me-del" in "utvecklingsmedel" are
// never offered.
struct HyphenPoint {
  size_t offset;  // as in hyphenation_points
  int left;       // letters of the letter run before the break
  int right;      // letters of the letter run after it
  bool joint;     // at a compound joint
};
std::vector<HyphenPoint> hyphenation_candidates(std::string_view word);
// Fragments shorter than this (in letters) are used only when a paragraph cannot be set
// without them ("el-ler", "in-för").
inline constexpr int kPreferredFragment = 3;
// Starts loading the hyphenation patterns on another thread, so that a document's first
// paragraph need not wait for them (about 6 ms). Harmless if hyphenation is never used.
// With `cache_dir`, the patterns' answers from earlier runs are read from there instead,
// and the patterns are loaded only for words not seen before.
void preload_hyphenation(const std::string& cache_dir = {});
// Stores the patterns' new answers in the cache folder given to preload_hyphenation().
void save_hyphenation_store();
// "ut-veck-lings-me-del": the word with hyphens at every hyphenation point (for tests).
std::string hyphenate_visibly(std::string_view word);
// Exceptions, one word a line with hyphens at the allowed breaks: "stads-dels-nämnd".
// Replaces the current list; matching is case-insensitive on whole letter runs; an entry
// without hyphens ("rapportverk") is never hyphenated; malformed entries are skipped.
// The two-letter rule still applies to exception breaks.
void set_hyphenation_exceptions(const std::vector<std::string>& words);
// Reads a template's exception file (avstavning.txt: UTF-8, one word a line, '#' starts a
// comment line, blank lines ignored) and installs it with set_hyphenation_exceptions.
// Unreadable files and malformed lines become errors in `diags` (file:line); the valid
// lines are installed anyway. Returns false when anything was reported.
bool load_hyphenation_exceptions(const std::string& path, Diagnostics& diags);

// A line-break opportunity in a paragraph of text (UTF-8 byte offset where a new line
// may start), from ICU's line BreakIterator: after spaces, after hyphens and en dashes,
// never inside NBSP-grouped numbers or "t.o.m.".
struct BreakOpportunity {
  size_t offset;   // a line may start at this byte offset
  bool mandatory;  // hard line break (newline)
};
std::vector<BreakOpportunity> line_breaks(std::string_view text);

// Whether the space between the words `before` and `after` must not be a line break by
// Swedish convention: "1 oktober 2019", "47 procent", "delmål 5.2", "§ 4", "SFS 2018:1937",
// and after a one-letter word ("i", "å", "ö"). line_breaks() leaves such spaces out.
bool keep_together(std::string_view before, std::string_view after);

}  // namespace rv::sv
