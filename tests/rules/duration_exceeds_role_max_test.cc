// duration-exceeds-role-max (error, rejects): DurationSeconds above the role's
// MaxSessionDuration, on both clouds. On AWS the message quotes STS's error
// text. (cli-contract.md § Decisions; lifetime-rules.md § AWS, worked example 3.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

constexpr const char* kAwsError =
    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";

samlint::CheckResult Declared(samlint::ScenarioId scenario, std::int64_t duration,
                              std::int64_t role_max) {
  samlint::CheckOptions options;
  options.scenarios = {scenario};
  options.duration_seconds = duration;
  options.role_max_session = role_max;
  return CheckOptionsOnly(options);
}

}  // namespace

TEST(DurationExceedsRoleMax, Fires) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsAssumeRole, 7200, 3600);

  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-exceeds-role-max");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsAssumeRole);
  EXPECT_THAT(d->message, HasSubstr(kAwsError));
  EXPECT_FALSE(d->location.has_value());

  ASSERT_EQ(result.evaluations.size(), 1u);
  const samlint::Evaluation& e = result.evaluations[0];
  EXPECT_EQ(e.outcome, samlint::Outcome::kRejected);
  EXPECT_FALSE(e.effective_seconds.has_value());
  EXPECT_NE(std::find(e.rejected_by.begin(), e.rejected_by.end(), "duration-exceeds-role-max"),
            e.rejected_by.end());
}

// Worked example 3: AWS AssumeRoleWithSAML, DurationSeconds 43200, role max 3600.
TEST(DurationExceedsRoleMax, FiresOnSamlApiWorkedExample3) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsSamlApi};
  options.duration_seconds = 43200;
  options.role_max_session = 3600;
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);

  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-exceeds-role-max");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsSamlApi);
  EXPECT_EQ(d->role, kAwsOpsRole);
  EXPECT_THAT(d->message, HasSubstr(kAwsError));
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlApi);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outcome, samlint::Outcome::kRejected);
}

TEST(DurationExceedsRoleMax, FiresOnAlibaba) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAliyunAssumeRole, 7200, 3600);
  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-exceeds-role-max");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, "aliyun:assume-role");
  EXPECT_THAT(d->message, HasSubstr("DurationSeconds"));
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
}

TEST(DurationExceedsRoleMax, DoesNotFireWhenDurationEqualsRoleMax) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsAssumeRole, 3600, 3600);
  EXPECT_FALSE(HasRule(result, "duration-exceeds-role-max")) << Describe(result);
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(result.evaluations[0].effective_seconds, 3600);
}

TEST(DurationExceedsRoleMax, DoesNotFireWhenRoleMaxIsRaised) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsAssumeRole, 7200, 7200);
  EXPECT_FALSE(HasRule(result, "duration-exceeds-role-max")) << Describe(result);
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
}
