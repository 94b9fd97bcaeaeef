// libzip, opened when a workbook is read. Linked directly, libzip brings libcrypto and
// libbz2 with it, and their relocations cost every start of rapportverk about a
// millisecond, for the one command that reads XLSX (as libxlsxwriter for export).
#pragma once

#include <zip.h>

#include <string>

namespace rv::import {

// An X-macro list, kept out of clang-format: it does not settle on one layout for it.
// clang-format off
#define RV_ZIP_FUNCTIONS(X) \
  X(zip_discard) \
  X(zip_stat_init) \
  X(zip_stat) \
  X(zip_fopen) \
  X(zip_strerror) \
  X(zip_fread) \
  X(zip_fclose) \
  X(zip_error_init) \
  X(zip_error_fini) \
  X(zip_source_buffer_create) \
  X(zip_open_from_source) \
  X(zip_source_free)
// clang-format on

struct ZipLib {
#define RV_ZIP_MEMBER(f) decltype(&::f) f = nullptr;
  RV_ZIP_FUNCTIONS(RV_ZIP_MEMBER)
#undef RV_ZIP_MEMBER
};

// The library's functions, or null with the reason (in Swedish) in `error`.
const ZipLib* zip_library(std::string& error);

}  // namespace rv::import
