// What the cloud checks in the assertion besides lifetimes: status, roles,
// names, audience, recipient, validity windows, document structure.
#pragma once

#include <optional>
#include <vector>

#include "parse/facts.h"
#include "samlint/options.h"
#include "samlint/result.h"

namespace samlint {

/// Checks that hold whatever the cloud: structure, dates, status, duplicate IDs.
void CheckDocument(const ResponseFacts& facts, const CheckOptions& options,
                   std::vector<Diagnostic>& out);

/// Values a document leaves to sign-in (an IdP configuration's): unknown, not
/// missing, so the checks that would call them missing or wrong do not run.
struct UnknownValues {
  bool roles = false;
  bool role_session_name = false;
  bool audience = false;
  bool recipient = false;  ///< the Recipient, and the Response's Destination
};

/// Checks of the assertion the cloud reads against that cloud's requirements.
/// `t_use` may be absent (no IssueInstant and no --now): time checks are skipped.
void CheckAssertionForCloud(const ResponseFacts& facts, const AssertionFact& assertion, Cloud cloud,
                            std::optional<Timestamp> t_use, const CheckOptions& options,
                            std::vector<Diagnostic>& out, const UnknownValues& unknown = {});

/// The SessionDuration attribute of `cloud` as the lifetime model reads it:
/// an integer, or nullopt when absent or unusable. Reports
/// session-duration-out-of-range for values outside 900..43200, non-integers
/// and repeated values when `out` is not null.
struct SessionDurationRead {
  std::optional<std::int64_t> seconds;
  std::size_t offset = 0;
};
SessionDurationRead ReadSessionDuration(const AssertionFact& assertion, Cloud cloud,
                                        std::vector<Diagnostic>* out);

}  // namespace samlint
