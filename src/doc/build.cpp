// Small builders for the document tree, so templates and tests stay short.
#include <cstdlib>
#include <ctime>

#include "doc/doc.hpp"

namespace rv::doc {

Inline text(std::string s, FontStyle style, Span span) {
  Inline in;
  in.text = std::move(s);
  in.style = style;
  in.span = std::move(span);
  return in;
}

Inline bold(std::string s, Span span) {
  return text(std::move(s), FontStyle::Bold, std::move(span));
}

Inline italic(std::string s, Span span) {
  return text(std::move(s), FontStyle::Italic, std::move(span));
}

Inline footnote(std::vector<Block> note, Span span) {
  Inline in;
  in.kind = InlineKind::Footnote;
  in.note = std::move(note);
  in.span = std::move(span);
  return in;
}

Inline footnote(std::string note_text, Span span) {
  std::vector<Block> note;
  note.push_back(paragraph(std::move(note_text), span));
  return footnote(std::move(note), std::move(span));
}

Inline link(std::string s, std::string target_id, Span span) {
  Inline in = text(std::move(s), FontStyle::Regular, std::move(span));
  in.link_id = std::move(target_id);
  return in;
}

Inline url(std::string s, std::string address, Span span) {
  Inline in = text(std::move(s), FontStyle::Regular, std::move(span));
  in.url = std::move(address);
  return in;
}

Block heading(int level, std::string s, std::string id, Span span) {
  Heading h;
  h.level = level;
  h.id = std::move(id);
  h.content.push_back(text(std::move(s), FontStyle::Regular, span));
  h.span = std::move(span);
  return Block{std::move(h)};
}

Block paragraph(Inlines content, Span span) {
  Paragraph p;
  p.content = std::move(content);
  p.span = std::move(span);
  return Block{std::move(p)};
}

Block paragraph(std::string s, Span span) {
  Inlines content;
  content.push_back(text(std::move(s), FontStyle::Regular, span));
  return paragraph(std::move(content), std::move(span));
}

Block page_break(std::string style, Span span) {
  PageBreak b;
  b.style = std::move(style);
  b.span = std::move(span);
  return Block{std::move(b)};
}

const Span& span_of(const Block& b) {
  return std::visit([](const auto& n) -> const Span& { return n.span; }, b.node);
}

std::string plain_text(const Inlines& content) {
  std::string out;
  for (const Inline& in : content) {
    if (in.kind == InlineKind::Text || in.kind == InlineKind::PageRef) out += in.text;
    if (in.kind == InlineKind::LineBreak) out += ' ';
  }
  return out;
}

std::string heading_target(const Heading& h, size_t n) {
  return h.id.empty() ? "_rubrik" + std::to_string(n) : h.id;
}

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out += c;
    }
  }
  return out;
}

std::optional<DateTime> creation_time(const Meta& meta) {
  if (meta.created) return meta.created;
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return std::nullopt;
  char* end = nullptr;
  const long long secs = std::strtoll(env, &end, 10);
  if (!end || *end || secs < 0) return std::nullopt;
  const std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  if (!gmtime_r(&tt, &tm)) return std::nullopt;
  return DateTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec};
}

std::optional<PdfA> parse_pdfa(const std::string& s) {
  if (s == "2a") return PdfA::A2a;
  if (s == "1a") return PdfA::A1a;
  if (s == "2b") return PdfA::A2b;
  if (s == "av") return PdfA::Off;
  return std::nullopt;
}

namespace {

void each_in(Inlines& in, const std::function<void(Inlines&)>& f) {
  f(in);
  for (Inline& i : in)
    if (i.kind == InlineKind::Footnote) each_inlines(i.note, f);
}

}  // namespace

void each_inlines(std::vector<Block>& blocks, const std::function<void(Inlines&)>& f) {
  for (Block& b : blocks)
    std::visit(
        [&](auto& n) {
          using T = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<T, Heading> || std::is_same_v<T, Paragraph>) {
            each_in(n.content, f);
          } else if constexpr (std::is_same_v<T, List>) {
            for (ListItem& item : n.items) each_inlines(item.blocks, f);
          } else if constexpr (std::is_same_v<T, BlockQuote>) {
            each_inlines(n.blocks, f);
          } else if constexpr (std::is_same_v<T, Table>) {
            each_in(n.caption, f);
            for (auto* rows : {&n.header, &n.body})
              for (Row& r : *rows)
                for (Cell& c : r.cells) each_in(c.content, f);
            if (n.total)
              for (Cell& c : n.total->cells) each_in(c.content, f);
            each_in(n.source, f);
            each_in(n.note, f);
          } else if constexpr (std::is_same_v<T, BarChart>) {
            each_in(n.caption, f);
            each_in(n.source, f);
            each_in(n.note, f);
          }
        },
        b.node);
}

void each_inlines(const std::vector<Block>& blocks, const std::function<void(const Inlines&)>& f) {
  // The walk only reads through the mutable overload; `f` sees the runs as const.
  each_inlines(const_cast<std::vector<Block>&>(blocks), [&](Inlines& in) { f(in); });
}

}  // namespace rv::doc
