// assertion-expired (error): t_use at or after a NotOnOrAfter (Conditions or
// SubjectConfirmationData) plus the clock skew (default 180 s). t_use comes
// from options.now here. (cli-contract.md § Declarations, --clock-skew;
// lifetime-rules.md § AWS "Response has expired".)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// Conditions/@NotOnOrAfter at 10:04; SubjectConfirmationData's later, so that
// only the Conditions one can expire.
std::string Document() {
  SamlBuilder b;
  b.not_on_or_after = "2026-11-23T10:04:00Z";
  b.subject_not_on_or_after = "2026-11-23T11:00:00Z";
  return b.Build();
}

}  // namespace

TEST(AssertionExpired, Fires) {
  const std::string xml = Document();
  const samlint::CheckResult result = CheckXml(xml, OptionsAt("2026-11-23T10:07:01Z"));

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "assertion-expired", samlint::Severity::kError,
                      "<saml2:Conditions NotBefore=\"2026-11-23T09:55:00Z\" "
                      "NotOnOrAfter=\"2026-11-23T10:04:00Z\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("NotOnOrAfter"));
}

// NotOnOrAfter + skew is itself already too late.
TEST(AssertionExpired, FiresAtNotOnOrAfterPlusSkew) {
  const samlint::CheckResult result = CheckXml(Document(), OptionsAt("2026-11-23T10:07:00Z"));
  EXPECT_TRUE(HasRule(result, "assertion-expired")) << Describe(result);
}

TEST(AssertionExpired, FiresOnSubjectConfirmationData) {
  SamlBuilder b;
  b.subject_not_on_or_after = "2026-11-23T10:01:00Z";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml, OptionsAt("2026-11-23T10:04:30Z"));
  ExpectOneWithin(result, xml, "assertion-expired", samlint::Severity::kError,
                  "<saml2:SubjectConfirmationData NotOnOrAfter=\"2026-11-23T10:01:00Z\"");
}

TEST(AssertionExpired, FiresWithoutSkewWhenClockSkewIsZero) {
  samlint::CheckOptions options = OptionsAt("2026-11-23T10:04:00Z");
  options.clock_skew = 0;
  const samlint::CheckResult result = CheckXml(Document(), options);
  EXPECT_TRUE(HasRule(result, "assertion-expired")) << Describe(result);
}

// One second inside the default skew.
TEST(AssertionExpired, DoesNotFireWithinClockSkew) {
  const samlint::CheckResult result = CheckXml(Document(), OptionsAt("2026-11-23T10:06:59Z"));
  EXPECT_FALSE(HasRule(result, "assertion-expired")) << Describe(result);
}

TEST(AssertionExpired, DoesNotFireAtIssueInstant) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "assertion-expired")) << Describe(result);
}
