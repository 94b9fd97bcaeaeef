// Compressed streams: deflated by us (in parallel), copied into libharu stream objects.
#include <libdeflate.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <system_error>
#include <thread>

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

void put_int(std::string& s, long long v) {
  char buf[24];
  int len = 0;
  const bool negative = v < 0;
  unsigned long long u = negative ? 0ull - static_cast<unsigned long long>(v) : v;
  do {
    buf[len++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  if (negative) s += '-';
  while (len) s += buf[--len];
}

void put_ref(std::string& s, const void* indirect_object) {
  put_int(s, static_cast<const HPDF_Obj_Header*>(indirect_object)->obj_id & 0x00FFFFFF);
  s += " 0 R";
}

void put_text_string(std::string& s, const std::string& utf8) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto unit = [&s](unsigned u) {
    for (int shift = 12; shift >= 0; shift -= 4) s += kHex[(u >> shift) & 0xF];
  };
  s += "<FEFF";
  for (size_t i = 0; i < utf8.size();) {
    const char32_t cp = font::next_code_point(utf8, i);
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  s += '>';
}

std::string deflate_bytes(const std::string& data) {
  // libdeflate at its fastest level: twice zlib's speed at level 1 with smaller output.
  // A compressor is not thread-safe, and pages are compressed on all cores: one a thread.
  struct Compressor {
    libdeflate_compressor* c = libdeflate_alloc_compressor(1);
    ~Compressor() { libdeflate_free_compressor(c); }
  };
  thread_local Compressor z;
  if (!z.c) return {};
  std::string out(libdeflate_zlib_compress_bound(z.c, data.size()), '\0');
  const size_t n = libdeflate_zlib_compress(z.c, data.data(), data.size(), out.data(), out.size());
  if (n == 0) return {};
  out.resize(n);
  return out;
}

HPDF_Dict new_stream(WriteState& w) { return HPDF_DictStream_New(w.pdf->mmgr, w.pdf->xref); }

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

void run_jobs(std::vector<std::function<void()>>& jobs, const std::function<void()>& meanwhile) {
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < jobs.size(); i = next++) jobs[i]();
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> helpers;
  // A thread that cannot be started (a process limit) only means fewer helpers: this
  // thread does the rest. An exception here would end the process with the helpers running.
  for (unsigned k = 1; k < std::min(cores, 4u); ++k) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  meanwhile();
  work();
  for (std::thread& t : helpers) t.join();
}

}  // namespace rv::pdf
