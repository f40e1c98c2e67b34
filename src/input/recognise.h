// Whether an input is SAML material at all: what decides, for a file found
// inside a directory, between "skipped: not a kind samlint reads" and an
// `unreadable` result (cli-contract.md, Decisions: Directories). Internal to
// the library (the pipeline and the tests use it).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samlint {

/// The verdict on an input that no reader took whole.
struct Recognition {
  bool recognised = false;
  /// For an input that is not recognised, what it looks like ("JSON", "XML
  /// <project>", "text", "empty", ...), for the reason --show-files gives.
  std::string looks_like;
};

/// For bytes that no capture, STS request, audit event, declarations, IdP
/// configuration or config reader took: recognised when they are a SAML
/// response, even a broken one (a root element Response, Assertion,
/// EncryptedAssertion, ArtifactResponse or a SOAP Envelope naming SAML 2.0,
/// directly or as base64, also cut short; a SAMLResponse form body or HTML
/// form field; an STS query), or a CloudFormation/ROS template (one that
/// reaches here is broken). Reads only the start of base64. Never throws.
Recognition RecogniseResponse(std::string_view bytes);

/// For bytes a reader refused as broken or too large (JSON that does not
/// parse, gzip that does not inflate, an input over a limit): recognised when
/// they (inflated up to `inflate_limit` for gzip) name SAML, STS or a kind of
/// file samlint reads: see kMarkers in recognise.cc. Never throws.
Recognition RecogniseBroken(std::string_view bytes, std::size_t inflate_limit);

}  // namespace samlint
