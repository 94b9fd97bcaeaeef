// XMP metadata (ISO 16684-1) mirroring the document information dictionary, the file
// identifier (/ID in the trailer) and the link annotations' print flag and description:
// what PDF/A and PDF/UA validators look for in every file (issue 17).
//
// The metadata claims PDF/UA-1 (pdfuaid:part), which scripts/kontrollera-pdf.py checks
// every bundled document against (the Matterhorn conditions decidable from the file), and
// the PDF/A part the document asks for (pdfaid, doc::PdfA), with the extension schema that
// PDF/A requires for a property outside its predefined schemas (pdfuaid). Apache PDFBox
// Preflight checks the PDF/A-1 claim in the test suite (scripts/preflight.sh).
#include <hpdf_version.h>

#include <cstdint>
#include <cstdio>

#include "pdf/internal.hpp"
#include "version.hpp"

namespace rv::pdf {

namespace {

// FNV-1a over the bytes, from `seed`: the /ID needs to be stable, not secret.
uint64_t fnv1a(const std::string& bytes, uint64_t seed) {
  uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

// ISO 19005-1 §6.7.8 / 19005-2 §6.6.2.3: a property of a schema PDF/A does not predefine is
// described in the packet itself.
const char* const kPdfUaExtension =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>Part of ISO 14289 the file conforms "
    "to</pdfaProperty:description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

}  // namespace

std::string xmp_packet(const doc::Meta& m, const std::string& tool, const std::string& date) {
  const std::string lang = m.language.empty() ? "sv-SE" : m.language;
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "  <rdf:Description rdf:about=\"\"\n"
      "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
      "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
      "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
      "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
      "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
      "   <pdfuaid:part>1</pdfuaid:part>\n";
  if (m.pdfa != doc::PdfA::Off) {
    const bool part1 = m.pdfa == doc::PdfA::A1a;
    x += std::string("   <pdfaid:part>") + (part1 ? "1" : "2") + "</pdfaid:part>\n" +
         "   <pdfaid:conformance>" + (m.pdfa == doc::PdfA::A2b ? "B" : "A") +
         "</pdfaid:conformance>\n";
  }
  x += "   <dc:format>application/pdf</dc:format>\n";
  auto alt = [&](const char* tag, const std::string& v) {
    if (v.empty()) return;
    x += std::string("   <") + tag + "><rdf:Alt><rdf:li xml:lang=\"x-default\">" +
         doc::escape_markup(v) + "</rdf:li></rdf:Alt></" + tag + ">\n";
  };
  alt("dc:title", m.title);
  if (!m.author.empty())
    x += "   <dc:creator><rdf:Seq><rdf:li>" + doc::escape_markup(m.author) +
         "</rdf:li></rdf:Seq></dc:creator>\n";
  alt("dc:description", m.subject);
  x += "   <dc:language><rdf:Bag><rdf:li>" + doc::escape_markup(lang) +
       "</rdf:li></rdf:Bag></dc:language>\n";
  if (!m.keywords.empty()) {
    std::string keywords;
    x += "   <dc:subject><rdf:Bag>";
    for (const std::string& k : m.keywords) {
      x += "<rdf:li>" + doc::escape_markup(k) + "</rdf:li>";
      keywords += (keywords.empty() ? "" : ", ") + k;
    }
    x += "</rdf:Bag></dc:subject>\n";
    x += "   <pdf:Keywords>" + doc::escape_markup(keywords) + "</pdf:Keywords>\n";
  }
  x += "   <pdf:Producer>" + doc::escape_markup(tool + " (libharu " HPDF_VERSION_TEXT ")") +
       "</pdf:Producer>\n";
  x += "   <xmp:CreatorTool>" + doc::escape_markup(tool) + "</xmp:CreatorTool>\n";
  if (!date.empty())
    x += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n   <xmp:ModifyDate>" + date +
         "</xmp:ModifyDate>\n";
  x += "  </rdf:Description>\n";
  if (m.pdfa != doc::PdfA::Off) x += kPdfUaExtension;
  x += " </rdf:RDF>\n</x:xmpmeta>\n";
  // Padding lets an editor update the packet in place, as the XMP specification suggests.
  x += std::string(10, ' ') + "\n<?xpacket end=\"w\"?>";
  return x;
}

void write_metadata(WriteState& w, const std::string& date) {
  const std::string tool = std::string("rapportverk ") + RAPPORTVERK_VERSION;
  std::string& xml = w.blobs.emplace_back(xmp_packet(w.model->meta, tool, date));
  HPDF_Dict stream = new_stream(w);
  HPDF_Dict_AddName(stream, "Type", "Metadata");
  HPDF_Dict_AddName(stream, "Subtype", "XML");
  set_stream_bytes(w, stream, xml, /*deflated=*/false);  // PDF/A: metadata unfiltered
  HPDF_Dict_Add(catalog(w), "Metadata", stream);
}

void write_file_id(WriteState& w) {
  // From what the file shows: the pages' content and the document information.
  uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
  for (const std::string& c : w.contents) a = fnv1a(c, a), b = fnv1a(c, b ^ 0x9e3779b97f4a7c15ULL);
  const doc::Meta& m = w.model->meta;
  for (const std::string* s : {&m.title, &m.author, &m.subject}) a = fnv1a(*s, a), b = fnv1a(*s, b);
  HPDF_BYTE id[16];
  for (int i = 0; i < 8; ++i) {
    id[i] = static_cast<HPDF_BYTE>(a >> (8 * i));
    id[8 + i] = static_cast<HPDF_BYTE>(b >> (8 * i));
  }
  HPDF_Array ids = new_array(w);
  HPDF_Array_Add(ids, new_binary(w, id, sizeof id));
  HPDF_Array_Add(ids, new_binary(w, id, sizeof id));
  HPDF_Dict_Add(trailer(w), "ID", ids);
}

}  // namespace rv::pdf
