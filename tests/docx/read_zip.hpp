// A zip archive's entries read back with libzip, for the DOCX tests.
#pragma once

#include <zip.h>

#include <catch2/catch.hpp>
#include <map>
#include <string>

namespace rvtest {

// Every entry of a zip archive in memory, read back with libzip.
inline std::map<std::string, std::string> unzip(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(src);
  zip_t* archive = zip_open_from_source(src, ZIP_CHECKCONS | ZIP_RDONLY, &error);
  INFO(zip_error_strerror(&error));
  REQUIRE(archive);
  std::map<std::string, std::string> out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(f);
    std::string data(st.size, '\0');
    REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_discard(archive);
  zip_error_fini(&error);
  return out;
}

}  // namespace rvtest
