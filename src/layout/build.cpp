// Building the flow on two cores: the document is cut at an explicit page break into two
// parts of about equal work, each part is built by its own Builder, and the second part's
// boxes, structure nodes, footnotes, anchors, outline entries, TOC entries and table
// headers are renumbered onto the first's.
//
// Why a page break: it resets everything a Builder carries from one block to the next
// (pending space, keep-with-next, the pending page break itself), so the second part sets
// exactly what a single Builder would. The only other state that crosses is the footnote
// number, which is counted beforehand and checked afterwards. Whenever the parts could
// differ from a sequential build — a count that does not match, or any diagnostic from the
// second part (missing-glyph warnings are given once per document) — the second part is
// built again sequentially, so the result is always the sequential one.
#include <system_error>
#include <thread>

#include "doc/limits.hpp"
#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

namespace {

size_t inline_work(const doc::Inlines& content) {
  size_t n = 0;
  for (const doc::Inline& in : content) n += in.text.size() + 8;
  return n;
}

// Running text costs more per character than a table cell: it is hyphenated and broken
// by Knuth–Plass, where a cell is mostly one line. The weight also leaves the first part
// (this thread) a little more: the worker starts with cold caches and fresh memory.
// Measured on the national report: 43 M instructions here, 32 M on the worker, and the
// two parts take about the same time.
size_t text_work(const doc::Inlines& content) { return 2 * inline_work(content); }

// A rough cost of setting a block: characters to break into lines, plus a constant per
// cell, bar and item. Nesting past limits::kMarkdownDepth is not descended into (the
// Builder refuses it with an error), so that no tree overflows the stack here.
size_t work(const doc::Block& b, int depth = 0) {
  if (depth >= limits::kMarkdownDepth) return 16;
  return std::visit(
      [depth](const auto& n) -> size_t {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, doc::Heading> || std::is_same_v<T, doc::Paragraph>) {
          return text_work(n.content);
        } else if constexpr (std::is_same_v<T, doc::List>) {
          size_t w = 0;
          for (const doc::ListItem& item : n.items)
            for (const doc::Block& c : item.blocks) w += work(c, depth + 1) + 16;
          return w;
        } else if constexpr (std::is_same_v<T, doc::BlockQuote>) {
          size_t w = 0;
          for (const doc::Block& c : n.blocks) w += work(c, depth + 1);
          return w;
        } else if constexpr (std::is_same_v<T, doc::Table>) {
          size_t w = 0;
          for (const auto* rows : {&n.header, &n.body})
            for (const doc::Row& r : *rows)
              for (const doc::Cell& c : r.cells) w += inline_work(c.content) + 24;
          return w;
        } else if constexpr (std::is_same_v<T, doc::BarChart>) {
          return 64 * n.bars.size();
        } else {
          return 16;
        }
      },
      b.node);
}

size_t count_notes(const doc::Inlines& content);

size_t count_notes(const doc::Block& b, int depth = 0) {
  if (depth >= limits::kMarkdownDepth) return 0;  // refused by the Builder
  return std::visit(
      [depth](const auto& n) -> size_t {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, doc::Heading> || std::is_same_v<T, doc::Paragraph>) {
          return count_notes(n.content);
        } else if constexpr (std::is_same_v<T, doc::List>) {
          size_t k = 0;
          for (const doc::ListItem& item : n.items)
            for (const doc::Block& c : item.blocks) k += count_notes(c, depth + 1);
          return k;
        } else if constexpr (std::is_same_v<T, doc::BlockQuote>) {
          size_t k = 0;
          for (const doc::Block& c : n.blocks) k += count_notes(c, depth + 1);
          return k;
        } else if constexpr (std::is_same_v<T, doc::Table>) {
          size_t k = 0;
          for (const auto* rows : {&n.header, &n.body})
            for (const doc::Row& r : *rows)
              for (const doc::Cell& c : r.cells) k += count_notes(c.content);
          return k;
        } else {
          return 0;
        }
      },
      b.node);
}

size_t count_notes(const doc::Inlines& content) {
  size_t k = 0;
  for (const doc::Inline& in : content)
    if (in.kind == doc::InlineKind::Footnote) ++k;
  return k;
}

}  // namespace

size_t split_point(const std::vector<doc::Block>& blocks) {
  std::vector<size_t> before(blocks.size() + 1, 0);
  for (size_t i = 0; i < blocks.size(); ++i) before[i + 1] = before[i] + work(blocks[i]);
  const size_t total = before.back();
  size_t best = 0, best_gap = total;
  for (size_t i = 1; i < blocks.size(); ++i) {
    if (!std::holds_alternative<doc::PageBreak>(blocks[i].node)) continue;
    const size_t gap = before[i] > total / 2 ? before[i] - total / 2 : total / 2 - before[i];
    if (gap < best_gap) {
      best = i;
      best_gap = gap;
    }
  }
  // Not worth a thread for a lopsided cut (under a fifth of the work on one side).
  if (best == 0 || before[best] < total / 5 || total - before[best] < total / 5) return 0;
  return best;
}

namespace {

// Renumbering of the second part onto the first.
struct Shift {
  int nodes = 0, notes = 0, anchors = 0, outline = 0, toc = 0, tables = 0;
  int node(int n) const { return n > 0 ? n + nodes : n; }  // 0: the shared Document node
};

void shift_box(Box& b, const Shift& s) {
  for (Item& it : b.items) std::visit([&s](auto& v) { v.node = s.node(v.node); }, it);
  // A link's Link element too: unshifted, its annotation hung under an element of the first
  // part (a P on page 2), and the accessibility check failed (Matterhorn 28-011).
  for (LinkArea& la : b.links) la.node = s.node(la.node);
  for (int& n : b.notes) n += s.notes;
  for (int& a : b.anchors) a += s.anchors;
  if (b.repeat_table >= 0) b.repeat_table += s.tables;
  if (b.toc_entry >= 0) b.toc_entry += s.toc;
  if (b.heading_node >= 0) b.heading_node = s.node(b.heading_node);
  if (b.outline >= 0) b.outline += s.outline;
}

void append(Flow& flow, Pages& pages, Flow&& part, Pages&& part_pages) {
  Shift s;
  s.nodes = static_cast<int>(pages.nodes.size()) - 1;  // part_pages.nodes[0] is the Document
  s.notes = static_cast<int>(flow.notes.size());
  s.anchors = static_cast<int>(pages.anchors.size());
  s.outline = static_cast<int>(pages.outline.size());
  s.toc = static_cast<int>(flow.toc.size());
  s.tables = static_cast<int>(flow.table_headers.size());
  for (Box& b : part.boxes) {
    shift_box(b, s);
    flow.boxes.push_back(std::move(b));
  }
  for (Note& n : part.notes) {
    for (Box& b : n.lines) shift_box(b, s);
    flow.notes.push_back(std::move(n));
  }
  for (Box& b : part.table_headers) {
    shift_box(b, s);
    flow.table_headers.push_back(std::move(b));
  }
  for (TocEntry& e : part.toc) flow.toc.push_back(std::move(e));
  for (size_t i = 1; i < part_pages.nodes.size(); ++i) {
    StructNode& n = part_pages.nodes[i];
    n.parent = s.node(n.parent);
    pages.nodes.push_back(std::move(n));
  }
  for (Anchor& a : part_pages.anchors) pages.anchors.push_back(std::move(a));
  for (OutlineEntry& o : part_pages.outline) pages.outline.push_back(std::move(o));
}

}  // namespace

Flow build_flow(const doc::Document& document, const FontSet& fonts, Pages& pages,
                Diagnostics& diags, bool parallel) {
  const auto& blocks = document.blocks;
  const size_t cut = parallel && std::thread::hardware_concurrency() > 1 ? split_point(blocks) : 0;
  auto build = [&](Builder& b, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) b.block(blocks[i], style::kMarginLeft, style::kTextWidth, 0);
  };
  Builder first(fonts, pages, diags);
  first.collect_headings(blocks);
  if (cut == 0) {
    build(first, 0, blocks.size());
    return std::move(first.flow());
  }

  size_t notes_before = 0;
  for (size_t i = 0; i < cut; ++i) notes_before += count_notes(blocks[i]);
  Pages second_pages;
  second_pages.nodes.push_back(pages.nodes.front());
  Diagnostics second_diags;
  Builder second(fonts, second_pages, second_diags);
  second.collect_headings(blocks);
  second.start_notes_at(static_cast<int>(notes_before) + 1);
  std::thread worker;
  try {
    worker = std::thread([&] { build(second, cut, blocks.size()); });
  } catch (const std::system_error&) {  // a process limit: the sequential build instead
    build(first, 0, blocks.size());
    return std::move(first.flow());
  }
  build(first, 0, cut);
  worker.join();

  if (first.next_note() != static_cast<int>(notes_before) + 1 || !second_diags.empty()) {
    build(first, cut, blocks.size());  // the sequential result, diagnostics in order
    return std::move(first.flow());
  }
  Flow flow = std::move(first.flow());
  append(flow, pages, std::move(second.flow()), std::move(second_pages));
  return flow;
}

}  // namespace rv::layout
