#include "import/zip_lib.hpp"

#include <dlfcn.h>

namespace rv::import {

const ZipLib* zip_library(std::string& error) {
  static const ZipLib* loaded = [&error]() -> const ZipLib* {
    void* lib = dlopen(RV_LIBZIP_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      error =
          std::string("kan inte läsa in libzip (") + dlerror() + "); installera paketet libzip-dev";
      return nullptr;
    }
    static ZipLib z;
#define RV_ZIP_LOOKUP(name)                                                    \
  z.name = reinterpret_cast<decltype(z.name)>(dlsym(lib, #name));              \
  if (!z.name) {                                                               \
    error = "libzip saknar funktionen " #name " (fel version av biblioteket)"; \
    return nullptr;                                                            \
  }
    RV_ZIP_FUNCTIONS(RV_ZIP_LOOKUP)
#undef RV_ZIP_LOOKUP
    return &z;
  }();
  if (!loaded && error.empty()) error = "libzip kunde inte läsas in tidigare";
  return loaded;
}

}  // namespace rv::import
