// option-ignored (note): an option that does not apply to the evaluated
// scenarios, such as --role-chaining with an Alibaba scenario (no cap is
// applied there) or --permission-set-session with aws:saml-console.
// (cli-contract.md § Rule ids, § Decisions, Outcomes.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

TEST(OptionIgnored, Fires) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunAssumeRole};
  options.role_max_session = 43200;
  options.duration_seconds = 7200;
  options.role_chaining = true;
  const samlint::CheckResult result = CheckOptionsOnly(options);

  const samlint::Diagnostic* d = ExpectOne(result, "option-ignored", samlint::Severity::kNote);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("--role-chaining"));
  EXPECT_FALSE(d->location.has_value());
  // No cap is invented: the session is issued for the requested 2 h.
  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(result.evaluations[0].effective_seconds, 7200);
}

TEST(OptionIgnored, FiresForPermissionSetSessionOnSamlConsole) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsSamlConsole};
  options.permission_set_session = 8 * 3600;
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);

  const samlint::Diagnostic* d = ExpectOne(result, "option-ignored", samlint::Severity::kNote);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("--permission-set-session"));
  EXPECT_FALSE(d->location.has_value());
}

TEST(OptionIgnored, DoesNotFireWhenRoleChainingApplies) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsAssumeRole};
  options.role_max_session = 43200;
  options.duration_seconds = 3600;
  options.role_chaining = true;
  const samlint::CheckResult result = CheckOptionsOnly(options);
  EXPECT_FALSE(HasRule(result, "option-ignored")) << Describe(result);
}

TEST(OptionIgnored, DoesNotFireWhenPermissionSetSessionApplies) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsIdentityCenter};
  options.permission_set_session = 8 * 3600;
  const samlint::CheckResult result = CheckOptionsOnly(options);
  EXPECT_FALSE(HasRule(result, "option-ignored")) << Describe(result);
}
