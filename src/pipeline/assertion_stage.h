// The stages after the trust verdict, shared by every input whose values take
// the shape of a SAML response's facts (a response, or an IdP configuration
// that says what its responses will carry).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnose/assertion_checks.h"
#include "parse/assertion_values.h"
#include "parse/facts.h"
#include "parse/line_index.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "trust/signature.h"

namespace samlint {

/// What the caller already knows, which narrows what the stages report
/// (rather than findings being dropped afterwards).
struct AssertionScope {
  /// Values left to sign-in (an IdP configuration's): their checks do not run.
  UnknownValues unknown;
  /// When set, only this role of the Role attribute is evaluated: the role an
  /// STS request or an audit event names.
  std::string role;
};

/// Scenarios evaluated for the assertion `trust.values_from`, whose values are
/// `values` (read with ReadAssertionValues), joined with the declarations; then
/// the document checks (none: the reasons there is no lifetime). Fills `result`;
/// offsets are left for FinishResult.
void EvaluateReadAssertion(const ResponseFacts& facts, const AssertionValues& values,
                           const TrustVerdict& trust, std::optional<Cloud> cloud,
                           const std::string& decrypt_error, const CheckOptions& options,
                           const AssertionScope& scope, CheckResult& result);

/// Offsets to line:column with `index` (of the document the facts were read
/// from), then findings in report order.
void FinishResult(const LineIndex& index, CheckResult& result);

}  // namespace samlint
