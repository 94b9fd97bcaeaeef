// The template filters: the Swedish language layer as `{{ x | filter(arg) }}`.
// Every filter checks its input's type and says in Swedish what it expected.
#include <algorithm>

#include "load/suggest.hpp"
#include "template/expand.hpp"

namespace rv::tmpl {

namespace {

using R = std::optional<Value>;

R type_error(const FilterCall& c, const std::string& filter, const std::string& expected) {
  c.diags.error(c.at, "filtret '" + filter + "' kräver " + expected + ", men fick " +
                          kind_name(c.in.kind()) +
                          (c.in.is_str() ? " ('" + c.in.as_str() + "')" : ""));
  return std::nullopt;
}

bool want_int(const FilterCall& c, const std::string& f) {
  if (c.in.is_int()) return true;
  type_error(c, f, "ett heltal (belopp eller antal)");
  return false;
}

bool want_share(const FilterCall& c, const std::string& f) {
  if (c.in.is_number()) return true;
  type_error(c, f, "en andel (till exempel oförbrukat / fördelat)");
  return false;
}

std::string str_arg(const FilterCall& c, size_t i, const std::string& fallback) {
  if (i < c.args.size() && c.args[i].is_str()) return c.args[i].as_str();
  return fallback;
}

int int_arg(const FilterCall& c, size_t i, int fallback) {
  if (i < c.args.size() && c.args[i].is_int()) return static_cast<int>(c.args[i].as_int());
  return fallback;
}

// The noun of a group value ({singular, plural, genus}) or two text arguments.
std::optional<Noun> noun_arg(const FilterCall& c, const std::string& f) {
  Noun n;
  if (!c.args.empty() && c.args[0].is_map()) {
    const Value* s = c.args[0].get("singular");
    const Value* p = c.args[0].get("plural");
    const Value* g = c.args[0].get("genus");
    if (s && p && s->is_str() && p->is_str()) {
      n.singular = s->as_str();
      n.plural = p->as_str();
      n.gender = g && g->is_str() && g->as_str() == "neutrum" ? Gender::Neuter : Gender::Common;
      return n;
    }
  }
  if (c.args.size() >= 2 && c.args[0].is_str() && c.args[1].is_str()) {
    n.singular = c.args[0].as_str();
    n.plural = c.args[1].as_str();
    if (c.args.size() >= 3 && c.args[2].is_str() && c.args[2].as_str() == "neutrum")
      n.gender = Gender::Neuter;
    return n;
  }
  c.diags.error(c.at, "filtret '" + f +
                          "' kräver en grupp eller singular och plural, till exempel " + f +
                          "(\"kommun\", \"kommuner\")");
  return std::nullopt;
}

R f_kr(const FilterCall& c) {
  if (!want_int(c, "kr")) return std::nullopt;
  return Value(sv::amount(c.in.as_int(), sv::AmountStyle::Kr));
}
R f_kronor(const FilterCall& c) {
  if (!want_int(c, "kronor")) return std::nullopt;
  return Value(sv::amount(c.in.as_int(), sv::AmountStyle::Kronor));
}
R f_tkr(const FilterCall& c) {
  if (!want_int(c, "tkr")) return std::nullopt;
  return Value(sv::amount(c.in.as_int(), sv::AmountStyle::Tkr));
}
R f_mnkr(const FilterCall& c) {
  if (!want_int(c, "mnkr")) return std::nullopt;
  return Value(sv::amount(c.in.as_int(), sv::AmountStyle::Mnkr, int_arg(c, 0, 1)));
}
R f_miljoner(const FilterCall& c) {
  if (!want_int(c, "miljoner")) return std::nullopt;
  // miljoner("ord"): whole millions in words ("fem miljoner kronor"), for a sentence where
  // a number stands just before (Svenska skrivregler: never two numerals side by side).
  if (c.args.size() == 1 && c.args[0].is_str() && c.args[0].as_str() == "ord") {
    const int64_t n = c.in.as_int();
    if (n != 0 && n % 1000000 == 0) return Value(sv::number_in_words(n) + " kronor");
    return Value(sv::amount(n, sv::AmountStyle::Miljoner, 1));
  }
  return Value(sv::amount(c.in.as_int(), sv::AmountStyle::Miljoner, int_arg(c, 0, 1)));
}

R approx_impl(const FilterCall& c, const std::string& name, sv::Hedge hedge) {
  if (!want_int(c, name)) return std::nullopt;
  std::string unit = str_arg(c, 0, "miljoner");
  if (unit != "miljoner" && unit != "tusen" && unit != "tiotusen") {
    c.diags.error(c.at, "filtret '" + name +
                            "' tar \"miljoner\", \"tusen\" eller \"tiotusen\", inte \"" + unit +
                            "\"");
    return std::nullopt;
  }
  sv::Unit u = unit == "miljoner" ? sv::Unit::Millions
               : unit == "tusen"  ? sv::Unit::Thousands
                                  : sv::Unit::TenThousands;
  return Value(sv::approx(c.in.as_int(), u, hedge, int_arg(c, 1, 1)));
}
R f_ungefar(const FilterCall& c) { return approx_impl(c, "ungefär", sv::Hedge::Auto); }
R f_cirka(const FilterCall& c) { return approx_impl(c, "cirka", sv::Hedge::Cirka); }
R f_avrundat(const FilterCall& c) { return approx_impl(c, "avrundat", sv::Hedge::None); }

R f_procent(const FilterCall& c) {
  if (!want_share(c, "procent")) return std::nullopt;
  return Value(sv::percent_prose(c.in.as_fraction(), c.style.word_limit));
}
R f_procent_tabell(const FilterCall& c) {
  if (!want_share(c, "procent_tabell")) return std::nullopt;
  return Value(sv::percent_table(c.in.as_fraction(), int_arg(c, 0, 0), c.style.percent_space));
}
R f_procenttal(const FilterCall& c) {
  // The rounded whole percent as a number, for comparisons and sentences of one's own.
  if (!want_share(c, "procenttal")) return std::nullopt;
  auto f = c.in.as_fraction();
  int64_t hundred_times = 0;
  if (__builtin_mul_overflow(f.num, 100, &hundred_times)) {
    c.diags.error(c.at, "filtret 'procenttal' fick en för stor andel");
    return std::nullopt;
  }
  return Value(sv::round_half_up(hundred_times, f.den));
}

R f_ord(const FilterCall& c) {
  if (!want_int(c, "ord")) return std::nullopt;
  Gender g = str_arg(c, 0, "en") == "ett" ? Gender::Neuter : Gender::Common;
  return Value(sv::number_words(c.in.as_int(), g, c.style.word_limit));
}
R f_med_bokstaver(const FilterCall& c) {
  if (!want_int(c, "med_bokstäver")) return std::nullopt;
  Gender g = str_arg(c, 0, "en") == "ett" ? Gender::Neuter : Gender::Common;
  return Value(sv::number_in_words(c.in.as_int(), g));
}
R f_genitiv(const FilterCall& c) {
  if (!c.in.is_str()) return type_error(c, "genitiv", "text");
  return Value(sv::genitive(c.in.as_str()));
}
R f_antal(const FilterCall& c) {
  if (!want_int(c, "antal")) return std::nullopt;
  auto noun = noun_arg(c, "antal");
  if (!noun) return std::nullopt;
  return Value(sv::count_noun(c.in.as_int(), *noun, c.style.word_limit));
}
// The form that agrees with a count, without the count: "en av organisationerna blev
// {{ n | böj("beviljad", "beviljade") }}"; with a group, its noun ("kommun"/"kommuner").
R f_boj(const FilterCall& c) {
  if (!want_int(c, "böj")) return std::nullopt;
  auto forms = noun_arg(c, "böj");
  if (!forms) return std::nullopt;
  const int64_t n = c.in.as_int();
  return Value(n == 1 || n == -1 ? forms->singular : forms->plural);
}
R f_versal(const FilterCall& c) {
  if (!c.in.is_str()) return type_error(c, "versal", "text");
  return Value(sv::capitalize(c.in.as_str()));
}
R f_versaler(const FilterCall& c) {
  if (!c.in.is_str()) return type_error(c, "versaler", "text");
  return Value(sv::uppercase(c.in.as_str()));
}
R f_heltal(const FilterCall& c) {
  if (!want_int(c, "heltal")) return std::nullopt;
  return Value(sv::integer(c.in.as_int()));
}
R f_datum(const FilterCall& c) {
  if (c.in.kind() != Value::Kind::Date) return type_error(c, "datum", "ett datum");
  return Value(sv::date_prose(c.in.as_date(), true));
}
R f_datum_kort(const FilterCall& c) {
  if (c.in.kind() != Value::Kind::Date) return type_error(c, "datum_kort", "ett datum");
  return Value(sv::date_prose(c.in.as_date(), false));
}
R f_datum_iso(const FilterCall& c) {
  if (c.in.kind() != Value::Kind::Date) return type_error(c, "datum_iso", "ett datum");
  return Value(sv::date_iso(c.in.as_date()));
}
R f_citat(const FilterCall& c) {
  if (!c.in.is_str()) return type_error(c, "citat", "text");
  return Value(sv::swedish_quotes("\"" + c.in.as_str() + "\""));
}

std::string item_text(const Value& v) {
  if (v.is_map())
    if (const Value* n = v.get("namn")) return to_text(*n);
  return to_text(v);
}

R f_lista(const FilterCall& c) {
  if (!c.in.is_list()) return type_error(c, "lista", "en lista");
  std::vector<std::string> parts;
  for (const auto& x : c.in.as_list()) parts.push_back(item_text(x));
  return Value(sv::join_list(parts, str_arg(c, 0, "och")));
}
// A list's records lack `field`: the message suggests the record's closest field name.
std::nullopt_t missing_field(const FilterCall& c, const Value& record, const std::string& field) {
  std::string hint;
  if (record.is_map()) {
    std::vector<std::string_view> known;
    for (const auto& [k, v] : record.as_map()) known.push_back(k);
    if (auto s = load::closest(field, known)) hint = " (menade du '" + *s + "'?)";
  }
  c.diags.error(c.at, "posterna i listan har inget fält '" + field + "'" + hint);
  return std::nullopt;
}

R f_langd(const FilterCall& c) {
  if (c.in.is_list()) return Value(c.in.as_list().size());
  if (c.in.is_map()) return Value(c.in.as_map().size());
  return type_error(c, "längd", "en lista");
}
R f_falt(const FilterCall& c) {
  if (!c.in.is_list()) return type_error(c, "fält", "en lista");
  std::string field = str_arg(c, 0, "namn");
  List out;
  for (const auto& x : c.in.as_list()) {
    const Value* v = x.get(field);
    if (!v) return missing_field(c, x, field);
    out.push_back(*v);
  }
  return Value(std::move(out));
}
R f_sortera(const FilterCall& c) {
  if (!c.in.is_list()) return type_error(c, "sortera", "en lista");
  std::string field = str_arg(c, 0, "namn");
  bool descending = str_arg(c, 1, "") == "fallande";
  List out = c.in.as_list();
  auto key = [&](const Value& v) -> const Value& {
    const Value* f = v.is_map() ? v.get(field) : nullptr;
    return f ? *f : v;
  };
  std::stable_sort(out.begin(), out.end(), [&](const Value& a, const Value& b) {
    const Value &x = key(a), &y = key(b);
    bool less;
    if (x.is_number() && y.is_number()) {
      auto p = x.as_fraction(), q = y.as_fraction();
      less = static_cast<__int128>(p.num) * q.den < static_cast<__int128>(q.num) * p.den;
      if (descending)
        less = static_cast<__int128>(q.num) * p.den < static_cast<__int128>(p.num) * q.den;
      return less;
    }
    less = sv::collate_less(to_text(x), to_text(y));
    return descending ? sv::collate_less(to_text(y), to_text(x)) : less;
  });
  return Value(std::move(out));
}
R f_summa(const FilterCall& c) {
  if (!c.in.is_list()) return type_error(c, "summa", "en lista");
  int64_t sum = 0;
  const std::string field = c.args.empty() ? "" : str_arg(c, 0, "");
  for (const auto& x : c.in.as_list()) {
    const Value* v = c.args.empty() ? &x : x.get(field);
    if (!v) return missing_field(c, x, field);
    if (v->is_null()) {  // a figure not yet reported: the sum would be too small, silently
      size_t unknown = 0;
      for (const auto& y : c.in.as_list()) {
        const Value* w = c.args.empty() ? &y : y.get(field);
        unknown += w && w->is_null();
      }
      const Value* name = x.is_map() ? x.get("namn") : nullptr;
      c.diags.error(c.at, "filtret 'summa': " +
                              (field.empty() ? std::string("listan") : "fältet '" + field + "'") +
                              " saknar värde i " + std::to_string(unknown) + " av " +
                              std::to_string(c.in.as_list().size()) + " poster" +
                              (name && name->is_str() ? " (först '" + name->as_str() + "')" : "") +
                              "; summan skulle bli för liten");
      return std::nullopt;
    }
    if (!v->is_int()) {
      c.diags.error(c.at, "filtret 'summa' kan bara summera heltal, men " +
                              (field.empty() ? "listan" : "fältet '" + field + "'") + " har " +
                              kind_name(v->kind()));
      return std::nullopt;
    }
    if (__builtin_add_overflow(sum, v->as_int(), &sum)) {
      c.diags.error(c.at, "filtret 'summa' ger ett för stort tal (över 9 223 372 036 854 775 807)");
      return std::nullopt;
    }
  }
  return Value(sum);
}
R f_forsta(const FilterCall& c) {
  if (!c.in.is_list()) return type_error(c, "första", "en lista");
  const List& l = c.in.as_list();
  if (c.args.empty()) {
    if (l.empty()) {
      c.diags.error(c.at, "filtret 'första' fick en tom lista");
      return std::nullopt;
    }
    return l.front();
  }
  size_t n = std::min<size_t>(l.size(), static_cast<size_t>(std::max(0, int_arg(c, 0, 1))));
  return Value(List(l.begin(), l.begin() + n));
}
// filtrera("fält") keeps the rows whose field is true/non-empty; filtrera("fält", v) those
// whose field equals v; filtrera("fält", v, "<"|"<="|">"|">="|"!=") compares.
R f_filtrera(const FilterCall& c) {
  if (!c.in.is_list()) return type_error(c, "filtrera", "en lista");
  std::string field = str_arg(c, 0, "");
  std::string op = str_arg(c, 2, "==");
  List out;
  for (const auto& x : c.in.as_list()) {
    const Value* v = x.get(field);
    if (!v) return missing_field(c, x, field);
    bool keep;
    if (c.args.size() < 2) {
      keep = v->truthy();
    } else if (op == "==" || op == "!=") {
      keep = values_equal(*v, c.args[1]) == (op == "==");
    } else {
      if (!v->is_number() || !c.args[1].is_number()) {
        keep = false;
      } else {
        auto p = v->as_fraction(), q = c.args[1].as_fraction();
        __int128 l = static_cast<__int128>(p.num) * q.den, r = static_cast<__int128>(q.num) * p.den;
        keep = op == "<" ? l < r : op == "<=" ? l <= r : op == ">" ? l > r : l >= r;
      }
    }
    if (keep) out.push_back(x);
  }
  return Value(std::move(out));
}
R f_gemener(const FilterCall& c) {
  if (!c.in.is_str()) return type_error(c, "gemener", "text");
  return Value(sv::lowercase(c.in.as_str()));
}
R f_standard(const FilterCall& c) {
  if (c.in.is_null() || (c.in.is_str() && c.in.as_str().empty()))
    return c.args.empty() ? Value("–") : c.args[0];
  return c.in;
}
// The test itself is made where the input is evaluated (Expander::eval_in): a missing
// field is an answer there, not an error. What arrives here is that answer.
R f_finns(const FilterCall& c) {
  if (!c.args.empty()) {
    c.diags.error(c.at, "filtret 'finns' tar inga argument");
    return std::nullopt;
  }
  return c.in;
}
R f_intervall(const FilterCall& c) {
  if (!c.in.is_list() || c.in.as_list().size() != 2 || !c.in.as_list()[0].is_int() ||
      !c.in.as_list()[1].is_int())
    return type_error(c, "intervall", "en lista med två årtal");
  return Value(sv::year_range(static_cast<int>(c.in.as_list()[0].as_int()),
                              static_cast<int>(c.in.as_list()[1].as_int())));
}
R f_ar(const FilterCall& c) {
  if (!want_int(c, "år")) return std::nullopt;
  return Value(sv::plain(c.in.as_int()));
}
R f_text(const FilterCall& c) { return Value(to_text(c.in)); }
// `markdown` is handled where the value is written (Expander::run): it has a meaning only
// as the last filter of a {{ … }}. Anywhere else it would silently do nothing.
R f_markdown(const FilterCall& c) {
  c.diags.error(c.at,
                "filtret 'markdown' ska stå sist i {{ … }}: det säger att hela värdet är "
                "Markdown som ska tolkas, inte text som skrivs ut ordagrant");
  return std::nullopt;
}

}  // namespace

const std::map<std::string, FilterFn>& filter_table() {
  static const std::map<std::string, FilterFn> table = {
      {"kr", f_kr},
      {"kronor", f_kronor},
      {"tkr", f_tkr},
      {"mnkr", f_mnkr},
      {"miljoner", f_miljoner},
      {"ungefär", f_ungefar},
      {"cirka", f_cirka},
      {"avrundat", f_avrundat},
      {"procent", f_procent},
      {"procent_tabell", f_procent_tabell},
      {"procenttal", f_procenttal},
      {"ord", f_ord},
      {"antal", f_antal},
      {"böj", f_boj},
      {"med_bokstäver", f_med_bokstaver},
      {"genitiv", f_genitiv},
      {"versal", f_versal},
      {"versaler", f_versaler},
      {"heltal", f_heltal},
      {"år", f_ar},
      {"datum", f_datum},
      {"datum_kort", f_datum_kort},
      {"datum_iso", f_datum_iso},
      {"citat", f_citat},
      {"lista", f_lista},
      {"längd", f_langd},
      {"fält", f_falt},
      {"sortera", f_sortera},
      {"summa", f_summa},
      {"första", f_forsta},
      {"standard", f_standard},
      {"finns", f_finns},
      {"filtrera", f_filtrera},
      {"gemener", f_gemener},
      {"intervall", f_intervall},
      {"text", f_text},
      {"markdown", f_markdown},
  };
  return table;
}

}  // namespace rv::tmpl
