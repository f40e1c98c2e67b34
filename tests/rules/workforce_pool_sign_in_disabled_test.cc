// workforce-pool-sign-in-disabled (error, rejects): a declared workforce pool
// with `disabled: true` (every Google scenario), or with
// accessRestrictions.disableProgrammaticSignin (gcp:workforce-token only).
// (more-clouds.md § Google Cloud Workforce Identity Federation, "rejected when".)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <tuple>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/declarations.h"
#include "support/gcp_workforce.h"

using samlint::testing::GcpWorkforceBuilder;
using ::testing::HasSubstr;

namespace {

samlint::CheckResult WithPool(bool disabled, bool programmatic_off, samlint::ScenarioId scenario) {
  samlint::DeclaredWorkforcePool pool;
  pool.pool = "corp-staff";
  pool.source = "pool.json:2";
  pool.origin = "gcloud iam workforce-pools describe";
  pool.disabled = disabled;
  pool.disabled_source = disabled ? "pool.json:6" : "";
  pool.programmatic_signin_disabled = programmatic_off;
  pool.programmatic_source = programmatic_off ? "pool.json:8" : "";
  samlint::Declarations d;
  d.workforce_pools.push_back(pool);
  samlint::CheckOptions options;
  options.declarations = std::make_shared<const samlint::Declarations>(std::move(d));
  options.scenarios = {scenario};
  return CheckXml(GcpWorkforceBuilder().Build(), options);
}

}  // namespace

TEST(WorkforcePoolSignInDisabled, Fires) {
  const samlint::CheckResult result =
      WithPool(false, true, samlint::ScenarioId::kGcpWorkforceToken);

  const auto found = DiagnosticsWithRule(result, "workforce-pool-sign-in-disabled");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  EXPECT_EQ(found[0]->severity, samlint::Severity::kError);
  EXPECT_EQ(found[0]->scenario, "gcp:workforce-token");
  ExpectMessageHas(*found[0], {"corp-staff", "disableProgrammaticSignin", "pool.json:8"});
  EXPECT_FALSE(found[0]->location.has_value());
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
}

TEST(WorkforcePoolSignInDisabled, FiresForADisabledPoolOnTheConsole) {
  const samlint::CheckResult result =
      WithPool(true, false, samlint::ScenarioId::kGcpWorkforceConsole);
  const auto found = DiagnosticsWithRule(result, "workforce-pool-sign-in-disabled");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  ExpectMessageHas(*found[0], {"corp-staff is disabled", "pool.json:6"});
  EXPECT_THAT(found[0]->fix, HasSubstr("gcloud iam workforce-pools update corp-staff"));
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
}

TEST(WorkforcePoolSignInDisabled, DoesNotFire) {
  // Programmatic sign-in off does not concern the console; an enabled pool nothing.
  for (auto [disabled, programmatic_off, scenario] :
       {std::tuple{false, true, samlint::ScenarioId::kGcpWorkforceConsole},
        std::tuple{false, true, samlint::ScenarioId::kGcpWorkforceIap},
        std::tuple{false, false, samlint::ScenarioId::kGcpWorkforceToken}}) {
    const samlint::CheckResult result = WithPool(disabled, programmatic_off, scenario);
    EXPECT_FALSE(HasRule(result, "workforce-pool-sign-in-disabled")) << Describe(result);
    ASSERT_EQ(result.evaluations.size(), 1u);
    EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
  }
}
