// duration-out-of-range (error, rejects): DurationSeconds outside the API's
// own range: 900..43200 on AWS role APIs, at least 900 on Alibaba Cloud,
// 900..129600 for aws:federation-token and aws:session-token. It is checked
// before duration-exceeds-role-max. (cli-contract.md § Decisions, Outcomes
// and Roles and diagnostics; lifetime-rules.md § AWS.)
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

samlint::CheckResult Declared(samlint::ScenarioId scenario, std::int64_t duration,
                              std::int64_t role_max = 43200) {
  samlint::CheckOptions options;
  options.scenarios = {scenario};
  options.duration_seconds = duration;
  options.role_max_session = role_max;
  return CheckOptionsOnly(options);
}

void ExpectRejectedBy(const samlint::CheckResult& result, std::string_view rule) {
  ASSERT_EQ(result.evaluations.size(), 1u) << Describe(result);
  const samlint::Evaluation& e = result.evaluations[0];
  EXPECT_EQ(e.outcome, samlint::Outcome::kRejected);
  EXPECT_FALSE(e.effective_seconds.has_value());
  EXPECT_NE(std::find(e.rejected_by.begin(), e.rejected_by.end(), rule), e.rejected_by.end());
}

}  // namespace

TEST(DurationOutOfRange, Fires) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsAssumeRole, 899);

  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsAssumeRole);
  ExpectMessageHas(*d, {"DurationSeconds", "900"});
  EXPECT_FALSE(d->location.has_value());
  ExpectRejectedBy(result, "duration-out-of-range");
}

TEST(DurationOutOfRange, FiresAboveTheAwsRoleApiMaximum) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsAssumeRole, 43201);
  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_THAT(d->message, HasSubstr("43200"));
  ExpectRejectedBy(result, "duration-out-of-range");
}

// Checked first: above 43200 and above the role maximum is only out of range.
TEST(DurationOutOfRange, FiresBeforeDurationExceedsRoleMax) {
  const samlint::CheckResult result =
      Declared(samlint::ScenarioId::kAwsAssumeRole, 50000, /*role_max=*/3600);
  EXPECT_TRUE(HasRule(result, "duration-out-of-range")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "duration-exceeds-role-max")) << Describe(result);
}

// aws:saml-api from a response: the finding carries the scenario and the role.
TEST(DurationOutOfRange, FiresOnSamlApiWithRole) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsSamlApi};
  options.duration_seconds = 600;
  options.role_max_session = 43200;
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);

  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsSamlApi);
  EXPECT_EQ(d->role, kAwsOpsRole);
  ExpectRejectedBy(result, "duration-out-of-range");
}

TEST(DurationOutOfRange, FiresOnAlibabaBelow900) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAliyunAssumeRole, 899);
  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, "aliyun:assume-role");
  ExpectRejectedBy(result, "duration-out-of-range");
}

TEST(DurationOutOfRange, FiresOnFederationTokenAbove129600) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsFederationToken, 129601);
  const samlint::Diagnostic* d = FindDiagnostic(result, "duration-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->scenario, "aws:federation-token");
  EXPECT_THAT(d->message, HasSubstr("129600"));
  ExpectRejectedBy(result, "duration-out-of-range");
}

TEST(DurationOutOfRange, FiresOnSessionTokenBelow900) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsSessionToken, 899);
  EXPECT_TRUE(HasRule(result, "duration-out-of-range")) << Describe(result);
  ExpectRejectedBy(result, "duration-out-of-range");
}

TEST(DurationOutOfRange, DoesNotFireAtTheAwsRoleApiBounds) {
  for (std::int64_t duration : {900, 43200}) {
    const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsAssumeRole, duration);
    EXPECT_FALSE(HasRule(result, "duration-out-of-range")) << duration << "\n" << Describe(result);
    ASSERT_EQ(result.evaluations.size(), 1u);
    EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued) << duration;
  }
}

// Alibaba Cloud has no API maximum of its own: above 43200 is a role-max matter.
TEST(DurationOutOfRange, DoesNotFireOnAlibabaAboveTheAwsMaximum) {
  const samlint::CheckResult result =
      Declared(samlint::ScenarioId::kAliyunAssumeRole, 50000, /*role_max=*/43200);
  EXPECT_FALSE(HasRule(result, "duration-out-of-range")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "duration-exceeds-role-max")) << Describe(result);
}

TEST(DurationOutOfRange, DoesNotFireOnFederationTokenAt129600) {
  const samlint::CheckResult result = Declared(samlint::ScenarioId::kAwsFederationToken, 129600);
  EXPECT_FALSE(HasRule(result, "duration-out-of-range")) << Describe(result);
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(result.evaluations[0].effective_seconds, 129600);
}
