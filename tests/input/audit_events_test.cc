// input/audit_events: CloudTrail and ActionTrail events, read through
// SplitArtifact, and their time forms.
#include "input/audit_events.h"

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

using samlint::testing::At;
using samlint::testing::PartAt;
using samlint::testing::Pointers;
using samlint::testing::SplitFixture;
using samlint::testing::SplitFixtureOf;

// ---------------------------------------------------------------------------
// CloudTrail

TEST(ArtifactsCloudTrail, SingleAssumeRoleWithSamlEvent) {
  const SplitInput split = SplitFixtureOf("cloudtrail/assume-role-with-saml.json", "cloudtrail");
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
  const SplitInput split = SplitFixtureOf("cloudtrail/log.json", "cloudtrail");
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
  const SplitInput split = SplitFixtureOf("cloudtrail/events.jsonl", "cloudtrail");
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
  const SplitInput split = SplitFixtureOf("actiontrail/assume-role-with-saml.json", "actiontrail");
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
  const SplitInput split = SplitFixtureOf("actiontrail/events.json", "actiontrail");
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

}  // namespace
}  // namespace samlint
