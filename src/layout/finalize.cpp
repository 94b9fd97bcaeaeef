// Page finishing: converts planned boxes to page coordinates, sets footnotes at the foot
// of their page, draws running headers/footers and the tjänsteutlåtande header block
// (which need the page count), and resolves anchors, links, outline and TOC numbers.
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "layout/flow.hpp"
#include "layout/style.hpp"

namespace rv::layout {

namespace {

constexpr float H = style::kPageHeight;

// Box coordinates (downward from the box top) → PDF coordinates (upward from the bottom).
Item to_page(Item it, float top) {
  std::visit(
      [top](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, TextRun>) {
          v.y = H - (top + v.y);
        } else if constexpr (std::is_same_v<T, RuleItem>) {
          v.y1 = H - (top + v.y1);
          v.y2 = H - (top + v.y2);
        } else {
          v.y = H - (top + v.y + v.h);
        }
      },
      it);
  return it;
}

LinkArea to_page(LinkArea la, float top) {
  la.y = H - (top + la.y + la.h);
  return la;
}

std::string page_number_text(const doc::RunningText& rt, int number, int total) {
  if (rt.number == doc::PageNumberFormat::SidaXavY)
    return rt.page_word + " " + std::to_string(number) + " (" + std::to_string(total) + ")";
  return std::to_string(number);
}

class Furniture {
 public:
  Furniture(const FontSet& fonts, Page& page) : fonts_(fonts), page_(page) {}
  // Where the first page's header fields become content (paragraphs of the document, read
  // first) rather than artifacts: the memo's Dnr, dates and addressee are what a reader of
  // the first page needs; later pages repeat them as page furniture.
  void tag_into(Pages& out, int page_index) {
    out_ = &out;
    page_index_ = page_index;
  }

  void content(FontId f, float size, float x, float top_baseline, const std::string& s,
               bool right_aligned = false, Color c = style::kText) {
    if (!out_) return text(f, size, x, top_baseline, s, right_aligned, c);
    if (s.empty()) return;
    StructNode n;
    n.role = Role::P;
    n.parent = 0;
    n.page = page_index_;
    out_->nodes.push_back(std::move(n));
    TextRun r = make_run(fonts_, f, size, x, H - top_baseline, s,
                         static_cast<int>(out_->nodes.size() - 1), c);
    if (right_aligned) r.x -= r.width;
    // In front of the page's body, in the order written: read before it.
    page_.items.insert(page_.items.begin() + static_cast<std::ptrdiff_t>(front_++), std::move(r));
  }

  void text(FontId f, float size, float x, float top_baseline, const std::string& s,
            bool right_aligned = false, Color c = style::kGrey) {
    if (s.empty()) return;
    TextRun r = make_run(fonts_, f, size, x, H - top_baseline, s, artifact_, c);
    if (right_aligned) r.x -= r.width;
    page_.items.emplace_back(std::move(r));
  }
  float width(FontId f, float size, const std::string& s) const { return fonts_.width(f, size, s); }
  void rule(float x1, float x2, float top) {
    RuleItem r;
    r.x1 = x1;
    r.x2 = x2;
    r.y1 = r.y2 = H - top;
    r.thickness = 0.4f;
    r.color = style::kLightRule;
    r.node = artifact_;
    page_.items.emplace_back(r);
  }

  // Running header (at_top) or footer: text lines with the page number beside them.
  void running(const doc::RunningText& rt, bool at_top, int number, int total) {
    if (rt.lines.empty() && rt.number == doc::PageNumberFormat::None) return;
    Kind kind(artifact_, at_top ? kArtifactHeader : kArtifactFooter);
    const float left = style::kMarginLeft, right = style::kPageWidth - style::kMarginRight;
    const float lead = style::kRunningLeading;
    const float n = static_cast<float>(std::max<size_t>(rt.lines.size(), 1));
    const float first =
        at_top ? style::kMarginTop - 26 - (n - 1) * lead : H - style::kMarginBottom + 32;
    const std::string num = rt.number == doc::PageNumberFormat::None
                                ? std::string()
                                : page_number_text(rt, number, total);
    const FontId nf = FontId::SansBold;
    const float ns = 9;
    const float nw = num.empty() ? 0 : width(nf, ns, num) + 10;
    const bool odd = number % 2 == 1;
    if (rt.lines.empty()) {
      if (rt.mirrored)
        text(nf, ns, odd ? right : left, first, num, odd, style::kText);
      else if (rt.number == doc::PageNumberFormat::SidaXavY)
        text(nf, ns, right, first, num, true, style::kText);
      else
        text(nf, ns, (left + right) / 2 - width(nf, ns, num) / 2, first, num, false, style::kText);
    } else {
      float y = first;
      for (const std::string& line : rt.lines) {
        if (rt.mirrored && odd)
          text(FontId::SansRegular, style::kRunningSize, right - nw, y, line, true);
        else if (rt.mirrored)
          text(FontId::SansRegular, style::kRunningSize, left + nw, y, line);
        else
          text(FontId::SansRegular, style::kRunningSize, left, y, line);
        y += lead;
      }
      if (!num.empty()) {
        if (rt.mirrored && !odd)
          text(nf, ns, left, first, num, false, style::kText);
        else
          text(nf, ns, right, first, num, true, style::kText);
      }
    }
    if (rt.rule) {
      const float ry = at_top ? first + (n - 1) * lead + 6 : first - 12;
      rule(left, right, ry);
    }
  }

  // The Stockholm tjänsteutlåtande header block (seed 000).
  void official(const doc::OfficialHeader& o, int number, int total) {
    Kind kind(artifact_, kArtifactHeader);
    const float left = style::kMarginLeft, col = 330;
    const std::string sida =
        o.page_word + " " + std::to_string(number) + " (" + std::to_string(total) + ")";
    const Color k = style::kText;
    content(FontId::SansBold, 10, left, 52, o.organisation, false, k);
    content(FontId::SansRegular, 9, left, 65, o.department, false, k);
    content(FontId::SansBold, 12, col, 52, o.doc_type, false, k);
    content(FontId::SansRegular, 9, col, 66, o.dnr, false, k);
    text(FontId::SansRegular, 9, col, 78, sida, false, k);
    if (!o.full) return;
    content(FontId::SansRegular, 9, left, 112, o.date, false, k);
    content(FontId::SansRegular, 9, left, 124, o.handlaggare, false, k);
    content(FontId::SansRegular, 9, left, 136, o.telefon, false, k);
    content(FontId::SansBold, 10, col, 112, o.recipient, false, k);
    content(FontId::SansRegular, 9, col, 125, o.meeting, false, k);
  }

  // A letter's letterhead: logo area and sender at the left, date, Dnr and page at the
  // right, the addressee block (first page) and the contact line at the foot.
  void letter(const doc::LetterHead& l, int number, int total) {
    Kind kind(artifact_, kArtifactHeader);
    const float left = style::kMarginLeft, col = 340;
    const Color k = style::kText;
    float y = 52;
    if (!l.logo.empty()) text(FontId::SansBold, 15, left, y, l.logo, false, k), y += 18;
    content(FontId::SansBold, 10, left, y, l.sender, false, k);
    content(FontId::SansRegular, 9, left, y + 12, l.department, false, k);
    content(FontId::SansRegular, 9, col, 52, l.date, false, k);
    content(FontId::SansRegular, 9, col, 64, l.dnr, false, k);
    // A one-page letter carries no page number.
    if (total > 1)
      text(FontId::SansRegular, 9, col, 76,
           l.page_word + " " + std::to_string(number) + " (" + std::to_string(total) + ")", false,
           k);
    if (l.first) {
      float line = 140;
      for (const auto& a : l.addressee)
        content(FontId::SansRegular, 11, left, line, a, false, k), line += 14;
    }
    if (!l.contact.empty()) {
      rule(left, style::kPageWidth - style::kMarginRight, H - style::kMarginBottom + 24);
      text(FontId::SansRegular, 8, left, H - style::kMarginBottom + 36, l.contact, false, k);
    }
  }

 private:
  // The artifact kind of what is drawn while it lives.
  struct Kind {
    int& at;
    int before;
    Kind(int& current, int kind) : at(current), before(current) { at = kind; }
    ~Kind() { at = before; }
  };
  const FontSet& fonts_;
  Page& page_;
  int artifact_ = kArtifactLayout;
  Pages* out_ = nullptr;  // set on the first page: header fields are content
  int page_index_ = -1;
  size_t front_ = 0;
};

}  // namespace

void finalize(Flow& flow, const std::vector<PagePlan>& plans, const FontSet& fonts, Pages& out,
              Diagnostics& diags) {
  const int total = static_cast<int>(plans.size());
  struct TocPatch {
    int page;
    size_t item;
    int entry;
  };
  std::vector<TocPatch> toc;
  out.pages.resize(plans.size());
  // A box or footnote placed only once gives its items to the page instead of copying
  // them (texts and word positions included); repeated table headers are copied.
  std::vector<unsigned char> box_uses(flow.boxes.size()), note_uses(flow.notes.size());
  for (const PagePlan& plan : plans) {
    for (const PlacedBox& pb : plan.boxes)
      if (pb.box >= 0 && box_uses[static_cast<size_t>(pb.box)] < 2)
        ++box_uses[static_cast<size_t>(pb.box)];
    for (int n : plan.notes)
      if (note_uses[static_cast<size_t>(n)] < 2) ++note_uses[static_cast<size_t>(n)];
    if (plan.carried >= 0) note_uses[static_cast<size_t>(plan.carried)] = 2;
  }
  auto place = [](Box& b, bool once, Page& page, float top) {
    if (once) {
      for (Item& it : b.items) page.items.push_back(to_page(std::move(it), top));
      for (LinkArea& la : b.links) page.links.push_back(to_page(std::move(la), top));
    } else {
      for (const Item& it : b.items) page.items.push_back(to_page(it, top));
      for (const LinkArea& la : b.links) page.links.push_back(to_page(la, top));
    }
  };
  for (size_t pi = 0; pi < plans.size(); ++pi) {
    const PagePlan& plan = plans[pi];
    Page& page = out.pages[pi];
    const int number = static_cast<int>(pi) + 1;
    const float notes_h = notes_height(flow, plan);
    // Vertical fill boxes share what is left of the page.
    int fills = 0;
    for (const PlacedBox& pb : plan.boxes)
      if (pb.box >= 0 && flow.boxes[static_cast<size_t>(pb.box)].fill) ++fills;
    const float leftover = plan.body_bottom - plan.body_top - plan.used - notes_h;
    const float per_fill = fills > 0 ? std::max(0.0f, leftover) / static_cast<float>(fills) : 0;
    float shift = 0;
    for (const PlacedBox& pb : plan.boxes) {
      Box& b = pb.box >= 0 ? flow.boxes[static_cast<size_t>(pb.box)]
                           : flow.table_headers[static_cast<size_t>(-pb.box - 1)];
      const float top = plan.body_top + pb.y + shift;
      if (b.fill) shift += per_fill;
      const size_t base = page.items.size();
      place(b, pb.box >= 0 && box_uses[static_cast<size_t>(pb.box)] == 1, page, top);
      for (int a : b.anchors) {
        out.anchors[static_cast<size_t>(a)].page = static_cast<int>(pi);
        out.anchors[static_cast<size_t>(a)].y = H - top;
      }
      if (b.outline >= 0) {
        out.outline[static_cast<size_t>(b.outline)].page = static_cast<int>(pi);
        out.outline[static_cast<size_t>(b.outline)].y = H - top;
      }
      if (b.toc_entry >= 0) {
        const TocEntry& e = flow.toc[static_cast<size_t>(b.toc_entry)];
        toc.push_back({static_cast<int>(pi), base + static_cast<size_t>(e.run_index), b.toc_entry});
      }
    }
    // Footnotes at the foot of the page, under a short rule.
    if (!plan.notes.empty() || plan.carried >= 0) {
      float top = plan.body_bottom - notes_h;
      RuleItem r;
      r.x1 = style::kMarginLeft;
      // A footnote continued from the page before is set under a full-width rule (TeX's
      // \splitfootnoterule), so the reader sees that it is not a new note.
      r.x2 = style::kMarginLeft + (plan.carried >= 0 ? style::kTextWidth : style::kNoteRuleLength);
      r.y1 = r.y2 = H - (top + 6);
      r.thickness = 0.5f;
      r.color = style::kRuleColor;
      page.items.emplace_back(r);
      top += style::kNoteRuleGap;
      if (plan.carried >= 0) {
        std::vector<Box>& lines = flow.notes[static_cast<size_t>(plan.carried)].lines;
        for (size_t k = plan.carried_from; k < lines.size(); ++k) {
          place(lines[k], false, page, top);
          top += lines[k].height;
        }
        top += style::kNoteGap;
      }
      for (size_t i = 0; i < plan.notes.size(); ++i) {
        const size_t n = static_cast<size_t>(plan.notes[i]);
        std::vector<Box>& lines = flow.notes[n].lines;
        const size_t stop =
            i + 1 == plan.notes.size() && plan.split_at > 0 ? plan.split_at : lines.size();
        for (size_t k = 0; k < stop; ++k) {
          place(lines[k], note_uses[n] == 1, page, top);
          top += lines[k].height;
        }
        top += style::kNoteGap;
      }
    }
    Furniture f(fonts, page);
    if (pi == 0) f.tag_into(out, 0);
    if (plan.style) {
      if (plan.style->official) f.official(*plan.style->official, number, total);
      if (plan.style->letter) f.letter(*plan.style->letter, number, total);
      f.running(plan.style->header, true, number, total);
      f.running(plan.style->footer, false, number, total);
    }
    for (const Item& it : page.items) {
      const int node = std::visit([](const auto& v) { return v.node; }, it);
      if (node >= 0 && out.nodes[static_cast<size_t>(node)].page < 0)
        out.nodes[static_cast<size_t>(node)].page = static_cast<int>(pi);
    }
  }
  std::unordered_map<std::string, const Anchor*> anchors;
  for (const Anchor& a : out.anchors) anchors.emplace(a.id, &a);
  for (const TocPatch& t : toc) {
    const TocEntry& e = flow.toc[static_cast<size_t>(t.entry)];
    auto it = anchors.find(e.target_id);
    if (it == anchors.end() || it->second->page < 0) continue;
    auto& run = std::get<TextRun>(out.pages[static_cast<size_t>(t.page)].items[t.item]);
    // A space first, so that the entry's tagged text reads "Sammanfattning 5".
    run.text = " " + std::to_string(it->second->page + 1);
    run.width = fonts.width(run.font, run.size, run.text);
    run.x = e.right - run.width;
  }
  std::set<std::pair<std::string, int>> warned;  // a link over two lines is one warning
  for (Page& page : out.pages)
    for (LinkArea& la : page.links) {
      if (la.target_id.empty()) continue;
      auto it = anchors.find(la.target_id);
      if (it == anchors.end()) {
        if (!warned.emplace(la.target_id, la.written.line).second) continue;
        diags.warning(la.written,
                      "länken pekar på ”" + la.target_id + "” som inte finns i dokumentet");
        continue;
      }
      la.target_page = it->second->page;
      la.target_y = it->second->y;
    }
}

}  // namespace rv::layout
