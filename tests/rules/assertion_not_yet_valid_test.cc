// assertion-not-yet-valid (error): a NotBefore later than t_use plus the clock
// skew (default 180 s). (cli-contract.md § Declarations, --clock-skew.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string WithNotBefore(const char* not_before) {
  SamlBuilder b;
  b.not_before = not_before;
  return b.Build();
}

}  // namespace

// t_use is the IssueInstant 10:00:00; NotBefore 3 min 1 s later.
TEST(AssertionNotYetValid, Fires) {
  const std::string xml = WithNotBefore("2026-11-23T10:03:01Z");
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "assertion-not-yet-valid", samlint::Severity::kError,
                      "<saml2:Conditions NotBefore=\"2026-11-23T10:03:01Z\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("NotBefore"));
}

TEST(AssertionNotYetValid, FiresWhenNowIsEarlier) {
  const samlint::CheckOptions options =
      OptionsAt("2026-11-23T09:51:59Z");  // NotBefore 09:55:00 is 3 min 1 s later
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);
  EXPECT_TRUE(HasRule(result, "assertion-not-yet-valid")) << Describe(result);
}

// Exactly at the edge of the skew: still valid.
TEST(AssertionNotYetValid, DoesNotFireWithinClockSkew) {
  const samlint::CheckResult result = CheckXml(WithNotBefore("2026-11-23T10:03:00Z"));
  EXPECT_FALSE(HasRule(result, "assertion-not-yet-valid")) << Describe(result);
}

TEST(AssertionNotYetValid, DoesNotFireForPastNotBefore) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "assertion-not-yet-valid")) << Describe(result);
}
