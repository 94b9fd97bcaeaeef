// Reading an allocation specification (YAML, Swedish keys; docs/fordelning.md).
//
// Everything wrong is reported at once with file:line:col (yaml-cpp marks are 0-based
// byte positions; columns are converted to characters), unknown keys included.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>

#include "load/load.hpp"
#include "load/reader.hpp"
#include "load/suggest.hpp"
#include "stats/allocate.hpp"

namespace rv::stats {

namespace {

constexpr int kMaxKeyDecimals = 6;

// The data loader's source positions, suggestions and node descriptions, so that both
// kinds of YAML file speak the same way.
using Source = load::SourceFile;
using load::describe;
using load::split_lines;

std::string suggestion(const std::string& key, const std::vector<std::string>& known) {
  std::vector<std::string_view> views(known.begin(), known.end());
  auto best = load::closest(key, views);
  return best ? " (menade du '" + *best + "'?)" : "";
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A decimal number written with '.' or ','; digits before and after, as text.
constexpr __int128 kMaxKeySum = static_cast<__int128>(kMaxTotal) * 10'000;

struct Decimal {
  std::string whole, fraction, text;
};

class Reader {
 public:
  Reader(Source src, Diagnostics& diags) : src_(std::move(src)), d_(diags) {}

  // Keys of `node` checked against `known`: duplicates and unknown keys are errors.
  bool check_map(const YAML::Node& node, const std::string& what,
                 const std::vector<std::string>& known) {
    if (!node.IsMap()) {
      d_.error(src_.span(node),
               what + " ska vara en mappning (nyckel: värde), men är " + describe(node));
      return false;
    }
    std::map<std::string, int> first;
    for (const auto& kv : node) {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
      Span s = src_.span(kv.first);
      if (auto [it, fresh] = first.emplace(key, s.line); !fresh) {
        d_.error(s, "nyckeln '" + key + "' förekommer två gånger i " + what +
                        " (första gången på rad " + std::to_string(it->second) + ")");
      } else if (std::find(known.begin(), known.end(), key) == known.end()) {
        d_.error(s, "okänd nyckel '" + key + "' i " + what + suggestion(key, known));
      }
    }
    return true;
  }

  static YAML::Node get(const YAML::Node& map, const std::string& key) {
    for (const auto& kv : map)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
    return YAML::Node(YAML::NodeType::Undefined);
  }
  static bool has(const YAML::Node& map, const std::string& key) {
    return get(map, key).IsDefined();
  }
  Span key_span(const YAML::Node& map, const std::string& key) const {
    for (const auto& kv : map)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) return src_.span(kv.first);
    return src_.span(map);
  }

  std::optional<std::string> text(const YAML::Node& n, const std::string& what) {
    if (!n.IsScalar() || n.Scalar().empty()) {
      d_.error(src_.span(n), "'" + what + "' ska vara text, men är " + describe(n));
      return std::nullopt;
    }
    return n.Scalar();
  }

  std::optional<Amount> amount(const YAML::Node& n, const std::string& what) {
    if (n.IsScalar() && n.Tag() == "?") {
      const std::string& s = n.Scalar();
      if (all_digits(s)) {
        if (s.size() > 15) {
          d_.error(src_.span(n), "'" + what + "' är för stort: " + s);
          return std::nullopt;
        }
        return std::stoll(s);
      }
      if (!s.empty() && s[0] == '-' && all_digits(s.substr(1))) {
        d_.error(src_.span(n), "'" + what + "' får inte vara negativt (" + s + ")");
        return std::nullopt;
      }
      if (s.find_first_of(".,") != std::string::npos &&
          s.find_first_not_of("0123456789.,") == std::string::npos) {
        d_.error(src_.span(n), "'" + what + "' ska vara ett helt antal kronor, inte " + s);
        return std::nullopt;
      }
      if (s.find(' ') != std::string::npos &&
          s.find_first_not_of("0123456789 ") == std::string::npos) {
        std::string digits;
        for (char c : s)
          if (c != ' ') digits += c;
        d_.error(src_.span(n), "skriv '" + what + "' utan mellanrum mellan siffrorna: " + digits);
        return std::nullopt;
      }
    }
    d_.error(src_.span(n),
             "'" + what + "' ska vara ett belopp i hela kronor, men är " + describe(n));
    return std::nullopt;
  }

  // Plain or quoted: a decimal comma inside a flow mapping must be quoted ("12,5").
  std::optional<Decimal> decimal(const YAML::Node& n, const std::string& what) {
    if (n.IsScalar()) {
      const std::string& s = n.Scalar();
      auto sep = s.find_first_of(".,");
      Decimal dec{s.substr(0, sep), sep == std::string::npos ? "" : s.substr(sep + 1), s};
      if (!dec.whole.empty() && dec.whole[0] == '-') {
        d_.error(src_.span(n), "'" + what + "' får inte vara negativ (" + s + ")");
        return std::nullopt;
      }
      if (all_digits(dec.whole) && (sep == std::string::npos || all_digits(dec.fraction))) {
        if (dec.fraction.size() > kMaxKeyDecimals) {
          d_.error(src_.span(n), "'" + what + "' har fler än " + std::to_string(kMaxKeyDecimals) +
                                     " decimaler: " + s);
          return std::nullopt;
        }
        if (dec.whole.size() + kMaxKeyDecimals > 18) {
          d_.error(src_.span(n), "'" + what + "' är för stor: " + s);
          return std::nullopt;
        }
        return dec;
      }
    }
    d_.error(src_.span(n),
             "'" + what + "' ska vara ett tal (som 283502 eller 12,5), men är " + describe(n));
    return std::nullopt;
  }

  template <typename E>
  std::optional<E> choice(const YAML::Node& n, const std::string& what,
                          const std::vector<std::pair<std::string, E>>& options) {
    std::string list;
    for (const auto& [word, value] : options) {
      if (n.IsScalar() && n.Scalar() == word) return value;
      list += (list.empty() ? "" : " | ") + word;
    }
    std::vector<std::string> words;
    for (const auto& o : options) words.push_back(o.first);
    std::string hint = n.IsScalar() ? suggestion(n.Scalar(), words) : "";
    d_.error(src_.span(n), "'" + what + "' ska vara " + list + ", men är " + describe(n) + hint);
    return std::nullopt;
  }

  const Source& src() const { return src_; }
  Diagnostics& diags() { return d_; }

 private:
  Source src_;
  Diagnostics& d_;
};

Amount scale_decimal(const Decimal& d, int decimals) {
  std::string digits =
      d.whole + d.fraction + std::string(static_cast<size_t>(decimals) - d.fraction.size(), '0');
  return std::stoll(digits);
}

// A scaled key sum as written in Swedish: 10012 with two decimals → "100,12".
std::string scaled_text(__int128 v, int decimals) {
  std::string digits = std::to_string(static_cast<long long>(v));
  if (decimals == 0) return digits;
  while (digits.size() <= static_cast<size_t>(decimals)) digits.insert(0, "0");
  std::string frac = digits.substr(digits.size() - decimals);
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string whole = digits.substr(0, digits.size() - decimals);
  return frac.empty() ? whole : whole + "," + frac;
}

// The keys against their declared sum: a key in percent that adds up to 100,12 would
// otherwise be rescaled without a word. Without a declared sum, a key named in percent
// that does not add up to 100 gets a warning. False when the sum is wrong.
bool check_key_sum(Diagnostics& d, const AllocationSpec& s, __int128 key_sum,
                   const std::optional<Decimal>& declared, Span declared_span, Span keys_span) {
  if (s.recipients.empty()) return true;
  if (declared) {
    __int128 want = scale_decimal(*declared, s.key_decimals);
    if (want == key_sum) return true;
    d.error(declared_span, "nycklarna summerar till " + scaled_text(key_sum, s.key_decimals) +
                               ", men 'nyckelns_summa' är " + scaled_text(want, s.key_decimals) +
                               "; rätta nycklarna eller summan");
    return false;
  }
  __int128 hundred = 100;
  for (int i = 0; i < s.key_decimals; ++i) hundred *= 10;
  const bool percent =
      s.key_name.find('%') != std::string::npos || s.key_name.find("procent") != std::string::npos;
  if (percent && key_sum != hundred)
    d.warning(keys_span, "nycklarna (" + s.key_name + ") summerar till " +
                             scaled_text(key_sum, s.key_decimals) +
                             ", inte 100; andelarna räknas mot summan. Skriv 'nyckelns_summa: "
                             "100' så blir en annan summa ett fel");
  return true;
}

const std::vector<std::string> kSpecKeys = {
    "rubrik",       "belopp",  "regel",   "nyckelns_namn", "grundbelopp",
    "minimibelopp", "tröskel", "ordning", "visning",       "fasta_belopp",
    "mottagare",    "grupp",   "grund",   "nyckelns_summa"};

void read_spec(Reader& rd, const YAML::Node& root, SpecRead& out) {
  Diagnostics& d = rd.diags();
  const Source& src = rd.src();
  if (!rd.check_map(root, "filen", {"fördelning"})) return;
  YAML::Node f = Reader::get(root, "fördelning");
  if (!f.IsDefined()) {
    d.error(src.span(root),
            "filen saknar 'fördelning:' (en fördelningsspecifikation börjar med den nyckeln)");
    return;
  }
  if (!rd.check_map(f, "'fördelning'", kSpecKeys)) return;
  AllocationSpec s;
  s.file = src.path;
  s.span = rd.key_span(root, "fördelning");
  bool ok = true;
  auto need = [&](const std::string& key) {
    if (Reader::has(f, key)) return true;
    d.error(s.span, "'fördelning' saknar '" + key + "'");
    ok = false;
    return false;
  };

  if (Reader::has(f, "rubrik")) {
    if (auto t = rd.text(Reader::get(f, "rubrik"), "rubrik")) s.title = *t;
  }
  if (Reader::has(f, "nyckelns_namn")) {
    if (auto t = rd.text(Reader::get(f, "nyckelns_namn"), "nyckelns_namn")) s.key_name = *t;
  }
  if (Reader::has(f, "grund")) {
    if (auto t = rd.text(Reader::get(f, "grund"), "grund")) s.basis = *t;
  }
  if (Reader::has(f, "grupp")) {
    s.group_span = src.span(Reader::get(f, "grupp"));
    if (auto t = rd.text(Reader::get(f, "grupp"), "grupp")) s.group = *t;
  }
  if (need("belopp")) {
    s.amount_span = src.span(Reader::get(f, "belopp"));
    if (auto a = rd.amount(Reader::get(f, "belopp"), "belopp"))
      s.amount = *a;
    else
      ok = false;
  }
  if (need("regel")) {
    auto r = rd.choice<AllocationRule>(Reader::get(f, "regel"), "regel",
                                       {{"proportionell", AllocationRule::Proportional},
                                        {"grundbelopp", AllocationRule::BaseAmount},
                                        {"minimibelopp", AllocationRule::Minimum},
                                        {"lika", AllocationRule::Equal}});
    if (r)
      s.rule = *r;
    else
      ok = false;
  }
  bool rule_known = ok && Reader::has(f, "regel");
  if (Reader::has(f, "ordning")) {
    auto o = rd.choice<TieOrder>(Reader::get(f, "ordning"), "ordning",
                                 {{"svensk", TieOrder::Swedish},
                                  {"lista", TieOrder::Listed},
                                  {"nyckel_fallande", TieOrder::KeyDescending},
                                  {"nyckel_stigande", TieOrder::KeyAscending}});
    if (o)
      s.order = *o;
    else
      ok = false;
  }
  if (Reader::has(f, "visning")) {
    auto o = rd.choice<DisplayOrder>(Reader::get(f, "visning"), "visning",
                                     {{"lista", DisplayOrder::Listed},
                                      {"svensk", DisplayOrder::Swedish},
                                      {"belopp_fallande", DisplayOrder::AmountDescending}});
    if (o)
      s.display = *o;
    else
      ok = false;
  }

  // Rule parameters: required by their rule, and an error anywhere else (a parameter that
  // silently does nothing would give a different allocation than its author expects).
  auto rule_param = [&](const std::string& key, AllocationRule a, AllocationRule b, bool both) {
    bool applies = s.rule == a || (both && s.rule == b);
    if (!rule_known) return false;
    if (Reader::has(f, key) && !applies) {
      d.error(rd.key_span(f, key), "'" + key + "' används inte med regel: " + rule_name(s.rule));
      ok = false;
      return false;
    }
    return Reader::has(f, key);
  };
  if (rule_known && s.rule == AllocationRule::BaseAmount && !Reader::has(f, "grundbelopp")) {
    d.error(rd.key_span(f, "regel"), "regel: grundbelopp kräver 'grundbelopp'");
    ok = false;
  }
  if (rule_known && s.rule == AllocationRule::Minimum && !Reader::has(f, "minimibelopp")) {
    d.error(rd.key_span(f, "regel"), "regel: minimibelopp kräver 'minimibelopp'");
    ok = false;
  }
  if (rule_param("grundbelopp", AllocationRule::BaseAmount, AllocationRule::BaseAmount, false)) {
    s.base_span = src.span(Reader::get(f, "grundbelopp"));
    if (auto a = rd.amount(Reader::get(f, "grundbelopp"), "grundbelopp"))
      s.base = *a;
    else
      ok = false;
  }
  if (rule_param("minimibelopp", AllocationRule::Minimum, AllocationRule::Minimum, false)) {
    s.minimum_span = src.span(Reader::get(f, "minimibelopp"));
    if (auto a = rd.amount(Reader::get(f, "minimibelopp"), "minimibelopp"))
      s.minimum = *a;
    else
      ok = false;
  }
  // nyckelns_summa: what the keys are declared to add up to (100 for a key in percent).
  std::optional<Decimal> declared_sum;
  Span declared_sum_span;
  if (Reader::has(f, "nyckelns_summa")) {
    declared_sum_span = src.span(Reader::get(f, "nyckelns_summa"));
    declared_sum = rd.decimal(Reader::get(f, "nyckelns_summa"), "nyckelns_summa");
    if (!declared_sum) ok = false;
  }
  std::optional<Decimal> threshold;
  if (rule_param("tröskel", AllocationRule::BaseAmount, AllocationRule::Minimum, true)) {
    threshold = rd.decimal(Reader::get(f, "tröskel"), "tröskel");
    if (!threshold) ok = false;
  }

  // fasta_belopp: named recipients paid first.
  std::map<std::string, int> names;  // name → line of first mention
  auto remember = [&](const std::string& name, const Span& at) {
    if (auto [it, fresh] = names.emplace(name, at.line); !fresh) {
      d.error(at, "'" + name + "' förekommer två gånger (första gången på rad " +
                      std::to_string(it->second) + ")");
      ok = false;
    }
  };
  Amount fixed_sum = 0;
  if (Reader::has(f, "fasta_belopp")) {
    YAML::Node list = Reader::get(f, "fasta_belopp");
    if (!list.IsSequence()) {
      d.error(src.span(list), "'fasta_belopp' ska vara en lista, men är " + describe(list));
      ok = false;
    } else {
      for (const auto& item : list) {
        if (!rd.check_map(item, "en post i 'fasta_belopp'", {"namn", "belopp"})) {
          ok = false;
          continue;
        }
        FixedAmount fa;
        fa.span = src.span(item);
        if (!Reader::has(item, "namn") || !Reader::has(item, "belopp")) {
          d.error(fa.span, "en post i 'fasta_belopp' behöver både 'namn' och 'belopp'");
          ok = false;
          continue;
        }
        auto name = rd.text(Reader::get(item, "namn"), "namn");
        auto amount = rd.amount(Reader::get(item, "belopp"), "belopp");
        if (!name || !amount) {
          ok = false;
          continue;
        }
        fa.name = *name;
        fa.amount = *amount;
        remember(fa.name, fa.span);
        if (fixed_sum > kMaxTotal - fa.amount) {  // each amount is below kMaxAmount
          d.error(fa.span, "summan av de fasta beloppen blir större än " +
                               std::to_string(kMaxTotal) + " kr med '" + fa.name +
                               "'; så stora summor kan inte räknas");
          ok = false;
          continue;
        }
        fixed_sum += fa.amount;
        s.fixed.push_back(fa);
      }
    }
  }

  // mottagare: a name (`- Ale kommun`) or {namn, nyckel}.
  std::vector<std::optional<Decimal>> keys;
  if (Reader::has(f, "mottagare")) {
    YAML::Node list = Reader::get(f, "mottagare");
    if (!list.IsSequence()) {
      d.error(src.span(list), "'mottagare' ska vara en lista, men är " + describe(list));
      ok = false;
    } else {
      for (const auto& item : list) {
        AllocationEntry e;
        e.span = src.span(item);
        std::optional<Decimal> key;
        bool key_written = false;
        if (item.IsScalar()) {
          e.name = item.Scalar();
        } else {
          if (!rd.check_map(item, "en mottagare", {"namn", "nyckel"})) {
            ok = false;
            continue;
          }
          if (!Reader::has(item, "namn")) {
            d.error(e.span, "mottagaren saknar 'namn'");
            ok = false;
            continue;
          }
          auto name = rd.text(Reader::get(item, "namn"), "namn");
          if (!name) {
            ok = false;
            continue;
          }
          e.name = *name;
          if (Reader::has(item, "nyckel")) {
            key_written = true;
            key = rd.decimal(Reader::get(item, "nyckel"), "nyckel");
            if (!key) ok = false;
          }
        }
        if (e.name.empty()) {
          d.error(e.span, "mottagaren saknar namn");
          ok = false;
          continue;
        }
        if (!key_written && rule_known && s.rule != AllocationRule::Equal) {
          d.error(e.span, "'" + e.name + "' saknar 'nyckel' (regel: " + rule_name(s.rule) +
                              " fördelar efter nyckeln)");
          ok = false;
        }
        remember(e.name, e.span);
        if (key) e.key_text = key->text;
        keys.push_back(key);
        s.recipients.push_back(e);
      }
    }
  }
  if (s.recipients.empty() && s.fixed.empty()) {
    d.error(s.span, "'fördelning' har inga mottagare ('mottagare' eller 'fasta_belopp')");
    ok = false;
  }
  if (ok && fixed_sum > s.amount) {
    d.error(rd.key_span(f, "fasta_belopp"), "de fasta beloppen (" + std::to_string(fixed_sum) +
                                                " kr) är större än beloppet (" +
                                                std::to_string(s.amount) + " kr)");
    ok = false;
  }
  if (ok && s.recipients.empty() && fixed_sum != s.amount) {
    d.error(rd.key_span(f, "fasta_belopp"), "de fasta beloppen blir " + std::to_string(fixed_sum) +
                                                " kr, men beloppet är " + std::to_string(s.amount) +
                                                " kr och det finns inga andra mottagare");
    ok = false;
  }
  if (ok && (s.order == TieOrder::KeyAscending || s.order == TieOrder::KeyDescending)) {
    for (size_t i = 0; i < keys.size(); ++i)
      if (!keys[i]) {
        d.error(s.recipients[i].span,
                "'" + s.recipients[i].name + "' saknar 'nyckel', som 'ordning' behöver");
        ok = false;
      }
  }
  if (!ok) return;

  // Scale every key (and the threshold) to integers with a common number of decimals.
  int decimals = 0;
  for (const auto& k : keys)
    if (k) decimals = std::max(decimals, static_cast<int>(k->fraction.size()));
  if (threshold) decimals = std::max(decimals, static_cast<int>(threshold->fraction.size()));
  if (declared_sum) decimals = std::max(decimals, static_cast<int>(declared_sum->fraction.size()));
  s.key_decimals = decimals;
  __int128 key_sum = 0;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i]) {
      s.recipients[i].key = scale_decimal(*keys[i], decimals);
      key_sum += *s.recipients[i].key;
    }
  // Shares are computed as amount · key against amount · key sum in 128 bits; this bound
  // keeps those products inside it for any number of recipients a file can hold.
  if (key_sum > kMaxKeySum) {
    d.error(rd.key_span(f, "mottagare"),
            "nycklarnas summa är för stor för att räkna med; använd en mindre enhet för nyckeln");
    return;
  }
  if (threshold) {
    s.threshold = scale_decimal(*threshold, decimals);
    s.threshold_text = threshold->text;
  }
  if (!check_key_sum(d, s, key_sum, declared_sum, declared_sum_span, rd.key_span(f, "mottagare")))
    return;
  out.spec = std::move(s);
}

}  // namespace

SpecRead parse_allocation_spec(const std::string& name, const std::string& text) {
  SpecRead out;
  std::string normalised = text;
  load::normalise_line_ends(normalised);
  Source src{name, split_lines(normalised)};
  load::YamlDocument doc = load::parse_yaml(normalised);
  if (doc.error_at) {
    out.diags.error(src.span(*doc.error_at), "YAML-syntaxfel: " + doc.error);
    return out;
  }
  YAML::Node root = doc.root;
  if (root.IsNull()) {
    out.diags.error(Span{name, 1, 1}, "filen är tom");
    return out;
  }
  Reader rd(src, out.diags);
  read_spec(rd, root, out);
  if (out.diags.has_errors()) out.spec.reset();
  return out;
}

SpecRead read_allocation_spec(const std::string& path) {
  std::string text;
  if (!load::read_file(path, text)) {
    SpecRead out;
    out.diags.error(Span{path, 0, 0}, "kan inte läsa filen");
    return out;
  }
  return parse_allocation_spec(path, text);
}

}  // namespace rv::stats
