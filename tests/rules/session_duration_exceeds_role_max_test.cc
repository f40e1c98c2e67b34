// session-duration-exceeds-role-max (warning): on AWS, a SessionDuration
// attribute above the declared role MaxSessionDuration (tools that copy it
// into DurationSeconds are refused). (lifetime-rules.md § AWS; cli-contract.md
// § Decisions, Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string WithSessionDuration(const std::string& value) {
  SamlBuilder b;
  b.session_durations = {value};
  return b.Build();
}

samlint::CheckOptions Console(std::optional<std::int64_t> role_max) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsSamlConsole};
  options.role_max_session = role_max;
  return options;
}

}  // namespace

TEST(SessionDurationExceedsRoleMax, Fires) {
  const std::string xml = WithSessionDuration("43200");
  const samlint::CheckResult result = CheckXml(xml, Console(3600));

  const samlint::Diagnostic* d = FindDiagnostic(result, "session-duration-exceeds-role-max");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kWarning);
  EXPECT_EQ(d->scenario, kAwsSamlConsole);
  EXPECT_EQ(d->role, kAwsOpsRole);
  EXPECT_THAT(d->message, HasSubstr("MaxSessionDuration"));
  ExpectLocatedWithin(*d, xml, "<saml2:AttributeValue>43200");

  // A warning only: the console session is still issued (the role max is context there).
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(FindFactor(*e, samlint::FactorName::kRoleMaxSessionDuration), nullptr);
}

TEST(SessionDurationExceedsRoleMax, DoesNotFireWhenEqualToRoleMax) {
  const samlint::CheckResult result = CheckXml(WithSessionDuration("3600"), Console(3600));
  EXPECT_FALSE(HasRule(result, "session-duration-exceeds-role-max")) << Describe(result);
}

// Only a declared role maximum counts.
TEST(SessionDurationExceedsRoleMax, DoesNotFireWithoutDeclaredRoleMax) {
  const samlint::CheckResult result = CheckXml(WithSessionDuration("43200"), Console(std::nullopt));
  EXPECT_FALSE(HasRule(result, "session-duration-exceeds-role-max")) << Describe(result);
}
