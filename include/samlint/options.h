/// What the user declares about a check: cloud, scenarios, role and account settings, clock.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "samlint/config.h"
#include "samlint/declarations.h"
#include "samlint/limits.h"
#include "samlint/scenario.h"
#include "samlint/suppress.h"
#include "samlint/timestamp.h"
#include "samlint/trust.h"

namespace samlint {

/// Declarations and settings shared by every input of one run. Durations are seconds.
struct CheckOptions {
  std::optional<Cloud> cloud;                 ///< --cloud; else detected per input
  std::vector<ScenarioId> scenarios;          ///< --scenario; empty: the cloud's SAML defaults
  std::optional<std::int64_t> role_max_session;        ///< --role-max-session
  std::optional<std::int64_t> duration_seconds;        ///< --duration-seconds
  std::optional<std::int64_t> login_session;           ///< --login-session
  std::optional<std::int64_t> permission_set_session;  ///< --permission-set-session
  bool role_chaining = false;                 ///< --role-chaining
  /// saml:generic: the service provider's own session cap (--sp-session-limit);
  /// declared only, never assumed.
  std::optional<std::int64_t> sp_session_limit;
  std::optional<std::string> sp_entity_id;  ///< --sp-entity-id: the Audience a generic SP requires
  std::optional<std::string> sp_acs_url;    ///< --sp-acs-url: its assertion consumer service URL
  /// Google: the workforce pool's sessionDuration (--workforce-pool-session).
  std::optional<std::int64_t> workforce_pool_session;
  std::optional<std::int64_t> target;         ///< --target
  /// samlint.toml [[targets]]: per-role targets, first match wins; used for a
  /// role they match when --target was not given on the command line.
  std::vector<RoleTarget> role_targets;
  /// samlint.toml [rules]: severity overrides and disabled rules (see ApplyRuleSettings).
  std::vector<RuleSetting> rule_settings;
  /// --select / --extend-select / --ignore over samlint.toml's (and its
  /// [rules] "off"): the rules reported (see ApplyRuleSelection).
  RuleSelection rule_selection;
  std::optional<Timestamp> now;               ///< --now (t_use)
  std::int64_t clock_skew = 180;              ///< --clock-skew
  bool require_signature = false;             ///< --require-signature
  bool show_identities = false;               ///< --show-identities
  std::shared_ptr<const TrustStore> trust_store;  ///< --cert, --idp-metadata
  std::shared_ptr<const SpKey> sp_key;            ///< --sp-key
  /// --declarations files, joined by role ARN; an option given on the command
  /// line takes precedence over them.
  std::shared_ptr<const Declarations> declarations;
  /// A lower bound on every role's MaxSessionDuration that an audit event
  /// proves (the call succeeded with this DurationSeconds); used when nothing
  /// declares the maximum.
  std::optional<std::int64_t> role_max_proven;
  /// --limit NAME=N: bounds on the work one input may cause.
  Limits limits;
};

}  // namespace samlint
