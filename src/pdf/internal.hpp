// Internal to the PDF writer: shared state of one write.
//
// libharu owns the document: objects, cross-reference table, outline, annotations and
// the file. What it does slowly or wrongly we do ourselves and hand it finished bytes:
// content streams are written as raw operators, fonts are subset and described by our own
// dictionaries (libharu's Type0 fonts build a 65 536-code map each and an invalid
// ToUnicode), and every stream is deflated by us, on all cores, before libharu copies it.
#pragma once

#include <hpdf.h>

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "diag/diag.hpp"
#include "font/font.hpp"
#include "layout/page.hpp"

namespace rv::pdf {

// A marked-content reference: node content with this MCID on this page.
struct Mcr {
  int page;
  int mcid;
};

// marked_content.cpp: the one numbering of marked content. Consecutive items of one
// structure node form a sequence; a node's sequences get MCIDs 0, 1, … per page, artifacts
// none (-1).
struct McGroup {
  size_t begin, end;  // items [begin, end) of the page
  int node;
  int mcid;
};
std::vector<McGroup> marked_content(const layout::Page& page);
struct ContentMap {
  std::vector<std::vector<int>> page_mcid_nodes;  // per page: the node of each MCID
  std::vector<std::vector<Mcr>> node_content;     // per node: its sequences
};
ContentMap map_content(const layout::Pages& pages);
// The links that become tagged link annotations, in the order they are written; link k's
// annotation has /StructParent (page count + k).
struct TaggedLink {
  int page, link, node;  // link: index in the page's links
};
std::vector<TaggedLink> tagged_links(const layout::Pages& pages);

// tag_tree.cpp: the structure tree as plain data. Element 0 is the Document (node 0); an
// element's kids are child elements, its own marked content and its link annotations (an
// index into tagged_links) in reading order.
struct TagKid {
  enum class Kind : uint8_t { Element, Content, Link } kind;
  int index;  // Element: the element; Link: the tagged link
  Mcr mc;     // Content
};
struct TagElement {
  int node = 0;
  int parent = -1;  // element
  std::vector<TagKid> kids;
  bool has_box = false;  // a Figure's bounding box on its page
  std::array<float, 4> box{};
};
struct TagTree {
  std::vector<TagElement> elements;
  std::vector<int> element_of_node;  // -1: the node has no content and no element
};
TagTree build_tag_tree(const layout::Pages& model, const ContentMap& content,
                       const std::vector<TaggedLink>& links);
// The tag tree as text for the trace: one element a line, indented by depth.
std::string tag_tree_text(const layout::Pages& model);

// One font of the document. Character codes in content streams are two-byte Unicode
// code points (CID = code point); the CIDToGIDMap stream maps them to glyphs.
struct EmbeddedFont {
  bool used = false;
  std::shared_ptr<const font::TrueType> file;  // from the page model
  std::vector<uint8_t> used_bits;              // per BMP code point
  font::BmpTable<int16_t, 0> widths;           // of the codes used, 1/1000 em, as layout measured
  std::vector<char32_t> codes;                 // the same, ascending
  HPDF_Dict type0 = nullptr;                   // the /Font resource
  HPDF_Dict font_file = nullptr, to_unicode = nullptr, cid_to_gid = nullptr;  // streams
  HPDF_Dict cid_set = nullptr;  // PDF/A-1 only: which CIDs the subset has
  std::string font_file_z, to_unicode_z, cid_to_gid_z, cid_set_z;  // their compressed bytes
  uint32_t font_file_length = 0;                                   // uncompressed, for /Length1
};

// A libharu stream that reads a std::string in place. libharu's memory streams copy
// byte by byte (HPDF_MemCpy), twice per stream: in when filled, out when saved.
struct BytesSource {
  const std::string* bytes;
  size_t pos = 0;
};

struct WriteState {
  HPDF_Doc pdf = nullptr;
  Diagnostics* diags = nullptr;
  int errors = 0;
  const layout::Pages* model = nullptr;
  std::vector<HPDF_Page> pages;
  std::array<EmbeddedFont, layout::kFontCount> fonts;
  std::vector<std::string> contents;         // per page: compressed content stream
  ContentMap content;                        // the marked-content numbering (when tagged)
  std::vector<TaggedLink> links;             // the tagged links, and their annotations:
  std::vector<HPDF_Annotation> link_annots;  // nullptr where libharu failed
  std::deque<std::string> raw_texts;         // entries of raw dictionaries
  std::deque<BytesSource> sources;           // stream data libharu reads in place
  std::deque<std::string> blobs;             // stream data written once (the XMP packet)
};

// fonts.cpp: which code points each font prints, and the fonts' dictionaries.
bool collect_fonts(WriteState& w);
void add_font_objects(WriteState& w);
void compress_font(EmbeddedFont& f);  // thread-safe: touches no libharu object
// content.cpp: one page's content stream, uncompressed (pages are painted in parallel),
// its marked content as marked_content() numbers it.
std::string paint_page(const WriteState& w, int index, bool tagged);
// encode.cpp: deflate, numbers and text strings as PDF writes them, parallel jobs.
std::string deflate_bytes(const std::string& data);
void put_int(std::string& s, long long v);
// A text string as UTF-16BE hex with a byte-order mark: <FEFF0053…>.
void put_text_string(std::string& s, const std::string& utf8);
void run_jobs(std::vector<std::function<void()>>& jobs, const std::function<void()>& meanwhile);

// haru.cpp: everything that reaches into libharu's internals. Objects: `new_dict`,
// `new_array`, `new_text` and `new_binary` are direct (inside another object),
// `new_indirect` and `new_stream` numbered objects of the file.
HPDF_Dict new_dict(WriteState& w);
HPDF_Array new_array(WriteState& w);
HPDF_String new_text(WriteState& w, const std::string& text, bool utf8 = false);
HPDF_Binary new_binary(WriteState& w, const unsigned char* bytes, size_t size);
HPDF_Dict new_indirect(WriteState& w);
HPDF_Dict new_stream(WriteState& w);
HPDF_Dict catalog(WriteState& w);
HPDF_Dict trailer(WriteState& w);
HPDF_Dict info_dict(WriteState& w);  // nullptr until an information entry is set
void declare_pdf_17(WriteState& w);  // the header's version
// A page's content stream: our finished bytes, read in place.
void set_page_contents(WriteState& w, size_t page, const std::string& bytes, bool deflated);
// What HPDF_SaveToStream does (header, objects, cross-reference table, trailer), into a
// string: libharu's memory stream copies byte by byte.
bool save_to_string(HPDF_Doc pdf, std::string& out);
// The data of a stream object; `bytes` must outlive the save (libharu reads it in place).
void set_stream_bytes(WriteState& w, HPDF_Dict stream, const std::string& bytes,
                      bool deflated = true);
// An indirect dictionary whose entries we write ourselves (`text`, e.g. "/S /P\n/K [ 3 ]\n"),
// for the thousands of small objects of the structure tree: building each entry as a
// libharu object, writing it token by token and freeing it cost more than the rest of
// the document. libharu still numbers, places and frees the object.
HPDF_Dict new_raw_dict(WriteState& w);
// Called before adding many objects: see haru.cpp.
void keep_object_list_growth_geometric(HPDF_Doc pdf);
std::string& raw_text(HPDF_Dict dict);
// "12 0 R" for an indirect object.
void put_ref(std::string& s, const void* indirect_object);
// info.cpp: document info, catalog entries, outline, link annotations.
void write_info(WriteState& w);
void write_outline(WriteState& w);
void write_links(WriteState& w);
// metadata.cpp: the XMP packet (from the metadata and the ISO date, "" for none), the
// catalog's /Metadata stream, and the trailer's /ID from the finished page contents.
std::string xmp_packet(const doc::Meta& m, const std::string& tool, const std::string& date);
void write_metadata(WriteState& w, const std::string& date);
void write_file_id(WriteState& w);
// color.cpp: the catalog's sRGB output intent (PDF/A).
void write_output_intent(WriteState& w);
// structure.cpp: StructTreeRoot, ParentTree, MarkInfo.
void write_structure(WriteState& w);
// tounicode.cpp
std::string tounicode_cmap(const std::vector<char32_t>& codes);

}  // namespace rv::pdf
