// errno values as the Swedish words a user of rapportverk reads.
#include <cerrno>

#include "outfile/outfile.hpp"

namespace rv::outfile {

std::string errno_text(int err) {
  switch (err) {
    case ENOSPC:
      return "disken är full";
    case EDQUOT:
      return "diskkvoten är slut";
    case EFBIG:
      return "filen blir större än tillåtet (gränsen för filstorlek)";
    case EACCES:
    case EPERM:
      return "åtkomst nekad";
    case EROFS:
      return "filsystemet är skrivskyddat";
    case ENOENT:
      return "filen eller mappen finns inte";
    case ENOTDIR:
      return "en del av sökvägen är ingen mapp";
    case EISDIR:
      return "är en mapp";
    case ELOOP:
      return "för många nivåer av symboliska länkar";
    case ENAMETOOLONG:
      return "sökvägen är för lång";
    case EIO:
      return "in- eller utmatningsfel på enheten";
    case EMFILE:
    case ENFILE:
      return "för många öppna filer";
    case ENOMEM:
      return "minnet räcker inte";
    case EEXIST:
      return "filen finns redan";
    case EXDEV:
      return "ligger på ett annat filsystem";
    case EBUSY:
      return "resursen är upptagen";
    case ETXTBSY:
      return "filen används av ett körande program";
    case EPIPE:
      return "mottagaren har stängt utdataströmmen";
    case ESTALE:
      return "nätverksfilen är inte längre giltig";
    case EMLINK:
      return "för många länkar";
    case ENXIO:
    case ENODEV:
      return "enheten finns inte";
    case EINVAL:
      return "ogiltig åtgärd för filen";
    case EAGAIN:
      return "resursen är tillfälligt otillgänglig";
    default:
      return "systemfel nummer " + std::to_string(err);
  }
}

std::string error_text(const std::error_code& ec) {
  if (ec.category() == std::generic_category() || ec.category() == std::system_category())
    return errno_text(ec.value());
  return "fel " + std::to_string(ec.value());
}

}  // namespace rv::outfile
