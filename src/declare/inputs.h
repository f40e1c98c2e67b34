// What the evaluation of one scenario for one role reads: document values of
// the assertion the cloud reads, joined with the user's declarations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "samlint/options.h"
#include "samlint/rule_id.h"
#include "samlint/scenario.h"

namespace samlint {

/// A lifetime value read from the document.
struct DocumentValue {
  std::int64_t seconds = 0;
  std::size_t offset = 0;
  bool is_signed = false;
};

/// A value the user declared, and where it was declared (for messages).
struct DeclaredValue {
  std::int64_t seconds = 0;
  std::string via;  ///< "--role-max-session", "roles.json:12", ...
};

struct ScenarioInputs {
  Cloud cloud = Cloud::kAws;
  std::optional<std::string> role;
  std::optional<std::string> provider;
  std::string role_name;  ///< last path segment of the role ARN, for fix commands

  bool from_document = false;  ///< evaluating a SAML response (else options alone)
  /// The SessionDuration attribute when it holds an integer.
  std::optional<DocumentValue> session_duration;
  /// SessionNotOnOrAfter minus t_use (may be zero or negative: already over);
  /// absent when there is none or no t_use to measure from.
  std::optional<DocumentValue> session_not_on_or_after;
  /// The SessionNotOnOrAfter factor is inferred from an audit event's observed
  /// lifetime, not read from a document.
  bool session_not_on_or_after_inferred = false;

  std::optional<DeclaredValue> role_max_session;
  std::optional<DeclaredValue> duration_seconds;
  std::optional<DeclaredValue> login_session;
  std::optional<DeclaredValue> permission_set_session;
  /// saml:generic: the service provider's own session cap (declared only).
  std::optional<DeclaredValue> sp_session_limit;
  bool role_chaining = false;
  std::optional<std::int64_t> target;

  /// Google: the workforce pool's sessionDuration.
  std::optional<DeclaredValue> workforce_pool_session;
  /// Google: the workforce pool id, from the response's endpoints or a
  /// declaration; empty when unknown (fix commands then say POOL).
  std::string workforce_pool;
  /// Google: where the pool was declared `disabled: true`; nullopt when not.
  std::optional<std::string> workforce_pool_disabled;
  /// Google: where `accessRestrictions.disableProgrammaticSignin: true` was declared.
  std::optional<std::string> programmatic_signin_disabled;

  /// The cloud refused the call for this rule's cause (an audit event's error):
  /// the evaluation is rejected by it alone, and samlint infers neither another
  /// refusal of the request nor a shortfall below the target.
  std::optional<RuleId> refused_by;
  /// saml:generic: the delivery checks the response fails (validity windows,
  /// Recipient, Audience, signature), each a reason the SP refuses it.
  std::vector<RuleId> delivery_refused;
};

/// The declarations of `options` as DeclaredValues named after their options.
ScenarioInputs DeclarationsFromOptions(Cloud cloud, const CheckOptions& options);

}  // namespace samlint
