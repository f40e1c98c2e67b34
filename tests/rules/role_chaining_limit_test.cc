// role-chaining-limit (error, rejects): aws:assume-role with --role-chaining
// and DurationSeconds above 3600; the message quotes STS's error text. The
// role_chaining_limit factor is a fixed cap (not assumed). (lifetime-rules.md
// § AWS; cli-contract.md § Decisions.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>

#include "rules/rule_test_util.h"
#include "samlint/check.h"

using ::testing::HasSubstr;

namespace {

samlint::CheckResult Chained(std::int64_t duration, bool chaining = true) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsAssumeRole};
  options.duration_seconds = duration;
  options.role_max_session = 43200;
  options.role_chaining = chaining;
  return CheckOptionsOnly(options);
}

}  // namespace

TEST(RoleChainingLimit, Fires) {
  const samlint::CheckResult result = Chained(7200);

  const samlint::Diagnostic* d = FindDiagnostic(result, "role-chaining-limit");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsAssumeRole);
  EXPECT_THAT(d->message,
              HasSubstr("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                        "assumed by role chaining."));
  EXPECT_FALSE(d->location.has_value());

  ASSERT_EQ(result.evaluations.size(), 1u);
  const samlint::Evaluation& e = result.evaluations[0];
  EXPECT_EQ(e.outcome, samlint::Outcome::kRejected);
  EXPECT_FALSE(e.effective_seconds.has_value());
  const samlint::Factor* cap = FindFactor(e, samlint::FactorName::kRoleChainingLimit);
  ASSERT_NE(cap, nullptr);
  EXPECT_EQ(cap->seconds, 3600);
  EXPECT_FALSE(cap->assumed());
}

TEST(RoleChainingLimit, DoesNotFireAtOneHour) {
  const samlint::CheckResult result = Chained(3600);
  EXPECT_FALSE(HasRule(result, "role-chaining-limit")) << Describe(result);
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(result.evaluations[0].effective_seconds, 3600);
}

TEST(RoleChainingLimit, DoesNotFireWithoutRoleChaining) {
  const samlint::CheckResult result = Chained(7200, /*chaining=*/false);
  EXPECT_FALSE(HasRule(result, "role-chaining-limit")) << Describe(result);
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(result.evaluations[0].effective_seconds, 7200);
}

// No role-chaining cap is documented for Alibaba Cloud: none is applied.
TEST(RoleChainingLimit, DoesNotFireOnAlibaba) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunAssumeRole};
  options.duration_seconds = 7200;
  options.role_max_session = 43200;
  options.role_chaining = true;
  const samlint::CheckResult result = CheckOptionsOnly(options);
  EXPECT_FALSE(HasRule(result, "role-chaining-limit")) << Describe(result);
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(FindFactor(result.evaluations[0], samlint::FactorName::kRoleChainingLimit), nullptr);
}
