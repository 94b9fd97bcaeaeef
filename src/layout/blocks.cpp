// Document blocks → flow boxes: headings, paragraphs, lists, quotes, spacers, rules,
// page breaks, footnotes and the table of contents. Tables and charts have their own
// files.
#include <algorithm>

#include "doc/limits.hpp"
#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

namespace {

struct HeadingStyle {
  float size, leading, before, after;
};

HeadingStyle heading_style(int level) {
  if (level <= 1) return {style::kH1Size, style::kH1Leading, style::kH1Before, style::kH1After};
  if (level == 2) return {style::kH2Size, style::kH2Leading, style::kH2Before, style::kH2After};
  return {style::kH3Size, style::kH3Leading, style::kH3Before, style::kH3After};
}

// Paragraph content as plain text inlines (footnotes inside footnotes are dropped).
doc::Inlines note_inlines(const std::vector<doc::Block>& blocks) {
  doc::Inlines out;
  for (const doc::Block& b : blocks) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b.node)) {
      if (!out.empty()) out.push_back(doc::text(" "));
      for (const doc::Inline& in : p->content)
        if (in.kind != doc::InlineKind::Footnote) out.push_back(in);
    }
  }
  return out;
}

}  // namespace

int Builder::add_node(Role role, int parent, const Span& span, std::string id) {
  StructNode n;
  n.role = role;
  n.parent = parent;
  n.span = span;
  n.id = std::move(id);
  pages_.nodes.push_back(std::move(n));
  return static_cast<int>(pages_.nodes.size() - 1);
}

int Builder::add_anchor(const std::string& id) {
  pages_.anchors.push_back({id, -1, 0});
  return static_cast<int>(pages_.anchors.size() - 1);
}

void Builder::push(Box b) {
  if (keep_pending_) b.break_before = false;
  keep_pending_ = false;
  if (break_pending_) {
    b.new_page = true;
    b.page_style = break_style_;
    b.break_span = break_span_;
    break_pending_ = false;
    break_style_.clear();
  }
  flow_.boxes.push_back(std::move(b));
}

// Does the line end with the soft hyphen (U+00AD) the line breaker adds at a word break?
static bool ends_hyphenated(const Box& line) {
  const TextRun* last = nullptr;
  for (const Item& it : line.items)
    if (const auto* t = std::get_if<TextRun>(&it); t && (!last || t->x >= last->x)) last = t;
  return last && last->text.ends_with("\u00AD");
}

void Builder::push_lines(std::vector<SetLine>&& lines, float space_before, bool keep_with_next,
                         const Span& span) {
  const size_t n = lines.size();
  for (size_t k = 0; k < n; ++k) {
    Box b;
    b.height = lines[k].height;
    b.items = std::move(lines[k].items);
    b.links = std::move(lines[k].links);
    b.notes = std::move(lines[k].notes);
    b.span = span;
    if (k == 0) {
      b.space_before = space_before;
    } else {
      // Widows and orphans: no page break after the first or before the last line; and
      // none after a hyphenated line, so a word is never split over a page turn.
      b.break_before = k >= 2 && n - k >= 2 && !ends_hyphenated(flow_.boxes.back());
    }
    push(std::move(b));
  }
  keep_pending_ = keep_with_next;
}

void Builder::collect_headings(const std::vector<doc::Block>& blocks, int depth) {
  if (depth >= limits::kMarkdownDepth) return;  // refused with an error when it is set
  for (const doc::Block& b : blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&b.node)) {
      headings_.push_back(h);
      heading_ids_[h] = doc::heading_target(*h, headings_.size());
      // The tag's level never skips one (PDF/UA: H1 then H3 is an error): a heading set as
      // level 3 right under a level 1 is tagged H2. How it looks does not change.
      const int level = std::clamp(h->level, 1, 3);
      heading_tag_level_[h] = std::min(level, last_tag_level_ + 1);
      last_tag_level_ = heading_tag_level_[h];
    } else if (const auto* q = std::get_if<doc::BlockQuote>(&b.node)) {
      collect_headings(q->blocks, depth + 1);
    }
  }
}

void Builder::blocks(const std::vector<doc::Block>& blocks, float x, float width, int parent) {
  for (const doc::Block& b : blocks) block(b, x, width, parent);
}

void Builder::block(const doc::Block& b, float x, float width, int parent) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, doc::Heading>) {
          heading(n, x, width, parent);
        } else if constexpr (std::is_same_v<T, doc::Paragraph>) {
          paragraph(n, x, width, parent);
        } else if constexpr (std::is_same_v<T, doc::List>) {
          list(n, x, width, parent);
        } else if constexpr (std::is_same_v<T, doc::BlockQuote>) {
          quote(n, x, width, parent);
        } else if constexpr (std::is_same_v<T, doc::Table>) {
          table(n, x, width, parent);
        } else if constexpr (std::is_same_v<T, doc::BarChart>) {
          chart(n, x, width, parent);
        } else if constexpr (std::is_same_v<T, doc::TableOfContents>) {
          toc(n, x, width, parent);
        } else if constexpr (std::is_same_v<T, doc::PageBreak>) {
          break_pending_ = true;
          break_style_ = n.style;
          break_span_ = n.span;
          keep_pending_ = false;
          after_ = 0;
        } else if constexpr (std::is_same_v<T, doc::Spacer>) {
          Box s;
          s.height = n.fill ? 0 : static_cast<float>(n.points);
          s.fill = n.fill;
          s.span = n.span;
          push(std::move(s));
          after_ = 0;
        } else if constexpr (std::is_same_v<T, doc::Rule>) {
          Box r;
          const float t = static_cast<float>(n.thickness);
          r.height = t + 8;
          r.space_before = after_;
          RuleItem ri;
          ri.x1 = x;
          ri.x2 = x + width;
          ri.y1 = ri.y2 = 4 + t / 2;
          ri.thickness = t;
          ri.color = style::kRuleColor;
          r.items.emplace_back(ri);
          r.span = n.span;
          push(std::move(r));
          after_ = 0;
        }
      },
      b.node);
}

void Builder::heading(const doc::Heading& h, float x, float width, int parent) {
  const int level = std::clamp(h.level, 1, 3);
  const HeadingStyle hs = heading_style(level);
  auto ids = heading_ids_.find(&h);
  const std::string id = ids != heading_ids_.end() ? ids->second : h.id;
  auto tagged = heading_tag_level_.find(&h);
  const int tag = tagged != heading_tag_level_.end() ? tagged->second : level;
  const Role role = tag == 1 ? Role::H1 : tag == 2 ? Role::H2 : Role::H3;
  const int node = add_node(role, parent, h.span, id);
  TextStyle ts;
  ts.family = doc::Family::Sans;
  ts.base = doc::FontStyle::Bold;
  ts.size = hs.size;
  ts.leading = hs.leading;
  ts.align = doc::Align::Left;
  ts.hyphenate = false;  // headings are not hyphenated
  std::vector<SetLine> lines = set_text(h.content, ts, x, width, node);
  if (lines.empty()) return;
  const size_t first = flow_.boxes.size();
  // A heading never splits and always stays with what follows it.
  push_lines(std::move(lines), gap(hs.before), true, h.span);
  for (size_t k = first + 1; k < flow_.boxes.size(); ++k) flow_.boxes[k].break_before = false;
  Box& top = flow_.boxes[first];
  top.heading_node = node;
  if (!id.empty()) top.anchors.push_back(add_anchor(id));
  if (h.in_outline) {
    pages_.outline.push_back({level, doc::plain_text(h.content), -1, 0});
    top.outline = static_cast<int>(pages_.outline.size() - 1);
  }
  after_ = hs.after;
}

void Builder::paragraph(const doc::Paragraph& p, float x, float width, int parent) {
  const int tag = p.format.tag_heading;
  const Role role = tag == 1 ? Role::H1 : tag == 2 ? Role::H2 : tag == 3 ? Role::H3 : Role::P;
  const int node = add_node(role, parent, p.span);
  TextStyle ts;
  ts.family = p.format.family;
  ts.size = p.format.size > 0 ? static_cast<float>(p.format.size) : style::kBodySize;
  ts.leading =
      p.format.size > 0 ? ts.size * style::kBodyLeading / style::kBodySize : style::kBodyLeading;
  ts.align = p.format.align;
  ts.hyphenate = p.format.align == doc::Align::Justify || p.format.align == doc::Align::Left;
  std::vector<SetLine> lines = set_text(p.content, ts, x, width, node);
  if (lines.empty()) return;
  push_lines(std::move(lines), gap(0) + static_cast<float>(p.format.space_before),
             p.format.keep_with_next, p.span);
  after_ = p.format.space_after >= 0 ? static_cast<float>(p.format.space_after) : style::kParaGap;
}

// Lists and quotes nest by recursion: a tree deeper than the template stage allows (it
// reports the Markdown) is refused here too, so that no caller can overflow the stack.
bool Builder::nesting_allowed(const Span& at) {
  if (list_level_ + quote_level_ < limits::kMarkdownDepth) return true;
  diags_.error(at, "citat och listor är nästlade för djupt (högst " +
                       std::to_string(limits::kMarkdownDepth) + " nivåer)");
  return false;
}

void Builder::list(const doc::List& l, float x, float width, int parent) {
  if (!nesting_allowed(l.span)) return;
  const int lnode = add_node(Role::L, parent, l.span);
  const float indent = style::kListIndent;
  ++list_level_;
  int number = l.start;
  bool first_item = true;
  for (const doc::ListItem& item : l.items) {
    const int li = add_node(Role::LI, lnode, item.span);
    const int lbl = add_node(Role::Lbl, li, item.span);
    const int body = add_node(Role::LBody, li, item.span);
    if (!first_item) after_ = std::max(after_, 3.0f);
    first_item = false;
    const size_t first_box = flow_.boxes.size();
    blocks(item.blocks, x + indent, width - indent, body);
    std::string label = l.numbered ? std::to_string(number++) + "." : list_level_ == 1 ? "•" : "–";
    if (first_box < flow_.boxes.size()) {
      Box& b = flow_.boxes[first_box];
      float baseline = baseline_in_line(style::kBodySize, style::kBodyLeading);
      for (const Item& it : b.items)
        if (const auto* t = std::get_if<TextRun>(&it)) {
          baseline = t->y;
          break;
        }
      TextRun r = make_run(fonts_, FontId::SerifRegular, style::kBodySize, x, baseline,
                           std::move(label), lbl);
      if (l.numbered) r.x = x + indent - 5 - r.width;  // numbers right-aligned before the body
      b.items.insert(b.items.begin(), Item{std::move(r)});
    }
  }
  --list_level_;
  after_ = std::max(after_, style::kParaGap);
}

void Builder::quote(const doc::BlockQuote& q, float x, float width, int parent) {
  if (!nesting_allowed(q.span)) return;
  const int node = add_node(Role::BlockQuote, parent, q.span);
  ++quote_level_;
  blocks(q.blocks, x + style::kQuoteIndent, width - 2 * style::kQuoteIndent, node);
  --quote_level_;
}

int Builder::add_note(const doc::Inline& ref, int parent) {
  Note note;
  note.number = next_note_++;
  const int node = add_node(Role::Note, parent, ref.span);
  pages_.nodes[static_cast<size_t>(node)].note = note.number;
  TextStyle ts;
  ts.size = style::kNoteSize;
  ts.leading = style::kNoteLeading;
  ts.align = doc::Align::Left;
  // The text after its number; a number of three digits (note 100 on) is wider than the
  // indent and moves its note's text right rather than onto it.
  const std::string number = std::to_string(note.number);
  const float indent =
      std::max(style::kNoteIndent, fonts_.width(FontId::SerifRegular, style::kNoteSize, number) +
                                       style::kNoteNumberGap);
  const float x = style::kMarginLeft + indent;
  std::vector<SetLine> lines =
      set_text(note_inlines(ref.note), ts, x, style::kTextWidth - indent, node);
  if (lines.empty()) lines.push_back(SetLine{{}, {}, {}, ts.leading, x});
  lines[0].items.insert(
      lines[0].items.begin(),
      Item{make_run(fonts_, FontId::SerifRegular, style::kNoteSize, style::kMarginLeft,
                    baseline_in_line(ts.size, ts.leading), number, node)});
  // The number and the text are apart on the page: a space keeps them apart when read.
  std::get<TextRun>(lines[0].items.front()).text += ' ';
  for (SetLine& l : lines) {
    Box b;
    b.height = l.height;
    b.items = std::move(l.items);
    b.links = std::move(l.links);
    note.height += b.height;
    note.lines.push_back(std::move(b));
  }
  flow_.notes.push_back(std::move(note));
  return static_cast<int>(flow_.notes.size() - 1);
}

void Builder::toc(const doc::TableOfContents& t, float x, float width, int parent) {
  // The title is set like a level-1 heading but is not itself listed; it heads the TOC
  // element rather than being inside it (a heading is not a TOC item).
  doc::Heading title;
  title.level = 1;
  title.content.push_back(doc::text(t.title));
  title.in_toc = false;
  title.span = t.span;
  heading(title, x, width, parent);
  const int node = add_node(Role::TOC, parent, t.span);
  const float number_room = 30;
  for (const doc::Heading* h : headings_) {
    if (!h->in_toc || h->level > t.depth) continue;
    const int item = add_node(Role::TOCI, node, h->span);
    const float indent = static_cast<float>(h->level - 1) * 16.0f;
    TextStyle ts;
    ts.align = doc::Align::Left;
    ts.hyphenate = false;
    ts.base = h->level == 1 ? doc::FontStyle::Bold : doc::FontStyle::Regular;
    ts.family = doc::Family::Sans;
    ts.size = 10;
    ts.leading = 14;
    doc::Inlines content;
    for (const doc::Inline& in : h->content)
      if (in.kind == doc::InlineKind::Text) content.push_back(in);
    // The entry is a link: its text and page number a Link element in the TOC item.
    const int link = add_node(Role::Link, item, h->span);
    std::vector<SetLine> lines =
        set_text(content, ts, x + indent, width - indent - number_room, link);
    if (lines.empty()) continue;
    const std::string& id = heading_ids_[h];
    TocEntry e;
    e.target_id = id;
    e.right = x + width;
    e.font = h->level == 1 ? FontId::SansBold : FontId::SansRegular;
    e.size = ts.size;
    SetLine& last = lines.back();
    TextRun num = make_run(fonts_, e.font, e.size, x + width, baseline_in_line(ts.size, ts.leading),
                           "", link);
    last.items.emplace_back(std::move(num));
    e.run_index = static_cast<int>(last.items.size() - 1);
    for (SetLine& l : lines) {
      LinkArea la;
      la.x = x + indent;
      la.y = 0;
      la.w = width - indent;
      la.h = l.height;
      la.target_id = id;
      la.text = doc::plain_text(content);
      la.node = link;
      l.links.push_back(std::move(la));
    }
    flow_.toc.push_back(std::move(e));
    const size_t first = flow_.boxes.size();
    push_lines(std::move(lines), gap(h->level == 1 ? 6.0f : 0.0f), false, h->span);
    for (size_t k = first + 1; k < flow_.boxes.size(); ++k) flow_.boxes[k].break_before = false;
    flow_.boxes.back().toc_entry = static_cast<int>(flow_.toc.size() - 1);
    after_ = 0;
  }
  after_ = style::kH1Before;
}

void Builder::caption(const std::string& label, const doc::Inlines& text, float x, float width,
                      int parent, const Span& span, Role role) {
  const int node = add_node(role, parent, span);
  doc::Inlines content;
  if (!label.empty()) content.push_back(doc::bold(label + (text.empty() ? "" : " ")));
  content.insert(content.end(), text.begin(), text.end());
  TextStyle ts;
  ts.family = doc::Family::Sans;
  ts.size = style::kCaptionSize;
  ts.leading = style::kCaptionLeading;
  ts.align = doc::Align::Left;
  ts.hyphenate = false;
  std::vector<SetLine> lines = set_text(content, ts, x, width, node);
  const size_t first = flow_.boxes.size();
  push_lines(std::move(lines), gap(style::kBlockGap), true, span);
  for (size_t k = first + 1; k < flow_.boxes.size(); ++k) flow_.boxes[k].break_before = false;
  after_ = 4;
}

void Builder::source_lines(const doc::Inlines& source, const doc::Inlines& note, float x,
                           float width, int parent, const Span& span) {
  TextStyle ts;
  ts.family = doc::Family::Sans;
  ts.size = style::kSourceSize;
  ts.leading = style::kSourceLeading;
  ts.align = doc::Align::Left;
  float space = 4;
  for (const doc::Inlines* part : {&source, &note}) {
    if (part->empty()) continue;
    const int node = add_node(Role::P, parent, span);
    std::vector<SetLine> lines = set_text(*part, ts, x, width, node);
    if (lines.empty()) continue;
    keep_pending_ = true;  // the source stays with the table or chart it describes
    const size_t first = flow_.boxes.size();
    push_lines(std::move(lines), space, false, span);
    for (size_t k = first + 1; k < flow_.boxes.size(); ++k) flow_.boxes[k].break_before = false;
    space = 1;
  }
  after_ = style::kBlockGap;
}

}  // namespace rv::layout
