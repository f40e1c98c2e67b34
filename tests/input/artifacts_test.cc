#include "samlint/artifacts.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "base/codec.h"
#include "samlint/timestamp.h"

namespace samlint {
namespace {

std::string ReadTestdata(const std::string& relative) {
  const std::string path = std::string(SAMLINT_TESTDATA) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

SplitInput SplitFixture(const std::string& relative) {
  return SplitArtifact(ReadTestdata("artifacts/" + relative));
}

std::string DecodedSaml(const ArtifactPart& part) {
  std::string xml;
  EXPECT_TRUE(DecodeBase64(part.saml, xml)) << part.pointer;
  return xml;
}

Timestamp At(std::string_view iso) {
  const std::optional<Timestamp> t = ParseDateTime(iso);
  EXPECT_TRUE(t.has_value()) << iso;
  return t.value_or(Timestamp{});
}

std::vector<std::string> Pointers(const SplitInput& split) {
  std::vector<std::string> pointers;
  for (const ArtifactPart& part : split.parts) {
    pointers.push_back(part.pointer);
  }
  return pointers;
}

const ArtifactPart* PartAt(const SplitInput& split, std::string_view pointer) {
  for (const ArtifactPart& part : split.parts) {
    if (part.pointer == pointer) {
      return &part;
    }
  }
  ADD_FAILURE() << "no part " << pointer;
  return nullptr;
}

// gzip (one member) of `data` repeated `repeat` times, built with zlib.
std::string Gzip(std::string_view data, std::size_t repeat = 1, int level = Z_BEST_COMPRESSION) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  std::array<unsigned char, 1 << 16> buffer{};
  for (std::size_t i = 0; i < repeat; ++i) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    const int flush = i + 1 == repeat ? Z_FINISH : Z_NO_FLUSH;
    int rc = Z_OK;
    do {
      stream.next_out = buffer.data();
      stream.avail_out = static_cast<uInt>(buffer.size());
      rc = deflate(&stream, flush);
      out.append(reinterpret_cast<const char*>(buffer.data()), buffer.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  }
  deflateEnd(&stream);
  return out;
}

// ---------------------------------------------------------------------------
// HAR

TEST(ArtifactsHar, AwsSignInPostAmongOtherEntries) {
  const SplitInput split = SplitFixture("har/aws-signin.har");
  EXPECT_EQ(split.kind, "har");
  EXPECT_EQ(split.error, "");
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
  EXPECT_EQ(split.error, "the HAR capture holds no SAMLResponse POST");
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
  const SplitInput split = SplitFixture("saml-tracer/aws-signin.json");
  EXPECT_EQ(split.kind, "saml-tracer");
  EXPECT_EQ(split.error, "");
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

// ---------------------------------------------------------------------------
// STS requests

TEST(ArtifactsStsRequest, AwsCliInputJson) {
  const SplitInput split = SplitFixture("sts/aws-cli-assume-role-with-saml.json");
  EXPECT_EQ(split.kind, "sts-request");
  EXPECT_EQ(split.error, "");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  EXPECT_EQ(part.pointer, "");
  ASSERT_TRUE(part.request.has_value());
  EXPECT_EQ(part.request->cloud, Cloud::kAws);
  EXPECT_EQ(part.request->action, "AssumeRoleWithSAML");
  EXPECT_EQ(part.request->role_arn, "arn:aws:iam::123456789012:role/ops");
  EXPECT_EQ(part.request->principal_arn, "arn:aws:iam::123456789012:saml-provider/okta");
  EXPECT_EQ(part.request->duration_seconds, 43200);
  EXPECT_EQ(part.request->duration_text, "");
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aws-api.xml"));
}

TEST(ArtifactsStsRequest, AwsQueryBody) {
  const SplitInput split = SplitFixture("sts/aws-query.txt");
  EXPECT_EQ(split.kind, "sts-request");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  ASSERT_TRUE(part.request.has_value());
  EXPECT_EQ(part.request->cloud, Cloud::kAws);
  EXPECT_EQ(part.request->action, "AssumeRoleWithSAML");
  EXPECT_EQ(part.request->role_arn, "arn:aws:iam::123456789012:role/ops");
  EXPECT_EQ(part.request->principal_arn, "arn:aws:iam::123456789012:saml-provider/okta");
  EXPECT_EQ(part.request->duration_seconds, 43200);
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aws-api.xml"));
}

TEST(ArtifactsStsRequest, AliyunJsonWithoutDurationSeconds) {
  const SplitInput split = SplitFixture("sts/aliyun-api.json");
  EXPECT_EQ(split.kind, "sts-request");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  ASSERT_TRUE(part.request.has_value());
  EXPECT_EQ(part.request->cloud, Cloud::kAliyun);
  EXPECT_EQ(part.request->role_arn, "acs:ram::1234567890123456:role/ops");
  EXPECT_EQ(part.request->principal_arn, "acs:ram::1234567890123456:saml-provider/okta");
  EXPECT_FALSE(part.request->duration_seconds.has_value());
  EXPECT_EQ(part.request->duration_text, "");
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aliyun-api-12h.xml"));
}

TEST(ArtifactsStsRequest, AliyunQueryStringWithQuestionMark) {
  const SplitInput split = SplitFixture("sts/aliyun-query.txt");
  EXPECT_EQ(split.kind, "sts-request");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  ASSERT_TRUE(part.request.has_value());
  EXPECT_EQ(part.request->cloud, Cloud::kAliyun);
  EXPECT_EQ(part.request->action, "AssumeRoleWithSAML");
  EXPECT_EQ(part.request->principal_arn, "acs:ram::1234567890123456:saml-provider/okta");
  EXPECT_EQ(part.request->duration_seconds, 3600);
  EXPECT_EQ(DecodedSaml(part), ReadTestdata("responses/aliyun-api-12h.xml"));
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

// ---------------------------------------------------------------------------
// Inputs that are not artifacts: the caller checks them as SAML responses.

TEST(ArtifactsNotArtifact, SamlResponsesAndUnrelatedJson) {
  for (const char* relative : {"encoded/aws-api.form.txt", "encoded/aws-api.b64",
                               "encoded/aws-api-urlsafe.b64", "responses/aws-api.xml"}) {
    const SplitInput split = SplitArtifact(ReadTestdata(relative));
    EXPECT_EQ(split.kind, "") << relative;
    EXPECT_TRUE(split.parts.empty()) << relative;
    EXPECT_EQ(split.error, "") << relative;
  }
  for (const char* text :
       {"", "  \n", "{}", "[]", R"({"a":1})", "[1,2]", "null", R"({"requests":[1,2]})",
        R"({"Events":[{"x":1}]})", R"({"RoleArn":"arn:aws:iam::1:role/r"})",
        "SAMLResponse=PHg%2BPC94Pg%3D%3D&RelayState=x"}) {
    const SplitInput split = SplitArtifact(text);
    EXPECT_EQ(split.kind, "") << text;
    EXPECT_TRUE(split.parts.empty()) << text;
  }
}

// ---------------------------------------------------------------------------
// CloudTrail

TEST(ArtifactsCloudTrail, SingleAssumeRoleWithSamlEvent) {
  const SplitInput split = SplitFixture("cloudtrail/assume-role-with-saml.json");
  EXPECT_EQ(split.kind, "cloudtrail");
  EXPECT_EQ(split.error, "");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  EXPECT_EQ(part.pointer, "");
  EXPECT_EQ(part.saml, "");  // CloudTrail does not log the assertion
  EXPECT_FALSE(part.request.has_value());
  ASSERT_TRUE(part.event.has_value());
  const TrailEvent& event = *part.event;
  EXPECT_EQ(event.cloud, Cloud::kAws);
  EXPECT_EQ(event.event_name, "AssumeRoleWithSAML");
  EXPECT_EQ(event.event_time_text, "2026-11-23T10:00:05Z");
  EXPECT_EQ(event.event_time, At("2026-11-23T10:00:05Z"));
  EXPECT_EQ(event.role_arn, "arn:aws:iam::123456789012:role/Admin");
  EXPECT_EQ(event.principal_arn, "arn:aws:iam::123456789012:saml-provider/okta");
  EXPECT_EQ(event.duration_seconds, 43200);
  EXPECT_EQ(event.expiration_text, "Nov 23, 2026, 11:00:05 AM");
  ASSERT_TRUE(event.expiration.has_value());
  ASSERT_TRUE(event.event_time.has_value());
  // Requested 12 h, observed 1 h: clamped by SessionNotOnOrAfter.
  EXPECT_EQ(SecondsBetween(*event.event_time, *event.expiration), 3600);
  EXPECT_EQ(event.error_code, "");
  EXPECT_EQ(event.error_message, "");
  EXPECT_EQ(event.saml_assertion_id, "_9c1d4f2e-7a3b-4e58-b6d0-3f8a2e1c5b47");
  EXPECT_FALSE(event.caller_holds_role);
}

TEST(ArtifactsCloudTrail, LogFileKeepsOnlyTheStsAssumeCalls) {
  const SplitInput split = SplitFixture("cloudtrail/log.json");
  EXPECT_EQ(split.kind, "cloudtrail");
  EXPECT_EQ(split.error, "");
  // Records 0 (ConsoleLogin) and 1 (GetCallerIdentity) are not kept.
  EXPECT_EQ(Pointers(split), (std::vector<std::string>{"/Records/2", "/Records/3", "/Records/4",
                                                       "/Records/5", "/Records/6"}));

  const ArtifactPart* three_roles = PartAt(split, "/Records/3");
  ASSERT_TRUE(three_roles != nullptr && three_roles->event.has_value());
  EXPECT_EQ(three_roles->event->saml_assertion_id, "id13579246802468013579246801");
  EXPECT_EQ(three_roles->event->duration_seconds, 28800);
  // The older console form, without the comma after the year.
  EXPECT_EQ(three_roles->event->expiration, At("2026-11-23T18:00:02Z"));

  const ArtifactPart* chained = PartAt(split, "/Records/4");
  ASSERT_TRUE(chained != nullptr && chained->event.has_value());
  EXPECT_EQ(chained->event->event_name, "AssumeRole");
  EXPECT_EQ(chained->event->error_code, "ValidationError");
  EXPECT_EQ(chained->event->error_message,
            "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed "
            "by role chaining.");
  EXPECT_TRUE(chained->event->caller_holds_role);
  EXPECT_EQ(chained->event->role_arn, "arn:aws:iam::210987654321:role/Deploy");
  EXPECT_EQ(chained->event->duration_seconds, 7200);
  EXPECT_FALSE(chained->event->expiration.has_value());
  EXPECT_EQ(chained->event->saml_assertion_id, "");

  const ArtifactPart* too_long = PartAt(split, "/Records/5");
  ASSERT_TRUE(too_long != nullptr && too_long->event.has_value());
  EXPECT_EQ(too_long->event->error_code, "ValidationError");
  EXPECT_EQ(too_long->event->error_message,
            "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
  EXPECT_EQ(too_long->event->saml_assertion_id, "id82736451030192837465012345");
  EXPECT_FALSE(too_long->event->caller_holds_role);

  const ArtifactPart* web = PartAt(split, "/Records/6");
  ASSERT_TRUE(web != nullptr && web->event.has_value());
  EXPECT_EQ(web->event->event_name, "AssumeRoleWithWebIdentity");
  EXPECT_EQ(web->event->principal_arn, "");
  EXPECT_EQ(web->event->expiration, At("2026-11-23T11:15:00Z"));
}

TEST(ArtifactsCloudTrail, GzipLogGivesTheSamePartsAsThePlainLog) {
  const SplitInput plain = SplitFixture("cloudtrail/log.json");
  const SplitInput gz = SplitFixture("cloudtrail/log.json.gz");
  EXPECT_EQ(gz.kind, "cloudtrail");
  EXPECT_EQ(gz.error, "");
  ASSERT_EQ(Pointers(gz), Pointers(plain));
  for (std::size_t i = 0; i < gz.parts.size(); ++i) {
    ASSERT_TRUE(gz.parts[i].event.has_value());
    EXPECT_EQ(gz.parts[i].event->event_time, plain.parts[i].event->event_time);
    EXPECT_EQ(gz.parts[i].event->expiration, plain.parts[i].event->expiration);
    EXPECT_EQ(gz.parts[i].event->error_message, plain.parts[i].event->error_message);
  }
}

TEST(ArtifactsCloudTrail, JsonLinesPointToZeroBasedLines) {
  const SplitInput split = SplitFixture("cloudtrail/events.jsonl");
  EXPECT_EQ(split.kind, "cloudtrail");
  EXPECT_EQ(split.error, "");
  EXPECT_EQ(Pointers(split), (std::vector<std::string>{"/0", "/1", "/2"}));
  EXPECT_EQ(split.parts[1].event->error_code, "ValidationError");
}

TEST(ArtifactsCloudTrail, JsonLinesCountBlankLinesAndReportATruncatedLine) {
  const std::string event =
      R"({"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"us-east-1",)"
      R"("eventTime":"2026-11-23T10:00:00Z","requestParameters":{"durationSeconds":"900"}})";
  const SplitInput split =
      SplitArtifact(event + "\n\n" + event + "\r\n" + event.substr(0, 40) + "\n");
  EXPECT_EQ(split.kind, "cloudtrail");
  EXPECT_EQ(Pointers(split), (std::vector<std::string>{"/0", "/2"}));
  EXPECT_EQ(split.error, "line 4 of the JSON Lines input is not valid JSON; it may be truncated");
  EXPECT_EQ(split.parts[0].event->duration_seconds, 900);  // a digit string
}

TEST(ArtifactsCloudTrail, LookupEventsOutputWithEmbeddedRecords) {
  const SplitInput split = SplitFixture("cloudtrail/lookup-events.json");
  EXPECT_EQ(split.kind, "cloudtrail");
  EXPECT_EQ(Pointers(split), (std::vector<std::string>{"/Events/0", "/Events/1"}));
  EXPECT_EQ(split.parts[0].event->saml_assertion_id, "_9c1d4f2e-7a3b-4e58-b6d0-3f8a2e1c5b47");
  EXPECT_EQ(split.parts[1].event->duration_seconds, 28800);
}

TEST(ArtifactsCloudTrail, LogWithoutStsCallsIsRecognisedButEmpty) {
  for (
      const char* text :
      {R"({"Records":[]})",
       R"({"Records":[{"eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1"}]})",
       R"({"eventSource":"sts.amazonaws.com","eventName":"GetSessionToken"})"}) {
    const SplitInput split = SplitArtifact(text);
    EXPECT_EQ(split.kind, "cloudtrail") << text;
    EXPECT_TRUE(split.parts.empty()) << text;
    EXPECT_NE(split.error.find("AssumeRoleWithSAML"), std::string::npos) << text;
  }
}

TEST(ArtifactsCloudTrail, AssertionIdFoundAnywhereInAnyCase) {
  const SplitInput split = SplitArtifact(
      R"({"eventSource":"sts.amazonaws.com","eventName":"AssumeRoleWithSAML",
          "requestParameters":{"roleArn":"arn:aws:iam::1:role/r"},
          "additionalEventData":{"nested":[{"SAMLAssertionId":"_abc"}]}})");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].event->saml_assertion_id, "_abc");
  EXPECT_FALSE(split.parts[0].event->duration_seconds.has_value());
  EXPECT_FALSE(split.parts[0].event->event_time.has_value());
}

// ---------------------------------------------------------------------------
// ActionTrail

TEST(ArtifactsActionTrail, SingleAssumeRoleWithSamlEvent) {
  const SplitInput split = SplitFixture("actiontrail/assume-role-with-saml.json");
  EXPECT_EQ(split.kind, "actiontrail");
  EXPECT_EQ(split.error, "");
  ASSERT_EQ(split.parts.size(), 1u);
  const ArtifactPart& part = split.parts[0];
  EXPECT_EQ(part.pointer, "");
  EXPECT_EQ(part.saml, "");  // logged masked as "****"
  ASSERT_TRUE(part.event.has_value());
  const TrailEvent& event = *part.event;
  EXPECT_EQ(event.cloud, Cloud::kAliyun);
  EXPECT_EQ(event.event_name, "AssumeRoleWithSAML");
  EXPECT_EQ(event.event_time, At("2026-11-23T10:00:03Z"));
  EXPECT_EQ(event.role_arn, "acs:ram::1234567890123456:role/ops");
  EXPECT_EQ(event.principal_arn, "acs:ram::1234567890123456:saml-provider/okta");
  EXPECT_EQ(event.duration_seconds, 3600);
  EXPECT_EQ(event.expiration, At("2026-11-23T11:00:03Z"));
  EXPECT_EQ(event.error_code, "");
  EXPECT_FALSE(event.caller_holds_role);
}

TEST(ArtifactsActionTrail, ArrayOfEvents) {
  const SplitInput split = SplitFixture("actiontrail/events.json");
  EXPECT_EQ(split.kind, "actiontrail");
  EXPECT_EQ(split.error, "");
  EXPECT_EQ(Pointers(split), (std::vector<std::string>{"/1", "/2", "/3", "/4"}));

  const ArtifactPart* assume_role = PartAt(split, "/2");
  ASSERT_TRUE(assume_role != nullptr && assume_role->event.has_value());
  EXPECT_EQ(assume_role->event->event_name, "AssumeRole");
  EXPECT_EQ(assume_role->event->expiration, At("2026-11-23T11:10:00Z"));  // lowerCamel keys
  EXPECT_FALSE(assume_role->event->caller_holds_role);

  const ArtifactPart* failed = PartAt(split, "/3");
  ASSERT_TRUE(failed != nullptr && failed->event.has_value());
  EXPECT_EQ(failed->event->error_code, "InvalidParameter.DurationSeconds");
  EXPECT_EQ(failed->event->duration_seconds, 43200);
  EXPECT_FALSE(failed->event->expiration.has_value());

  const ArtifactPart* chained = PartAt(split, "/4");
  ASSERT_TRUE(chained != nullptr && chained->event.has_value());
  EXPECT_TRUE(chained->event->caller_holds_role);
}

TEST(ArtifactsActionTrail, LoggedAssertionIsHandedOn) {
  // "PHg+PC94Pg==" is base64 of "<x></x>".
  const SplitInput split = SplitArtifact(
      R"({"Events":[{"eventSource":"sts.aliyuncs.com","serviceName":"Sts","eventName":"AssumeRoleWithSAML",
          "requestParameters":{"SAMLAssertion":"PHg+PC94PiAgICAgICAgICAgICA=","RoleArn":"acs:ram::1:role/r",
                               "SAMLProviderArn":"acs:ram::1:saml-provider/p","DurationSeconds":"1800"}}]})");
  EXPECT_EQ(split.kind, "actiontrail");
  ASSERT_EQ(split.parts.size(), 1u);
  EXPECT_EQ(split.parts[0].pointer, "/Events/0");
  EXPECT_EQ(split.parts[0].saml, "PHg+PC94PiAgICAgICAgICAgICA=");
  EXPECT_EQ(split.parts[0].event->principal_arn, "acs:ram::1:saml-provider/p");
  EXPECT_EQ(split.parts[0].event->duration_seconds, 1800);
}

// ---------------------------------------------------------------------------
// Times

TEST(ArtifactsTrailTime, IsoAndConsoleForms) {
  EXPECT_EQ(ParseTrailTime("2026-11-21T02:02:11Z"), At("2026-11-21T02:02:11Z"));
  EXPECT_EQ(ParseTrailTime(" 2026-11-21T02:02:11.5+01:00 "), At("2026-11-21T01:02:11.5Z"));
  EXPECT_EQ(ParseTrailTime("Nov 21, 2026, 2:02:11 AM"), At("2026-11-21T02:02:11Z"));
  EXPECT_EQ(ParseTrailTime("Mar 23, 2016 2:39:57 AM"), At("2016-03-23T02:39:57Z"));
  EXPECT_EQ(ParseTrailTime("Jul 1, 2026, 12:08:19 PM"), At("2026-07-01T12:08:19Z"));
  EXPECT_EQ(ParseTrailTime("Jan 1, 2026, 12:00:00 AM"), At("2026-01-01T00:00:00Z"));
  EXPECT_EQ(ParseTrailTime("Dec 31, 2026, 11:59:59 PM"), At("2026-12-31T23:59:59Z"));
  EXPECT_EQ(ParseTrailTime("Feb 29, 2028, 10:00:00 pm"), At("2028-02-29T22:00:00Z"));
  // Newer JDKs put U+202F (or U+00A0) before the AM/PM marker.
  EXPECT_EQ(ParseTrailTime("Nov 21, 2026, 2:02:11\xE2\x80\xAF"
                           "AM"),
            At("2026-11-21T02:02:11Z"));
  EXPECT_EQ(ParseTrailTime("Nov 21, 2026, 2:02:11\xC2\xA0PM"), At("2026-11-21T14:02:11Z"));
}

TEST(ArtifactsTrailTime, RejectsWhatIsNotATime) {
  for (const char* text :
       {"", "Nov 21, 2026", "Nov 21, 2026, 2:02:11", "Nov 21, 2026, 13:02:11 PM",
        "Nov 21, 2026, 0:02:11 AM", "Feb 30, 2026, 1:00:00 AM", "Foo 21, 2026, 2:02:11 AM",
        "Nov 21, 26, 2:02:11 AM", "Nov 21, 2026, 2:2:11 AM", "Nov 21, 2026, 2:02:61 AM",
        "Nov -1, 2026, 2:02:11 AM", "Nov 21, 2026, 2:02:11 XM", "2026-13-01T00:00:00Z",
        "Nov 21, 2026, 2:02:11 AM extra"}) {
    EXPECT_FALSE(ParseTrailTime(text).has_value()) << text;
  }
}

// ---------------------------------------------------------------------------
// Hostile and broken input

TEST(ArtifactsHostile, TruncatedJsonIsNotRecognised) {
  for (const char* relative :
       {"har/aws-signin.har", "cloudtrail/log.json", "sts/aws-cli-assume-role-with-saml.json",
        "actiontrail/events.json"}) {
    const std::string full = ReadTestdata(std::string("artifacts/") + relative);
    const SplitInput split = SplitArtifact(std::string_view(full).substr(0, full.size() / 2));
    EXPECT_EQ(split.kind, "") << relative;
    EXPECT_TRUE(split.parts.empty()) << relative;
    EXPECT_NE(split.error.find("not valid JSON"), std::string::npos) << relative;
  }
}

TEST(ArtifactsHostile, DeepNestingIsRefusedBeforeParsing) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const SplitInput split = SplitArtifact(deep);
  EXPECT_EQ(split.kind, "");
  EXPECT_NE(split.error.find("nested more than 256"), std::string::npos);

  const std::string ok = "{\"a\":" + std::string(250, '[') + std::string(250, ']') + "}";
  EXPECT_EQ(SplitArtifact(ok).error, "");
  // Brackets inside strings do not count.
  const std::string in_string = "{\"a\":\"" + std::string(1000, '[') + "\\\"\"}";
  EXPECT_EQ(SplitArtifact(in_string).error, "");
  // Nor inside an embedded lookup-events record, which is checked on its own.
  const std::string embedded =
      "{\"Events\":[{\"CloudTrailEvent\":\"" + std::string(1000, '[') + "\"}]}";
  EXPECT_EQ(SplitArtifact(embedded).kind, "");
}

TEST(ArtifactsHostile, GzipBombIsRefused) {
  const std::string zeros(std::size_t{1} << 20, '\0');
  const std::string bomb = Gzip(zeros, 65, Z_BEST_SPEED);  // 65 MiB inflated
  ASSERT_LT(bomb.size(), std::size_t{1} << 20);
  const SplitInput split = SplitArtifact(bomb);
  EXPECT_EQ(split.kind, "");
  EXPECT_TRUE(split.parts.empty());
  EXPECT_EQ(split.limit, "inflated-bytes");
  EXPECT_EQ(split.error,
            "The gzip data inflates to more than 67108864 bytes; samlint stopped reading it at "
            "the limit inflated-bytes=67108864 (raise it with --limit inflated-bytes=N).");
}

TEST(ArtifactsHostile, CorruptAndNestedGzip) {
  const std::string gz = ReadTestdata("artifacts/cloudtrail/log.json.gz");
  const SplitInput truncated = SplitArtifact(std::string_view(gz).substr(0, gz.size() - 100));
  EXPECT_EQ(truncated.kind, "");
  EXPECT_EQ(truncated.error, "the gzip data is corrupt or truncated");

  std::string flipped = gz;
  flipped[gz.size() / 2] = static_cast<char>(flipped[gz.size() / 2] ^ 0x5A);
  EXPECT_EQ(SplitArtifact(flipped).kind, "");

  const SplitInput twice = SplitArtifact(Gzip(gz));
  EXPECT_EQ(twice.kind, "");
  EXPECT_NE(twice.error.find("only one level"), std::string::npos);

  const SplitInput xml = SplitArtifact(Gzip(ReadTestdata("responses/aws-api.xml")));
  EXPECT_EQ(xml.kind, "");
  EXPECT_NE(xml.error.find("holds no HAR capture"), std::string::npos);
}

TEST(ArtifactsHostile, ConcatenatedGzipMembersAreAllRead) {
  const std::string event =
      R"({"eventSource":"sts.amazonaws.com","eventName":"AssumeRole","awsRegion":"us-east-1"})";
  const SplitInput split = SplitArtifact(Gzip(event + "\n") + Gzip(event + "\n"));
  EXPECT_EQ(split.kind, "cloudtrail");
  EXPECT_EQ(Pointers(split), (std::vector<std::string>{"/0", "/1"}));
}

TEST(ArtifactsHostile, InvalidUtf8AndOddBytesNeverThrow) {
  EXPECT_EQ(SplitArtifact("{\"log\":{\"entries\":[\"\xFF\xFE\"]}}").kind, "");
  EXPECT_EQ(SplitArtifact(std::string("{\0}", 3)).kind, "");
  EXPECT_EQ(SplitArtifact("\x1F").kind, "");
  EXPECT_EQ(SplitArtifact("\x1F\x8B").error, "the gzip data is corrupt or truncated");
}

TEST(ArtifactsHostile, EveryPrefixAndManyMutationsAreHandled) {
  for (const char* relative :
       {"actiontrail/assume-role-with-saml.json", "cloudtrail/events.jsonl"}) {
    const std::string full = ReadTestdata(std::string("artifacts/") + relative);
    for (std::size_t n = 0; n <= full.size(); n += 7) {
      const SplitInput split = SplitArtifact(std::string_view(full).substr(0, n));
      EXPECT_TRUE(split.kind.empty() || split.kind == "cloudtrail" || split.kind == "actiontrail");
    }
    std::uint32_t state = 12345;
    for (int i = 0; i < 200; ++i) {
      std::string mutated = full;
      for (int k = 0; k < 4; ++k) {
        state = state * 1664525u + 1013904223u;
        const std::size_t at = state % mutated.size();
        mutated[at] = static_cast<char>(state >> 24);
      }
      const SplitInput split = SplitArtifact(mutated);
      for (const ArtifactPart& part : split.parts) {
        EXPECT_TRUE(part.event.has_value() || part.request.has_value());
      }
    }
  }
}

}  // namespace
}  // namespace samlint
