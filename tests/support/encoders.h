// Test-only encoders and a sample response, so inputs are built from XML
// rather than pasted blobs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samlint::test {

/// A small response whose base64 form uses '+', '/' and '=' (its comment is there for that).
inline constexpr std::string_view kAwkwardResponseXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r1\" "
    "Version=\"2.0\" IssueInstant=\"2026-11-23T10:00:00Z\"><!-- ??? >>> ~~~ -->"
    "<saml:Issuer xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">"
    "https://idp.example.com/</saml:Issuer></samlp:Response>";

/// Base64 of `bytes`, URL-safe and unpadded on request, wrapped with CRLF every
/// `line_length` characters when that is not 0.
inline std::string EncodeBase64(std::string_view bytes, bool url_safe = false, bool pad = true,
                                std::size_t line_length = 0) {
  const std::string_view alphabet =
      url_safe ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
               : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string chars;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned int chunk = static_cast<unsigned int>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) {
      chunk |= static_cast<unsigned int>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    }
    if (i + 2 < bytes.size()) {
      chunk |= static_cast<unsigned char>(bytes[i + 2]);
    }
    const std::size_t produced = bytes.size() - i >= 3 ? 4 : bytes.size() - i + 1;
    for (std::size_t k = 0; k < 4; ++k) {
      if (k < produced) {
        chars.push_back(alphabet[(chunk >> (18 - 6 * k)) & 0x3F]);
      } else if (pad) {
        chars.push_back('=');
      }
    }
  }
  if (line_length == 0) {
    return chars;
  }
  std::string wrapped;
  for (std::size_t i = 0; i < chars.size(); i += line_length) {
    if (i > 0) {
      wrapped += "\r\n";
    }
    wrapped += chars.substr(i, line_length);
  }
  return wrapped;
}

/// Escapes the way browsers encode form fields, including '+', '/' and '='.
inline std::string EncodePercent(std::string_view text) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.') {
      out.push_back(c);
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0xF]);
    }
  }
  return out;
}

}  // namespace samlint::test
