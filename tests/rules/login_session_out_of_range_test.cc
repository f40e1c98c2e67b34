// login-session-out-of-range (error, rejects): a declared Alibaba
// LoginSessionDuration outside 1..24 h or not whole hours (90m).
// (cli-contract.md § Decisions, Factors and Outcomes; lifetime-rules.md § Alibaba.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>

#include "rules/rule_test_util.h"
#include "samlint/check.h"

using ::testing::HasSubstr;

namespace {

samlint::CheckResult WithLoginSession(std::int64_t seconds) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunRamUserLogon};
  options.login_session = seconds;
  return CheckOptionsOnly(options);
}

}  // namespace

// 90m: inside 1..24 h, but not whole hours.
TEST(LoginSessionOutOfRange, Fires) {
  const samlint::CheckResult result = WithLoginSession(5400);

  const samlint::Diagnostic* d = FindDiagnostic(result, "login-session-out-of-range");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, "aliyun:ram-user-logon");
  EXPECT_THAT(d->message, HasSubstr("LoginSessionDuration"));
  EXPECT_FALSE(d->location.has_value());
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
  EXPECT_FALSE(result.evaluations[0].effective_seconds.has_value());
}

TEST(LoginSessionOutOfRange, FiresOutsideOneToTwentyFourHours) {
  for (std::int64_t seconds : {0, 25 * 3600}) {
    const samlint::CheckResult result = WithLoginSession(seconds);
    const samlint::Diagnostic* d = FindDiagnostic(result, "login-session-out-of-range");
    ASSERT_NE(d, nullptr) << seconds << "\n" << Describe(result);
    EXPECT_EQ(d->severity, samlint::Severity::kError);
    ASSERT_EQ(result.evaluations.size(), 1u);
    EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected) << seconds;
  }
}

TEST(LoginSessionOutOfRange, DoesNotFireForWholeHoursInRange) {
  for (std::int64_t seconds : {3600, 7200, 24 * 3600}) {
    const samlint::CheckResult result = WithLoginSession(seconds);
    EXPECT_FALSE(HasRule(result, "login-session-out-of-range")) << seconds << "\n"
                                                                << Describe(result);
    ASSERT_EQ(result.evaluations.size(), 1u);
    EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued) << seconds;
    EXPECT_EQ(result.evaluations[0].effective_seconds, seconds);
  }
}
