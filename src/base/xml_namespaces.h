/// Namespace URIs of SAML, XML Signature, XML Encryption and SOAP, shared by
/// the parser and the signature and decryption code.
#pragma once

#include <string_view>

namespace samlint {

inline constexpr std::string_view kProtocolNs = "urn:oasis:names:tc:SAML:2.0:protocol";
inline constexpr std::string_view kAssertionNs = "urn:oasis:names:tc:SAML:2.0:assertion";
inline constexpr std::string_view kDsigNs = "http://www.w3.org/2000/09/xmldsig#";
inline constexpr std::string_view kXencNs = "http://www.w3.org/2001/04/xmlenc#";
inline constexpr std::string_view kSoap11Ns = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr std::string_view kSoap12Ns = "http://www.w3.org/2003/05/soap-envelope";
inline constexpr std::string_view kXmlNs = "http://www.w3.org/XML/1998/namespace";
inline constexpr std::string_view kXmlnsNs = "http://www.w3.org/2000/xmlns/";

}  // namespace samlint
