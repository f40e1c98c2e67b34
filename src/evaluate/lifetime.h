// Scenario evaluation: the factors of one scenario, their minimum, what binds,
// what clamps below the target, and whether the cloud would refuse outright.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "declare/inputs.h"
#include "samlint/result.h"

namespace samlint {

struct ScenarioOutcome {
  Evaluation evaluation;
  std::vector<Diagnostic> diagnostics;  ///< all carry the scenario (and role)
  /// With ScenarioInputs::refused_by: the evaluation found that cause itself,
  /// and `diagnostics` explain the refusal.
  bool refusal_explained = false;
};

/// Evaluates `scenario` for one role. Implements lifetime-rules.md's tables
/// and the contract's Decisions (defaults, rejections, context values).
ScenarioOutcome EvaluateScenario(ScenarioId scenario, const ScenarioInputs& in);

/// Which options a scenario reads; the rest are reported as ignored.
struct ScenarioUse {
  bool role_max = false;
  bool duration_seconds = false;
  bool login_session = false;
  bool permission_set = false;
  bool role_chaining = false;
  bool sp = false;  ///< --sp-session-limit, --sp-entity-id, --sp-acs-url (saml:generic)
  bool workforce_pool = false;  ///< --workforce-pool-session (Google)
};
ScenarioUse UsesOf(ScenarioId scenario);

/// The factors whose values a rejecting rule found the cloud would refuse
/// (the request against the limit it broke, or the declared value out of
/// range), in factor order; empty for a rule about no factor (an STS error).
std::vector<FactorName> RefusedFactors(std::string_view rule);

/// The fix for a factor that holds the lifetime below `want` seconds.
std::string FactorFix(FactorName factor, const ScenarioInputs& in, ScenarioId scenario,
                      std::int64_t want);

}  // namespace samlint
