// lifetime-below-target (error): an issued evaluation whose effective lifetime
// is below --target. A factor equal to the target does not count; without
// --target the rule never fires. (cli-contract.md § Decisions, Outcomes.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

/// Console only, with --target 8 h.
samlint::CheckResult CheckConsoleWithTarget8h(const std::string& xml) {
  samlint::CheckOptions options = ConsoleOnly();
  options.target = 8 * 3600;
  return CheckXml(xml, options);
}

/// The finding about the console evaluation of the default role, bound by
/// session_duration_attribute; nullptr (and a failure) when absent.
const samlint::Diagnostic* ExpectConsoleFinding(const samlint::CheckResult& result) {
  const samlint::Diagnostic* d = FindDiagnostic(result, "lifetime-below-target");
  EXPECT_NE(d, nullptr) << Describe(result);
  if (d == nullptr) return nullptr;
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsSamlConsole);
  EXPECT_EQ(d->role, kAwsOpsRole);
  EXPECT_THAT(d->message, HasSubstr("session_duration_attribute"));
  return d;
}

}  // namespace

// Worked example 4 with a target: console, SessionDuration absent (3600
// assumed), SessionNotOnOrAfter = t_use + 8 h, target 8 h → 3600 < 8 h.
TEST(LifetimeBelowTarget, Fires) {
  const samlint::CheckResult result = CheckConsoleWithTarget8h(SamlBuilder{}.Build());

  const samlint::Diagnostic* d = ExpectConsoleFinding(result);
  ASSERT_NE(d, nullptr);
  // The binding factor is an assumed default: nothing in the document to point at.
  EXPECT_FALSE(d->location.has_value());

  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(e->effective_seconds, 3600);
  EXPECT_EQ(e->target_seconds, 8 * 3600);
}

// The binding factor comes from the document: the finding points at it.
TEST(LifetimeBelowTarget, FiresAtTheBindingDocumentFactor) {
  SamlBuilder b;
  b.session_durations = {"7200"};
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckConsoleWithTarget8h(xml);

  const samlint::Diagnostic* d = ExpectConsoleFinding(result);
  ASSERT_NE(d, nullptr);
  ExpectLocatedWithin(*d, xml, "<saml2:AttributeValue>7200");
}

// A declared binding factor (options only): no location, the scenario named, no role.
TEST(LifetimeBelowTarget, FiresWithoutLocationForADeclaredFactor) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsAssumeRole};
  options.duration_seconds = 3600;
  options.role_max_session = 43200;
  options.target = 7200;
  const samlint::CheckResult result = CheckOptionsOnly(options);

  const samlint::Diagnostic* d = FindDiagnostic(result, "lifetime-below-target");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsAssumeRole);
  EXPECT_TRUE(d->role.empty());
  EXPECT_THAT(d->message, HasSubstr("duration_seconds"));
  EXPECT_FALSE(d->location.has_value());
}

// A factor equal to the target is not a clamp and not below the target.
TEST(LifetimeBelowTarget, DoesNotFireWhenEffectiveEqualsTarget) {
  SamlBuilder b;
  b.session_durations = {"28800"};  // = SessionNotOnOrAfter - t_use = 8 h
  const samlint::CheckResult result = CheckConsoleWithTarget8h(b.Build());

  EXPECT_FALSE(HasRule(result, "lifetime-below-target")) << Describe(result);
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->effective_seconds, 8 * 3600);
  EXPECT_TRUE(e->clamps.empty());
}

TEST(LifetimeBelowTarget, DoesNotFireWithoutTarget) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), ConsoleOnly());
  EXPECT_FALSE(HasRule(result, "lifetime-below-target")) << Describe(result);
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->effective_seconds, 3600);
  EXPECT_FALSE(e->target_seconds.has_value());
}

// A rejected evaluation has no lifetime, so it is never below the target.
TEST(LifetimeBelowTarget, DoesNotFireWhenRejected) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAwsAssumeRole};
  options.duration_seconds = 43200;
  options.role_max_session = 3600;
  options.target = 8 * 3600;
  const samlint::CheckResult result = CheckOptionsOnly(options);

  ASSERT_EQ(result.evaluations.size(), 1u);
  EXPECT_EQ(result.evaluations[0].outcome, samlint::Outcome::kRejected);
  EXPECT_FALSE(HasRule(result, "lifetime-below-target")) << Describe(result);
}

// Worked example 1: Alibaba console, SessionDuration 43200, SessionNotOnOrAfter
// = t_use + 10 h, LoginSessionDuration 6 h, role max 3600, target 8 h →
// effective 3600, binding role_max_session_duration; clamps
// role_max_session_duration and login_session_duration.
TEST(LifetimeBelowTarget, FiresForWorkedExample1) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  b.session_durations = {"43200"};
  b.session_not_on_or_after = "2026-11-23T20:00:00Z";
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunSamlConsole};
  options.login_session = 6 * 3600;
  options.role_max_session = 3600;
  options.target = 8 * 3600;
  const samlint::CheckResult result = CheckXml(b.Build(), options);

  const samlint::Diagnostic* d = FindDiagnostic(result, "lifetime-below-target");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAliyunSamlConsole);
  EXPECT_EQ(d->role, kAliyunOpsRole);
  EXPECT_THAT(d->message, HasSubstr("role_max_session_duration"));
  EXPECT_FALSE(d->location.has_value());  // the binding factor is declared

  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAliyunSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->effective_seconds, 3600);
  EXPECT_EQ(e->binding,
            std::vector<samlint::FactorName>{samlint::FactorName::kRoleMaxSessionDuration});
  EXPECT_EQ(e->clamps,
            (std::vector<samlint::FactorName>{samlint::FactorName::kRoleMaxSessionDuration,
                                              samlint::FactorName::kLoginSessionDuration}));
}

// With several roles there is one evaluation per role and scenario, and each
// finding carries its role.
TEST(LifetimeBelowTarget, FiresOncePerRole) {
  SamlBuilder b;
  b.roles = {samlint::testing::AwsRole("ops"), samlint::testing::AwsRole("dev")};
  const samlint::CheckResult result = CheckConsoleWithTarget8h(b.Build());

  const auto found = DiagnosticsWithRule(result, "lifetime-below-target");
  ASSERT_EQ(found.size(), 2u) << Describe(result);
  EXPECT_EQ(found[0]->role, "arn:aws:iam::123456789012:role/ops");
  EXPECT_EQ(found[1]->role, "arn:aws:iam::123456789012:role/dev");
  for (const samlint::Diagnostic* d : found) {
    EXPECT_EQ(d->severity, samlint::Severity::kError);
    EXPECT_EQ(d->scenario, kAwsSamlConsole);
  }
}
