// The grant-year data model: plain data, loaded and validated by src/load.
//
// One GrantYear is everything rapportverk knows about one grant and one year: who was
// offered and who received how much, the follow-up questionnaire and the answers,
// earlier years' summary figures, and the metadata of the documents made from it.
// Amounts are whole kronor in 64-bit integers. Every element keeps the Span it was
// read from so later stages can point back at the YAML.
//
// The YAML format (Swedish keys) is documented in docs/dataformat.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "diag/diag.hpp"

namespace rv {

using Amount = int64_t;  // whole kronor

// The largest single amount (10^15 kr) and the largest total (10^18 kr) the data may
// hold: the loader refuses larger ones, so the few figures derived from totals (spent +
// unspent, total − spent − unknown) stay far inside int64.
constexpr Amount kMaxAmount = 1'000'000'000'000'000;
constexpr Amount kMaxTotal = 1'000'000'000'000'000'000;

// Thrown by checked_add: a sum left int64. Validation makes this unreachable for loaded
// data; it stops a wrong figure when data bypassed it.
struct AmountOverflow : std::overflow_error {
  AmountOverflow() : std::overflow_error("en summa av belopp blir för stor för att räknas") {}
};

// a + b, or AmountOverflow: a sum of amounts is never allowed to wrap.
inline Amount checked_add(Amount a, Amount b) {
  Amount r;
  if (__builtin_add_overflow(a, b, &r)) throw AmountOverflow();
  return r;
}
inline Amount checked_sub(Amount a, Amount b) {
  Amount r;
  if (__builtin_sub_overflow(a, b, &r)) throw AmountOverflow();
  return r;
}

struct Date {
  int year = 0, month = 0, day = 0;
  bool operator==(const Date&) const = default;
  auto operator<=>(const Date&) const = default;
};

// Grammatical gender of a Swedish noun: "en kommun" (utrum), "ett bidrag" (neutrum).
enum class Gender : uint8_t { Common = 0, Neuter };

struct Noun {
  std::string singular;         // "kommun"
  std::string plural;           // "kommuner"
  std::string definite_plural;  // "kommunerna"
  Gender gender = Gender::Common;

  bool operator==(const Noun&) const = default;
};

// What a deadline is for (tidsfrister: typ), so templates can find "the requisition deadline"
// without matching on its free-text description.
inline constexpr const char* kDeadlineKinds[] = {"ansökan",    "rekvisition",      "omfördelning",
                                                 "användning", "återrapportering", "redovisning"};

struct Deadline {
  std::string label;  // "sista rekvisitionsdatum, första omgången"
  Date date;
  std::string kind;   // typ: one of kDeadlineKinds, or empty
  std::string group;  // grupp: the group it applies to, or empty for every group
  Span span;

  bool operator==(const Deadline&) const = default;
};

// A decision the grant year rests on (bidrag: beslut), e.g. "ändring av regleringsbrevet för
// budgetåret 2019" with its reference S2019/02785/FS.
struct Decision {
  std::string description;   // beskrivning
  std::string reference;     // referens (diarienummer), or empty
  std::optional<Date> date;  // datum
  Span span;

  bool operator==(const Decision&) const = default;
};

struct Grant {
  std::string name;                              // namn
  int year = 0;                                  // år
  std::string authority;                         // myndighet (the one that pays: "Socialstyrelsen")
  std::optional<Date> period_start, period_end;  // period: {från, till}
  std::vector<Deadline> deadlines;               // tidsfrister
  std::optional<Amount> requisitioned_total;  // rekvirerat_totalt (city level: what the city got)
  std::optional<Amount> undistributed;        // ej_fördelat (kept centrally, not passed on)
  std::optional<Amount> undistributed_spent;  // ej_fördelat_förbrukat
  std::vector<Decision> decisions;            // beslut: the year's government decisions
  Span span;
  Span requisitioned_span;  // where rekvirerat_totalt is written (checks between files)

  bool operator==(const Grant&) const = default;
};

// How recipients in a group obtain funds.
enum class Mode : uint8_t { Requisition = 0, Application, Allocation };

struct Group {
  std::string id;                            // "kommuner"
  std::string label;                         // table label: "Kommuner", "Länsstyrelser/NCK"
  Noun noun;                                 // singular/plural/definite plural + gender
  Mode mode = Mode::Requisition;             // rekvisition | ansökan | fördelning
  std::optional<Amount> available;           // tillgängligt (what the authority had to give)
  std::optional<Amount> declared_key_total;  // deklarerad_summa.fördelningsnyckel (as printed)
  std::optional<Amount> declared_allocated_total;  // deklarerad_summa.fördelat
  std::optional<Amount> declared_unspent_total;    // deklarerad_summa.oförbrukat
  std::optional<int> applications_received;        // antal_ansökningar (NGOs, county boards)
  std::optional<Amount> applied_total_declared;    // sökt_totalt (when rows are not given)
  std::optional<int> order;  // ordning: position in tables (files load in name order)
  Span span;
  // belopp_per_omgång: what each recipient could requisition in each round, in round
  // order ("drygt 952 000 kronor" in the first, "knappt 917 000" in the second).
  std::vector<Amount> per_round;

  bool operator==(const Group&) const = default;
};

// The type of a field the organisation declares for its recipients (`egna_fält`):
// text, heltal, belopp, datum, ja_nej, or one of a list of allowed values.
enum class FieldType : uint8_t { Text = 0, Integer, Money, CalendarDate, YesNo, Choice };

// One declared own field: `län: text` under bidrag (every group) or under a group.
struct FieldDecl {
  std::string name;                  // "län"
  FieldType type = FieldType::Text;  //
  std::vector<std::string> choices;  // the allowed values, for Choice
  std::string group;                 // the group it is declared for, or empty for every group
  Span span;

  bool operator==(const FieldDecl&) const = default;
};

// One recipient's value of an own field, read as its declared type.
struct FieldValue {
  FieldType type = FieldType::Text;
  std::string text;    // Text, Choice
  int64_t number = 0;  // Integer, Amount
  Date date;           // Date
  bool yes = false;    // YesNo
  Span span;

  bool operator==(const FieldValue&) const = default;
};

struct Recipient {
  std::string name;                   // namn: "Ale kommun"
  std::string group;                  // grupp id
  std::string application;            // ansökan: "ansökan 1" when one organisation holds several
  std::optional<Amount> key;          // fördelningsnyckel: what the key offered
  std::optional<Amount> applied;      // sökt
  std::optional<Amount> granted;      // rekvirerat | beviljat
  std::optional<Amount> reallocated;  // omfördelat
  std::optional<Amount> spent;        // förbrukat
  std::optional<Amount> unspent;      // oförbrukat
  std::optional<bool> wants_more;     // vill_ha_mer: asked for a share of unclaimed funds
  std::optional<bool> reported;       // återrapporterat (default: true when spent/unspent given)
  std::string status;                 // status: "" | "avslagen" | "återkallad"
  std::string note;                   // anmärkning
  Span span;
  // Postal address for letters, all optional and never invented: adressat
  // ("Socialnämnden"), utdelningsadress, postnummer, postort. (After span, so that
  // aggregate initialisations written before them stay valid.)
  std::string addressee, street, postcode, town;
  // Own fields (egna_fält) given for this recipient: field name → value. A declared
  // field a recipient does not give is absent here.
  std::map<std::string, FieldValue> fields;

  // allocated = granted + reallocated (0 where missing)
  Amount allocated() const { return checked_add(granted.value_or(0), reallocated.value_or(0)); }
  // spent, derived from allocated - unspent when only unspent is given
  std::optional<Amount> spent_or_derived() const {
    if (spent) return spent;
    if (unspent) return checked_sub(allocated(), *unspent);
    return std::nullopt;
  }
  std::optional<Amount> unspent_or_derived() const {
    if (unspent) return unspent;
    if (spent) return checked_sub(allocated(), *spent);
    return std::nullopt;
  }
  // Display name: "Länsstyrelsen Stockholm – ansökan 1"
  std::string display_name() const {
    return application.empty() ? name : name + " – " + application;
  }

  bool operator==(const Recipient&) const = default;
};

enum class QuestionKind : uint8_t { MultipleChoice = 0, YesNo, Rating, FreeText };

struct Option {
  std::string id;     // "samverkan"
  std::string label;  // "Samverkan"
  Span span;

  bool operator==(const Option&) const = default;
};

// A question asked only of those who answered another question a certain way:
// "Andel av de som svarat att de har insatser inom detta område".
struct Condition {
  std::string question;  // question id
  std::string option;    // option id that must have been chosen (or "ja" for yes/no)

  bool operator==(const Condition&) const = default;
};

struct Question {
  std::string id;
  std::string group;  // recipient group it was asked of
  QuestionKind kind = QuestionKind::MultipleChoice;
  std::string text;
  std::vector<Option> options;  // areas (multiple choice) or scale steps (rating, low→high)
  std::optional<Condition> condition;  // endast_om
  Span span;

  bool operator==(const Question&) const = default;
};

// One answer. Which member is used depends on the question kind.
struct Answer {
  std::string question;
  std::vector<std::string> chosen;  // MultipleChoice: option ids
  std::optional<bool> yes;          // YesNo
  std::string text;                 // FreeText; Rating: the chosen scale step id
  Span span;

  bool operator==(const Answer&) const = default;
};

struct Response {
  std::string recipient;  // recipient display name (name, or name – application)
  // The recipient's group, resolved by the loader: a name may stand in two groups
  // (Region Gotland is both a municipality and a region); the questions answered decide.
  std::string group;
  bool reconstructed = false;  // rekonstruerat: built to match published aggregates
  std::vector<Answer> answers;
  Span span;

  bool operator==(const Response&) const = default;
};

// A free-text example quoted in a report.
struct Quote {
  std::string group;
  std::string recipient;  // may be empty: "En kommun uttrycker det som"
  std::string area;       // option id or topic
  std::string text;
  Span span;
  std::string heading;               // rubrik: a subsection heading the text opens
  std::vector<std::string> bullets;  // punkter: a bullet list after the text

  bool operator==(const Quote&) const = default;
};

// One earlier (or the current) year's summary figures, as printed.
struct HistoryRow {
  std::string group;
  int year = 0;
  std::optional<Amount> available;     // tillgängligt
  std::optional<Amount> spent;         // förbrukat
  std::optional<Amount> unspent;       // oförbrukat
  std::optional<int> applicants;       // antal_sökande
  std::optional<int> recipients;       // antal_mottagare
  std::optional<int> share_spent_pct;  // andel_förbrukat_procent (as published, when the
                                       // rounded amounts would give another figure)
  std::string recipients_text;         // mottagare_text: "Sex länsstyrelser och NCK"
  Span span;
  // andelar_procent: question id → the share (whole percent) published for that year
  // ("48 procent år 2018" of municipalities financing a coordinator).
  std::map<std::string, int> shares_pct;

  bool operator==(const HistoryRow&) const = default;
};

struct Signatory {
  std::string name;
  std::string title;

  bool operator==(const Signatory&) const = default;
};

// A body that saw the matter before the committee (dokument: beredning), e.g. a management
// group that discussed it or a council that could read it. Any number, none allowed.
struct Consultation {
  std::string name;  // namn: "Förvaltningsgruppen", "funktionshinderrådet"
  Date date;         // datum
  std::string kind;  // sätt: one of kConsultationKinds
  Span span;

  bool operator==(const Consultation&) const = default;
};

// How a consulted body took part; the memo template words each one.
inline constexpr const char* kConsultationKinds[] = {"behandlat", "tagit_del", "yttrat"};

struct DocumentMeta {
  std::string title;     // titel
  std::string subtitle;  // undertitel
  std::string dnr;
  std::string organisation;                  // förvaltning / myndighet
  std::string department;                    // avdelning
  std::string officer;                       // handläggare
  std::string phone;                         // telefon
  std::optional<Date> date;                  // datum
  std::string committee;                     // nämnd: "Socialnämnden"
  std::optional<Date> meeting_date;          // sammanträdesdatum
  std::optional<Date> preparation_date;      // beredning: förvaltningsgruppen
  std::optional<Date> council_date;          // funktionshinderrådet
  std::vector<Signatory> signatories;        // undertecknare
  std::string author;                        // författare (colophon)
  std::string article_number;                // artikelnummer
  std::map<std::string, std::string> extra;  // övrigt: free key → text
  // The organisation's own wording, so one memo template serves any municipality.
  std::string municipality;                 // kommun: "Stockholms stad"
  std::string municipality_in_text;         // kommun_i_text: "staden" (default "kommunen")
  std::string organisation_in_text;         // förvaltning_i_text: "socialförvaltningen"
  std::vector<Consultation> consultations;  // beredning
  std::string background;                   // bakgrund: Markdown replacing the standing text
  std::map<std::string, std::string> column_headings;  // kolumnrubriker: role → heading
  std::vector<std::string> appendices;                 // bilagor
  // fiktiva_uppgifter: what in the data set is invented (an example, or figures the record
  // lacks). Every document then says so visibly: "Exempel – fiktiva uppgifter".
  std::string fictitious;
  Span span;

  bool operator==(const DocumentMeta&) const = default;
};

// A previous allocation to compare with (fördelning 2021 in the 2022 memo).
struct PreviousAllocation {
  int year = 0;
  Amount total = 0;
  std::map<std::string, Amount> per_recipient;  // recipient name → amount
  Span span;

  bool operator==(const PreviousAllocation&) const = default;
};

struct GrantYear {
  Grant grant;
  std::vector<Group> groups;
  std::vector<Recipient> recipients;
  std::vector<Question> questions;
  std::vector<Response> responses;
  std::vector<Quote> quotes;
  std::vector<HistoryRow> history;
  std::vector<PreviousAllocation> previous;
  std::vector<FieldDecl> field_decls;  // egna_fält, from bidrag and the groups
  DocumentMeta document;
  std::vector<std::string> files;  // the YAML files it was loaded from
  // Files in the data set whose top-level key is `fördelning`: allocation
  // specifications, parsed and validated by src/stats (see docs/fordelning.md).
  std::vector<std::string> allocation_spec_files;
  // Group id → the specification among them that computes the group's key amounts
  // (`grupp:` in it); src/stats/group_allocation.hpp applies it after loading.
  std::map<std::string, std::string> key_specs;

  const Group* find_group(const std::string& id) const;
  const Question* find_question(const std::string& id) const;
  std::vector<const Recipient*> recipients_in(const std::string& group) const;
  // The own field `name` declared for `group` (or for every group), or nullptr.
  const FieldDecl* find_field(const std::string& group, const std::string& name) const;

  bool operator==(const GrantYear&) const = default;
};

}  // namespace rv
