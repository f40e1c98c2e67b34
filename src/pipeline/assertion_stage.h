// The stages after the trust verdict, shared by every input whose values take
// the shape of a SAML response's facts (a response, or an IdP configuration
// that says what its responses will carry).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "diagnose/assertion_checks.h"
#include "parse/facts.h"
#include "parse/line_index.h"
#include "samlint/options.h"
#include "samlint/result.h"
#include "trust/signature.h"

namespace samlint {

/// Document checks, roles, SessionNotOnOrAfter and SessionDuration joined with
/// the declarations, and every scenario evaluated for the assertion
/// `trust.values_from` (none: the reasons there is no lifetime). Fills
/// `result`; offsets are left for FinishResult. Checks of the values in
/// `unknown` do not run.
void EvaluateReadAssertion(const ResponseFacts& facts, const TrustVerdict& trust,
                           std::optional<Cloud> cloud, const std::string& decrypt_error,
                           const CheckOptions& options, CheckResult& result,
                           const UnknownValues& unknown = {});

/// Offsets to line:column with `index` (of the document the facts were read
/// from), then findings in report order.
void FinishResult(const LineIndex& index, CheckResult& result);

}  // namespace samlint
