// recipient-mismatch (error): SubjectConfirmationData/@Recipient is not the
// cloud's sign-in endpoint: https://signin.aws.amazon.com/saml or
// https://<region>.signin.aws.amazon.com/saml on AWS;
// https://signin.alibabacloud.com/saml-role/sso or
// https://signin.aliyun.com/saml-role/sso on Alibaba Cloud. (lifetime-rules.md.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string WithRecipient(const std::string& recipient,
                          SamlBuilder::Cloud cloud = SamlBuilder::Cloud::kAws) {
  SamlBuilder b;
  b.cloud = cloud;
  b.recipient = recipient;
  return b.Build();
}

}  // namespace

TEST(RecipientMismatch, Fires) {
  const std::string xml = WithRecipient("https://sp.example.com/acs");
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "recipient-mismatch", samlint::Severity::kError,
                      "<saml2:SubjectConfirmationData NotOnOrAfter=\"2026-11-23T10:05:00Z\" "
                      "Recipient=\"https://sp.example.com/acs\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("https://sp.example.com/acs"));
}

TEST(RecipientMismatch, FiresOnAlibabaForTheAwsEndpoint) {
  const samlint::CheckResult result =
      CheckXml(WithRecipient("https://signin.aws.amazon.com/saml", SamlBuilder::Cloud::kAliyun));
  const samlint::Diagnostic* d = FindDiagnostic(result, "recipient-mismatch");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
}

TEST(RecipientMismatch, DoesNotFireForARegionalEndpoint) {
  const samlint::CheckResult result =
      CheckXml(WithRecipient("https://us-east-1.signin.aws.amazon.com/saml"));
  EXPECT_FALSE(HasRule(result, "recipient-mismatch")) << Describe(result);
}

TEST(RecipientMismatch, DoesNotFireForTheAlibabaChinaSite) {
  const samlint::CheckResult result = CheckXml(
      WithRecipient("https://signin.aliyun.com/saml-role/sso", SamlBuilder::Cloud::kAliyun));
  EXPECT_FALSE(HasRule(result, "recipient-mismatch")) << Describe(result);
}
