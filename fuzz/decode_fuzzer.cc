// Input detection and decoding: DecodeInput and its base64 / percent decoders,
// then CheckInput, which routes the same bytes to the IdP-config, project
// config, artifact, declarations or SAML-response reader by content.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/codec.h"
#include "input/decode.h"
#include "invariants.h"
#include "samlint/check.h"

using samlint::fuzz::Require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);

  const samlint::DecodedInput decoded = samlint::DecodeInput(bytes);
  if (decoded.encoding == samlint::InputEncoding::kUnknown) {
    Require(decoded.xml.empty(), "undecodable input yields no XML");
    Require(!decoded.error.empty(), "undecodable input says why");
  }
  Require(!samlint::EncodingName(decoded.encoding).empty() ||
              decoded.encoding == samlint::InputEncoding::kUnknown,
          "every decoded encoding has a name");

  std::string out;
  if (samlint::DecodeBase64(bytes, out)) {
    Require(out.size() <= size / 4 * 3 + 3, "base64 decodes to at most 3 bytes per 4");
  }
  for (bool plus_is_space : {false, true}) {
    out.clear();
    if (samlint::DecodePercent(bytes, out, plus_is_space)) {
      Require(out.size() <= size, "percent-decoding never grows the text");
    }
  }

  const samlint::CheckOptions options = samlint::fuzz::FixedOptions();
  samlint::fuzz::CheckResultInvariants(samlint::CheckInput("input", bytes, options));
  return 0;
}
