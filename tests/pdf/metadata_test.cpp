// Issue 17: what validators look for in every file: the XMP packet mirroring the
// document information (escaped, well-formed), PDF 1.7, a deterministic /ID, and link
// annotations printed with the page and saying what they link.
#include <catch2/catch.hpp>

#include "doc/doc.hpp"
#include "pdf/internal.hpp"

using namespace rv;

TEST_CASE("xmp: the packet mirrors the metadata and escapes what XML must") {
  doc::Meta m;
  m.title = "Bidrag & <stöd> \"2019\"";
  m.author = "Socialstyrelsen";
  m.subject = "Uppföljning";
  m.keywords = {"våld i nära relationer", "statsbidrag"};
  const std::string x = pdf::xmp_packet(m, "rapportverk 1", "2019-05-18T00:00:00Z");
  CHECK(x.rfind("<?xpacket begin=", 0) == 0);
  CHECK(x.find("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Bidrag &amp; &lt;stöd&gt; "
               "&quot;2019&quot;</rdf:li></rdf:Alt></dc:title>") != std::string::npos);
  CHECK(x.find("<dc:creator><rdf:Seq><rdf:li>Socialstyrelsen</rdf:li></rdf:Seq></dc:creator>") !=
        std::string::npos);
  CHECK(x.find("<pdf:Keywords>våld i nära relationer, statsbidrag</pdf:Keywords>") !=
        std::string::npos);
  CHECK(x.find("<xmp:CreateDate>2019-05-18T00:00:00Z</xmp:CreateDate>") != std::string::npos);
  CHECK(x.find("<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>") !=
        std::string::npos);
  // PDF/UA-1 and, by default, PDF/A-2a are claimed, with pdfuaid's schema described.
  CHECK(x.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(x.find("<pdfaid:part>2</pdfaid:part>") != std::string::npos);
  CHECK(x.find("<pdfaid:conformance>A</pdfaid:conformance>") != std::string::npos);
  CHECK(x.find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>") != std::string::npos);
  m.pdfa = doc::PdfA::Off;
  const std::string off = pdf::xmp_packet(m, "rapportverk 1", "");
  CHECK(off.find("<pdfuaid:part>1</pdfuaid:part>") != std::string::npos);
  CHECK(off.find("pdfaid:") == std::string::npos);
  CHECK(off.find("pdfaExtension:schemas") == std::string::npos);
  CHECK(x.substr(x.size() - 19) == "<?xpacket end=\"w\"?>");
}

TEST_CASE("xmp: no date, no date elements, control characters dropped") {
  doc::Meta m;
  m.title = std::string("A\x01") + "B";
  const std::string x = pdf::xmp_packet(m, "rapportverk 1", "");
  CHECK(x.find("CreateDate") == std::string::npos);
  CHECK(x.find(">AB</rdf:li>") != std::string::npos);
  CHECK(x.find("dc:creator") == std::string::npos);  // no author, no element
}
