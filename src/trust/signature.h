// The signature verdict about the assertion the cloud reads, and which facts
// it makes trusted. Without a trust anchor nothing is trusted.
#pragma once

#include <optional>
#include <vector>

#include "parse/facts.h"
#include "samlint/options.h"
#include "samlint/result.h"

namespace samlint {

struct TrustVerdict {
  SignatureSummary summary;
  /// The read assertion's values are covered by a verified, trusted signature.
  bool assertion_trusted = false;
};

/// Judges the signatures of `facts` for the assertion `read` (may be null).
/// Appends signature-missing, signature-not-checked, assertion-not-signed and
/// signature-weak-algorithm findings to `out`.
TrustVerdict AssessSignatures(const ResponseFacts& facts, const AssertionFact* read,
                              std::optional<Cloud> cloud, const CheckOptions& options,
                              std::vector<Diagnostic>& out);

/// "rsa-sha256" for http://www.w3.org/2001/04/xmldsig-more#rsa-sha256, and so on.
std::string AlgorithmShortName(std::string_view uri);

}  // namespace samlint
