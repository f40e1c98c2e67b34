// A SAML response read once: decoded, parsed, decrypted, its signatures
// verified. What a result keeps so an audit event can be judged against the
// same response under the event's options without reading it again.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "parse/facts.h"
#include "pipeline/assertion_stage.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "trust/verify.h"

namespace samlint {

struct ResponseRead {
  std::string encoding;  ///< as reported: "xml", "base64", "base64, decrypted", ...
  /// The document the facts' offsets point into: the decoded input, or the
  /// decrypted one when its assertion was encrypted.
  std::string xml;
  ResponseFacts facts;
  std::string decrypt_error;  ///< why an encrypted assertion stayed unread
  /// The signatures verified against `verified_with` (nullopt: nothing to verify).
  std::optional<VerifyOutcome> verified;
  std::shared_ptr<const TrustStore> verified_with;
};

/// Reads `bytes` as a SAML response under `options` (limits, SP key, trust
/// anchors): the read, or the result of an input that cannot be read. Never throws.
std::variant<CheckResult, std::shared_ptr<const ResponseRead>> ReadResponse(
    std::string_view input_name, std::string_view bytes, const CheckOptions& options);

/// Judges a read response under `options`: cloud, trust verdict, document
/// checks, declarations, scenarios, inline suppressions, locations. Verifies
/// nothing again unless `options` name other trust anchors. `scope` narrows
/// what is evaluated (see AssertionScope). Never throws.
CheckResult JudgeResponse(std::string_view input_name, const ResponseRead& read,
                          const CheckOptions& options, const AssertionScope& scope = {});

}  // namespace samlint
