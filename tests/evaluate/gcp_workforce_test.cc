// Google Cloud Workforce Identity Federation (more-clouds.md § Google Cloud
// Workforce Identity Federation; issue #14 item 2): factors
// workforce_pool_session_duration (3600 s when undeclared) and
// session_not_on_or_after, the minimum binds; a declared disabled pool, or one
// that disables programmatic sign-in for the token exchange, is rejected.
#include "support/gcp_workforce.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/declarations.h"

using samlint::testing::GcpWorkforceBuilder;
using ::testing::HasSubstr;

namespace {

constexpr std::int64_t kEightHours = 8 * 3600;

const samlint::Evaluation& Eval(const samlint::CheckResult& result, samlint::ScenarioId id) {
  static const samlint::Evaluation kNone;
  const samlint::Evaluation* e = FindEvaluation(result, id);
  EXPECT_NE(e, nullptr) << Describe(result);
  return e != nullptr ? *e : kNone;
}

bool RejectedBy(const samlint::Evaluation& e, std::string_view rule) {
  return e.outcome == samlint::Outcome::kRejected &&
         std::find(e.rejected_by.begin(), e.rejected_by.end(), rule) != e.rejected_by.end();
}

samlint::CheckOptions WithPool(samlint::DeclaredWorkforcePool pool) {
  samlint::Declarations d;
  d.workforce_pools.push_back(std::move(pool));
  samlint::CheckOptions options;
  options.declarations = std::make_shared<const samlint::Declarations>(std::move(d));
  return options;
}

samlint::DeclaredWorkforcePool Pool(std::string id) {
  samlint::DeclaredWorkforcePool p;
  p.pool = std::move(id);
  p.source = "pool.json:5";
  p.origin = "gcloud iam workforce-pools describe";
  return p;
}

}  // namespace

// Worked example 1: console, sessionDuration undeclared, SessionNotOnOrAfter =
// t_use + 8 h, target 8 h -> effective 3600, binding
// workforce_pool_session_duration (assumed).
TEST(GcpWorkforce, WorkedExample1) {
  samlint::CheckOptions options;
  options.target = kEightHours;
  const samlint::CheckResult result = CheckXml(GcpWorkforceBuilder().Build(), options);
  ASSERT_TRUE(result.cloud.has_value());
  EXPECT_EQ(*result.cloud, samlint::Cloud::kGcp);
  EXPECT_TRUE(result.roles.empty());
  ASSERT_EQ(result.evaluations.size(), 2u) << Describe(result);
  const samlint::Evaluation& e = Eval(result, samlint::ScenarioId::kGcpWorkforceConsole);
  EXPECT_EQ(e.outcome, samlint::Outcome::kIssued);
  EXPECT_EQ(e.effective_seconds, std::optional<std::int64_t>(3600));
  EXPECT_EQ(e.binding,
            std::vector<samlint::FactorName>{samlint::FactorName::kWorkforcePoolSessionDuration});
  ASSERT_EQ(e.factors.size(), 2u);
  EXPECT_EQ(e.factors[0].name, samlint::FactorName::kWorkforcePoolSessionDuration);
  EXPECT_TRUE(e.factors[0].assumed());
  EXPECT_EQ(e.factors[1].name, samlint::FactorName::kSessionNotOnOrAfter);
  EXPECT_EQ(e.factors[1].seconds, kEightHours);
  EXPECT_FALSE(e.role.has_value());
  const samlint::Diagnostic* below = FindDiagnostic(result, "lifetime-below-target");
  ASSERT_NE(below, nullptr) << Describe(result);
  EXPECT_EQ(below->scenario, "gcp:workforce-console");
  EXPECT_THAT(below->message, HasSubstr("workforce_pool_session_duration binds (an assumed"));
  // The pool comes from the response's endpoints.
  EXPECT_EQ(below->fix,
            "Raise the workforce pool's session duration: `gcloud iam workforce-pools update "
            "corp-staff --location=global --session-duration=28800s`.");
  const samlint::Diagnostic* assumed = FindDiagnostic(result, "assumed-default");
  ASSERT_NE(assumed, nullptr);
  EXPECT_THAT(assumed->fix, HasSubstr("gcloud iam workforce-pools describe corp-staff "
                                      "--location=global --format=json"));
  // The token exchange is evaluated by default too; IAP only when asked for.
  EXPECT_EQ(Eval(result, samlint::ScenarioId::kGcpWorkforceToken).effective_seconds,
            std::optional<std::int64_t>(3600));
  EXPECT_EQ(FindEvaluation(result, samlint::ScenarioId::kGcpWorkforceIap), nullptr);
}

TEST(GcpWorkforce, NoRoleChecksForGoogle) {
  const samlint::CheckResult result = CheckXml(GcpWorkforceBuilder().Build());
  for (const char* rule : {"role-attribute-missing", "role-session-name-missing",
                           "audience-mismatch", "recipient-mismatch", "destination-mismatch",
                           "cloud-undetected", "lifetime-unbounded"}) {
    EXPECT_FALSE(HasRule(result, rule)) << rule << "\n" << Describe(result);
  }
}

TEST(GcpWorkforce, SessionNotOnOrAfterBindsBelowTheDeclaredPool) {
  samlint::testing::SamlBuilder b = GcpWorkforceBuilder();
  b.session_not_on_or_after = "2026-11-23T12:00:00Z";
  samlint::CheckOptions options;
  options.workforce_pool_session = 43200;
  options.scenarios = {samlint::ScenarioId::kGcpWorkforceIap};
  const samlint::CheckResult result = CheckXml(b.Build(), options);
  ASSERT_EQ(result.evaluations.size(), 1u);
  const samlint::Evaluation& e = result.evaluations[0];
  EXPECT_EQ(e.scenario, samlint::ScenarioId::kGcpWorkforceIap);
  EXPECT_EQ(e.effective_seconds, std::optional<std::int64_t>(7200));
  EXPECT_EQ(e.binding, std::vector<samlint::FactorName>{samlint::FactorName::kSessionNotOnOrAfter});
  EXPECT_EQ(e.factors[0].seconds, 43200);
  EXPECT_EQ(e.factors[0].via, "--workforce-pool-session");
  EXPECT_FALSE(HasRule(result, "assumed-default")) << Describe(result);
}

TEST(GcpWorkforce, BothEndsOfTheRangeAreAccepted) {
  for (std::int64_t seconds : {900, 43200}) {
    samlint::CheckOptions options;
    options.workforce_pool_session = seconds;
    const samlint::CheckResult result = CheckXml(GcpWorkforceBuilder().Build(), options);
    EXPECT_FALSE(HasRule(result, "workforce-pool-session-out-of-range")) << seconds;
    EXPECT_EQ(Eval(result, samlint::ScenarioId::kGcpWorkforceConsole).effective_seconds,
              std::optional<std::int64_t>(std::min<std::int64_t>(seconds, kEightHours)));
  }
  for (std::int64_t seconds : {899, 43201}) {
    samlint::CheckOptions options;
    options.workforce_pool_session = seconds;
    const samlint::CheckResult result = CheckXml(GcpWorkforceBuilder().Build(), options);
    EXPECT_TRUE(RejectedBy(Eval(result, samlint::ScenarioId::kGcpWorkforceConsole),
                           "workforce-pool-session-out-of-range"))
        << seconds << "\n"
        << Describe(result);
  }
}

TEST(GcpWorkforce, DeclaredPoolOfTheResponseIsJoined) {
  samlint::DeclaredWorkforcePool pool = Pool("corp-staff");
  pool.session_duration = 14400;
  samlint::DeclaredWorkforcePool other = Pool("other-pool");
  other.session_duration = 900;
  other.disabled = true;
  other.disabled_source = "other.json:3";
  samlint::Declarations d;
  d.workforce_pools = {pool, other};
  samlint::CheckOptions options;
  options.declarations = std::make_shared<const samlint::Declarations>(std::move(d));
  const samlint::CheckResult result = CheckXml(GcpWorkforceBuilder().Build(), options);
  const samlint::Evaluation& e = Eval(result, samlint::ScenarioId::kGcpWorkforceConsole);
  EXPECT_EQ(e.outcome, samlint::Outcome::kIssued) << "another pool's state does not apply";
  EXPECT_EQ(e.effective_seconds, std::optional<std::int64_t>(14400));
  EXPECT_EQ(e.factors[0].via, "pool.json:5 (gcloud iam workforce-pools describe)");

  // Unset in the describe output: the 3600 s default, declared by the file.
  samlint::CheckOptions unset = WithPool(Pool("corp-staff"));
  const samlint::CheckResult r2 = CheckXml(GcpWorkforceBuilder().Build(), unset);
  const samlint::Evaluation& e2 = Eval(r2, samlint::ScenarioId::kGcpWorkforceConsole);
  EXPECT_EQ(e2.effective_seconds, std::optional<std::int64_t>(3600));
  EXPECT_THAT(e2.factors[0].via, HasSubstr("sessionDuration not set: the default"));

  // The option wins over the file.
  options.workforce_pool_session = 7200;
  const samlint::CheckResult r3 = CheckXml(GcpWorkforceBuilder().Build(), options);
  EXPECT_EQ(Eval(r3, samlint::ScenarioId::kGcpWorkforceConsole).effective_seconds,
            std::optional<std::int64_t>(7200));
}

TEST(GcpWorkforce, ProgrammaticSigninDisabledRejectsOnlyTheTokenExchange) {
  samlint::DeclaredWorkforcePool pool = Pool("corp-staff");
  pool.programmatic_signin_disabled = true;
  pool.programmatic_source = "pool.json:7";
  samlint::CheckOptions options = WithPool(pool);
  options.scenarios = {samlint::ScenarioId::kGcpWorkforceConsole,
                       samlint::ScenarioId::kGcpWorkforceToken,
                       samlint::ScenarioId::kGcpWorkforceIap};
  const samlint::CheckResult result = CheckXml(GcpWorkforceBuilder().Build(), options);
  EXPECT_EQ(Eval(result, samlint::ScenarioId::kGcpWorkforceConsole).outcome,
            samlint::Outcome::kIssued);
  EXPECT_EQ(Eval(result, samlint::ScenarioId::kGcpWorkforceIap).outcome,
            samlint::Outcome::kIssued);
  const samlint::Evaluation& token = Eval(result, samlint::ScenarioId::kGcpWorkforceToken);
  EXPECT_TRUE(RejectedBy(token, "workforce-pool-sign-in-disabled")) << Describe(result);
  EXPECT_FALSE(token.effective_seconds.has_value());
}

TEST(GcpWorkforce, DisabledPoolRejectsAllThree) {
  samlint::DeclaredWorkforcePool pool = Pool("corp-staff");
  pool.disabled = true;
  pool.disabled_source = "pool.json:6";
  samlint::CheckOptions options = WithPool(pool);
  options.scenarios = {samlint::ScenarioId::kGcpWorkforceConsole,
                       samlint::ScenarioId::kGcpWorkforceToken,
                       samlint::ScenarioId::kGcpWorkforceIap};
  const samlint::CheckResult result = CheckXml(GcpWorkforceBuilder().Build(), options);
  ASSERT_EQ(result.evaluations.size(), 3u);
  for (const samlint::Evaluation& e : result.evaluations) {
    EXPECT_TRUE(RejectedBy(e, "workforce-pool-sign-in-disabled")) << Describe(result);
  }
}

TEST(GcpWorkforce, OptionIgnoredOutsideGoogleAndSessionDurationNotRead) {
  samlint::testing::SamlBuilder aws;
  samlint::CheckOptions options;
  options.workforce_pool_session = 7200;
  const samlint::CheckResult result = CheckXml(aws.Build(), options);
  const samlint::Diagnostic* ignored = FindDiagnostic(result, "option-ignored");
  ASSERT_NE(ignored, nullptr) << Describe(result);
  EXPECT_THAT(ignored->message, HasSubstr("--workforce-pool-session"));

  // An AWS SessionDuration attribute is no factor for Google.
  samlint::testing::SamlBuilder b = GcpWorkforceBuilder();
  b.extra_attributes =
      "<saml2:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/SessionDuration\">"
      "<saml2:AttributeValue>900</saml2:AttributeValue></saml2:Attribute>";
  const samlint::CheckResult google = CheckXml(b.Build(), samlint::CheckOptions{});
  ASSERT_TRUE(google.cloud.has_value());
  EXPECT_EQ(*google.cloud, samlint::Cloud::kAws) << "an AWS attribute names AWS";
  samlint::CheckOptions forced;
  forced.cloud = samlint::Cloud::kGcp;
  const samlint::CheckResult as_google = CheckXml(b.Build(), forced);
  const samlint::Evaluation& e = Eval(as_google, samlint::ScenarioId::kGcpWorkforceConsole);
  EXPECT_EQ(e.effective_seconds, std::optional<std::int64_t>(3600));
  EXPECT_EQ(e.factors.size(), 2u);
}

TEST(GcpWorkforce, WrongAudienceAndRecipientInGooglesWords) {
  samlint::testing::SamlBuilder b = GcpWorkforceBuilder();
  b.audiences = {"https://example.com/other"};
  b.recipient = "https://example.com/acs";
  samlint::CheckOptions options;
  options.cloud = samlint::Cloud::kGcp;
  const samlint::CheckResult result = CheckXml(b.Build(), options);
  const samlint::Diagnostic* audience = FindDiagnostic(result, "audience-mismatch");
  ASSERT_NE(audience, nullptr) << Describe(result);
  EXPECT_THAT(audience->message, HasSubstr("All <AudienceRestriction>s should contain"));
  const samlint::Diagnostic* recipient = FindDiagnostic(result, "recipient-mismatch");
  ASSERT_NE(recipient, nullptr);
  EXPECT_THAT(recipient->message, HasSubstr("not set to the correct ACS URL"));
  EXPECT_FALSE(HasRule(result, "role-attribute-missing"));
}
