// audience-mismatch (error): no Audience is the cloud's: urn:amazon:webservices
// (or https://signin.aws.amazon.com/saml) on AWS;
// urn:alibaba:cloudcomputing[:international] on Alibaba Cloud. (lifetime-rules.md.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string WithAudience(const std::string& audience,
                         SamlBuilder::Cloud cloud = SamlBuilder::Cloud::kAws) {
  SamlBuilder b;
  b.cloud = cloud;
  b.audiences = {audience};
  return b.Build();
}

}  // namespace

TEST(AudienceMismatch, Fires) {
  const std::string xml = WithAudience("https://sp.example.com/metadata");
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "audience-mismatch", samlint::Severity::kError,
                      "<saml2:Audience>https://sp.example.com/metadata");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("urn:amazon:webservices"));
}

TEST(AudienceMismatch, FiresOnAlibabaForTheAwsAudience) {
  const std::string xml = WithAudience("urn:amazon:webservices", SamlBuilder::Cloud::kAliyun);
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d = FindDiagnostic(result, "audience-mismatch");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_THAT(d->message, HasSubstr("urn:alibaba:cloudcomputing"));
  ExpectLocatedWithin(*d, xml, "<saml2:Audience>urn:amazon:webservices");
}

// The older guide's audience is accepted too.
TEST(AudienceMismatch, DoesNotFireForTheSigninUrlAudience) {
  const samlint::CheckResult result = CheckXml(WithAudience("https://signin.aws.amazon.com/saml"));
  EXPECT_FALSE(HasRule(result, "audience-mismatch")) << Describe(result);
}

TEST(AudienceMismatch, DoesNotFireForTheCloudAudience) {
  EXPECT_FALSE(HasRule(CheckXml(WithAudience("urn:amazon:webservices")), "audience-mismatch"));
  EXPECT_FALSE(
      HasRule(CheckXml(WithAudience("urn:alibaba:cloudcomputing", SamlBuilder::Cloud::kAliyun)),
              "audience-mismatch"));
}
