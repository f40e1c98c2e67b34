// workforce-pool-session-out-of-range (error, rejects): a declared Google
// Cloud workforce pool sessionDuration outside 900..43200 seconds; both ends
// are accepted (more-clouds.md § Google Cloud Workforce Identity Federation,
// open question 1).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/gcp_workforce.h"

using samlint::testing::GcpWorkforceBuilder;
using ::testing::HasSubstr;

namespace {

samlint::CheckResult WithPoolSession(std::int64_t seconds) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kGcpWorkforceConsole};
  options.workforce_pool_session = seconds;
  options.target = 4 * 3600;
  return CheckXml(GcpWorkforceBuilder().Build(), options);
}

}  // namespace

TEST(WorkforcePoolSessionOutOfRange, Fires) {
  const samlint::CheckResult result = WithPoolSession(86400);

  const auto found = DiagnosticsWithRule(result, "workforce-pool-session-out-of-range");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  const samlint::Diagnostic& d = *found[0];
  EXPECT_EQ(d.severity, samlint::Severity::kError);
  EXPECT_EQ(d.scenario, "gcp:workforce-console");
  ExpectMessageHas(d, {"sessionDuration 86400 s", "--workforce-pool-session", "900 s",
                       "43200 s"});
  EXPECT_FALSE(d.location.has_value()) << "a declared value has no place in the response";
  // The fix reaches the target and names the pool of the response.
  EXPECT_THAT(d.fix, HasSubstr("gcloud iam workforce-pools update corp-staff --location=global "
                               "--session-duration=14400s"));
  ASSERT_EQ(result.evaluations.size(), 1u);
  const samlint::Evaluation& e = result.evaluations[0];
  EXPECT_EQ(e.outcome, samlint::Outcome::kRejected);
  EXPECT_NE(std::find(e.rejected_by.begin(), e.rejected_by.end(),
                      "workforce-pool-session-out-of-range"),
            e.rejected_by.end());
  EXPECT_FALSE(HasRule(result, "lifetime-below-target"));
}

TEST(WorkforcePoolSessionOutOfRange, FiresBelow900) {
  const samlint::CheckResult result = WithPoolSession(600);
  ASSERT_EQ(DiagnosticsWithRule(result, "workforce-pool-session-out-of-range").size(), 1u)
      << Describe(result);
}

TEST(WorkforcePoolSessionOutOfRange, DoesNotFire) {
  for (std::int64_t seconds : {900, 3600, 43200}) {
    const samlint::CheckResult result = WithPoolSession(seconds);
    EXPECT_FALSE(HasRule(result, "workforce-pool-session-out-of-range"))
        << seconds << "\n"
        << Describe(result);
    ASSERT_EQ(result.evaluations.size(), 1u);
    EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued) << seconds;
  }
}
