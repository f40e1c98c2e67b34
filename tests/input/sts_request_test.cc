// input/sts_request: STS requests as query strings and JSON, read through
// SplitArtifact.
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/artifacts.h"
#include "support/artifact_fixtures.h"

namespace samlint {
namespace {

using samlint::testing::DecodedSaml;
using samlint::testing::ReadTestdata;
using samlint::testing::SplitFixture;

/// The only part of an STS-request split, with its request; nullptr (and a
/// failure) otherwise.
const ArtifactPart* OneRequestPart(const SplitInput& split) {
  EXPECT_EQ(split.kind, "sts-request");
  EXPECT_EQ(split.parts.size(), 1u);
  if (split.parts.size() != 1u) return nullptr;
  EXPECT_TRUE(split.parts[0].request.has_value());
  if (!split.parts[0].request.has_value()) return nullptr;
  return &split.parts[0];
}

/// The AWS request of testdata/sts: ops role, okta provider, 12 h, aws-api.xml.
void ExpectAwsOpsRequest(const ArtifactPart& part) {
  EXPECT_EQ(part.request->cloud, Cloud::kAws);
  EXPECT_EQ(part.request->action, "AssumeRoleWithSAML");
  EXPECT_EQ(part.request->role_arn, "arn:aws:iam::123456789012:role/ops");
  EXPECT_EQ(part.request->principal_arn, "arn:aws:iam::123456789012:saml-provider/okta");
  EXPECT_EQ(part.request->duration_seconds, 43200);
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aws-api.xml"));
}

/// An Alibaba Cloud request of testdata/sts: okta provider, aliyun-api-12h.xml.
void ExpectAliyunOktaRequest(const ArtifactPart& part) {
  EXPECT_EQ(part.request->cloud, Cloud::kAliyun);
  EXPECT_EQ(part.request->principal_arn, "acs:ram::1234567890123456:saml-provider/okta");
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aliyun-api-12h.xml"));
}

// ---------------------------------------------------------------------------
// STS requests

TEST(ArtifactsStsRequest, AwsCliInputJson) {
  const SplitInput split = SplitFixture("sts/aws-cli-assume-role-with-saml.json");
  EXPECT_EQ(split.error, "");
  const ArtifactPart* part = OneRequestPart(split);
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->pointer, "");
  ExpectAwsOpsRequest(*part);
  EXPECT_EQ(part->request->duration_text, "");
}

TEST(ArtifactsStsRequest, AwsQueryBody) {
  const SplitInput split = SplitFixture("sts/aws-query.txt");
  const ArtifactPart* part = OneRequestPart(split);
  ASSERT_NE(part, nullptr);
  ExpectAwsOpsRequest(*part);
}

TEST(ArtifactsStsRequest, AliyunJsonWithoutDurationSeconds) {
  const SplitInput split = SplitFixture("sts/aliyun-api.json");
  const ArtifactPart* part = OneRequestPart(split);
  ASSERT_NE(part, nullptr);
  ExpectAliyunOktaRequest(*part);
  EXPECT_EQ(part->request->role_arn, "acs:ram::1234567890123456:role/ops");
  EXPECT_FALSE(part->request->duration_seconds.has_value());
  EXPECT_EQ(part->request->duration_text, "");
}

TEST(ArtifactsStsRequest, AliyunQueryStringWithQuestionMark) {
  const SplitInput split = SplitFixture("sts/aliyun-query.txt");
  const ArtifactPart* part = OneRequestPart(split);
  ASSERT_NE(part, nullptr);
  ExpectAliyunOktaRequest(*part);
  EXPECT_EQ(part->request->action, "AssumeRoleWithSAML");
  EXPECT_EQ(part->request->duration_seconds, 3600);
}

TEST(ArtifactsStsRequest, QueryPlusIsSpaceExceptInTheAssertion) {
  const SplitInput split = SplitArtifact(
      "\n  Action=AssumeRoleWithSAML&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa+b"
      "&PrincipalArn=arn:aws:iam::1:saml-provider/p&SAMLAssertion=ab+c%2Bd%3D\r\n");
  EXPECT_EQ(split.kind, "sts-request");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].saml, "ab+c+d=");
  ASSERT_TRUE(split.parts[0].request.has_value());
  EXPECT_EQ(split.parts[0].request->role_arn, "arn:aws:iam::1:role/a b");
  EXPECT_FALSE(split.parts[0].request->duration_seconds.has_value());
}

TEST(ArtifactsStsRequest, DurationThatIsNotAnIntegerIsKeptAsText) {
  const SplitInput query = SplitArtifact(
      "Action=AssumeRoleWithSAML&RoleArn=acs:ram::1:role/"
      "r&SAMLProviderArn=acs:ram::1:saml-provider/"
      "p&SAMLAssertion=QUJD&DurationSeconds=1h");
  ASSERT_EQ(query.parts.size(), 1u);
  ASSERT_TRUE(query.parts[0].request.has_value());
  EXPECT_EQ(query.parts[0].request->cloud, Cloud::kAliyun);
  EXPECT_FALSE(query.parts[0].request->duration_seconds.has_value());
  EXPECT_EQ(query.parts[0].request->duration_text, "1h");

  const SplitInput string_digits = SplitArtifact(
      R"({"RoleArn":"arn:aws:iam::1:role/r","PrincipalArn":"arn:aws:iam::1:saml-provider/p",
          "SAMLAssertion":"QUJD","DurationSeconds":"3600"})");
  ASSERT_EQ(string_digits.parts.size(), 1u);
  EXPECT_EQ(string_digits.parts[0].request->duration_seconds, 3600);

  const SplitInput words = SplitArtifact(
      R"({"RoleArn":"arn:aws:iam::1:role/r","SAMLAssertion":"QUJD","DurationSeconds":"twelve hours"})");
  ASSERT_EQ(words.parts.size(), 1u);
  EXPECT_FALSE(words.parts[0].request->duration_seconds.has_value());
  EXPECT_EQ(words.parts[0].request->duration_text, "twelve hours");

  const SplitInput fraction = SplitArtifact(
      R"({"RoleArn":"arn:aws:iam::1:role/r","SAMLAssertion":"QUJD","DurationSeconds":900.5})");
  ASSERT_EQ(fraction.parts.size(), 1u);
  EXPECT_FALSE(fraction.parts[0].request->duration_seconds.has_value());
  EXPECT_EQ(fraction.parts[0].request->duration_text, "900.5");
}

TEST(ArtifactsStsRequest, LowerCamelSdkKeys) {
  const SplitInput split = SplitArtifact(
      R"({"roleArn":"arn:aws:iam::1:role/r","principalArn":"arn:aws:iam::1:saml-provider/p",
          "samlAssertion":"QUJD","durationSeconds":1800})");
  EXPECT_EQ(split.kind, "sts-request");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].saml, "QUJD");
  EXPECT_EQ(split.parts[0].request->role_arn, "arn:aws:iam::1:role/r");
  EXPECT_EQ(split.parts[0].request->principal_arn, "arn:aws:iam::1:saml-provider/p");
  EXPECT_EQ(split.parts[0].request->duration_seconds, 1800);
}

TEST(ArtifactsStsRequest, QueryForOtherAssumeRoleActions) {
  const SplitInput split = SplitArtifact(
      "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fr"
      "&RoleSessionName=s&DurationSeconds=7200");
  EXPECT_EQ(split.kind, "sts-request");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].saml, "");
  EXPECT_EQ(split.parts[0].request->action, "AssumeRole");
  EXPECT_EQ(split.parts[0].request->duration_seconds, 7200);
  // Another action is not an STS request samlint reads.
  EXPECT_EQ(SplitArtifact("Action=GetCallerIdentity&Version=2011-06-15").kind, "");
}

}  // namespace
}  // namespace samlint
