/// Detects what an input's bytes hold and decodes a SAML response out of them.
#pragma once

#include <string>
#include <string_view>

namespace samlint {

/// How the SAML XML was wrapped in the input.
enum class InputEncoding {
  kXml,        ///< the bytes are the XML itself
  kBase64,     ///< base64 (standard or URL-safe, line breaks allowed), maybe percent-encoded
  kFormBody,   ///< application/x-www-form-urlencoded body with SAMLResponse=
  kHtmlForm,   ///< an HTML page whose form carries a SAMLResponse field
  kUnknown,    ///< none of the above
};

/// The outcome of content detection.
struct DecodedInput {
  InputEncoding encoding = InputEncoding::kUnknown;
  std::string xml;       ///< the decoded XML document (empty when encoding is kUnknown)
  std::string relay_state;  ///< RelayState of a form body, if any
  std::string error;     ///< why nothing could be decoded, for kUnknown
};

/// Detects by content, never by file name, and decodes. Leading BOM and
/// whitespace are ignored. Never throws; undecodable input gives kUnknown with
/// a one-sentence `error`.
DecodedInput DecodeInput(std::string_view bytes);

/// Name of an encoding for reports ("xml", "base64", "form", "html-form").
std::string_view EncodingName(InputEncoding encoding);

}  // namespace samlint
