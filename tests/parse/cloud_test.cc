// parse/cloud: the cloud a response is for, from its attribute names,
// Audience and endpoints.
#include "parse/cloud.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace samlint {
namespace {

TextFact Text(const std::string& value) {
  TextFact t;
  t.present = true;
  t.value = value;
  return t;
}

TEST(Cloud, AwsSigninEndpointsIncludeRegionsPartitionsAndTheAcsPath) {
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAws, "https://signin.aws.amazon.com/saml"));
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAws, "https://signin.aws.amazon.com/saml/"));
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAws, "https://us-east-2.signin.aws.amazon.com/saml"));
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAws, "https://signin.amazonaws.cn/saml"));
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAws, "https://signin.amazonaws-us-gov.com/saml"));
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAws,
                               "https://signin.aws.amazon.com/saml/acs/SAMLSP4SHN3UIS2D558H46"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "http://signin.aws.amazon.com/saml"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://evil.example/signin.aws.amazon.com/saml"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://evilsignin.aws.amazon.com/saml"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://EU.signin.aws.amazon.com/saml"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://.signin.aws.amazon.com/saml"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://signin.aws.amazon.com/samlx"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://signin.aws.amazon.com/saml/acs/"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://signin.aws.amazon.com/saml/acs/a.b"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://signin.aws.amazon.com"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAws, "https://signin.aliyun.com/saml-role/sso"));
}

TEST(Cloud, AliyunSigninEndpointsAreExact) {
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAliyun, "https://signin.aliyun.com/saml-role/sso"));
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kAliyun, "https://signin.alibabacloud.com/saml-role/sso"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAliyun, "https://signin.aliyun.com/saml-role/sso/"));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAliyun, "https://signin.aws.amazon.com/saml"));
}

TEST(Cloud, Audiences) {
  EXPECT_TRUE(IsCloudAudience(Cloud::kAws, "urn:amazon:webservices"));
  EXPECT_TRUE(IsCloudAudience(Cloud::kAws, "urn:amazon:webservices:cn-north-1"));
  EXPECT_TRUE(IsCloudAudience(Cloud::kAws, "https://signin.aws.amazon.com/saml"));
  EXPECT_FALSE(IsCloudAudience(Cloud::kAws, "urn:amazon:webservicesx"));
  EXPECT_TRUE(IsCloudAudience(Cloud::kAliyun, "urn:alibaba:cloudcomputing"));
  EXPECT_TRUE(IsCloudAudience(Cloud::kAliyun, "urn:alibaba:cloudcomputing:international"));
  EXPECT_FALSE(IsCloudAudience(Cloud::kAliyun, "urn:amazon:webservices"));
}

TEST(Cloud, AttributesOfEachCloud) {
  EXPECT_STREQ(AttributesOf(Cloud::kAws).role, "https://aws.amazon.com/SAML/Attributes/Role");
  EXPECT_STREQ(AttributesOf(Cloud::kAliyun).session_duration,
               "https://www.aliyun.com/SAML-Role/Attributes/SessionDuration");
  EXPECT_EQ(AttributesOf(Cloud::kAliyun).source_identity, nullptr);
}

TEST(Cloud, DetectCloudWeighsAttributesOverAudienceOverEndpoints) {
  ResponseFacts facts;
  AssertionFact assertion;
  EXPECT_EQ(DetectCloud(facts, &assertion), std::nullopt) << "nothing names a cloud";
  assertion.audiences.push_back(Text("urn:amazon:webservices"));
  facts.destination = Text("https://signin.aliyun.com/saml-role/sso");
  EXPECT_EQ(DetectCloud(facts, &assertion), std::optional<Cloud>(Cloud::kAws))
      << "an Audience (2) outweighs a Destination (1)";
  AttributeFact role;
  role.name = "https://www.aliyun.com/SAML-Role/Attributes/Role";
  assertion.attributes.push_back(role);
  EXPECT_EQ(DetectCloud(facts, &assertion), std::optional<Cloud>(Cloud::kAliyun))
      << "an attribute name (4) outweighs an Audience";
}

TEST(Cloud, DetectCloudWithoutAssertionOrWithAnEvenSplit) {
  ResponseFacts facts;
  facts.destination = Text("https://signin.aws.amazon.com/saml");
  EXPECT_EQ(DetectCloud(facts, nullptr), std::optional<Cloud>(Cloud::kAws));
  AssertionFact assertion;
  SubjectConfirmationFact confirmation;
  confirmation.recipient = Text("https://signin.aliyun.com/saml-role/sso");
  assertion.subject_confirmations.push_back(confirmation);
  EXPECT_EQ(DetectCloud(facts, &assertion), std::nullopt) << "one endpoint each";
}

// more-clouds.md § Detecting the cloud: Google's sign-in callback (Recipient,
// Destination) and SP entity ID (Audience) name the pool and the provider.
TEST(Cloud, GcpEndpointsNameThePoolAndTheProvider) {
  const std::string callback =
      "https://auth.cloud.google/signin-callback/locations/global/workforcePools/corp-staff/"
      "providers/okta-saml";
  std::optional<WorkforceProvider> p = GcpSigninCallback(callback);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->pool, "corp-staff");
  EXPECT_EQ(p->provider, "okta-saml");
  EXPECT_TRUE(IsSigninEndpoint(Cloud::kGcp, callback));
  const std::string audience =
      "https://iam.googleapis.com/locations/global/workforcePools/pool-2/providers/entra";
  p = GcpWorkforceAudience(audience);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->pool, "pool-2");
  EXPECT_EQ(p->provider, "entra");
  EXPECT_TRUE(IsCloudAudience(Cloud::kGcp, audience));

  // The STS request's audience (//iam.googleapis.com/...) is no assertion Audience.
  EXPECT_FALSE(IsCloudAudience(
      Cloud::kGcp, "//iam.googleapis.com/locations/global/workforcePools/pool-2/providers/entra"));
  EXPECT_FALSE(IsCloudAudience(Cloud::kGcp, callback)) << "the callback is not the entity ID";
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kGcp, audience)) << "the entity ID is not the callback";
  for (const char* bad :
       {"https://auth.cloud.google/signin-callback/locations/global/workforcePools//providers/p",
        "https://auth.cloud.google/signin-callback/locations/global/workforcePools/pool/providers/",
        "https://auth.cloud.google/signin-callback/locations/global/workforcePools/pool/providers/"
        "p/extra",
        "https://auth.cloud.google/signin-callback/locations/global/workforcePools/pool",
        "https://auth.cloud.google/signin-callback/locations/eu/workforcePools/pool/providers/p",
        "http://auth.cloud.google/signin-callback/locations/global/workforcePools/pool/providers/p",
        "https://auth.cloud.google.evil/signin-callback/locations/global/workforcePools/pool/"
        "providers/p",
        "https://auth.cloud.google/signin-callback/locations/global/workforcePools/pool/providers/"
        "p?x=1"}) {
    EXPECT_FALSE(GcpSigninCallback(bad).has_value()) << bad;
  }
  EXPECT_FALSE(IsCloudAudience(Cloud::kAws, audience));
  EXPECT_FALSE(IsSigninEndpoint(Cloud::kAliyun, callback));
}

TEST(Cloud, DetectCloudNamesGcpFromItsEndpointsAlone) {
  ResponseFacts facts;
  AssertionFact assertion;
  assertion.audiences.push_back(
      Text("https://iam.googleapis.com/locations/global/workforcePools/corp/providers/okta"));
  EXPECT_EQ(DetectCloud(facts, &assertion), std::optional<Cloud>(Cloud::kGcp)) << "Audience";
  std::optional<WorkforceProvider> p = GcpWorkforceProvider(facts, &assertion);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->pool, "corp");

  ResponseFacts by_destination;
  by_destination.destination = Text(
      "https://auth.cloud.google/signin-callback/locations/global/workforcePools/d/providers/e");
  EXPECT_EQ(DetectCloud(by_destination, nullptr), std::optional<Cloud>(Cloud::kGcp))
      << "Destination";
  EXPECT_EQ(GcpWorkforceProvider(by_destination, nullptr)->pool, "d");

  // Any other cloud named anywhere wins: Google has no attribute names of its own.
  AttributeFact role;
  role.name = "https://aws.amazon.com/SAML/Attributes/Role";
  assertion.attributes.push_back(role);
  EXPECT_EQ(DetectCloud(facts, &assertion), std::optional<Cloud>(Cloud::kAws));
}

}  // namespace
}  // namespace samlint
