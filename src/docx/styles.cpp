// styles.xml and numbering.xml: the house style as named Word styles. Built-in styles keep
// their English names ("heading 1", "caption"), which is how Word recognises them (and
// shows them as "Rubrik 1", "Beskrivning" in a Swedish Word); the house's own have Swedish
// names. Sizes and spacing are the PDF's (src/layout/style.hpp). Times New Roman and
// Arial stand for the bundled fonts, which have their widths (fonts/README.md).
#include <string>

#include "docx/internal.hpp"

namespace rv::docx {

namespace {

constexpr const char* kSans = "<w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:cs=\"Arial\"/>";

// One paragraph style. `ppr`/`rpr`: its paragraph and run properties.
std::string para_style(const std::string& id, const std::string& name, const std::string& ppr,
                       const std::string& rpr, const std::string& extra = "") {
  return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
         "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>" + extra +
         "<w:qFormat/><w:pPr>" + ppr + "</w:pPr><w:rPr>" + rpr + "</w:rPr></w:style>";
}

std::string heading_style(int level, int size, int before, int after) {
  const std::string n = std::to_string(level);
  return para_style("Rubrik" + n, "heading " + n,
                    "<w:keepNext/><w:keepLines/><w:spacing w:before=\"" + std::to_string(before) +
                        "\" w:after=\"" + std::to_string(after) +
                        "\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>"
                        "<w:outlineLvl w:val=\"" +
                        std::to_string(level - 1) + "\"/>",
                    std::string(kSans) + "<w:b/><w:sz w:val=\"" + std::to_string(size) +
                        "\"/><w:szCs w:val=\"" + std::to_string(size) + "\"/>",
                    "<w:uiPriority w:val=\"9\"/>");
}

std::string toc_style(int level) {
  const std::string n = std::to_string(level);
  return para_style("Innehall" + n, "toc " + n,
                    "<w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"" +
                        std::to_string(kTextWidth) +
                        "\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"" +
                        std::to_string((level - 1) * 360) + "\"/><w:jc w:val=\"left\"/>",
                    "", "<w:uiPriority w:val=\"39\"/>");
}

}  // namespace

std::string styles_xml() {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      // Every run is Swedish unless it says otherwise: spelling and hyphenation in sv-SE.
      "<w:docDefaults><w:rPrDefault><w:rPr>"
      "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New "
      "Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
      "<w:lang w:val=\"sv-SE\" w:eastAsia=\"sv-SE\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
      "<w:pPrDefault><w:pPr><w:spacing w:after=\"150\" w:line=\"300\" w:lineRule=\"atLeast\"/>"
      "</w:pPr></w:pPrDefault></w:docDefaults>"
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
      "w:val=\"Normal\"/>"
      "<w:qFormat/><w:pPr><w:widowControl/><w:jc w:val=\"both\"/></w:pPr></w:style>"
      "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"Standardstycketeckensnitt\">"
      "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/>"
      "</w:style>";
  s += heading_style(1, 36, 360, 200);
  s += heading_style(2, 26, 320, 100);
  s += heading_style(3, 22, 220, 40);
  s += para_style("Titel", "Title", "<w:spacing w:after=\"240\"/><w:jc w:val=\"left\"/>",
                  std::string(kSans) + "<w:b/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/>",
                  "<w:uiPriority w:val=\"10\"/>");
  s += para_style("Underrubrik", "Subtitle", "<w:spacing w:after=\"200\"/><w:jc w:val=\"left\"/>",
                  std::string(kSans) + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>",
                  "<w:uiPriority w:val=\"11\"/>");
  s += para_style("Beskrivning", "caption",
                  "<w:keepNext/><w:spacing w:before=\"160\" w:after=\"80\" w:line=\"240\" "
                  "w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
                  std::string(kSans) + "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>",
                  "<w:uiPriority w:val=\"35\"/>");
  s +=
      para_style("Tabelltext", "Tabelltext",
                 "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"230\" w:lineRule=\"atLeast\"/>"
                 "<w:jc w:val=\"left\"/>",
                 std::string(kSans) + "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
  s +=
      para_style("Kalla", "Källa",
                 "<w:spacing w:before=\"60\" w:after=\"60\" w:line=\"220\" w:lineRule=\"atLeast\"/>"
                 "<w:jc w:val=\"left\"/>",
                 std::string(kSans) + "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>");
  s += para_style("Diagram", "Diagram",
                  "<w:keepNext/><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/>", "");
  s += para_style("Fotnotstext", "footnote text",
                  "<w:spacing w:after=\"40\" w:line=\"210\" w:lineRule=\"atLeast\"/><w:jc "
                  "w:val=\"left\"/>",
                  "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>", "<w:uiPriority w:val=\"99\"/>");
  s += para_style("Liststycke", "List Paragraph",
                  "<w:spacing w:after=\"60\"/><w:ind w:left=\"360\"/><w:contextualSpacing/>", "",
                  "<w:uiPriority w:val=\"34\"/>");
  s += para_style("Citat", "Quote", "<w:ind w:left=\"567\" w:right=\"567\"/>", "<w:i/>",
                  "<w:uiPriority w:val=\"29\"/>");
  s += para_style("Linje", "Linje",
                  "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" "
                  "w:color=\"404040\"/></w:pBdr><w:spacing w:after=\"150\" w:line=\"120\" "
                  "w:lineRule=\"exact\"/>",
                  "");
  s += para_style("Mottagare", "Mottagare", "<w:spacing w:after=\"480\"/><w:jc w:val=\"left\"/>",
                  "");
  s +=
      para_style("Innehallsrubrik", "TOC Heading",
                 "<w:keepNext/><w:spacing w:before=\"360\" w:after=\"200\"/><w:jc w:val=\"left\"/>",
                 std::string(kSans) + "<w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>",
                 "<w:uiPriority w:val=\"39\"/>");
  for (int level = 1; level <= 3; ++level) s += toc_style(level);
  s += para_style("Sidhuvud", "header",
                  "<w:tabs><w:tab w:val=\"right\" w:pos=\"" + std::to_string(kTextWidth) +
                      "\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                      "<w:jc w:val=\"left\"/>",
                  std::string(kSans) + "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>",
                  "<w:uiPriority w:val=\"99\"/>");
  s += para_style("Sidfot", "footer",
                  "<w:tabs><w:tab w:val=\"right\" w:pos=\"" + std::to_string(kTextWidth) +
                      "\"/></w:tabs><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
                      "<w:jc w:val=\"left\"/>",
                  std::string(kSans) + "<w:sz w:val=\"17\"/><w:szCs w:val=\"17\"/>",
                  "<w:uiPriority w:val=\"99\"/>");
  s += "<w:style w:type=\"character\" w:styleId=\"Fotnotsreferens\"><w:name w:val=\"footnote "
       "reference\"/><w:uiPriority w:val=\"99\"/><w:rPr><w:vertAlign w:val=\"superscript\"/>"
       "</w:rPr></w:style>"
       "<w:style w:type=\"character\" w:styleId=\"Hyperlank\"><w:name w:val=\"Hyperlink\"/>"
       "<w:uiPriority w:val=\"99\"/><w:rPr><w:color w:val=\"0D408C\"/><w:u w:val=\"single\"/>"
       "</w:rPr></w:style>"
       // Tables: rules above and below and between rows, none between columns, the PDF's
       // cell padding.
       "<w:style w:type=\"table\" w:styleId=\"Tabell\"><w:name w:val=\"Rapportverk tabell\"/>"
       "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"6\" w:color=\"404040\"/>"
       "<w:bottom w:val=\"single\" w:sz=\"6\" w:color=\"404040\"/><w:insideH w:val=\"single\" "
       "w:sz=\"2\" w:color=\"B3B3B3\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"80\" "
       "w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
       "</w:styles>";
  return s;
}

std::string numbering_xml(const std::string& instances) {
  const auto level = [](int ilvl, const std::string& fmt, const std::string& text) {
    const std::string l = std::to_string(ilvl);
    return "<w:lvl w:ilvl=\"" + l + "\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + fmt +
           "\"/><w:lvlText w:val=\"" + text +
           "\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"" +
           std::to_string(360 * (ilvl + 1)) + "\" w:hanging=\"360\"/></w:pPr></w:lvl>";
  };
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
  // 0: bullets "•", nested "–" (as the PDF); 1: "1.", nested "a)" and "i.".
  s += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>" +
       level(0, "bullet", "•") + level(1, "bullet", "–") + level(2, "bullet", "•") +
       "</w:abstractNum>";
  s += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"hybridMultilevel\"/>" +
       level(0, "decimal", "%1.") + level(1, "lowerLetter", "%2)") + level(2, "lowerRoman", "%3.") +
       "</w:abstractNum>";
  return s + instances + "</w:numbering>";
}

}  // namespace rv::docx
