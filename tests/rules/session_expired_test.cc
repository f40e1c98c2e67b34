// session-expired (error): AuthnStatement/@SessionNotOnOrAfter at or before
// t_use. The evaluation is rejected and the session_not_on_or_after factor is
// reported with 0 seconds, never a negative number. (cli-contract.md §
// Decisions, Outcomes; lifetime-rules.md § Vocabulary.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

void ExpectRejectedWithZeroFactor(const samlint::CheckResult& result) {
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outcome, samlint::Outcome::kRejected);
  EXPECT_FALSE(e->effective_seconds.has_value());
  EXPECT_TRUE(e->binding.empty());
  EXPECT_TRUE(e->clamps.empty());
  const samlint::Factor* f = FindFactor(*e, samlint::FactorName::kSessionNotOnOrAfter);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->seconds, 0);
}

}  // namespace

// SessionNotOnOrAfter exactly at t_use (the IssueInstant, 10:00:00Z).
TEST(SessionExpired, Fires) {
  SamlBuilder b;
  b.session_not_on_or_after = "2026-11-23T10:00:00Z";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml, ConsoleOnly());

  const samlint::Diagnostic* d = FindDiagnostic(result, "session-expired");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_EQ(d->scenario, kAwsSamlConsole);
  EXPECT_EQ(d->role, kAwsOpsRole);
  EXPECT_THAT(d->message, HasSubstr("SessionNotOnOrAfter"));
  ExpectLocatedWithin(*d, xml,
                      "<saml2:AuthnStatement AuthnInstant=\"2026-11-23T10:00:00Z\" "
                      "SessionNotOnOrAfter=\"2026-11-23T10:00:00Z\"");
  ExpectRejectedWithZeroFactor(result);
}

// Before t_use: still 0 seconds, not negative.
TEST(SessionExpired, FiresWhenBeforeTimeOfUse) {
  SamlBuilder b;
  b.session_not_on_or_after = "2026-11-23T12:00:00Z";
  samlint::CheckOptions options = ConsoleOnly();
  options.now = Utc("2026-11-23T12:30:00Z");
  const samlint::CheckResult result = CheckXml(b.Build(), options);

  const samlint::Diagnostic* d = FindDiagnostic(result, "session-expired");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  ExpectRejectedWithZeroFactor(result);
}

// Several AuthnStatements: the earliest SessionNotOnOrAfter counts.
TEST(SessionExpired, FiresForTheEarliestAuthnStatement) {
  std::string xml = SamlBuilder{}.Build();  // SessionNotOnOrAfter 18:00, t_use 10:00
  const std::string statement = "    <saml2:AttributeStatement>";
  xml.insert(xml.find(statement),
             "    <saml2:AuthnStatement AuthnInstant=\"2026-11-23T09:00:00Z\" "
             "SessionNotOnOrAfter=\"2026-11-23T09:30:00Z\"/>\n");
  const samlint::CheckResult result = CheckXml(xml, ConsoleOnly());

  const samlint::Diagnostic* d = FindDiagnostic(result, "session-expired");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  ExpectLocatedWithin(*d, xml,
                      "<saml2:AuthnStatement AuthnInstant=\"2026-11-23T09:00:00Z\" "
                      "SessionNotOnOrAfter=\"2026-11-23T09:30:00Z\"");
  ExpectRejectedWithZeroFactor(result);
}

// One second after t_use: the session is short, but not over.
TEST(SessionExpired, DoesNotFireWhenAfterTimeOfUse) {
  SamlBuilder b;
  b.session_not_on_or_after = "2026-11-23T10:00:01Z";
  const samlint::CheckResult result = CheckXml(b.Build(), ConsoleOnly());

  EXPECT_FALSE(HasRule(result, "session-expired")) << Describe(result);
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->outcome, samlint::Outcome::kIssued);
  const samlint::Factor* f = FindFactor(*e, samlint::FactorName::kSessionNotOnOrAfter);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->seconds, 1);
}
