// The one file that knows libharu's internals: its document's fields (catalog, trailer,
// information dictionary, cross-reference table, memory manager), the object and stream
// structures whose hooks we set (a dictionary's entries written as our text, a stream's
// data read in place from our bytes), and saving to memory. The rest of src/pdf uses these
// functions and libharu's public API only, so a libharu update is checked here.
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstring>
#include <iterator>

#include "pdf/internal.hpp"

namespace rv::pdf {

namespace {

// libharu drops a /Filter entry from streams it does not compress itself; this hook
// runs while the dictionary is written, after its entries, and adds it back.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

HPDF_STATUS write_raw_entries(HPDF_Dict dict, HPDF_Stream out) {
  const auto* text = static_cast<const std::string*>(dict->attr);
  return HPDF_Stream_Write(out, reinterpret_cast<const HPDF_BYTE*>(text->data()),
                           static_cast<HPDF_UINT>(text->size()));
}

HPDF_STATUS append_bytes(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
  static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
  return HPDF_OK;
}

}  // namespace

void keep_object_list_growth_geometric(HPDF_Doc pdf) {
  // libharu grows its lists by a fixed block (1 024 cross-reference entries), copying
  // the whole array each time: quadratic in the number of objects, which a 200 000-row
  // appendix (over a million structure elements) feels. A block as large as the list
  // already is makes the growth geometric and the total copying linear.
  HPDF_List entries = pdf->xref->entries;
  if (entries->items_per_block < entries->count) entries->items_per_block = entries->count;
}

HPDF_Dict new_raw_dict(WriteState& w) {
  keep_object_list_growth_geometric(w.pdf);
  HPDF_Dict d = HPDF_Dict_New(w.pdf->mmgr);
  HPDF_Xref_Add(w.pdf->xref, d);
  d->attr = &w.raw_texts.emplace_back();  // a deque: the address stays valid
  d->write_fn = write_raw_entries;
  return d;
}

std::string& raw_text(HPDF_Dict dict) { return *static_cast<std::string*>(dict->attr); }

void put_ref(std::string& s, const void* indirect_object) {
  put_int(s, static_cast<const HPDF_Obj_Header*>(indirect_object)->obj_id & 0x00FFFFFF);
  s += " 0 R";
}

HPDF_Dict new_stream(WriteState& w) { return HPDF_DictStream_New(w.pdf->mmgr, w.pdf->xref); }

HPDF_Dict new_indirect(WriteState& w) {
  HPDF_Dict d = HPDF_Dict_New(w.pdf->mmgr);
  HPDF_Xref_Add(w.pdf->xref, d);
  return d;
}

HPDF_Dict new_dict(WriteState& w) { return HPDF_Dict_New(w.pdf->mmgr); }
HPDF_Array new_array(WriteState& w) { return HPDF_Array_New(w.pdf->mmgr); }
HPDF_String new_text(WriteState& w, const std::string& text, bool utf8) {
  return HPDF_String_New(w.pdf->mmgr, text.c_str(),
                         utf8 ? HPDF_GetEncoder(w.pdf, "UTF-8") : nullptr);
}
HPDF_Binary new_binary(WriteState& w, const unsigned char* bytes, size_t size) {
  return HPDF_Binary_New(w.pdf->mmgr, const_cast<HPDF_BYTE*>(bytes), static_cast<HPDF_UINT>(size));
}
HPDF_Dict catalog(WriteState& w) { return w.pdf->catalog; }
HPDF_Dict trailer(WriteState& w) { return w.pdf->trailer; }
HPDF_Dict info_dict(WriteState& w) { return w.pdf->info; }
void declare_pdf_17(WriteState& w) { w.pdf->pdf_version = HPDF_VER_17; }

namespace {

BytesSource& source(HPDF_Stream s) { return *static_cast<BytesSource*>(s->attr); }

HPDF_STATUS read_bytes(HPDF_Stream s, HPDF_BYTE* out, HPDF_UINT* size) {
  BytesSource& src = source(s);
  const size_t left = src.bytes->size() - src.pos;
  const size_t n = std::min<size_t>(*size, left);
  std::memcpy(out, src.bytes->data() + src.pos, n);
  src.pos += n;
  const bool short_read = n < *size;
  *size = static_cast<HPDF_UINT>(n);
  return short_read ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_bytes(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode) {
  BytesSource& src = source(s);
  const long long base = mode == HPDF_SEEK_SET   ? 0
                         : mode == HPDF_SEEK_CUR ? static_cast<long long>(src.pos)
                                                 : static_cast<long long>(src.bytes->size());
  const long long to = base + pos;
  if (to < 0 || to > static_cast<long long>(src.bytes->size())) return HPDF_STREAM_EOF;
  src.pos = static_cast<size_t>(to);
  return HPDF_OK;
}

HPDF_INT32 tell_bytes(HPDF_Stream s) { return static_cast<HPDF_INT32>(source(s).pos); }

HPDF_UINT32 size_of_bytes(HPDF_Stream s) {
  return static_cast<HPDF_UINT32>(source(s).bytes->size());
}

}  // namespace

void set_stream_bytes(WriteState& w, HPDF_Dict stream, const std::string& bytes, bool deflated) {
  stream->filter = HPDF_STREAM_FILTER_NONE;  // nothing for libharu to compress
  if (deflated) stream->write_fn = write_flate_filter;
  HPDF_Stream_Free(stream->stream);
  BytesSource& src = w.sources.emplace_back(BytesSource{&bytes});
  stream->stream =
      HPDF_CallbackReader_New(w.pdf->mmgr, read_bytes, seek_bytes, tell_bytes, size_of_bytes, &src);
}

void set_page_contents(WriteState& w, size_t page, const std::string& bytes, bool deflated) {
  const auto attr = static_cast<HPDF_PageAttr>(w.pages[page]->attr);
  set_stream_bytes(w, attr->contents, bytes, deflated);
  attr->stream = attr->contents->stream;
}

bool save_to_string(HPDF_Doc pdf, std::string& out) {
  static const char* const kHeader[] = {"%PDF-1.2", "%PDF-1.3", "%PDF-1.4",
                                        "%PDF-1.5", "%PDF-1.6", "%PDF-1.7"};
  const auto version = static_cast<size_t>(pdf->pdf_version);
  if (!HPDF_HasDoc(pdf) || version >= std::size(kHeader) || pdf->encrypt_on || !pdf->info)
    return false;
  HPDF_Stream stream = HPDF_CallbackWriter_New(pdf->mmgr, append_bytes, &out);
  if (!stream) return false;
  out.reserve(1u << 20);
  // The header's second line marks the file as binary, as libharu writes it.
  bool ok = HPDF_Stream_WriteStr(stream, kHeader[version]) == HPDF_OK &&
            HPDF_Stream_WriteStr(stream, "\012%\267\276\255\252\012") == HPDF_OK &&
            HPDF_Dict_Add(pdf->trailer, "Root", pdf->catalog) == HPDF_OK &&
            HPDF_Dict_Add(pdf->trailer, "Info", pdf->info) == HPDF_OK &&
            HPDF_Xref_WriteToStream(pdf->xref, stream, nullptr) == HPDF_OK;
  HPDF_Stream_Free(stream);
  return ok;
}

}  // namespace rv::pdf
