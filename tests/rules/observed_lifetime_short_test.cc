// observed-lifetime-short (warning): a CloudTrail AssumeRoleWithSAML call that
// succeeded, but whose credentials expire sooner than the DurationSeconds it
// requested: the assertion's SessionNotOnOrAfter ended the session first.
// (cli-contract.md § Decisions, Rule ids added.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/trail_event.h"

using samlint::testing::CheckCloudTrailSamlCall;

namespace {

// A successful call whose credentials expire at `expiration`.
std::vector<samlint::CheckResult> CallExpiringAt(int duration_seconds,
                                                 const std::string& expiration) {
  return CheckCloudTrailSamlCall(
      duration_seconds,
      R"("responseElements": {"credentials": {"accessKeyId": "ASIAIOSFODNN7EXAMPLE",
          "expiration": ")" +
          expiration + "\"}}");
}

}  // namespace

// 43200 s requested at 10:00:05; the credentials last one hour.
TEST(ObservedLifetimeShort, Fires) {
  const auto results = CallExpiringAt(43200, "Nov 23, 2026, 11:00:05 AM");
  ASSERT_EQ(results.size(), 1u);
  const samlint::Diagnostic* d =
      ExpectOne(results[0], "observed-lifetime-short", samlint::Severity::kWarning);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"3600 s", "43200 s"});
}

TEST(ObservedLifetimeShort, DoesNotFireWhenTheCredentialsLastAsRequested) {
  const auto results = CallExpiringAt(3600, "Nov 23, 2026, 11:00:05 AM");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(HasRule(results[0], "observed-lifetime-short")) << Describe(results[0]);
}
