// The signature verdict about the assertion the cloud reads, and which
// assertion's values may become factors. Without a trust anchor nothing is trusted.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "parse/facts.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "trust/verify.h"

namespace samlint {

struct TrustVerdict {
  SignatureSummary summary;
  /// The assertion whose values become factors: the read one, unless a
  /// signature-wrapping layout hides the validly signed one elsewhere.
  const AssertionFact* values_from = nullptr;
  /// `values_from` is covered by a valid signature made with a trust anchor's
  /// key, and reading the verified canonical form gives the same values.
  bool values_signed = false;
  /// The assertion as read from the bytes the covering signature verified
  /// (set when values_signed): what `values_from` was checked against.
  std::optional<AssertionFact> signed_view;
  VerifyWork work;
};

/// Judges the signatures of the document for the assertion `read` (the
/// Response's first Assertion; may be null) and appends the trust findings to
/// `out`. `xml` is the document `facts` were read from; `t_use` dates the anchors.
/// `precomputed`, when given, is VerifyResponse's outcome for this document and
/// options.trust_store, so that judging again under other options verifies nothing.
TrustVerdict AssessSignatures(std::string_view xml, const ResponseFacts& facts,
                              const AssertionFact* read, std::optional<Cloud> cloud,
                              std::optional<Timestamp> t_use, const CheckOptions& options,
                              std::vector<Diagnostic>& out,
                              const VerifyOutcome* precomputed = nullptr);

/// Whether AssessSignatures verifies signatures for `facts` under `options`
/// (there are trust anchors and a ds:Signature).
bool NeedsVerification(const ResponseFacts& facts, const CheckOptions& options);

/// The cryptographic part of AssessSignatures, which depends on the document
/// and the anchors only: the signatures that can matter (the read assertion's,
/// the Response's, then the other assertions') verified against `store`.
VerifyOutcome VerifyResponse(std::string_view xml, const ResponseFacts& facts,
                             const AssertionFact* read, const TrustStore& store,
                             const Limits& limits);

}  // namespace samlint
