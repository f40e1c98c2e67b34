/// Cheap invariants the harnesses check on every output; a violation aborts,
/// which libFuzzer reports as a crash with the input that caused it.
#pragma once

#include <string_view>
#include <vector>

#include "samlint/options.h"
#include "samlint/result.h"

namespace samlint::fuzz {

/// Aborts with `what` on stderr when `condition` is false.
void Require(bool condition, std::string_view what);

/// The options every harness checks with: a fixed clock, so a run never
/// depends on today's date, and nothing else declared.
CheckOptions FixedOptions();

/// FixedOptions with the test IdP's certificate (testdata/trust/keys/
/// idp-rsa2048.cert.pem) as the only trust anchor, built once and never changed.
const CheckOptions& TrustedOptions();

/// Checks what every CheckResult promises:
/// - every diagnostic names a registered rule; a location is 1-based;
/// - an issued evaluation's effective lifetime is the minimum of its factors
///   and its binding factors are the ones at that minimum; a rejected one has
///   neither;
/// - only document factors carry a signed flag, and nothing (factor, context
///   value or role) is signed unless the signature status is "verified", or
///   "invalid" with signature-not-covering-assertion (values then come from
///   the signed, wrapped assertion), or "not-checked" for an IdP configuration
///   (signed as configured): the README's "Wrapped signatures" and "IdP
///   configuration" decisions;
/// - a signature status is one of verified, invalid, missing, not-checked.
void CheckResultInvariants(const CheckResult& result);

/// CheckResultInvariants for each result.
void CheckResultInvariants(const std::vector<CheckResult>& results);

}  // namespace samlint::fuzz
