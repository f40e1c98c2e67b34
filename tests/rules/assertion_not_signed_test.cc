// assertion-not-signed: only the Response is signed, not the Assertion. An
// error on Alibaba Cloud (it requires the whole Assertion signed), a warning
// on AWS. (cli-contract.md § Rule ids, Trust; Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string ResponseOnlySigned(SamlBuilder::Cloud cloud) {
  SamlBuilder b;
  b.cloud = cloud;
  b.sign_marker_response = true;
  return b.Build();
}

}  // namespace

TEST(AssertionNotSigned, Fires) {
  const std::string xml = ResponseOnlySigned(SamlBuilder::Cloud::kAws);
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "assertion-not-signed", samlint::Severity::kWarning,
                      "<saml2:Assertion ID=\"_a1\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("Assertion"));
}

TEST(AssertionNotSigned, IsAnErrorOnAlibaba) {
  const std::string xml = ResponseOnlySigned(SamlBuilder::Cloud::kAliyun);
  const samlint::CheckResult result = CheckXml(xml);
  ExpectOneWithin(result, xml, "assertion-not-signed", samlint::Severity::kError,
                  "<saml2:Assertion ID=\"_a1\"");
}

TEST(AssertionNotSigned, DoesNotFireWhenTheAssertionIsSignedToo) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  b.sign_marker_response = true;
  b.sign_marker_assertion = true;
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "assertion-not-signed")) << Describe(result);
}

TEST(AssertionNotSigned, DoesNotFireWhenOnlyTheAssertionIsSigned) {
  SamlBuilder b;
  b.sign_marker_assertion = true;
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "assertion-not-signed")) << Describe(result);
}

// Nothing signed at all is signature-missing, not this rule.
TEST(AssertionNotSigned, DoesNotFireWhenNothingIsSigned) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "assertion-not-signed")) << Describe(result);
}
