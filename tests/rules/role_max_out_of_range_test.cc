// role-max-out-of-range (error, rejects): a declared role MaxSessionDuration
// outside 3600..43200. (cli-contract.md § Decisions, Outcomes.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;

namespace {

samlint::CheckResult WithRoleMax(samlint::ScenarioId scenario, std::int64_t role_max) {
  samlint::CheckOptions options;
  options.scenarios = {scenario};
  options.duration_seconds = 3600;
  options.role_max_session = role_max;
  return CheckOptionsOnly(options);
}

}  // namespace

TEST(RoleMaxOutOfRange, Fires) {
  const samlint::CheckResult result = WithRoleMax(samlint::ScenarioId::kAwsAssumeRole, 43201);

  const samlint::Diagnostic* d = FindDiagnostic(result, "role-max-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsAssumeRole);
  ExpectMessageHas(*d, {"MaxSessionDuration", "43200"});
  EXPECT_FALSE(d->location.has_value());
  ASSERT_EQ(result.evaluations.size(), 1u);
  const samlint::Evaluation& e = result.evaluations[0];
  EXPECT_EQ(e.outcome, samlint::Outcome::kRejected);
  EXPECT_NE(std::find(e.rejected_by.begin(), e.rejected_by.end(), "role-max-out-of-range"),
            e.rejected_by.end());
}

TEST(RoleMaxOutOfRange, FiresBelow3600OnAlibaba) {
  const samlint::CheckResult result = WithRoleMax(samlint::ScenarioId::kAliyunAssumeRole, 3599);
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-max-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, "aliyun:assume-role");
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
}

// Alibaba console sign-in: the role max is a factor there; the finding names the role.
TEST(RoleMaxOutOfRange, FiresOnAlibabaConsoleWithRole) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunSamlConsole};
  options.role_max_session = 1800;
  const samlint::CheckResult result = CheckXml(b.Build(), options);

  const samlint::Diagnostic* d = FindDiagnostic(result, "role-max-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAliyunSamlConsole);
  EXPECT_EQ(d->role, kAliyunOpsRole);
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAliyunSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outcome, samlint::Outcome::kRejected);
}

TEST(RoleMaxOutOfRange, DoesNotFireAtTheBounds) {
  for (std::int64_t role_max : {3600, 43200}) {
    const samlint::CheckResult result = WithRoleMax(samlint::ScenarioId::kAwsAssumeRole, role_max);
    EXPECT_FALSE(HasRule(result, "role-max-out-of-range")) << role_max << "\n" << Describe(result);
    ASSERT_EQ(result.evaluations.size(), 1u);
    EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued) << role_max;
  }
}
