// sts-call-failed (error): an audited STS call failed with an error samlint
// maps to no more specific rule. (cli-contract.md § Decisions, Rule ids added.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/trail_event.h"

using samlint::testing::CheckCloudTrailSamlCall;

namespace {

std::vector<samlint::CheckResult> CallFailingWith(const std::string& code,
                                                  const std::string& message) {
  return CheckCloudTrailSamlCall(
      3600, R"("errorCode": ")" + code + R"(", "errorMessage": ")" + message + "\"");
}

}  // namespace

TEST(StsCallFailed, Fires) {
  const auto results =
      CallFailingWith("AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML");
  ASSERT_EQ(results.size(), 1u);
  const samlint::Diagnostic* d =
      ExpectOne(results[0], "sts-call-failed", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"AccessDenied", "Not authorized to perform sts:AssumeRoleWithSAML"});
}

// An error with its own rule is reported as that rule.
TEST(StsCallFailed, DoesNotFireForAnErrorWithItsOwnRule) {
  const auto results = CallFailingWith(
      "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(HasRule(results[0], "sts-call-failed")) << Describe(results[0]);
  EXPECT_TRUE(HasRule(results[0], "duration-exceeds-role-max")) << Describe(results[0]);
}

TEST(StsCallFailed, DoesNotFireForACallThatSucceeded) {
  const auto results = CheckCloudTrailSamlCall(
      3600, R"("responseElements": {"credentials": {"expiration": "Nov 23, 2026, 11:00:05 AM"}})");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(HasRule(results[0], "sts-call-failed")) << Describe(results[0]);
}
