// A generated report in the style of Socialstyrelsen's national follow-up (seed 002):
// title page, table of contents, chapters of justified prose with footnotes and lists,
// bar charts and an appendix table. Shared by the layout/PDF tests and the benchmark.
// Deterministic: the same parameters always give the same document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "doc/doc.hpp"

namespace rv::sample {

struct Params {
  int chapters = 8;
  int paragraphs_per_section = 6;
  int table_rows = 290;
  int charts = 3;
};

class Words {
 public:
  explicit Words(uint32_t seed) : state_(seed) {}
  uint32_t next(uint32_t n) {
    state_ = state_ * 1664525u + 1013904223u;
    return (state_ >> 8) % n;
  }
  std::string sentence() {
    static const std::vector<std::string> words = {"utvecklingsmedlen",
                                                   "kommunerna",
                                                   "har",
                                                   "använt",
                                                   "medlen",
                                                   "för",
                                                   "att",
                                                   "kvalitetsutveckla",
                                                   "arbetet",
                                                   "mot",
                                                   "våld",
                                                   "i",
                                                   "nära",
                                                   "relationer",
                                                   "och",
                                                   "stödet",
                                                   "till",
                                                   "våldsutsatta",
                                                   "kvinnor",
                                                   "barn",
                                                   "som",
                                                   "bevittnat",
                                                   "våld",
                                                   "samt",
                                                   "arbetet",
                                                   "med",
                                                   "våldsutövare",
                                                   "socialtjänsten",
                                                   "stadsdelsnämnderna",
                                                   "förvaltningen",
                                                   "bedömer",
                                                   "att",
                                                   "insatserna",
                                                   "har",
                                                   "bidragit",
                                                   "till",
                                                   "ökad",
                                                   "kunskap",
                                                   "hos",
                                                   "personalen",
                                                   "återrapporteringen",
                                                   "visar",
                                                   "en",
                                                   "tydlig",
                                                   "ökning",
                                                   "av",
                                                   "ärenden",
                                                   "under",
                                                   "året",
                                                   "länsstyrelserna",
                                                   "samordnar",
                                                   "kompetensstödet",
                                                   "regionalt",
                                                   "ideella",
                                                   "föreningar",
                                                   "stiftelser",
                                                   "fördelning",
                                                   "långsiktigt",
                                                   "förebyggande",
                                                   "arbete",
                                                   "uppföljningen",
                                                   "omfattar",
                                                   "samtliga",
                                                   "mottagare",
                                                   "enligt",
                                                   "Socialstyrelsens",
                                                   "återrapporteringsformulär",
                                                   "där",
                                                   "det",
                                                   "framgår",
                                                   "hur",
                                                   "stor",
                                                   "del",
                                                   "förbrukats",
                                                   "Älvsjö",
                                                   "Östermalm",
                                                   "Åmål",
                                                   "verksamheterna",
                                                   "hälso-",
                                                   "sjukvården",
                                                   "standardiserade",
                                                   "bedömningsmetoder",
                                                   "utredningar",
                                                   "ärendehantering",
                                                   "HBTQ-personer",
                                                   "äldre"};
    std::string s;
    const uint32_t n = 9 + next(14);
    for (uint32_t i = 0; i < n; ++i) {
      std::string w = words[next(static_cast<uint32_t>(words.size()))];
      if (i == 0) w[0] = static_cast<char>(w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0]);
      if (!s.empty()) s += ' ';
      s += w;
      if (i == n / 2 && next(5) == 0)
        s += " – totalt " + grouped(1000 + next(9000000)) + " kronor –";
      if (i == n / 3 && next(7) == 0) s += " ”tidiga insatser”";
    }
    return s + ".";
  }
  static std::string grouped(uint32_t v) {
    std::string digits = std::to_string(v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00a0";
      out += digits[i];
    }
    return out;
  }

 private:
  uint32_t state_;
};

inline doc::Document make_report(const Params& p) {
  using namespace rv::doc;
  Document d;
  d.meta.title = "Kvalitetsutveckling av arbetet mot våld i nära relationer";
  d.meta.author = "Socialstyrelsen";
  d.meta.subject = "Uppföljning av utvecklingsmedel 2019";
  d.meta.keywords = {"våld i nära relationer", "utvecklingsmedel", "uppföljning"};
  d.meta.created = DateTime{2020, 5, 14, 9, 0, 0};

  PageStyle title;
  title.name = "titel";
  title.next = "brod";
  PageStyle body;
  body.name = "brod";
  body.footer.lines = {"KVALITETSUTVECKLING AV ARBETET MOT VÅLD I NÄRA RELATIONER",
                       "SOCIALSTYRELSEN"};
  body.footer.number = PageNumberFormat::Plain;
  body.footer.mirrored = true;
  d.page_styles = {title, body};
  d.first_style = "titel";

  Words w(42);
  auto& b = d.blocks;
  // Title page.
  b.push_back({Spacer{150, false, {}}});
  Paragraph t1;
  t1.content = {bold("Kvalitetsutveckling av arbetet mot våld i nära relationer")};
  t1.format = {Align::Left, Family::Sans, 26, 0, 10, false};
  b.push_back({t1});
  Paragraph t2;
  t2.content = {text("Uppföljning av 2019 års utvecklingsmedel och stimulansmedel")};
  t2.format = {Align::Left, Family::Sans, 14, 0, -1, false};
  b.push_back({t2});
  b.push_back({Spacer{0, true, {}}});
  Paragraph t3;
  t3.content = {bold("SOCIALSTYRELSEN")};
  t3.format = {Align::Left, Family::Sans, 12, 0, -1, false};
  b.push_back({t3});
  b.push_back(page_break("brod"));
  b.push_back({TableOfContents{"Innehåll", 2, {}}});
  b.push_back(page_break());

  int chart_no = 0, table_no = 1;
  for (int c = 1; c <= p.chapters; ++c) {
    if (c > 1) b.push_back(page_break());
    b.push_back(heading(1, "Kapitel " + std::to_string(c) + ": utvecklingsmedlens användning",
                        "kap" + std::to_string(c)));
    for (int s = 1; s <= 3; ++s) {
      b.push_back(heading(2,
                          "Avsnitt " + std::to_string(c) + "." + std::to_string(s) +
                              " Återrapportering från mottagarna",
                          "avs" + std::to_string(c) + "_" + std::to_string(s)));
      for (int k = 0; k < p.paragraphs_per_section; ++k) {
        Inlines in;
        const uint32_t n = 3 + w.next(6);
        for (uint32_t i = 0; i < n; ++i) {
          in.push_back(text((i ? " " : "") + w.sentence()));
          if (i == 1 && w.next(3) == 0)
            in.push_back(footnote("Se Socialstyrelsens återrapporteringsformulär " +
                                  std::to_string(2019) + " för en mer ingående redogörelse om " +
                                  "hur andelen använda medel har varierat."));
        }
        if (k == 2 && s == 1) {
          in.push_back(text(" Se även "));
          in.push_back(link("bilaga 1", "bilaga1"));
          in.push_back(text("."));
        }
        b.push_back(paragraph(in));
      }
      if (s == 2) {
        List l;
        for (int i = 0; i < 4; ++i) {
          ListItem it;
          it.blocks.push_back(paragraph(w.sentence() + " " + w.sentence()));
          l.items.push_back(it);
        }
        b.push_back({l});
      }
      if (s == 3 && chart_no < p.charts) {
        ++chart_no;
        BarChart ch;
        ch.id = "diagram" + std::to_string(chart_no);
        ch.label = "Diagram " + std::to_string(chart_no) + ".";
        ch.caption = {text("Andel förbrukade medel per mottagargrupp 2019")};
        const char* labels[] = {"Kommuner", "Regioner",
                                "Länsstyrelser och Nationellt centrum för kvinnofrid",
                                "Ideella föreningar och stiftelser", "Samtliga mottagare"};
        const int values[] = {94, 78, 92, 97, 89};
        for (int i = 0; i < 5; ++i) ch.bars.push_back({labels[i], {values[i], 100}, "", {}});
        ch.source = {text("Källa: Socialstyrelsens återrapporteringsformulär 2019.")};
        b.push_back({ch});
      }
    }
  }
  // Appendix: the long table.
  b.push_back(page_break());
  b.push_back(heading(1, "Bilaga 1. Fördelning av utvecklingsmedel till kommuner", "bilaga1"));
  Table t;
  t.id = "tabell_bilaga1";
  t.label = "Tabell " + std::to_string(table_no) + ".";
  t.caption = {text("Sökta, beviljade och förbrukade medel per kommun 2019")};
  t.columns = {{CellAlign::Left, 2.6},  {CellAlign::Right, 1.2}, {CellAlign::Right, 1.2},
               {CellAlign::Right, 1.2}, {CellAlign::Right, 1.2}, {CellAlign::Right, 1},
               {CellAlign::Right, 0.9}};
  Row h;
  for (const char* s :
       {"Kommun", "Sökt belopp (kr)", "Beviljat belopp (kr)", "Förbrukade medel (kr)",
        "Oförbrukade medel (kr)", "Andel oförbrukade medel", "Antal insatser"})
    h.cells.push_back({{text(s)}, 1, {}});
  t.header.push_back(h);
  const char* towns[] = {"Ale",        "Alingsås", "Borås",      "Botkyrka",  "Danderyd",
                         "Enköping",   "Gävle",    "Göteborg",   "Håbo",      "Härnösand",
                         "Jönköping",  "Kalmar",   "Karlskrona", "Linköping", "Luleå",
                         "Lund",       "Malmö",    "Norrköping", "Nacka",     "Skellefteå",
                         "Södertälje", "Umeå",     "Uppsala",    "Västerås",  "Växjö",
                         "Ystad",      "Åmål",     "Ängelholm",  "Örebro",    "Östra Göinge"};
  for (int r = 0; r < p.table_rows; ++r) {
    Row row;
    std::string name = towns[r % 30];
    if (r >= 30)
      name += " (" + std::string(r % 2 ? "ansökan " : "omgång ") + std::to_string(r / 30 + 1) + ")";
    if (r % 37 == 5) name += " och kranskommunernas gemensamma samordningsfunktion";
    const uint32_t sokt = 100000 + w.next(900000), bev = sokt - w.next(sokt / 2),
                   ofor = w.next(bev / 5);
    row.cells.push_back({{text(name)}, 1, {}});
    row.cells.push_back({{text(Words::grouped(sokt))}, 1, {}});
    row.cells.push_back({{text(Words::grouped(bev))}, 1, {}});
    row.cells.push_back({{text(Words::grouped(bev - ofor))}, 1, {}});
    row.cells.push_back({{text(Words::grouped(ofor))}, 1, {}});
    row.cells.push_back({{text(std::to_string(ofor * 100 / bev) + "\u00a0%")}, 1, {}});
    row.cells.push_back({{text(std::to_string(1 + w.next(12)))}, 1, {}});
    t.body.push_back(row);
  }
  Row total;
  for (const char* s : {"Summa", "134\u00a0200\u00a0000", "120\u00a0100\u00a0000",
                        "105\u00a0900\u00a0000", "14\u00a0200\u00a0000", "11\u00a0%", "1\u00a0912"})
    total.cells.push_back({{text(s)}, 1, {}});
  t.total = total;
  t.source = {text("Källa: Socialstyrelsens återrapporteringsformulär 2019.")};
  t.note = {text("Anm. Beloppen är avrundade till hela kronor.")};
  b.push_back({t});
  return d;
}

}  // namespace rv::sample
