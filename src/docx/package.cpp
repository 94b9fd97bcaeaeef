// The package: content types, relationships, document properties, settings, and the parts
// the body writer and the sections made, zipped in a fixed order.
#include <cstdio>

#include "docx/internal.hpp"

namespace rv::docx {

namespace {

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string content_types(const std::vector<ZipEntry>& headers_footers, bool pictures) {
  std::string s = std::string(kXmlHead) +
                  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  "<Default Extension=\"rels\" "
                  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  if (pictures) s += "<Default Extension=\"png\" ContentType=\"image/png\"/>";
  const auto over = [&](const std::string& part, const std::string& type) {
    s += "<Override PartName=\"/" + part + "\" ContentType=\"" + type + "\"/>";
  };
  const std::string wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  over("word/document.xml", wml + "document.main+xml");
  over("word/styles.xml", wml + "styles+xml");
  over("word/settings.xml", wml + "settings+xml");
  over("word/numbering.xml", wml + "numbering+xml");
  over("word/footnotes.xml", wml + "footnotes+xml");
  for (const ZipEntry& e : headers_footers)
    over(e.name, wml + (e.name.starts_with("word/header") ? "header+xml" : "footer+xml"));
  over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  over("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
  return s + "</Types>";
}

std::string relationships(const std::vector<Relation>& rels) {
  std::string s =
      std::string(kXmlHead) +
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  for (const Relation& r : rels)
    s += "<Relationship Id=\"" + r.id + "\" Type=\"" + r.type + "\" Target=\"" +
         xml_escape(r.target) + "\"" + (r.external ? " TargetMode=\"External\"" : "") + "/>";
  return s + "</Relationships>";
}

std::string iso_date(const doc::DateTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

std::string core(const doc::Meta& m, const std::string& title) {
  std::string s =
      std::string(kXmlHead) +
      "<cp:coreProperties "
      "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  s += "<dc:title>" + xml_escape(title) + "</dc:title>";
  if (!m.subject.empty()) s += "<dc:subject>" + xml_escape(m.subject) + "</dc:subject>";
  if (!m.author.empty()) s += "<dc:creator>" + xml_escape(m.author) + "</dc:creator>";
  if (!m.keywords.empty()) {
    std::string k;
    for (const auto& w : m.keywords) k += (k.empty() ? "" : ", ") + w;
    s += "<cp:keywords>" + xml_escape(k) + "</cp:keywords>";
  }
  s += "<dc:language>" + xml_escape(m.language.empty() ? "sv-SE" : m.language) + "</dc:language>";
  if (const auto t = doc::creation_time(m)) {
    const std::string date = iso_date(*t);
    s += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:created>";
    s += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date + "</dcterms:modified>";
  }
  return s + "</cp:coreProperties>";
}

std::string app(const doc::Meta& m) {
  std::string s =
      std::string(kXmlHead) +
      "<Properties "
      "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
      "<Application>rapportverk</Application>";
  if (!m.author.empty()) s += "<Company>" + xml_escape(m.author) + "</Company>";
  return s + "</Properties>";
}

std::string settings(bool even_and_odd) {
  return std::string(kXmlHead) + "<w:settings xmlns:w=\"" + kW +
         "\">"
         // Hyphenation on, as in the PDF: in Swedish (every run is sv-SE), no more than two
         // hyphenated lines in a row.
         "<w:defaultTabStop w:val=\"1304\"/><w:autoHyphenation/>"
         "<w:consecutiveHyphenLimit w:val=\"2\"/><w:hyphenationZone w:val=\"357\"/>" +
         // A report printed double-sided has its page numbers at the outer edge.
         std::string(even_and_odd ? "<w:evenAndOddHeaders/>" : "") +
         "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
         "<w:footnotePr><w:footnote w:id=\"-1\"/><w:footnote w:id=\"0\"/></w:footnotePr>"
         // A line ended by a manual break (a signature's name and title) is not stretched
         // to the margin in a justified paragraph, as in the PDF.
         "<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" "
         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
         "<w:themeFontLang w:val=\"sv-SE\"/><w:decimalSymbol w:val=\",\"/>"
         "<w:listSeparator w:val=\";\"/></w:settings>";
}

std::string footnotes(const std::string& notes) {
  return std::string(kXmlHead) + "<w:footnotes xmlns:w=\"" + kW + "\" xmlns:r=\"" +
         "http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\" "
         "w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:rPr><w:lang "
         "w:val=\"sv-SE\"/></w:rPr><w:separator/></w:r></w:p></w:footnote>"
         "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing "
         "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr><w:r><w:rPr><w:lang "
         "w:val=\"sv-SE\"/></w:rPr><w:continuationSeparator/>"
         "</w:r></w:p></w:footnote>" +
         notes + "</w:footnotes>";
}

std::string document(const std::string& body) {
  return std::string(kXmlHead) + "<w:document xmlns:w=\"" + kW +
         "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
         " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\""
         " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\""
         " xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" +
         body + "</w:body></w:document>";
}

// The document's title: its metadata's, else its first heading's.
std::string title_of(const doc::Document& d) {
  if (!d.meta.title.empty()) return d.meta.title;
  for (const doc::Block& b : d.blocks)
    if (const auto* h = std::get_if<doc::Heading>(&b.node)) return doc::plain_text(h->content);
  return "Dokument";
}

}  // namespace

std::string write_docx(const doc::Document& d, const Options& o, Diagnostics& diags) {
  Sections sections(d, o);
  BodyWriter w(d, o, sections, diags);
  const std::string body = w.body();
  std::vector<Relation> rels = {{"rId1", std::string(kRel) + "styles", "styles.xml", false},
                                {"rId2", std::string(kRel) + "settings", "settings.xml", false},
                                {"rId3", std::string(kRel) + "numbering", "numbering.xml", false},
                                {"rId4", std::string(kRel) + "footnotes", "footnotes.xml", false}};
  rels.insert(rels.end(), sections.relations.begin(), sections.relations.end());
  rels.insert(rels.end(), w.relations().begin(), w.relations().end());
  const std::vector<Relation> package = {
      {"rId1", std::string(kRel) + "officeDocument", "word/document.xml", false},
      {"rId2",
       "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
       "docProps/core.xml", false},
      {"rId3", std::string(kRel) + "extended-properties", "docProps/app.xml", false}};
  std::vector<ZipEntry> files = {
      {"[Content_Types].xml", content_types(sections.parts, !w.media().empty())},
      {"_rels/.rels", relationships(package)},
      {"docProps/core.xml", core(d.meta, title_of(d))},
      {"docProps/app.xml", app(d.meta)},
      {"word/document.xml", document(body)},
      {"word/_rels/document.xml.rels", relationships(rels)},
      {"word/styles.xml", styles_xml()},
      {"word/settings.xml", settings(sections.mirrored())},
      {"word/numbering.xml", numbering_xml(w.numbering_instances())},
      {"word/footnotes.xml", footnotes(w.footnotes())}};
  files.insert(files.end(), sections.parts.begin(), sections.parts.end());
  files.insert(files.end(), w.media().begin(), w.media().end());
  // Entries dated 1980-01-01 00:00, the zip format's first day: the document's own date
  // is in its properties.
  return zip(files, 0, (0 << 9) | (1 << 5) | 1);
}

}  // namespace rv::docx
