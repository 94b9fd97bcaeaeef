// Expanded Markdown (CommonMark + GFM tables and footnotes, via cmark-gfm) → document tree.
// Source positions are carried back to the template through the expansion's line map.
#include "template/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

#include "doc/limits.hpp"
#include "swedish/swedish.hpp"

extern "C" {
// Exported by libcmark-gfm-extensions but not declared in its public headers.
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL;
}

namespace rv::tmpl {

namespace {

class Converter {
 public:
  Converter(const Expansion& ex, const BlockBuilder& build, Diagnostics& diags)
      : ex_(ex), build_(build), diags_(diags) {}

  std::vector<doc::Block> convert(cmark_node* root) {
    // Footnote definitions come last, numbered in order of first reference.
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n))
      if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) footnotes_.push_back(n);
    std::vector<doc::Block> out;
    for (cmark_node* n = cmark_node_first_child(root); n; n = cmark_node_next(n))
      if (cmark_node_get_type(n) != CMARK_NODE_FOOTNOTE_DEFINITION) block(n, out);
    return out;
  }

 private:
  Span span(cmark_node* n) const {
    int line = cmark_node_get_start_line(n), col = cmark_node_get_start_column(n);
    if (line <= 0 || line > static_cast<int>(ex_.line_spans.size())) return Span{};
    Span s = ex_.line_spans[static_cast<size_t>(line - 1)];
    if (s.col > 0) s.col += col - 1;
    return s;
  }

  void blocks_of(cmark_node* parent, std::vector<doc::Block>& out) {
    for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) block(c, out);
  }

  // Block quotes, lists, emphasis, links and footnotes inside each other: each level is
  // a level of recursion here, in the document tree and in layout. Deeper content is left
  // out after one error.
  bool enter(cmark_node* n) {
    if (depth_ >= limits::kMarkdownDepth) {
      if (!too_deep_) {
        diags_.error(span(n),
                     "citat, listor, betoning, länkar och fotnoter är nästlade för "
                     "djupt (högst " +
                         std::to_string(limits::kMarkdownDepth) + " nivåer)");
        too_deep_ = true;
      }
      return false;
    }
    ++depth_;
    return true;
  }
  void leave() { --depth_; }

  void block(cmark_node* n, std::vector<doc::Block>& out) {
    cmark_node_type t = cmark_node_get_type(n);
    Span at = span(n);
    if (t == CMARK_NODE_PARAGRAPH) {
      doc::Paragraph p;
      p.span = at;
      inlines(n, p.content, doc::FontStyle::Regular);
      trim(p.content);
      // "… enligt nedanstående tabell:" introduces what follows: keep them on one page.
      if (!p.content.empty() && p.content.back().kind == doc::InlineKind::Text &&
          !p.content.back().text.empty() && p.content.back().text.back() == ':')
        p.format.keep_with_next = true;
      if (!p.content.empty()) out.push_back(doc::Block{std::move(p)});
    } else if (t == CMARK_NODE_HEADING) {
      doc::Heading h;
      h.span = at;
      h.level = std::min(3, cmark_node_get_heading_level(n));
      inlines(n, h.content, doc::FontStyle::Regular);
      if (attributes_in_source(n)) heading_attributes(h);
      out.push_back(doc::Block{std::move(h)});
    } else if (t == CMARK_NODE_LIST) {
      doc::List l;
      l.span = at;
      l.numbered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      l.start = cmark_node_get_list_start(n);
      if (!enter(n)) return;
      for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
        doc::ListItem li;
        li.span = span(item);
        blocks_of(item, li.blocks);
        l.items.push_back(std::move(li));
      }
      leave();
      out.push_back(doc::Block{std::move(l)});
    } else if (t == CMARK_NODE_BLOCK_QUOTE) {
      doc::BlockQuote q;
      q.span = at;
      if (!enter(n)) return;
      blocks_of(n, q.blocks);
      leave();
      out.push_back(doc::Block{std::move(q)});
    } else if (t == CMARK_NODE_THEMATIC_BREAK) {
      out.push_back(doc::Block{doc::Rule{0.5, at}});
    } else if (t == CMARK_NODE_HTML_BLOCK) {
      const char* lit = cmark_node_get_literal(n);
      int index = -1;
      if (lit && std::sscanf(lit, "<!--rv-block-%d-->", &index) == 1 && index >= 0 &&
          index < static_cast<int>(ex_.blocks.size())) {
        for (auto& b : build_(ex_.blocks[static_cast<size_t>(index)])) out.push_back(std::move(b));
      } else {
        diags_.warning(at, "HTML i mallen stöds inte och hoppas över");
      }
    } else if (t == CMARK_NODE_CODE_BLOCK) {
      const char* lit = cmark_node_get_literal(n);
      out.push_back(doc::paragraph(lit ? lit : "", at));
    } else if (t == CMARK_NODE_TABLE) {
      out.push_back(doc::Block{table(n)});
    }
  }

  doc::Table table(cmark_node* n) {
    doc::Table tab;
    tab.span = span(n);
    uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
    int columns = cmark_gfm_extensions_get_table_columns(n);
    for (int i = 0; i < columns; ++i) {
      doc::Column c;
      c.align = align && align[i] == 'r'   ? doc::CellAlign::Right
                : align && align[i] == 'c' ? doc::CellAlign::Center
                                           : doc::CellAlign::Left;
      tab.columns.push_back(c);
    }
    for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
      doc::Row r;
      r.span = span(row);
      for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
        doc::Cell c;
        c.span = span(cell);
        inlines(cell, c.content, doc::FontStyle::Regular);
        trim(c.content);
        if (c.content.empty()) c.content.push_back(doc::text("–"));  // no empty cells
        r.cells.push_back(std::move(c));
      }
      if (cmark_gfm_extensions_get_table_row_is_header(row))
        tab.header.push_back(std::move(r));
      else
        tab.body.push_back(std::move(r));
    }
    return tab;
  }

  static doc::FontStyle add(doc::FontStyle s, doc::FontStyle extra) {
    bool b = s == doc::FontStyle::Bold || s == doc::FontStyle::BoldItalic ||
             extra == doc::FontStyle::Bold;
    bool i = s == doc::FontStyle::Italic || s == doc::FontStyle::BoldItalic ||
             extra == doc::FontStyle::Italic;
    return b && i ? doc::FontStyle::BoldItalic
           : b    ? doc::FontStyle::Bold
           : i    ? doc::FontStyle::Italic
                  : doc::FontStyle::Regular;
  }

  void push_text(doc::Inlines& out, const std::string& s, doc::FontStyle style, Span at,
                 const std::string& link_id = {}, const std::string& url = {}) {
    if (!out.empty() && out.back().kind == doc::InlineKind::Text && out.back().cross_ref < 0 &&
        out.back().style == style && out.back().link_id == link_id && out.back().url == url) {
      out.back().text += s;
      return;
    }
    doc::Inline in = doc::text(s, style, at);
    in.link_id = link_id;
    in.url = url;
    out.push_back(std::move(in));
  }

  void inlines(cmark_node* parent, doc::Inlines& out, doc::FontStyle style,
               const std::string& link_id = {}, const std::string& url = {}) {
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      cmark_node_type t = cmark_node_get_type(n);
      Span at = span(n);
      const char* lit = cmark_node_get_literal(n);
      switch (t) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          push_text(out, sv::swedish_quotes(lit ? lit : ""), style, at, link_id, url);
          break;
        case CMARK_NODE_SOFTBREAK:
          push_text(out, " ", style, at, link_id, url);
          break;
        case CMARK_NODE_LINEBREAK: {
          doc::Inline br;
          br.kind = doc::InlineKind::LineBreak;
          br.span = at;
          out.push_back(std::move(br));
          break;
        }
        case CMARK_NODE_EMPH:
          if (!enter(n)) break;
          inlines(n, out, add(style, doc::FontStyle::Italic), link_id, url);
          leave();
          break;
        case CMARK_NODE_STRONG:
          if (!enter(n)) break;
          inlines(n, out, add(style, doc::FontStyle::Bold), link_id, url);
          leave();
          break;
        case CMARK_NODE_LINK: {
          std::string dest = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
          // A cross-reference's placeholder "[](#rv-ref-N)" (ref(), sida()), resolved when
          // the document is complete.
          int index = -1, end = 0;
          if (!cmark_node_first_child(n) &&
              std::sscanf(dest.c_str(), "#rv-ref-%d%n", &index, &end) == 1 &&
              end == static_cast<int>(dest.size()) && index >= 0 &&
              static_cast<size_t>(index) < ex_.refs.size()) {
            doc::Inline in = doc::text("", style, ex_.refs[static_cast<size_t>(index)].span);
            in.cross_ref = index;
            out.push_back(std::move(in));
            break;
          }
          if (!enter(n)) break;
          if (!dest.empty() && dest[0] == '#')
            inlines(n, out, style, dest.substr(1), {});
          else
            inlines(n, out, style, {}, dest);
          leave();
          break;
        }
        case CMARK_NODE_FOOTNOTE_REFERENCE: {
          int k = lit ? std::atoi(lit) : 0;
          std::vector<doc::Block> note;
          if (k < 1 || k > static_cast<int>(footnotes_.size())) {
            diags_.error(at, "fotnoten saknar definition");
          } else if (cmark_node* def = footnotes_[static_cast<size_t>(k - 1)];
                     std::find(open_notes_.begin(), open_notes_.end(), def) != open_notes_.end()) {
            // Converting it would cite itself without end.
            diags_.error(at,
                         "fotnoten hänvisar till sig själv (direkt eller genom en annan fotnot)");
          } else if (enter(n)) {
            open_notes_.push_back(def);
            blocks_of(def, note);
            open_notes_.pop_back();
            leave();
          }
          out.push_back(doc::footnote(std::move(note), at));
          break;
        }
        case CMARK_NODE_HTML_INLINE:
          diags_.warning(at, "HTML i mallen stöds inte och hoppas över");
          break;
        default:
          if (!enter(n)) break;
          inlines(n, out, style, link_id, url);
          leave();
          break;
      }
    }
  }

  // Markdown line `line` (1-based) of the expansion, without its line break.
  std::string_view source_line(int line) {
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < ex_.markdown.size(); ++i)
        if (ex_.markdown[i] == '\n') line_starts_.push_back(i + 1);
    }
    if (line < 1 || static_cast<size_t>(line) > line_starts_.size()) return {};
    size_t from = line_starts_[static_cast<size_t>(line - 1)];
    size_t to = static_cast<size_t>(line) < line_starts_.size()
                    ? line_starts_[static_cast<size_t>(line)] - 1
                    : ex_.markdown.size();
    return std::string_view(ex_.markdown).substr(from, to - from);
  }

  // Whether the heading's Markdown line ends in "{…}" as the template wrote it: a brace that
  // came from a value is escaped ("\{"), and a value is printed, never read as attributes.
  bool attributes_in_source(cmark_node* n) {
    std::string_view line = source_line(cmark_node_get_start_line(n));
    size_t lead = line.find_first_not_of(' ');
    if (lead == std::string_view::npos || line[lead] != '#')  // setext: the text line
      line = source_line(cmark_node_get_end_line(n) - 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    // An ATX closing sequence ("## Rubrik {#id} ##") is not part of the text.
    size_t hashes = line.find_last_not_of('#');
    if (hashes != std::string_view::npos && hashes + 1 < line.size() && line[hashes] == ' ') {
      line = line.substr(0, hashes);
      while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    }
    if (line.size() < 2 || line.back() != '}' || line[line.size() - 2] == '\\') return false;
    size_t open = line.rfind('{');
    return open != std::string_view::npos && (open == 0 || line[open - 1] != '\\');
  }

  // "Rubrik {#id .ej-innehåll}" → id and flags; the attribute text is removed.
  static void heading_attributes(doc::Heading& h) {
    if (h.content.empty() || h.content.back().kind != doc::InlineKind::Text) return;
    std::string& s = h.content.back().text;
    size_t open = s.rfind('{');
    if (open == std::string::npos || s.empty() || s.back() != '}') return;
    std::string attrs = s.substr(open + 1, s.size() - open - 2);
    s.erase(open);
    while (!s.empty() && s.back() == ' ') s.pop_back();
    size_t i = 0;
    while (i < attrs.size()) {
      size_t j = attrs.find(' ', i);
      std::string a = attrs.substr(i, j == std::string::npos ? std::string::npos : j - i);
      if (!a.empty() && a[0] == '#') h.id = a.substr(1);
      if (a == ".ej-innehåll") h.in_toc = false;
      if (j == std::string::npos) break;
      i = j + 1;
    }
  }

  static void trim(doc::Inlines& in) {
    while (!in.empty() && in.front().kind == doc::InlineKind::Text &&
           in.front().text.find_first_not_of(' ') == std::string::npos)
      in.erase(in.begin());
    if (!in.empty() && in.front().kind == doc::InlineKind::Text)
      in.front().text.erase(0, in.front().text.find_first_not_of(' '));
    while (!in.empty() && in.back().kind == doc::InlineKind::Text &&
           in.back().text.find_first_not_of(' ') == std::string::npos)
      in.pop_back();
    if (!in.empty() && in.back().kind == doc::InlineKind::Text) {
      auto& t = in.back().text;
      t.erase(t.find_last_not_of(' ') + 1);
    }
  }

  const Expansion& ex_;
  const BlockBuilder& build_;
  Diagnostics& diags_;
  std::vector<cmark_node*> footnotes_;
  std::vector<size_t> line_starts_;      // of ex_.markdown, filled when a heading needs them
  std::vector<cmark_node*> open_notes_;  // footnotes being converted, innermost last
  int depth_ = 0;
  bool too_deep_ = false;
};

}  // namespace

std::vector<doc::Block> markdown_to_blocks(const Expansion& ex, const BlockBuilder& build,
                                           Diagnostics& diags) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(
      cmark_parser_new(CMARK_OPT_FOOTNOTES), cmark_parser_free);
  cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("table"));
  cmark_parser_feed(parser.get(), ex.markdown.data(), ex.markdown.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> root(cmark_parser_finish(parser.get()),
                                                               cmark_node_free);
  return Converter(ex, build, diags).convert(root.get());
}

}  // namespace rv::tmpl
