// render_template(): the template stage's façade.
//
//   mall.yaml ──read_settings──▶ TemplateSettings
//   GrantYear ──bind_context──▶ Value (data context)
//   mall.md ──parse_template──▶ Body ──Expander──▶ Markdown + block requests
//            ──markdown_to_blocks──▶ doc::Blocks (tables and charts built from settings)
//   + page styles, title page, colophon or a tjänsteutlåtande header ──▶ doc::Document
#include <algorithm>
#include <filesystem>

#include "doc/limits.hpp"
#include "load/load.hpp"
#include "template/bind.hpp"
#include "template/chart.hpp"
#include "template/confine.hpp"
#include "template/crossref.hpp"
#include "template/markdown.hpp"
#include "template/parameters.hpp"
#include "template/settings.hpp"
#include "template/template.hpp"
#include "template/terms.hpp"

namespace fs = std::filesystem;

namespace rv::tmpl {

namespace {

bool read_text(const std::string& path, std::string& out) { return load::read_file(path, out); }

// What one table or chart reports, passed on when it is done: named after it, each
// distinct message once with the number of rows (bars) that raised it, instead of once
// per row of a 290-row table.
struct ReportAs {
  Diagnostics& to;
  std::string prefix, unit;
  Diagnostics inside;
  int64_t count = 0;
  ReportAs(Diagnostics& report_to, std::string name_prefix, std::string count_unit)
      : to(report_to), prefix(std::move(name_prefix)), unit(std::move(count_unit)) {}
  ReportAs(const ReportAs&) = delete;
  ReportAs& operator=(const ReportAs&) = delete;
  ~ReportAs() { append_repeated(to, inside, prefix, unit, count); }
};

class Renderer {
 public:
  Renderer(const TemplateSettings& s, Value context, Diagnostics& diags)
      : s_(s), context_(std::move(context)), diags_(diags) {}
  void set_data_positions(const DataPositions* p) { positions_ = p; }

  // A settings text with {{ … }} evaluated in `scope` (the root context when empty).
  std::string text(const TextTemplate& t, const Value* scope = nullptr) {
    if (t.text.find("{{") == std::string::npos && t.text.find("{%") == std::string::npos)
      return t.text;
    Diagnostics local;
    Body body = parse_template(t.span.file, t.text, local);
    // The text sits at t.span in mall.yaml: shift positions from its own line 1.
    for (auto d : local.all()) {
      if (d.span.line == 1) d.span.col += t.span.col - 1;
      d.span.line += t.span.line - 1;
      diags_.add(d);
    }
    // Evaluation errors are positioned relative to the text too: shift them the same way.
    Diagnostics eval_diags;
    Expander ex2(scope ? *scope : context_, s_.style, nullptr, eval_diags);
    ex2.set_plain_text();  // captions, headers and the title page are not read as Markdown
    ex2.set_data_positions(positions_);
    ex2.set_text_origin(t.span);
    std::string out = ex2.expand(body).markdown;
    for (auto d : eval_diags.all()) {
      if (d.span.file != t.span.file) {  // a field the data set lacks, at its data position
        diags_.add(d);
        continue;
      }
      if (d.span.line == 1) d.span.col += t.span.col - 1;
      d.span.line += t.span.line - 1;
      diags_.add(d);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }

  void error(const Span& span, std::string message) { diags_.error(span, std::move(message)); }

  std::string format(const Value& v, const std::string& fmt) {
    if (v.is_null()) return "–";  // accessible tables have no empty cells
    if (fmt == "text") return to_text(v);
    if (fmt == "procent") {
      if (!v.is_number()) return to_text(v);
      return sv::percent_table(v.as_fraction(), 0, s_.style.percent_space);
    }
    if (!v.is_int()) return to_text(v);
    int64_t n = v.as_int();
    if (fmt == "heltal") return sv::integer(n);
    if (fmt == "kr") return sv::amount(n, sv::AmountStyle::Kr);
    if (fmt == "tkr") return sv::amount(n, sv::AmountStyle::Tkr);
    if (fmt == "mnkr") return sv::amount(n, sv::AmountStyle::Mnkr);
    if (fmt == "år") return sv::plain(n);
    return to_text(v);
  }

  std::optional<TableData> table_data(const TableDef& t, const Value& scope) {
    TableData d;
    d.id = t.id;
    if (t.numbered) d.label = s_.table_word + " " + std::to_string(++table_no_) + ".";
    d.caption = text(t.caption, &scope);
    d.source = t.source.empty() ? "" : text(t.source, &scope);
    d.note = t.note.empty() ? "" : text(t.note, &scope);
    // One Expander per table: the rows are evaluated with `rad` on top of the block's
    // scope, which is shared rather than copied per row. What it reports names the table,
    // once, with the number of rows that raised it.
    ReportAs report{diags_, "tabellen '" + t.id + "': ", "rader"};
    Expander ex(scope, s_.style, nullptr, report.inside);
    ex.set_data_positions(positions_);
    Value rows = ex.eval(t.rows);
    if (!rows.is_list()) {
      if (!rows.is_null())
        diags_.error(t.span, "tabellen '" + t.id + "': 'källa' ska ge en lista, men gav " +
                                 kind_name(rows.kind()));
      return std::nullopt;
    }
    Value& rad = ex.push_local("rad");
    List items;
    for (const auto& r : rows.as_list()) {
      if (t.where) rad = r;
      if (!t.where || ex.eval(t.where).truthy()) items.push_back(r);
    }
    if (!t.sort.empty()) {
      auto key = [&](const Value& v) {
        const Value* f = v.get(t.sort);
        return f ? *f : Value();
      };
      std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
        Value x = key(a), y = key(b);
        if (t.descending) std::swap(x, y);
        if (x.is_number() && y.is_number()) {
          auto p = x.as_fraction(), q = y.as_fraction();
          return static_cast<__int128>(p.num) * q.den < static_cast<__int128>(q.num) * p.den;
        }
        return sv::collate_less(to_text(x), to_text(y));
      });
    }
    for (const auto& c : t.columns) {
      d.headings.push_back(text(c.heading, &scope));
      d.formats.push_back(c.format);
    }
    report.count = static_cast<int64_t>(items.size());
    std::vector<std::string> differences;  // decided vs computed, for the note
    for (const auto& r : items) {
      std::vector<Value> raw;
      std::vector<std::string> cells;
      rad = r;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        const auto& c = t.columns[i];
        Value v = ex.eval(c.value);
        cells.push_back(format(v, c.format));
        if (c.computed) {
          Value computed = ex.eval(c.computed);
          if (v.is_int() && computed.is_int() && v.as_int() != computed.as_int())
            differences.push_back(row_difference(d, i, cells.front(), v, computed, c.format));
        }
        raw.push_back(std::move(v));
      }
      d.raw.push_back(std::move(raw));
      d.text.push_back(std::move(cells));
    }
    ex.pop_local();  // the total row sees no `rad`
    if (t.total_label) {
      std::vector<Value> raw;
      std::vector<std::string> cells;
      for (size_t i = 0; i < t.columns.size(); ++i) {
        const auto& c = t.columns[i];
        Value v;
        if (i == 0) {
          v = Value(text(*t.total_label, &scope));
        } else if (c.total) {
          v = ex.eval(c.total);
        } else if (c.sum) {
          int64_t sum = 0;
          bool over = false, known = false;
          for (const auto& row : d.raw)
            if (row[i].is_int()) {
              known = true;
              over = over || __builtin_add_overflow(sum, row[i].as_int(), &sum);
            }
          if (over)
            diags_.error(t.span, "tabellen '" + t.id + "': summan av kolumnen '" +
                                     text(c.heading, &scope) +
                                     "' blir för stor (över 9 223 372 036 854 775 807)");
          else if (known)  // a column with no known value (no follow-up yet) sums to "–"
            v = Value(sum);
        }
        if (i > 0 && c.declared_total) {
          Value declared = ex.eval(c.declared_total);
          if (declared.is_int()) {
            if (v.is_int() && v.as_int() != declared.as_int())
              differences.push_back(total_difference(d, i, declared, v, c.format));
            v = std::move(declared);
          }
        }
        cells.push_back(i == 0 || !v.is_null() ? format(v, c.format) : "");
        raw.push_back(std::move(v));
      }
      d.total_raw = std::move(raw);
      d.total_text = std::move(cells);
    }
    // The generated sentences follow the template's own note.
    for (auto& sentence : differences) d.note += (d.note.empty() ? "" : " ") + sentence;
    return d;
  }

  // "I kolumnen ”Beviljat (kr)” " where a table has more than one figure column, so that
  // the note says which figure it is about.
  static std::string which_column(const TableData& d, size_t i) {
    return d.headings.size() > 2 ? "I kolumnen \u201D" + d.headings[i] + "\u201D " : "";
  }

  static std::string more_or_less(int64_t diff) { return diff > 0 ? " mer" : " mindre"; }

  // A note's figures stand alone in a sentence: a whole-number column whose heading says it
  // holds kronor ("Fördelning kronor", "Beviljat (kr)") writes them as amounts.
  static std::string note_format(const TableData& d, size_t i, const std::string& fmt) {
    if (fmt != "heltal") return fmt;
    const std::string& h = d.headings[i];
    return h.find("kronor") != std::string::npos || h.find("(kr)") != std::string::npos ? "kr"
                                                                                        : fmt;
  }

  std::string row_difference(const TableData& d, size_t i, const std::string& row_label,
                             const Value& printed, const Value& computed,
                             const std::string& column_format) {
    const int64_t diff = printed.as_int() - computed.as_int();
    const std::string fmt = note_format(d, i, column_format);
    std::string s = which_column(d, i);
    s += s.empty() ? "För " : "för ";
    return s + row_label + " anges det fastställda beloppet " + format(printed, fmt) + ", " +
           format(Value(diff < 0 ? -diff : diff), fmt) + more_or_less(diff) + " än de " +
           format(computed, fmt) + " som beräkningen ger.";
  }

  std::string total_difference(const TableData& d, size_t i, const Value& declared,
                               const Value& sum, const std::string& column_format) {
    const int64_t diff = declared.as_int() - sum.as_int();
    const std::string fmt = note_format(d, i, column_format);
    const std::string column = which_column(d, i);
    const std::string s = column.empty() ? "Summaraden anger" : column + "anger summaraden";
    return s + " det fastställda totalbeloppet " + format(declared, fmt) + ", " +
           format(Value(diff < 0 ? -diff : diff), fmt) + more_or_less(diff) +
           " än radernas summa på " + format(sum, fmt) + ".";
  }

  doc::Table table_block(const TableData& d, const TableDef& t, Span at) {
    doc::Table tab;
    tab.id = d.id;
    tab.label = d.label;
    tab.caption = {doc::text(d.caption)};
    tab.span = at;
    for (const auto& c : t.columns) tab.columns.push_back(doc::Column{c.align, c.width});
    doc::Row head;
    for (const auto& h : d.headings) head.cells.push_back(doc::Cell{{doc::text(h)}, 1, at});
    tab.header.push_back(std::move(head));
    for (const auto& row : d.text) {
      doc::Row r;
      for (const auto& cell : row) r.cells.push_back(doc::Cell{{doc::text(cell)}, 1, at});
      tab.body.push_back(std::move(r));
    }
    if (d.total_text) {
      doc::Row r;
      for (const auto& cell : *d.total_text)
        r.cells.push_back(doc::Cell{{doc::text(cell.empty() ? "–" : cell)}, 1, at});
      tab.total = std::move(r);
    }
    if (!d.source.empty()) tab.source = {doc::text(d.source)};
    if (!d.note.empty()) tab.note = {doc::text(d.note)};
    return tab;
  }

  std::optional<doc::BarChart> chart_block(const ChartDef& c, const Value& scope, Span at) {
    doc::BarChart ch;
    ch.id = c.id;
    ch.label = s_.chart_word + " " + std::to_string(++chart_no_) + ".";
    ch.caption = {doc::text(text(c.caption, &scope))};
    ch.span = at;
    ch.vertical = c.vertical;
    if (!c.source.empty()) ch.source = {doc::text(text(c.source, &scope))};
    if (!c.note.empty()) ch.note = {doc::text(text(c.note, &scope))};
    const std::string name = "diagrammet '" + c.id + "': ";
    const bool share = c.format == "procent";
    ReportAs report{diags_, name, "staplar"};
    Expander ex(scope, s_.style, nullptr, report.inside);
    ex.set_data_positions(positions_);
    Value rows = ex.eval(c.rows);
    if (!rows.is_list()) {
      if (!rows.is_null()) diags_.error(c.span, name + "'källa' ska ge en lista");
      return std::nullopt;
    }
    // A bar without a value (not reported) is kept, without a bar and with "–".
    struct Entry {
      std::string label;
      std::optional<sv::Fraction> value;
    };
    std::vector<Entry> bars;
    Value& rad = ex.push_local("rad");
    report.count = static_cast<int64_t>(rows.as_list().size());
    bool failed = false;
    for (const auto& r : rows.as_list()) {
      rad = r;
      Value label = ex.eval(c.label), value = ex.eval(c.value);
      Entry e{to_text(label), std::nullopt};
      if (value.is_null()) {
        bars.push_back(std::move(e));
        continue;
      }
      const Span value_at = c.value_span;
      if (share ? !value.is_number() : !value.is_int()) {
        report.inside.error(value_at,
                            std::string("'värde' ska ge ") +
                                (share ? "en andel" : "ett heltal (format " + c.format + ")") +
                                ", men gav " + kind_name(value.kind()));
        failed = true;
        continue;
      }
      if (!share && value.as_int() < 0) {
        diags_.error(value_at, name + "stapeln '" + e.label + "' har ett negativt värde (" +
                                   chart_value_label(value.as_int(), c.format) +
                                   "); ett diagram med belopp börjar vid 0");
        failed = true;
        continue;
      }
      e.value = value.as_fraction();
      bars.push_back(std::move(e));
    }
    if (failed) return std::nullopt;
    auto less = [](const sv::Fraction& a, const sv::Fraction& b) {
      return static_cast<__int128>(a.num) * b.den < static_cast<__int128>(b.num) * a.den;
    };
    if (c.sort == "värde")  // largest first, bars without a value last
      std::stable_sort(bars.begin(), bars.end(), [&](const Entry& a, const Entry& b) {
        if (!a.value || !b.value) return a.value.has_value() && !b.value.has_value();
        return less(*b.value, *a.value);
      });
    ValueAxis axis;
    if (!share) {
      int64_t largest = 0;
      for (const Entry& e : bars)
        if (e.value) largest = std::max(largest, e.value->num);
      axis = nice_axis(largest);
      ch.ticks = axis_ticks(axis, c.format);
      ch.axis_title = axis_title(c.format);
    }
    std::vector<std::string> said;
    for (const Entry& e : bars) {
      doc::Bar b;
      b.label = e.label;
      b.span = at;
      std::string prose;
      if (!e.value) {
        b.missing = true;
        b.value_label = "–";
        prose = "uppgift saknas";
      } else if (share) {
        b.value = doc::Fraction{e.value->num, e.value->den};
        b.value_label = sv::percent_table(*e.value, 0, s_.style.percent_space);
        prose = sv::percent_prose(*e.value, 0);
      } else {
        b.value = doc::Fraction{e.value->num, axis.top};
        b.value_label = chart_value_label(e.value->num, c.format);
        prose = chart_value_prose(e.value->num, c.format);
      }
      // A label that itself holds a number ("200 000–499 999 kr") is kept apart from the
      // value by a comma when the value is an amount.
      said.push_back(b.label + (share ? " " : ", ") + prose);
      ch.bars.push_back(std::move(b));
    }
    if (c.alt) {
      ch.alt_text = text(*c.alt, &scope);
    } else {
      std::string alt = ch.label + " " + doc::plain_text(ch.caption) + ":";
      for (size_t i = 0; i < said.size(); ++i) alt += (i ? "; " : " ") + said[i];
      ch.alt_text = alt + ".";
    }
    return ch;
  }

  std::vector<doc::Block> build(const BlockRequest& req) {
    if (req.kind == "tabell") {
      auto it = s_.tables.find(req.id);
      if (it == s_.tables.end()) {
        diags_.error(req.span,
                     "tabellen '" + req.id + "' är inte deklarerad under 'tabeller' i mall.yaml");
        return {};
      }
      auto d = table_data(it->second, req.scope);
      if (!d) return {};
      // Built into place and moved: an initializer list would copy a 290-row table.
      std::vector<doc::Block> out;
      out.push_back(doc::Block{table_block(*d, it->second, req.span)});
      tables_.push_back(std::move(*d));
      return out;
    }
    if (req.kind == "diagram") {
      auto it = s_.charts.find(req.id);
      if (it == s_.charts.end()) {
        diags_.error(req.span,
                     "diagrammet '" + req.id + "' är inte deklarerat under 'diagram' i mall.yaml");
        return {};
      }
      auto ch = chart_block(it->second, req.scope, req.span);
      if (!ch) return {};
      std::vector<doc::Block> out;
      out.push_back(doc::Block{std::move(*ch)});
      return out;
    }
    if (req.kind == "sidbrytning") return {doc::page_break(req.id, req.span)};
    if (req.kind == "innehåll") {
      doc::TableOfContents toc;
      toc.span = req.span;
      if (!req.id.empty()) toc.title = req.id;
      return {doc::Block{toc}};
    }
    if (req.kind == "fyll") return {doc::Block{doc::Spacer{0, true, req.span}}};
    if (req.kind == "mellanrum") {
      double points = std::atof(req.id.c_str());
      if (points <= 0 || points > 800)
        diags_.error(req.span, "{% mellanrum %} ska ange ett avstånd i punkter mellan 1 och 800");
      return {doc::Block{doc::Spacer{points, false, req.span}}};
    }
    return {};
  }

  std::vector<TableData> tables_;

 private:
  const TemplateSettings& s_;
  Value context_;
  Diagnostics& diags_;
  const DataPositions* positions_ = nullptr;
  int table_no_ = 0, chart_no_ = 0;
};

doc::Paragraph styled(std::string s, double size, doc::Family fam, doc::FontStyle style,
                      doc::Align align = doc::Align::Left, double after = -1) {
  doc::Paragraph p;
  p.content = {doc::text(std::move(s), style)};
  p.format.size = size;
  p.format.family = fam;
  p.format.align = align;
  p.format.space_after = after;
  return p;
}

void add_report_front(Renderer& r, const TemplateSettings& s, doc::Document& d) {
  doc::PageStyle title{"titel", "titel", {}, {}, std::nullopt, {}};
  doc::PageStyle body{"text", "", {}, {}, std::nullopt, {}};
  for (const auto& line : s.running_header) body.header.lines.push_back(r.text(line));
  body.header.number = s.numbering;
  body.header.mirrored = true;
  d.page_styles = {title, body};
  d.first_style = "titel";
  if (!s.title_page_title) return;
  d.blocks.push_back(doc::Block{doc::Spacer{140, false, {}}});
  doc::Paragraph heading = styled(r.text(*s.title_page_title), 26, doc::Family::Sans,
                                  doc::FontStyle::Bold, doc::Align::Left, 12);
  heading.format.tag_heading = 1;  // the document's title: its first heading when read
  d.blocks.push_back(doc::Block{std::move(heading)});
  if (s.title_page_subtitle)
    d.blocks.push_back(doc::Block{
        styled(r.text(*s.title_page_subtitle), 15, doc::Family::Sans, doc::FontStyle::Regular)});
  d.blocks.push_back(doc::Block{doc::Spacer{0, true, {}}});
  if (s.title_page_sender)
    d.blocks.push_back(doc::Block{
        styled(r.text(*s.title_page_sender), 14, doc::Family::Sans, doc::FontStyle::Bold)});
  if (!s.colophon.empty()) {
    d.blocks.push_back(doc::page_break("titel"));
    d.blocks.push_back(doc::Block{doc::Spacer{0, true, {}}});
    for (const auto& line : s.colophon) {
      std::string t = r.text(line);
      d.blocks.push_back(doc::Block{styled(t.empty() ? " " : t, 9, doc::Family::Sans,
                                           doc::FontStyle::Regular, doc::Align::Left, 3)});
    }
  }
  d.blocks.push_back(doc::page_break("text"));
}

void add_memo_front(Renderer& r, const TemplateSettings& s, doc::Document& d) {
  doc::OfficialHeader h;
  auto field = [&](const char* k) {
    auto it = s.official.find(k);
    return it == s.official.end() ? std::string() : r.text(it->second);
  };
  h.organisation = field("förvaltning");
  h.department = field("avdelning");
  h.doc_type = field("dokumenttyp");
  if (h.doc_type.empty()) h.doc_type = "Tjänsteutlåtande";
  h.dnr = field("dnr");
  h.date = field("datum");
  h.handlaggare = field("handläggare");
  h.telefon = field("telefon");
  h.recipient = field("till");
  h.meeting = field("sammanträde");
  doc::OfficialHeader short_h = h;
  short_h.full = false;
  doc::PageStyle first{"första", "följande", {}, {}, h, {}};
  doc::PageStyle next{"följande", "", {}, {}, short_h, {}};
  d.page_styles = {first, next};
  d.first_style = "första";
}

void add_appendix_front(Renderer& r, const TemplateSettings& s, doc::Document& d) {
  doc::PageStyle p{"bilaga", "", {}, {}, std::nullopt, {}};
  for (const auto& line : s.running_header) p.header.lines.push_back(r.text(line));
  p.footer.number = s.numbering;
  d.page_styles = {p};
  d.first_style = "bilaga";
}

std::string letter_field(Renderer& r, const TemplateSettings& s, const char* key) {
  auto it = s.letter.find(key);
  return it == s.letter.end() ? std::string() : r.text(it->second);
}

// A letter (typ: brev): the letterhead and addressee block as page furniture, the subject
// line as the body's first paragraph.
void add_letter_front(Renderer& r, const TemplateSettings& s, doc::Document& d) {
  doc::LetterHead h;
  h.logo = letter_field(r, s, "logotyp");
  h.sender = letter_field(r, s, "avsändare");
  h.department = letter_field(r, s, "avdelning");
  h.date = letter_field(r, s, "datum");
  h.dnr = letter_field(r, s, "dnr");
  h.contact = letter_field(r, s, "kontakt");
  if (std::string w = letter_field(r, s, "sidord"); !w.empty()) h.page_word = w;
  // An empty line (an address field the data set lacks, tested with `| finns`) is left
  // out: the block then is just the name. A block with nothing at all is an error.
  for (const auto& line : s.letter_address)
    if (std::string t = r.text(line); !t.empty()) h.addressee.push_back(std::move(t));
  if (h.addressee.empty())
    r.error(s.letter_address.empty() ? Span{s.file, 0, 0} : s.letter_address.front().span,
            "brevets mottagarblock (brev.mottagare) blir tomt: mottagarens namn saknas");
  doc::LetterHead next = h;
  next.first = false;
  next.addressee.clear();
  d.page_styles = {doc::PageStyle{"brev_första", "brev", {}, {}, std::nullopt, {}, h},
                   doc::PageStyle{"brev", "", {}, {}, std::nullopt, {}, next}};
  d.first_style = "brev_första";
  if (std::string subject = letter_field(r, s, "ärende"); !subject.empty())
    d.blocks.push_back(doc::Block{
        styled(subject, 12, doc::Family::Sans, doc::FontStyle::Bold, doc::Align::Left, 10)});
}

// The signature block after the body: the signatory's name and title.
void add_letter_signature(Renderer& r, const TemplateSettings& s, doc::Document& d) {
  std::string name = letter_field(r, s, "undertecknare"), title = letter_field(r, s, "titel");
  if (name.empty() && title.empty()) return;
  d.blocks.push_back(doc::Block{doc::Spacer{30, false, {}}});
  if (!name.empty())
    d.blocks.push_back(doc::Block{
        styled(name, 11, doc::Family::Serif, doc::FontStyle::Regular, doc::Align::Left, 0)});
  if (!title.empty())
    d.blocks.push_back(doc::Block{styled(title, 11, doc::Family::Serif, doc::FontStyle::Regular)});
}

// A data set that says some of its data is invented (fiktiva_uppgifter) never yields a
// document that passes it off as fact: every page carries the mark in its footer, and the
// body opens with what is invented, so that the tag tree and a screen reader say it too.
void mark_fictitious(const std::string& what, doc::Document& d) {
  static const std::string kMark = "Exempel \u2013 fiktiva uppgifter";
  for (auto& style : d.page_styles) style.footer.lines.push_back(kMark);
  doc::Paragraph p;
  p.content = {doc::text(kMark + ". ", doc::FontStyle::Bold), doc::text(what)};
  p.format.family = doc::Family::Sans;
  p.format.size = 9.5;
  p.format.space_after = 10;
  d.blocks.push_back(doc::Block{std::move(p)});
}

// The data set's folder, for a message about what the data set lacks ("" when its files
// lie in several folders).
std::string data_set_place(const GrantYear& year) {
  std::string place;
  for (const auto& f : year.files) {
    std::string dir = fs::path(f).parent_path().string();
    if (dir.empty()) dir = ".";
    if (!place.empty() && dir != place) return "";
    place = dir;
  }
  return place;
}

std::string template_name(const std::string& dir) {
  fs::path p = fs::path(dir).lexically_normal();
  return (p.has_filename() ? p : p.parent_path()).filename().string();
}

// What the document is about (kräver: in mall.yaml). When the data set lacks it, the
// document is still written, and says so in words for its readers (the template tests the
// same with `| finns`); the technical part, what to add to the data set, is a warning for
// the official running the tool.
void warn_missing_requirements(const TemplateSettings& s, const Value& context,
                               const GrantYear& year, Diagnostics& diags) {
  Expander ex(context, s.style, nullptr, diags);
  for (const auto& r : s.requirements) {
    auto test = std::make_shared<Expr>();
    test->op = Expr::Op::Filter;
    test->name = "finns";
    test->args = {r.what};
    test->span = r.what->span;
    if (ex.eval(test).truthy()) continue;
    diags.warning(Span{data_set_place(year), 0, 0},
                  "mallen '" + template_name(s.dir) + "': " + r.missing);
  }
}

// What every document from one template and one data set shares: the settings, the
// hyphenation exceptions and the bound data.
struct TemplateStage {
  TemplateSettings settings;
  Value context;
  bool settings_failed = false;
};

std::optional<TemplateStage> prepare_stage(const std::string& dir, const GrantYear& year,
                                           Diagnostics& diags,
                                           const std::map<std::string, std::string>& parameters) {
  size_t errors_before = diags.error_count();
  auto settings = read_settings(dir, diags);
  if (!settings) return std::nullopt;
  TemplateStage st;
  st.settings = std::move(*settings);
  const TemplateSettings& s = st.settings;
  // A name leading out of the folder was reported by read_settings, at its line.
  st.settings_failed = diags.error_count() > errors_before;
  if (!s.hyphenation_file.empty()) {
    std::string why;
    bool outside = false;
    if (file_in_template(dir, s.hyphenation_file, why, &outside))
      sv::load_hyphenation_exceptions((fs::path(dir) / s.hyphenation_file).string(), diags);
    else if (!outside || !st.settings_failed)
      diags.error(Span{s.file, 0, 0}, "avstavningslistan: " + why);
  }

  auto params = bind_parameters(s, year, parameters, diags);
  if (!params) return std::nullopt;
  Value context = bind_context(year, diags);
  warn_missing_requirements(s, context, year, diags);
  Map with_parameters = context.as_map();
  with_parameters["parametrar"] = Value(std::move(*params));
  if (!s.sources.empty()) {  // they may use the parameters: computed on the full context
    Value sources = compute_sources(s, Value(with_parameters), diags);
    with_parameters["källor"] = std::move(sources);
  }
  st.context = Value(std::move(with_parameters));
  return st;
}

// Reads nothing shared but the template's files: safe to run on several threads at once.
std::optional<Rendered> render_stage(const std::string& dir, const GrantYear& year,
                                     const TemplateStage& st, Value context, Diagnostics& diags) {
  size_t errors_before = diags.error_count();
  const TemplateSettings& s = st.settings;
  Renderer r(s, context, diags);
  const DataPositions positions = data_positions(year);
  r.set_data_positions(&positions);

  std::string body_path = (fs::path(dir) / s.body).string(), body_text, why;
  bool outside = false;
  auto body_file = file_in_template(dir, s.body, why, &outside);
  if (!body_file || !read_text(*body_file, body_text)) {
    if (!outside || !st.settings_failed)
      diags.error(Span{s.file, 0, 0}, "brödtexten: " + (why.empty() ? "kan inte läsas" : why));
    return std::nullopt;
  }
  Body body = parse_template(body_path, body_text, diags);
  IncludeReader includes = [&](const std::string& name, IncludedFile& file, std::string& reason) {
    auto key = file_in_template(dir, name, reason);
    if (!key) return false;
    file.key = *key;
    file.path = (fs::path(dir) / name).string();
    if (read_text(file.key, file.text)) return true;
    reason = "kan inte läsa '" + name + "' i mallen";
    return false;
  };
  Expander ex(context, s.style, includes, diags);
  ex.set_data_positions(&positions);
  Expansion expansion = ex.expand(body);

  Rendered out;
  doc::Document& d = out.document;
  d.meta.title = r.text(s.title);
  d.meta.author = r.text(s.author);
  d.meta.subject = s.subject.empty() ? "" : r.text(s.subject);
  d.meta.keywords = s.keywords;
  d.meta.pdfa = s.pdfa;
  d.meta.span = s.title.span;
  if (year.document.date) {
    const Date& dt = *year.document.date;
    d.meta.created = doc::DateTime{dt.year, dt.month, dt.day, 0, 0, 0};
  }
  switch (s.kind) {
    case DocKind::Report:
      add_report_front(r, s, d);
      break;
    case DocKind::Memo:
      add_memo_front(r, s, d);
      break;
    case DocKind::Appendix:
      add_appendix_front(r, s, d);
      break;
    case DocKind::Letter:
      add_letter_front(r, s, d);
      break;
  }
  if (!year.document.fictitious.empty()) mark_fictitious(year.document.fictitious, d);
  auto blocks = markdown_to_blocks(
      expansion, [&](const BlockRequest& req) { return r.build(req); }, diags);
  resolve_cross_references(blocks, expansion, diags);
  for (auto& b : blocks) d.blocks.push_back(std::move(b));
  if (s.kind == DocKind::Letter) add_letter_signature(r, s, d);
  check_terms(s.terms, d, diags);
  out.tables = std::move(r.tables_);
  out.context = std::move(context);
  if (diags.error_count() > errors_before) return std::nullopt;
  return out;
}

}  // namespace

std::optional<Rendered> render_template(const std::string& dir, const GrantYear& year,
                                        Diagnostics& diags,
                                        const std::map<std::string, std::string>& parameters) {
  size_t errors_before = diags.error_count();
  auto st = prepare_stage(dir, year, diags, parameters);
  if (!st) return std::nullopt;
  Value context = st->context;
  auto out = render_stage(dir, year, *st, std::move(context), diags);
  if (diags.error_count() > errors_before) return std::nullopt;
  return out;
}

struct TemplateBatch::Impl {
  std::string dir;
  const GrantYear* year = nullptr;
  TemplateStage stage;
};

TemplateBatch::TemplateBatch() = default;
TemplateBatch::TemplateBatch(TemplateBatch&&) noexcept = default;
TemplateBatch& TemplateBatch::operator=(TemplateBatch&&) noexcept = default;
TemplateBatch::~TemplateBatch() = default;

std::optional<TemplateBatch> TemplateBatch::open(
    const std::string& dir, const GrantYear& year, Diagnostics& diags,
    const std::map<std::string, std::string>& parameters) {
  size_t errors_before = diags.error_count();
  auto st = prepare_stage(dir, year, diags, parameters);
  if (!st || diags.error_count() > errors_before) return std::nullopt;
  TemplateBatch b;
  b.impl_ = std::make_unique<Impl>(Impl{dir, &year, std::move(*st)});
  return b;
}

const Value& TemplateBatch::context() const { return impl_->stage.context; }

std::string TemplateBatch::letter_setting(const std::string& key) const {
  const auto& l = impl_->stage.settings.letter;
  auto it = l.find(key);
  return it == l.end() ? std::string() : it->second.text;
}

Span TemplateBatch::letter_setting_span(const std::string& key) const {
  const auto& l = impl_->stage.settings.letter;
  auto it = l.find(key);
  return it == l.end() ? Span{} : it->second.span;
}

std::optional<Rendered> TemplateBatch::render(const std::string& name, Value value,
                                              Diagnostics& diags) const {
  Map m = impl_->stage.context.as_map();
  m[name] = std::move(value);
  return render_stage(impl_->dir, *impl_->year, impl_->stage, Value(std::move(m)), diags);
}

std::vector<std::string> table_ids(const std::string& dir, Diagnostics& diags) {
  std::vector<std::string> ids;
  if (auto s = read_settings(dir, diags))
    for (const auto& [id, t] : s->tables) ids.push_back(id);
  return ids;
}

}  // namespace rv::tmpl
