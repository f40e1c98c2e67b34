// evaluate/lifetime: what an audit event's refusal does to a scenario's evaluation.
#include "evaluate/lifetime.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "samlint/rule_id.h"

namespace samlint {
namespace {

// AssumeRoleWithSAML asking 2 hours of a role whose maximum is the assumed 1 hour default.
ScenarioInputs TooLongRequest() {
  ScenarioInputs in;
  in.cloud = Cloud::kAws;
  in.role = "arn:aws:iam::123456789012:role/ops";
  in.role_name = "ops";
  in.duration_seconds = DeclaredValue{7200, "requestParameters.durationSeconds"};
  in.target = 8 * 3600;
  return in;
}

bool Reports(const ScenarioOutcome& o, RuleId rule) {
  return std::any_of(o.diagnostics.begin(), o.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.rule == rule; });
}

TEST(LifetimeRefusedBy, WithoutARefusalSamlintInfersItsOwn) {
  ScenarioOutcome o = EvaluateScenario(ScenarioId::kAwsSamlApi, TooLongRequest());
  EXPECT_EQ(o.evaluation.outcome, Outcome::kRejected);
  EXPECT_EQ(o.evaluation.rejected_by,
            std::vector<std::string>{std::string(Rule::kDurationExceedsRoleMax.name())});
  EXPECT_TRUE(Reports(o, Rule::kDurationExceedsRoleMax));
  EXPECT_FALSE(o.refusal_explained);
}

TEST(LifetimeRefusedBy, TheReportedCauseReplacesAnInferredRefusal) {
  ScenarioInputs in = TooLongRequest();
  in.refused_by = Rule::kDurationOutOfRange;
  ScenarioOutcome o = EvaluateScenario(ScenarioId::kAwsSamlApi, in);
  EXPECT_EQ(o.evaluation.outcome, Outcome::kRejected);
  EXPECT_EQ(o.evaluation.rejected_by,
            std::vector<std::string>{std::string(Rule::kDurationOutOfRange.name())});
  EXPECT_FALSE(Reports(o, Rule::kDurationExceedsRoleMax));
  EXPECT_FALSE(o.refusal_explained);  // the caller words the cloud's error
}

TEST(LifetimeRefusedBy, AnInferredRefusalOfTheSameCauseExplainsIt) {
  ScenarioInputs in = TooLongRequest();
  in.refused_by = Rule::kDurationExceedsRoleMax;
  ScenarioOutcome o = EvaluateScenario(ScenarioId::kAwsSamlApi, in);
  EXPECT_TRUE(Reports(o, Rule::kDurationExceedsRoleMax));
  EXPECT_TRUE(o.refusal_explained);
}

TEST(LifetimeRefusedBy, ARefusedCallHasNoLifetimeAndNoShortfall) {
  ScenarioInputs in = TooLongRequest();
  in.duration_seconds = DeclaredValue{3600, "requestParameters.durationSeconds"};
  ScenarioOutcome healthy = EvaluateScenario(ScenarioId::kAwsSamlApi, in);
  ASSERT_EQ(healthy.evaluation.outcome, Outcome::kIssued);
  ASSERT_TRUE(Reports(healthy, Rule::kLifetimeBelowTarget));

  in.refused_by = Rule::kAssertionExpired;
  ScenarioOutcome refused = EvaluateScenario(ScenarioId::kAwsSamlApi, in);
  EXPECT_EQ(refused.evaluation.outcome, Outcome::kRejected);
  EXPECT_FALSE(refused.evaluation.effective_seconds);
  EXPECT_TRUE(refused.evaluation.binding.empty());
  EXPECT_TRUE(refused.evaluation.clamps.empty());
  EXPECT_FALSE(Reports(refused, Rule::kLifetimeBelowTarget));
}

}  // namespace
}  // namespace samlint
