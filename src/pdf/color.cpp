// PDF/A's output intent: the colour space every DeviceRGB colour of the document means
// (ISO 19005-1 §6.2.2, 19005-2 §6.2.3): sRGB, with its ICC profile embedded.
#include <cstddef>
#include <string>

#include "pdf/internal.hpp"

namespace rv::pdf {

extern const unsigned char kSrgbIcc[];  // generated from icc-profiles-free (CMakeLists.txt)
extern const std::size_t kSrgbIccSize;

void write_output_intent(WriteState& w) {
  static const std::string profile(reinterpret_cast<const char*>(kSrgbIcc), kSrgbIccSize);
  std::string& z = w.blobs.emplace_back(deflate_bytes(profile));
  HPDF_Dict icc = new_stream(w);
  HPDF_Dict_AddNumber(icc, "N", 3);
  set_stream_bytes(w, icc, z);

  HPDF_Dict intent = new_raw_dict(w);
  std::string& s = raw_text(intent);
  s = "/Type /OutputIntent\n/S /GTS_PDFA1\n/OutputConditionIdentifier (sRGB IEC61966-2.1)\n"
      "/Info (sRGB IEC61966-2.1)\n/RegistryName (http://www.color.org)\n/DestOutputProfile ";
  put_ref(s, icc);
  s += "\n";
  HPDF_Array intents = new_array(w);
  HPDF_Array_Add(intents, intent);
  HPDF_Dict_Add(catalog(w), "OutputIntents", intents);
}

}  // namespace rv::pdf
