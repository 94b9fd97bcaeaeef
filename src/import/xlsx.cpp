// XLSX (Office Open XML) over libzip and expat: the workbook's sheet list, the shared
// strings and one worksheet's cells and merged ranges. Nothing else of the format is read.
#include <expat.h>

#include <functional>
#include <map>
#include <memory>

#include "import/import.hpp"
#include "import/zip_lib.hpp"

namespace rv::import {

namespace {

// A larger part is refused rather than unpacked (a "zip bomb" must not fill the memory).
constexpr zip_uint64_t kMaxPart = 256u << 20;

// Set by read_xlsx before anything else here runs (zip_lib.hpp).
const ZipLib* loaded_zip = nullptr;
const ZipLib& lib() { return *loaded_zip; }

struct ZipCloser {
  void operator()(zip_t* z) const { lib().zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

// The part `name`, or nothing when the archive has none; `error` says why else.
std::optional<std::string> read_part(zip_t* z, const std::string& name, std::string& error) {
  zip_stat_t st;
  lib().zip_stat_init(&st);
  if (lib().zip_stat(z, name.c_str(), 0, &st) != 0) return std::nullopt;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPart) {
    error = "delen " + name + " är orimligt stor packad upp";
    return std::nullopt;
  }
  zip_file_t* f = lib().zip_fopen(z, name.c_str(), 0);
  if (!f) {
    error = "delen " + name + " går inte att packa upp (" + lib().zip_strerror(z) + ")";
    return std::nullopt;
  }
  std::string out;
  char buf[65536];
  for (;;) {
    const zip_int64_t n = lib().zip_fread(f, buf, sizeof buf);
    if (n < 0) {
      error = "delen " + name + " går inte att packa upp (trasig fil)";
      lib().zip_fclose(f);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
    if (out.size() > kMaxPart) {
      error = "delen " + name + " är orimligt stor packad upp";
      lib().zip_fclose(f);
      return std::nullopt;
    }
  }
  lib().zip_fclose(f);
  return out;
}

// A small SAX walk over one XML part: element names without namespace prefix.
struct XmlWalk {
  std::function<void(std::string_view name, const char** attrs)> open;
  std::function<void(std::string_view name)> close;
  std::function<void(std::string_view text)> text;
  bool doctype = false;
};

std::string_view local(const char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* attr(const char** attrs, std::string_view wanted) {
  for (int i = 0; attrs[i]; i += 2)
    if (local(attrs[i]) == wanted) return attrs[i + 1];
  return nullptr;
}

// False with `error` set when the part is not well-formed XML (or has a DTD).
bool walk(const std::string& xml, XmlWalk& w, std::string& error) {
  XML_Parser p = XML_ParserCreate("UTF-8");
  if (!p) throw std::bad_alloc();
  XML_SetUserData(p, &w);
  XML_SetElementHandler(
      p,
      [](void* ud, const XML_Char* name, const XML_Char** attrs) {
        auto* self = static_cast<XmlWalk*>(ud);
        if (self->open) self->open(local(name), attrs);
      },
      [](void* ud, const XML_Char* name) {
        auto* self = static_cast<XmlWalk*>(ud);
        if (self->close) self->close(local(name));
      });
  XML_SetCharacterDataHandler(p, [](void* ud, const XML_Char* s, int len) {
    auto* self = static_cast<XmlWalk*>(ud);
    if (self->text) self->text(std::string_view(s, static_cast<size_t>(len)));
  });
  // Office files have no DTD; one here could only be an entity expansion attack.
  XML_SetStartDoctypeDeclHandler(
      p, [](void* ud, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* self = static_cast<XmlWalk*>(ud);
        self->doctype = true;
      });
  const bool ok =
      XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_OK && !w.doctype;
  if (!ok)
    error = w.doctype ? "innehåller en DTD"
                      : std::string("är inte giltig XML (") + XML_ErrorString(XML_GetErrorCode(p)) +
                            ", rad " + std::to_string(XML_GetCurrentLineNumber(p)) + ")";
  XML_ParserFree(p);
  return ok;
}

// "C17" → row 16, column 2 (0-based); false for anything else.
bool parse_ref(std::string_view ref, int& row, int& col) {
  size_t i = 0;
  long c = 0, r = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c < 20000)
    c = c * 26 + (ref[i++] - 'A' + 1);
  if (i == 0 || c > 16384) return false;
  const size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && r < 2000000)
    r = r * 10 + (ref[i++] - '0');
  if (i == digits || i != ref.size() || r < 1 || r > 1048576) return false;
  row = static_cast<int>(r - 1);
  col = static_cast<int>(c - 1);
  return true;
}

struct SheetEntry {
  std::string name, rel_id;
};

}  // namespace

std::optional<Sheet> read_xlsx(const std::string& file, std::string_view bytes,
                               const std::string& sheet_name, Diagnostics& diags) {
  const Span whole{file, 0, 0};
  std::string no_lib;
  loaded_zip = zip_library(no_lib);
  if (!loaded_zip) {
    diags.error(whole, "arbetsboken går inte att läsa: " + no_lib);
    return std::nullopt;
  }
  zip_error_t zerr;
  lib().zip_error_init(&zerr);
  zip_source_t* src = lib().zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
  if (!src) throw std::bad_alloc();
  Zip z(lib().zip_open_from_source(src, ZIP_RDONLY, &zerr));
  if (!z) {
    lib().zip_source_free(src);
    lib().zip_error_fini(&zerr);
    diags.error(whole,
                "filen är ingen XLSX-arbetsbok (inget giltigt zip-arkiv); en CSV-fil "
                "ska sluta på .csv");
    return std::nullopt;
  }
  lib().zip_error_fini(&zerr);
  std::string error;
  auto fail = [&](const std::string& why) {
    diags.error(whole, "arbetsboken går inte att läsa: " + why);
    return std::nullopt;
  };
  // The sheets in the workbook's order, and where each one's part is.
  auto workbook = read_part(z.get(), "xl/workbook.xml", error);
  if (!workbook) return fail(error.empty() ? "xl/workbook.xml saknas" : error);
  std::vector<SheetEntry> sheets;
  XmlWalk w;
  w.open = [&](std::string_view name, const char** a) {
    if (name != "sheet") return;
    const char* n = attr(a, "name");
    const char* id = attr(a, "id");
    if (n && id) sheets.push_back({n, id});
  };
  if (!walk(*workbook, w, error)) return fail("xl/workbook.xml " + error);
  if (sheets.empty()) return fail("arbetsboken har inga blad");
  const SheetEntry* chosen = &sheets.front();
  if (!sheet_name.empty()) {
    chosen = nullptr;
    for (const auto& s : sheets)
      if (s.name == sheet_name) chosen = &s;
    if (!chosen) {
      std::string names;
      for (const auto& s : sheets) names += (names.empty() ? "'" : ", '") + s.name + "'";
      diags.error(whole, "arbetsboken har inget blad '" + sheet_name + "' (bladen: " + names + ")");
      return std::nullopt;
    }
  }
  std::map<std::string, std::string> targets;
  if (auto rels = read_part(z.get(), "xl/_rels/workbook.xml.rels", error)) {
    XmlWalk rw;
    rw.open = [&](std::string_view name, const char** a) {
      const char* id = attr(a, "Id");
      const char* target = attr(a, "Target");
      if (name == "Relationship" && id && target) targets[id] = target;
    };
    if (!walk(*rels, rw, error)) return fail("xl/_rels/workbook.xml.rels " + error);
  }
  std::string part = targets.count(chosen->rel_id) ? targets[chosen->rel_id] : "";
  if (part.empty()) return fail("bladet '" + chosen->name + "' hittas inte i arkivet");
  part = part.starts_with("/") ? part.substr(1) : "xl/" + part;

  // Shared strings: <si> is plain <t> or rich-text runs <r><t>; phonetic hints <rPh> are not text.
  std::vector<std::string> shared;
  if (auto sst = read_part(z.get(), "xl/sharedStrings.xml", error)) {
    XmlWalk sw;
    bool in_t = false;
    int in_phonetic = 0;
    sw.open = [&](std::string_view name, const char**) {
      if (name == "si") shared.emplace_back();
      if (name == "rPh") ++in_phonetic;
      if (name == "t") in_t = true;
    };
    sw.close = [&](std::string_view name) {
      if (name == "rPh") --in_phonetic;
      if (name == "t") in_t = false;
    };
    sw.text = [&](std::string_view t) {
      if (in_t && !in_phonetic && !shared.empty()) shared.back() += t;
    };
    if (!walk(*sst, sw, error)) return fail("xl/sharedStrings.xml " + error);
  } else if (!error.empty()) {
    return fail(error);
  }

  auto xml = read_part(z.get(), part, error);
  if (!xml) return fail(error.empty() ? part + " saknas" : error);
  Sheet sheet;
  sheet.file = file;
  sheet.name = chosen->name;
  auto span_of = [&](int row, int col) {
    return Span{file + ":" + sheet.name + "!" + column_letters(col) + std::to_string(row + 1), 0,
                0};
  };
  // The cell being read.
  int row = -1, col = -1;
  std::string type, value, formula, inline_text;
  bool has_value = false, has_formula = false, in_v = false, in_f = false, in_is = false,
       in_t = false;
  bool bad = false;
  XmlWalk cw;
  cw.open = [&](std::string_view name, const char** a) {
    if (name == "row") {
      const char* r = attr(a, "r");
      long n = r ? std::strtol(r, nullptr, 10) : row + 2;
      row = n >= 1 && n <= 1048576 ? static_cast<int>(n - 1) : row + 1;
      col = -1;
    } else if (name == "c") {
      const char* r = attr(a, "r");
      int rr = row, cc = col + 1;
      if (r && !parse_ref(r, rr, cc)) cc = col + 1, rr = row;
      if (rr >= 0) row = rr;
      col = cc;
      const char* t = attr(a, "t");
      type = t ? t : "n";
      value.clear();
      formula.clear();
      inline_text.clear();
      has_value = has_formula = false;
    } else if (name == "v") {
      in_v = has_value = true;
    } else if (name == "f") {
      in_f = has_formula = true;
    } else if (name == "is") {
      in_is = true;
    } else if (name == "t" && in_is) {
      in_t = true;
    } else if (name == "mergeCell") {
      const char* ref = attr(a, "ref");
      std::string_view r = ref ? ref : "";
      const auto colon = r.find(':');
      Merge m;
      if (colon != std::string_view::npos &&
          parse_ref(r.substr(0, colon), m.first_row, m.first_col) &&
          parse_ref(r.substr(colon + 1), m.last_row, m.last_col)) {
        m.ref = std::string(r);
        sheet.merges.push_back(m);
      }
    }
  };
  cw.text = [&](std::string_view t) {
    if (in_v) value += t;
    if (in_f) formula += t;
    if (in_t) inline_text += t;
  };
  cw.close = [&](std::string_view name) {
    if (name == "v") in_v = false;
    if (name == "f") in_f = false;
    if (name == "t") in_t = false;
    if (name == "is") in_is = false;
    if (name != "c" || row < 0 || col < 0) return;
    Cell cell;
    cell.at = span_of(row, col);
    // A recipients' table is a few thousand rows and some columns: more is not one.
    if (row >= 200000 || col >= 500) {
      if (!bad) diags.error(cell.at, "bladet är för stort för en tabell över mottagare");
      bad = true;
      return;
    }
    if (type == "inlineStr") {
      cell.kind = Cell::Kind::Text;
      cell.text = inline_text;
    } else if (has_formula && !has_value) {
      diags.error(cell.at, "cellen har en formel (=" + formula +
                               ") men inget sparat värde; öppna filen i Excel eller LibreOffice "
                               "och spara den igen så att värdet räknas ut");
      bad = true;
      return;
    } else if (!has_value) {
      return;  // a formatted but empty cell
    } else if (type == "s") {
      char* end = nullptr;
      const long i = std::strtol(value.c_str(), &end, 10);
      if (end == value.c_str() || *end || i < 0 || i >= static_cast<long>(shared.size())) {
        diags.error(cell.at, "cellen hänvisar till en text som inte finns i arbetsboken");
        bad = true;
        return;
      }
      cell.kind = Cell::Kind::Text;
      cell.text = shared[static_cast<size_t>(i)];
    } else if (type == "e") {
      diags.error(cell.at, "cellen innehåller felet " + value + " i stället för ett värde");
      bad = true;
      return;
    } else if (type == "b") {
      cell.kind = Cell::Kind::Text;
      cell.text = value == "1" ? "ja" : "nej";
    } else if (type == "str" || type == "d") {
      cell.kind = Cell::Kind::Text;
      cell.text = value;
    } else {
      cell.kind = Cell::Kind::Number;
      cell.text = value;
    }
    if (static_cast<size_t>(row) >= sheet.rows.size()) sheet.rows.resize(row + 1);
    auto& r = sheet.rows[row];
    if (static_cast<size_t>(col) >= r.size()) {
      r.resize(col + 1);
      for (int k = 0; k <= col; ++k)
        if (r[k].at.file.empty()) r[k].at = span_of(row, k);
    }
    r[col] = std::move(cell);
  };
  if (!walk(*xml, cw, error)) return fail(part + " " + error);
  if (bad) return std::nullopt;
  return sheet;
}

}  // namespace rv::import
