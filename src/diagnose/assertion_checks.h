// What the cloud checks in the assertion besides lifetimes: status, roles,
// names, audience, recipient, validity windows, document structure.
#pragma once

#include <optional>
#include <vector>

#include "parse/assertion_values.h"
#include "parse/facts.h"
#include "samlint/options.h"
#include "samlint/result.h"

namespace samlint {

/// Checks that hold whatever the cloud: structure, dates, status, duplicate IDs.
void CheckDocument(const ResponseFacts& facts, const CheckOptions& options,
                   std::vector<Diagnostic>& out);

/// A Response whose status is Success and that carries no assertion, plain or
/// encrypted (`assertion-missing`, reported by CheckDocument).
bool SuccessWithoutAssertion(const ResponseFacts& facts);

/// Values a document leaves to sign-in (an IdP configuration's): unknown, not
/// missing, so the checks that would call them missing or wrong do not run.
struct UnknownValues {
  bool roles = false;
  bool role_session_name = false;
  bool audience = false;
  bool recipient = false;  ///< the Recipient, and the Response's Destination
};

/// Checks of the assertion the cloud reads (`values.assertion`, not null) against
/// that cloud's requirements. Without a time of use the time checks are skipped.
void CheckAssertionForCloud(const ResponseFacts& facts, const AssertionValues& values, Cloud cloud,
                            const CheckOptions& options, std::vector<Diagnostic>& out,
                            const UnknownValues& unknown = {});

}  // namespace samlint
