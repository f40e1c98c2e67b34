// redemption-window-exceeded (error, AWS): t_use more than 5 minutes plus the
// clock skew after the earlier of the Response's and the Assertion's
// IssueInstant ("Token must be redeemed within 5 minutes of issuance").
// (lifetime-rules.md § AWS.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// Validity windows long enough that only the redemption window matters.
SamlBuilder LongValidity() {
  SamlBuilder b;
  b.not_on_or_after = "2026-11-23T11:00:00Z";
  b.subject_not_on_or_after = "2026-11-23T11:00:00Z";
  return b;
}

}  // namespace

// Response issued 09:59, Assertion 10:00: measured from 09:59; 8 min 1 s later.
TEST(RedemptionWindowExceeded, Fires) {
  SamlBuilder b = LongValidity();
  b.response_issue_instant = "2026-11-23T09:59:00Z";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml, OptionsAt("2026-11-23T10:07:01Z"));

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "redemption-window-exceeded", samlint::Severity::kError,
                      "IssueInstant=\"2026-11-23T09:59:00Z\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("5 minutes"));
}

TEST(RedemptionWindowExceeded, FiresFromTheAssertionIssueInstant) {
  const samlint::CheckResult result =
      CheckXml(LongValidity().Build(), OptionsAt("2026-11-23T10:08:01Z"));
  EXPECT_TRUE(HasRule(result, "redemption-window-exceeded")) << Describe(result);
}

// 5 min + 3 min skew exactly: not more than the window.
TEST(RedemptionWindowExceeded, DoesNotFireAtTheEdgeOfTheWindow) {
  SamlBuilder b = LongValidity();
  b.response_issue_instant = "2026-11-23T09:59:00Z";
  const samlint::CheckResult result = CheckXml(b.Build(), OptionsAt("2026-11-23T10:07:00Z"));
  EXPECT_FALSE(HasRule(result, "redemption-window-exceeded")) << Describe(result);
}

// An observed AWS STS limit: not applied to Alibaba Cloud.
TEST(RedemptionWindowExceeded, DoesNotFireOnAlibaba) {
  SamlBuilder b = LongValidity();
  b.cloud = SamlBuilder::Cloud::kAliyun;
  const samlint::CheckResult result = CheckXml(b.Build(), OptionsAt("2026-11-23T10:20:00Z"));
  EXPECT_FALSE(HasRule(result, "redemption-window-exceeded")) << Describe(result);
}
