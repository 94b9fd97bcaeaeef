// Reads mall.yaml with the same diagnosing reader as the data loader.
#include "template/settings.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "load/load.hpp"
#include "load/reader.hpp"
#include "load/suggest.hpp"
#include "template/confine.hpp"
#include "template/settings_cache.hpp"

namespace rv::tmpl {

namespace {

using load::MapReader;
using load::SourceFile;

std::optional<TextTemplate> text_field(MapReader& m, std::string_view key, bool required = false) {
  auto v = m.text(key, required);
  if (!v) return std::nullopt;
  return TextTemplate{*v, m.value_span(key)};
}

// `owner` names where the expression is ("tabellen 'bilaga1', kolumnen 'Kommun'") in
// its syntax errors, as the mall.yaml line alone does not say which table it is.
ExprPtr expr_field(MapReader& m, std::string_view key, Diagnostics& diags, bool required = false,
                   const std::string& owner = "") {
  auto v = m.text(key, required);
  if (!v) return nullptr;
  Span at = m.value_span(key);
  // A quoted YAML value's text starts one column after its mark (the quote).
  if (m.find(key).Tag() == "!") at.col += 1;
  if (owner.empty()) return parse_expression(*v, at, diags);
  Diagnostics inside;
  ExprPtr e = parse_expression(*v, at, inside);
  append_repeated(diags, inside, owner + ", '" + std::string(key) + "': ", "", 1);
  return e;
}

std::vector<TextTemplate> text_list(const SourceFile& f, MapReader& m, std::string_view key,
                                    Diagnostics& diags) {
  std::vector<TextTemplate> out;
  auto n = m.node(key);
  if (!n) return out;
  if (!n->IsSequence()) {
    diags.error(f.span(*n), "'" + std::string(key) + "' ska vara en lista av texter");
    return out;
  }
  for (const auto& item : *n)
    if (auto t = load::as_text(f, item, diags, key)) out.push_back({*t, f.span(item)});
  return out;
}

std::string closest_of(const std::string& word, const std::vector<std::string_view>& known) {
  if (auto s = load::closest(word, known)) return "; menade du '" + *s + "'?";
  return "";
}

doc::CellAlign parse_align(MapReader& m, const std::string& s) {
  if (s == "höger") return doc::CellAlign::Right;
  if (s == "centrerad") return doc::CellAlign::Center;
  if (s != "vänster")
    m.error_at("justering", "'justering' ska vara vänster, höger eller centrerad");
  return doc::CellAlign::Left;
}

void read_table(const SourceFile& f, const std::string& id, const YAML::Node& n,
                TemplateSettings& s, Diagnostics& diags) {
  MapReader m(f, n, "tabellen '" + id + "'", diags,
              {"rubrik", "källa", "villkor", "sortering", "fallande", "kolumner", "summarad",
               "källrad", "not", "numrerad"});
  if (!m.is_map()) return;
  TableDef t;
  t.numbered = m.yes_no("numrerad").value_or(true);
  t.id = id;
  t.span = m.span();
  if (auto v = text_field(m, "rubrik", true)) t.caption = *v;
  const std::string table = "tabellen '" + id + "'";
  t.rows = expr_field(m, "källa", diags, true, table);
  t.where = expr_field(m, "villkor", diags, false, table);
  if (auto v = m.text("sortering")) t.sort = *v;
  t.descending = m.yes_no("fallande").value_or(false);
  if (auto v = text_field(m, "summarad")) t.total_label = *v;
  if (auto v = text_field(m, "källrad")) t.source = *v;
  if (auto v = text_field(m, "not")) t.note = *v;
  if (auto cols = m.node("kolumner", true)) {
    if (!cols->IsSequence()) {
      diags.error(f.span(*cols), "'kolumner' ska vara en lista");
    } else {
      for (const auto& c : *cols) {
        MapReader cm(f, c, "kolumnen", diags,
                     {"rubrik", "värde", "format", "justering", "bredd", "summera", "summa",
                      "beräknat", "angiven_summa"});
        if (!cm.is_map()) continue;
        ColumnDef col;
        col.span = cm.span();
        if (auto v = text_field(cm, "rubrik", true)) col.heading = *v;
        const std::string column =
            table + ", kolumnen '" + (col.heading.text.empty() ? "?" : col.heading.text) + "'";
        col.value = expr_field(cm, "värde", diags, true, column);
        col.format = cm.text("format").value_or("text");
        static const char* formats[] = {"text", "heltal", "kr", "tkr", "mnkr", "procent", "år"};
        bool known = false;
        for (auto fmt : formats) known |= col.format == fmt;
        if (!known)
          cm.error_at("format", "okänt format '" + col.format +
                                    "' (tillåtna: text, heltal, kr, tkr, mnkr, procent, år)");
        bool numeric = col.format != "text";
        col.align = numeric ? doc::CellAlign::Right : doc::CellAlign::Left;
        if (auto a = cm.text("justering")) col.align = parse_align(cm, *a);
        if (auto w = cm.integer("bredd", false, 1, 100)) col.width = *w;
        col.sum = cm.yes_no("summera").value_or(false);
        col.total = expr_field(cm, "summa", diags, false, column);
        col.computed = expr_field(cm, "beräknat", diags, false, column);
        col.declared_total = expr_field(cm, "angiven_summa", diags, false, column);
        if (col.declared_total && !col.sum && !col.total)
          cm.error_at("angiven_summa",
                      column +
                          ": 'angiven_summa' jämförs med kolumnens summa; ange också "
                          "'summera: ja' eller 'summa: <uttryck>'");
        t.columns.push_back(std::move(col));
      }
    }
  }
  s.tables[id] = std::move(t);
}

void read_chart(const SourceFile& f, const std::string& id, const YAML::Node& n,
                TemplateSettings& s, Diagnostics& diags) {
  MapReader m(f, n, "diagrammet '" + id + "'", diags,
              {"rubrik", "källa", "etikett", "värde", "sortering", "format", "riktning",
               "alternativtext", "källrad", "not"});
  if (!m.is_map()) return;
  ChartDef c;
  c.id = id;
  c.span = m.span();
  if (auto v = text_field(m, "rubrik", true)) c.caption = *v;
  const std::string chart = "diagrammet '" + id + "'";
  c.rows = expr_field(m, "källa", diags, true, chart);
  c.label = expr_field(m, "etikett", diags, true, chart);
  c.value = expr_field(m, "värde", diags, true, chart);
  c.value_span = m.value_span("värde");
  if (m.find("värde").Tag() == "!") c.value_span.col += 1;  // after the quote
  if (auto v = m.text("sortering")) c.sort = *v;
  if (auto v = m.text("format")) {
    static const std::vector<std::string_view> formats = {"procent", "kr", "tkr", "mnkr", "heltal"};
    if (std::find(formats.begin(), formats.end(), *v) == formats.end())
      m.error_at("format", chart + ": okänt format '" + *v + "'" + closest_of(*v, formats) +
                               " (tillåtna: procent, kr, tkr, mnkr, heltal)");
    else
      c.format = *v;
  }
  if (auto v = m.text("riktning")) {
    static const std::vector<std::string_view> ways = {"liggande", "stående"};
    if (std::find(ways.begin(), ways.end(), *v) == ways.end())
      m.error_at("riktning", chart + ": okänd riktning '" + *v + "'" + closest_of(*v, ways) +
                                 " (tillåtna: liggande, stående)");
    c.vertical = *v == "stående";
  }
  c.alt = text_field(m, "alternativtext");
  if (auto v = text_field(m, "källrad")) c.source = *v;
  if (auto v = text_field(m, "not")) c.note = *v;
  s.charts[id] = std::move(c);
}

bool whole_number(const std::string& text, int64_t& v) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  return ec == std::errc() && end == text.data() + text.size();
}

// "antal", "summa(rad.oförbrukat)", "högst(…)", "lägst(…)".
void read_aggregate(const SourceFile& f, const std::string& owner, const YAML::Node& key,
                    const YAML::Node& value, SourceDef& q, Diagnostics& diags) {
  AggregateDef c;
  c.name = key.Scalar();
  c.span = f.span(value);
  const std::string text = value.IsScalar() ? value.Scalar() : "";
  const std::string where = owner + ", kolumnen '" + c.name + "'";
  size_t open = text.find('(');
  c.function = open == std::string::npos ? text : text.substr(0, open);
  while (!c.function.empty() && c.function.back() == ' ') c.function.pop_back();
  static const char* kFunctions[] = {"antal", "summa", "högst", "lägst"};
  bool known = false;
  for (const char* fn : kFunctions) known |= c.function == fn;
  if (!known) {
    diags.error(c.span, where +
                            ": skriv antal, summa(uttryck), högst(uttryck) eller "
                            "lägst(uttryck), t.ex. summa(rad.oförbrukat)");
    return;
  }
  if (c.function == "antal") {
    if (open != std::string::npos)
      diags.error(c.span, where + ": antal tar inget uttryck (det räknar raderna)");
    q.columns.push_back(std::move(c));
    return;
  }
  if (open == std::string::npos || text.back() != ')') {
    diags.error(c.span, where + ": " + c.function + " behöver ett uttryck inom parentes, t.ex. " +
                            c.function + "(rad.fördelat)");
    return;
  }
  Span at = c.span;
  at.col += byte_to_char_column(text, static_cast<int>(open + 1));
  Diagnostics inside;
  c.value = parse_expression(text.substr(open + 1, text.size() - open - 2), at, inside);
  append_repeated(diags, inside, where + ": ", "", 1);
  if (c.value) q.columns.push_back(std::move(c));
}

void read_source(const SourceFile& f, const std::string& id, const YAML::Node& n,
                 TemplateSettings& s, Diagnostics& diags) {
  const std::string owner = "källan '" + id + "'";
  MapReader m(f, n, owner, diags, {"källa", "villkor", "gruppera", "klasser", "kolumner"});
  if (!m.is_map()) return;
  SourceDef q;
  q.id = id;
  q.span = m.span();
  q.rows = expr_field(m, "källa", diags, true, owner);
  q.where = expr_field(m, "villkor", diags, false, owner);
  q.group_by = expr_field(m, "gruppera", diags, false, owner);
  if (auto k = m.node("klasser")) {
    MapReader km(f, *k, owner + ", klasserna", diags, {"värde", "gränser", "etiketter", "enhet"});
    if (km.is_map()) {
      q.class_value = expr_field(km, "värde", diags, true, owner + ", klasserna");
      if (auto g = km.node("gränser", true)) {
        bool ok = g->IsSequence() && g->size() > 0;
        for (const auto& x : *g) {
          int64_t v = 0;
          ok = ok && x.IsScalar() && whole_number(x.Scalar(), v) &&
               (q.class_limits.empty() || v > q.class_limits.back());
          if (ok) q.class_limits.push_back(v);
        }
        if (!ok)
          diags.error(f.span(*g), owner +
                                      ": 'gränser' ska vara en lista av heltal i stigande "
                                      "ordning, t.ex. [500000, 1000000]");
      }
      if (auto l = km.node("etiketter")) {
        for (const auto& x : *l)
          if (x.IsScalar()) q.class_labels.push_back(x.Scalar());
        if (!l->IsSequence() || q.class_labels.size() != q.class_limits.size() + 1)
          diags.error(f.span(*l), owner + ": 'etiketter' ska ha en text per klass (" +
                                      std::to_string(q.class_limits.size() + 1) + ")");
      }
      q.class_unit = km.text("enhet").value_or("");
    }
    if (q.group_by)
      m.error_at("klasser", owner + ": skriv antingen 'gruppera' eller 'klasser', inte båda");
  }
  if (auto c = m.node("kolumner")) {
    if (!c->IsMap())
      diags.error(f.span(*c), owner +
                                  ": 'kolumner' ska vara en mappning från fältnamn till "
                                  "antal, summa(…), högst(…) eller lägst(…)");
    else
      for (const auto& kv : *c) read_aggregate(f, owner, kv.first, kv.second, q, diags);
  }
  if (!q.columns.empty() && !q.group_by && !q.class_value)
    m.error_at("kolumner", owner +
                               ": 'kolumner' räknar per grupp: ange 'gruppera' eller "
                               "'klasser'");
  s.sources[id] = std::move(q);
}

void read_parameter(const SourceFile& f, const std::string& name, const YAML::Node& n,
                    TemplateSettings& s, Diagnostics& diags) {
  MapReader m(f, n, "parametern '" + name + "'", diags,
              {"beskrivning", "värden", "grupper", "standard"});
  if (!m.is_map()) return;
  ParameterDef p;
  p.span = m.span();
  p.description = m.text("beskrivning").value_or("");
  for (const auto& v : text_list(f, m, "värden", diags)) p.values.push_back(v.text);
  for (const auto& v : text_list(f, m, "grupper", diags)) p.groups.push_back(v.text);
  p.default_value = m.text("standard");
  if (p.default_value && !p.values.empty() &&
      std::find(p.values.begin(), p.values.end(), *p.default_value) == p.values.end())
    m.error_at("standard",
               "standardvärdet '" + *p.default_value + "' finns inte bland parameterns värden");
  s.parameters[name] = std::move(p);
}

void read_requirements(const SourceFile& f, const YAML::Node& n, TemplateSettings& s,
                       Diagnostics& diags) {
  if (!n.IsSequence()) {
    diags.error(f.span(n), "'kräver' ska vara en lista med 'värde' och 'saknas'");
    return;
  }
  for (const auto& item : n) {
    MapReader m(f, item, "kravet", diags, {"värde", "saknas"});
    if (!m.is_map()) continue;
    Requirement r;
    r.span = m.span();
    r.what = expr_field(m, "värde", diags, true);
    r.missing = m.text("saknas", true).value_or("");
    if (r.what) s.requirements.push_back(std::move(r));
  }
}

}  // namespace

std::optional<TemplateSettings> read_settings(const std::string& dir, Diagnostics& diags) {
  namespace fs = std::filesystem;
  TemplateSettings s;
  s.dir = dir;
  s.file = (fs::path(dir) / "mall.yaml").string();
  if (!fs::is_directory(dir)) {
    diags.error(Span{dir, 0, 0}, "mallen finns inte (ska vara en mapp med mall.yaml och mall.md)");
    return std::nullopt;
  }
  std::string text, why;
  bool outside = false;
  if (!file_in_template(dir, "mall.yaml", why, &outside) && outside) {
    diags.error(Span{s.file, 0, 0}, "mallens inställningar: " + why);  // a link out of the folder
    return std::nullopt;
  }
  if (!load::read_file(s.file, text)) {
    diags.error(Span{s.file, 0, 0}, "mallens inställningsfil mall.yaml saknas");
    return std::nullopt;
  }
  if (auto cached = read_cached_settings(s.file, text)) {
    cached->dir = s.dir;
    return cached;
  }
  const size_t diags_before = diags.all().size();
  SourceFile f{s.file, load::split_lines(text)};
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diags.error(f.span(e.mark), "YAML-syntaxfel i mallens inställningar: " + e.msg);
    return std::nullopt;
  }
  MapReader m(f, root, "mallens inställningar", diags,
              {"typ", "brödtext", "metadata", "sidhuvud", "sidnummer", "husstil", "numrering",
               "titelsida", "tjänsteutlåtande", "brev", "avstavning", "termer", "tabeller",
               "diagram", "källor", "parametrar", "kräver", "pdfa"});
  if (!m.is_map()) return std::nullopt;
  if (auto t = m.text("typ", true)) {
    if (*t == "rapport")
      s.kind = DocKind::Report;
    else if (*t == "tjänsteutlåtande")
      s.kind = DocKind::Memo;
    else if (*t == "bilaga")
      s.kind = DocKind::Appendix;
    else if (*t == "brev")
      s.kind = DocKind::Letter;
    else
      m.error_at("typ",
                 "'typ' ska vara rapport, tjänsteutlåtande, bilaga eller brev, inte '" + *t + "'");
  }
  // Files the settings name must lie in the template's folder (checked again, and their
  // existence, when they are read).
  if (auto b = m.text("brödtext")) {
    s.body = *b;
    if (!file_in_template(dir, s.body, why, &outside) && outside)
      m.error_at("brödtext", "brödtexten: " + why);
  }
  if (auto md = m.node("metadata", true)) {
    MapReader mm(f, *md, "metadata", diags, {"titel", "författare", "ämne", "nyckelord"});
    if (auto v = text_field(mm, "titel", true)) s.title = *v;
    if (auto v = text_field(mm, "författare", true)) s.author = *v;
    if (auto v = text_field(mm, "ämne")) s.subject = *v;
    for (const auto& k : text_list(f, mm, "nyckelord", diags)) s.keywords.push_back(k.text);
  }
  s.running_header = text_list(f, m, "sidhuvud", diags);
  if (auto v = m.text("sidnummer")) {
    if (*v == "vanligt")
      s.numbering = doc::PageNumberFormat::Plain;
    else if (*v == "sida_x_av_y")
      s.numbering = doc::PageNumberFormat::SidaXavY;
    else if (*v == "inget")
      s.numbering = doc::PageNumberFormat::None;
    else
      m.error_at("sidnummer", "'sidnummer' ska vara vanligt, sida_x_av_y eller inget");
  }
  if (auto h = m.node("husstil")) {
    MapReader hm(f, *h, "husstilen", diags, {"procent_mellanslag", "ordgräns"});
    s.style.percent_space = hm.yes_no("procent_mellanslag").value_or(true);
    s.style.word_limit = hm.integer("ordgräns", false, 0, 100).value_or(12);
  }
  if (auto v = m.text("pdfa")) {
    if (auto p = doc::parse_pdfa(*v))
      s.pdfa = *p;
    else
      m.error_at("pdfa", "'pdfa' ska vara 2a (standard), 1a, 2b eller av, inte '" + *v + "'");
  }
  if (auto nm = m.node("numrering")) {
    MapReader nr(f, *nm, "numreringen", diags, {"tabell", "diagram"});
    s.table_word = nr.text("tabell").value_or("Tabell");
    s.chart_word = nr.text("diagram").value_or("Diagram");
  }
  if (auto tp = m.node("titelsida")) {
    MapReader tm(f, *tp, "titelsidan", diags, {"rubrik", "underrubrik", "avsändare", "kolofon"});
    s.title_page_title = text_field(tm, "rubrik", true);
    s.title_page_subtitle = text_field(tm, "underrubrik");
    s.title_page_sender = text_field(tm, "avsändare");
    s.colophon = text_list(f, tm, "kolofon", diags);
  }
  if (auto oh = m.node("tjänsteutlåtande")) {
    static const std::vector<std::string_view> keys = {"förvaltning", "avdelning", "dokumenttyp",
                                                       "dnr",         "datum",     "handläggare",
                                                       "telefon",     "till",      "sammanträde"};
    MapReader om(f, *oh, "tjänsteutlåtandets sidhuvud", diags, keys);
    for (auto k : keys)
      if (auto v = text_field(om, k)) s.official[std::string(k)] = *v;
  }
  if (auto lm = m.node("brev")) {
    static const std::vector<std::string_view> keys = {
        "logotyp",       "avsändare", "avdelning", "datum",  "dnr",    "mottagare", "ärende",
        "undertecknare", "titel",     "kontakt",   "sidord", "belopp", "urval"};
    MapReader bm(f, *lm, "brevets inställningar", diags, keys);
    for (auto k : keys)
      if (k != "mottagare")
        if (auto v = text_field(bm, k)) s.letter[std::string(k)] = *v;
    s.letter_address = text_list(f, bm, "mottagare", diags);
  }
  s.terms = text_list(f, m, "termer", diags);
  if (auto a = m.text("avstavning")) {
    s.hyphenation_file = *a;
    if (!file_in_template(dir, s.hyphenation_file, why, &outside) && outside)
      m.error_at("avstavning", "avstavningslistan: " + why);
  }
  if (auto t = m.node("tabeller")) {
    if (!t->IsMap())
      diags.error(f.span(*t), "'tabeller' ska vara en mappning från namn till tabell");
    else
      for (const auto& kv : *t) read_table(f, kv.first.Scalar(), kv.second, s, diags);
  }
  if (auto c = m.node("diagram")) {
    if (!c->IsMap())
      diags.error(f.span(*c), "'diagram' ska vara en mappning från namn till diagram");
    else
      for (const auto& kv : *c) read_chart(f, kv.first.Scalar(), kv.second, s, diags);
  }
  if (auto q = m.node("källor")) {
    if (!q->IsMap())
      diags.error(f.span(*q), "'källor' ska vara en mappning från namn till datakälla");
    else
      for (const auto& kv : *q) read_source(f, kv.first.Scalar(), kv.second, s, diags);
  }
  if (auto p = m.node("parametrar")) {
    if (!p->IsMap())
      diags.error(f.span(*p), "'parametrar' ska vara en mappning från namn till parameter");
    else
      for (const auto& kv : *p) read_parameter(f, kv.first.Scalar(), kv.second, s, diags);
  }
  if (auto r = m.node("kräver")) read_requirements(f, *r, s, diags);
  if (diags.all().size() == diags_before) write_cached_settings(s.file, text, s);
  return s;
}

}  // namespace rv::tmpl
