// input/capture: HAR captures and SAML-tracer exports, read through SplitArtifact.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
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
using samlint::testing::SplitFixtureOf;

// ---------------------------------------------------------------------------
// HAR

TEST(ArtifactsHar, AwsSignInPostAmongOtherEntries) {
  const SplitInput split = SplitFixtureOf("har/aws-signin.har", "har");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  EXPECT_EQ(part.pointer, "/log/entries/3");
  EXPECT_EQ(part.capture_url, "https://signin.aws.amazon.com/saml");
  EXPECT_EQ(part.capture_time, "2026-11-23T10:00:01.532Z");
  EXPECT_FALSE(part.request.has_value());
  EXPECT_FALSE(part.event.has_value());
  // Percent-decoded but still base64: the caller decodes it.
  EXPECT_EQ(part.saml.find('%'), std::string::npos);
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aws-three-roles.xml"));
}

TEST(ArtifactsHar, FormBodyInPostDataTextOnly) {
  const SplitInput split = SplitFixture("har/aliyun-signin.har");
  EXPECT_EQ(split.kind, "har");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].pointer, "/log/entries/1");
  EXPECT_EQ(split.parts[0].capture_url, "https://signin.alibabacloud.com/saml-role/sso");
  EXPECT_EQ(split.parts[0].capture_time, "2026-11-23T10:00:00.905Z");
  EXPECT_EQ(DecodedSaml(split.parts[0]), ReadTestdata("responses/aliyun-api-12h.xml"));
}

TEST(ArtifactsHar, WithoutSamlResponseIsRecognisedButEmpty) {
  const SplitInput split = SplitFixture("har/no-saml.har");
  EXPECT_EQ(split.kind, "har");
  EXPECT_TRUE(split.parts.empty());
  EXPECT_EQ(split.error, "the HAR capture holds no SAMLResponse POST and no STS call");
}

// A proxy's HAR of a CLI federating: the STS calls are the parts, with the
// request's parameters and the SAMLAssertion they carry.
TEST(ArtifactsHar, StsCallsInAPostBodyAndInAUrlQueryAreParts) {
  const SplitInput split = SplitFixtureOf("har/sts-calls.har", "har");
  EXPECT_TRUE(split.error.empty()) << split.error;
  ASSERT_EQ(split.parts.size(), 2u);
  const ArtifactPart& aws = split.parts[0];
  EXPECT_EQ(aws.pointer, "/log/entries/0");
  EXPECT_EQ(aws.capture_url, "https://sts.amazonaws.com/");
  EXPECT_EQ(aws.capture_time, "2026-11-23T10:00:02.204Z");
  ASSERT_TRUE(aws.request.has_value());
  EXPECT_EQ(aws.request->cloud, Cloud::kAws);
  EXPECT_EQ(aws.request->action, "AssumeRoleWithSAML");
  EXPECT_EQ(aws.request->role_arn, "arn:aws:iam::123456789012:role/ops");
  EXPECT_EQ(aws.request->duration_seconds, std::optional<std::int64_t>(43200));
  EXPECT_EQ(DecodedSaml(aws), ReadTestdata("responses/aws-api.xml"));
  const ArtifactPart& aliyun = split.parts[1];
  EXPECT_EQ(aliyun.pointer, "/log/entries/1");
  ASSERT_TRUE(aliyun.request.has_value());
  EXPECT_EQ(aliyun.request->cloud, Cloud::kAliyun);
  EXPECT_EQ(aliyun.request->duration_seconds, std::optional<std::int64_t>(3600));
  EXPECT_EQ(DecodedSaml(aliyun), ReadTestdata("responses/aliyun-api-12h.xml"));
}

TEST(ArtifactsHar, AnOrdinaryQueryOrFormPostIsNoStsCall) {
  const SplitInput split = SplitArtifact(R"({"log":{"version":"1.2","entries":[
    {"startedDateTime":"t0","request":{"method":"GET","url":"https://a/?q=1&Action=Search"}},
    {"startedDateTime":"t1","request":{"method":"POST","url":"https://a/login",
      "postData":{"mimeType":"application/x-www-form-urlencoded","text":"user=alice&x=1"}}}]}})");
  EXPECT_EQ(split.kind, "har");
  EXPECT_TRUE(split.parts.empty());
  EXPECT_EQ(split.error, "the HAR capture holds no SAMLResponse POST and no STS call");
}

TEST(ArtifactsHar, DecodedParamsKeepBase64PlusAndGetIsSkipped) {
  // Firefox writes params decoded; a GET carrying SAMLResponse is not a POST.
  const SplitInput split = SplitArtifact(R"({"log":{"version":"1.2","entries":[
    {"startedDateTime":"t0","request":{"method":"GET","url":"https://a/?SAMLResponse=x",
      "postData":{"params":[{"name":"SAMLResponse","value":"QUJD"}]}}},
    {"startedDateTime":"t1","request":{"method":"post","url":"https://signin.aws.amazon.com/saml",
      "postData":{"mimeType":"application/x-www-form-urlencoded",
                  "params":[{"name":"RelayState","value":""},{"name":"SAMLResponse","value":"ab+/cd=="}]}}},
    {"startedDateTime":"t2","request":{"method":"POST","url":"https://x/",
      "postData":{"text":"RelayState=r&SAMLResponse=PD94%2Bbw%3D%3D"}}}]}})");
  EXPECT_EQ(split.kind, "har");
  ASSERT_EQ(split.parts.size(), 2u);
  EXPECT_EQ(split.parts[0].pointer, "/log/entries/1");
  EXPECT_EQ(split.parts[0].saml, "ab+/cd==");
  EXPECT_EQ(split.parts[0].capture_time, "t1");
  EXPECT_EQ(split.parts[1].pointer, "/log/entries/2");
  EXPECT_EQ(split.parts[1].saml, "PD94+bw==");
}

TEST(ArtifactsHar, WrongTypesAreSkippedNotThrown) {
  const SplitInput split = SplitArtifact(R"({"log":{"entries":[
    1, "x", null, {"request":7}, {"request":{"method":5}},
    {"request":{"method":"POST","postData":{"params":"no","text":12}}},
    {"request":{"method":"POST","postData":{"params":[3,{"name":1},{"name":"SAMLResponse","value":9}]}}}]}})");
  EXPECT_EQ(split.kind, "har");
  // The last entry names SAMLResponse with a non-string value: an empty part
  // the caller reports as unreadable, with its pointer.
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].pointer, "/log/entries/6");
  EXPECT_EQ(split.parts[0].saml, "");
}

// ---------------------------------------------------------------------------
// SAML-tracer

TEST(ArtifactsSamlTracer, ExportPrefersThePostParameter) {
  const SplitInput split = SplitFixtureOf("saml-tracer/aws-signin.json", "saml-tracer");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  EXPECT_EQ(part.pointer, "/requests/1");
  EXPECT_EQ(part.capture_url, "https://signin.aws.amazon.com/saml");
  // Requests carry no time of their own: the export's timestamp.
  EXPECT_EQ(part.capture_time, "2026-11-23T10:02:14.871Z");
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aws-three-roles.xml"));
}

TEST(ArtifactsSamlTracer, HashedExportFallsBackToTheDecodedXml) {
  const SplitInput split = SplitFixture("saml-tracer/aws-signin-hashed.json");
  EXPECT_EQ(split.kind, "saml-tracer");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].pointer, "/requests/1");
  EXPECT_EQ(split.parts[0].saml, ReadTestdata("responses/aws-three-roles.xml"));
}

TEST(ArtifactsSamlTracer, LegacyExportWithMillisecondTimestamp) {
  // Before 1.0 the add-on wrote Date.now() and decoded post values with
  // value.replace('+', ' '), which turns the first '+' into a space.
  const SplitInput split = SplitArtifact(
      R"({"requests":[{"id":"7","method":"POST","url":"https://signin.aws.amazon.com/saml",
                       "requestHeaders":[["Host","signin.aws.amazon.com"]],
                       "post":[["SAMLResponse","PD94 bWw+"],["RelayState",""]]}],
          "timestamp":1795428134871})");
  EXPECT_EQ(split.kind, "saml-tracer");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].pointer, "/requests/0");
  EXPECT_EQ(split.parts[0].saml, "PD94+bWw+");
  EXPECT_EQ(split.parts[0].capture_time, "2026-11-23T10:02:14.871Z");
}

TEST(ArtifactsSamlTracer, NoSamlResponseIsAnError) {
  const SplitInput split = SplitArtifact(
      R"({"requests":[{"method":"GET","url":"https://idp/","get":[["SAMLRequest","x"]]},
                      {"method":"POST","url":"https://sp/","post":[["SAMLRequest","eA=="]]}],
          "timestamp":"2026-11-23T10:00:00Z"})");
  EXPECT_EQ(split.kind, "saml-tracer");
  EXPECT_TRUE(split.parts.empty());
  EXPECT_EQ(split.error, "the SAML-tracer export holds no SAMLResponse POST");
}

}  // namespace
}  // namespace samlint
