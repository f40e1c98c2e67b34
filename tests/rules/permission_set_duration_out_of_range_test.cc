// permission-set-duration-out-of-range (error, rejects): a declared IAM
// Identity Center permission-set SessionDuration outside PT1H..PT12H
// (3600..43200 s). (cli-contract.md § Decisions; lifetime-rules.md § AWS.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>

#include "rules/rule_test_util.h"
#include "samlint/check.h"

using ::testing::HasSubstr;

namespace {

samlint::CheckResult WithPermissionSet(std::int64_t seconds) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsIdentityCenter};
  options.permission_set_session = seconds;
  return CheckOptionsOnly(options);
}

}  // namespace

TEST(PermissionSetDurationOutOfRange, Fires) {
  const samlint::CheckResult result = WithPermissionSet(43201);

  const samlint::Diagnostic* d = FindDiagnostic(result, "permission-set-duration-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, "aws:identity-center");
  EXPECT_THAT(d->message, HasSubstr("PT12H"));
  EXPECT_FALSE(d->location.has_value());
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
  EXPECT_FALSE(result.evaluations[0].effective_seconds.has_value());
}

TEST(PermissionSetDurationOutOfRange, FiresBelowOneHour) {
  const samlint::CheckResult result = WithPermissionSet(3599);
  const samlint::Diagnostic* d = FindDiagnostic(result, "permission-set-duration-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
}

TEST(PermissionSetDurationOutOfRange, DoesNotFireAtTheBounds) {
  for (std::int64_t seconds : {3600, 43200}) {
    const samlint::CheckResult result = WithPermissionSet(seconds);
    EXPECT_FALSE(HasRule(result, "permission-set-duration-out-of-range")) << seconds << "\n"
                                                                          << Describe(result);
    ASSERT_EQ(result.evaluations.size(), 1u);
    EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued) << seconds;
    EXPECT_EQ(result.evaluations[0].effective_seconds, seconds);
  }
}
