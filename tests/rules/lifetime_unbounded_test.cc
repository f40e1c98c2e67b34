// lifetime-unbounded (note): a saml:generic evaluation with neither
// SessionNotOnOrAfter nor a declared --sp-session-limit: the response does not
// bound the session, so no number is reported (more-clouds.md § Generic SAML
// 2.0 service provider: "lifetime not bounded by the assertion").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/generic_sp.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;

namespace {

SamlBuilder WithoutSessionEnd() {
  SamlBuilder b = samlint::testing::GenericSpBuilder();
  b.session_not_on_or_after.reset();
  return b;
}

}  // namespace

TEST(LifetimeUnbounded, Fires) {
  samlint::CheckOptions options;
  options.target = 8 * 3600;
  const samlint::CheckResult result = CheckXml(WithoutSessionEnd().Build(), options);

  const samlint::Diagnostic* d = ExpectOne(result, "lifetime-unbounded", samlint::Severity::kNote);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"does not bound the session", "SessionNotOnOrAfter", "--sp-session-limit",
                        "target 28800 s (8h 00m)"});
  EXPECT_EQ(d->scenario, "saml:generic");
  EXPECT_FALSE(d->location.has_value()) << "about the evaluation, not an element";
  EXPECT_THAT(d->fix, ::testing::HasSubstr("--sp-session-limit"));

  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kSamlGeneric);
  ASSERT_NE(e, nullptr) << Describe(result);
  EXPECT_EQ(e->outcome, samlint::Outcome::kIssued);
  EXPECT_FALSE(e->effective_seconds.has_value());
  EXPECT_TRUE(e->factors.empty());
  EXPECT_TRUE(e->binding.empty());
  EXPECT_TRUE(e->clamps.empty());
  EXPECT_FALSE(HasRule(result, "lifetime-below-target")) << "no number to compare";
}

TEST(LifetimeUnbounded, DoesNotFire) {
  // SessionNotOnOrAfter bounds it.
  const samlint::CheckResult with_end = CheckXml(samlint::testing::GenericSpBuilder().Build());
  EXPECT_FALSE(HasRule(with_end, "lifetime-unbounded")) << Describe(with_end);

  // A declared SP limit bounds it.
  samlint::CheckOptions declared;
  declared.sp_session_limit = 2 * 3600;
  const samlint::CheckResult with_limit = CheckXml(WithoutSessionEnd().Build(), declared);
  EXPECT_FALSE(HasRule(with_limit, "lifetime-unbounded")) << Describe(with_limit);
  const samlint::Evaluation* e = FindEvaluation(with_limit, samlint::ScenarioId::kSamlGeneric);
  ASSERT_NE(e, nullptr) << Describe(with_limit);
  EXPECT_EQ(e->effective_seconds, std::optional<std::int64_t>(7200));

  // A cloud scenario always has a factor.
  samlint::CheckOptions aws;
  aws.cloud = samlint::Cloud::kAws;
  SamlBuilder b;
  b.session_not_on_or_after.reset();
  EXPECT_FALSE(HasRule(CheckXml(b.Build(), aws), "lifetime-unbounded"));
}
