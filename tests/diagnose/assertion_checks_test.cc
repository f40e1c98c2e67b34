// diagnose/assertion_checks: CheckDocument and CheckAssertionForCloud called
// directly on a document's facts, one branch per test.
#include "diagnose/assertion_checks.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "parse/extract.h"
#include "rules/rule_test_util.h"
#include "support/generic_sp.h"
#include "support/saml_builder.h"

namespace samlint {
namespace {

using testing::SamlBuilder;

// One document's facts, the values of its first assertion, and the findings
// of both checks. Not copyable: the values point into the facts.
struct Diagnosed {
  explicit Diagnosed(const std::string& xml, Cloud cloud = Cloud::kAws,
                     const CheckOptions& options = {}, const UnknownValues& unknown = {})
      : doc(ExtractFacts(xml)) {
    EXPECT_EQ(doc.status, ExtractStatus::kOk) << doc.error;
    const AssertionFact* read = doc.facts.assertions.empty() ? nullptr : &doc.facts.assertions[0];
    values = ReadAssertionValues(doc.facts, read, options.now);
    CheckDocument(doc.facts, options, out);
    if (read != nullptr) CheckAssertionForCloud(doc.facts, values, cloud, options, out, unknown);
  }
  Diagnosed(const Diagnosed&) = delete;
  Diagnosed& operator=(const Diagnosed&) = delete;

  std::vector<const Diagnostic*> Of(std::string_view rule) const {
    std::vector<const Diagnostic*> found;
    for (const Diagnostic& d : out) {
      if (d.rule == rule) found.push_back(&d);
    }
    return found;
  }
  std::string Rules() const {
    std::string s;
    for (const Diagnostic& d : out) s += d.rule + " ";
    return s;
  }

  ExtractOutcome doc;
  AssertionValues values;
  std::vector<Diagnostic> out;
};

// The message of the one `rule` finding about the response `b` builds, read
// for `cloud` (empty, and a failure, unless there is exactly one).
std::string OnlyMessage(const SamlBuilder& b, std::string_view rule, Cloud cloud = Cloud::kAws) {
  Diagnosed d(b.Build(), cloud);
  auto found = d.Of(rule);
  EXPECT_EQ(found.size(), 1U) << d.Rules();
  return found.size() == 1 ? found[0]->message : std::string();
}

CheckOptions At(const char* now) {
  CheckOptions options;
  options.now = Utc(now);
  return options;
}

TEST(CheckDocument, ACleanResponseHasNoFindings) {
  Diagnosed d(SamlBuilder{}.Build());
  EXPECT_TRUE(d.out.empty()) << d.Rules();
}

TEST(CheckDocument, AMissingStatusIsNotSuccess) {
  SamlBuilder b;
  b.include_status = false;
  Diagnosed d(b.Build());
  ASSERT_EQ(d.Of("status-not-success").size(), 1U) << d.Rules();
  EXPECT_EQ(d.Of("status-not-success")[0]->offset, d.doc.facts.offset);
}

TEST(CheckDocument, AFailedStatusIsQuotedAtItsCode) {
  SamlBuilder b;
  b.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
  Diagnosed d(b.Build());
  auto found = d.Of("status-not-success");
  ASSERT_EQ(found.size(), 1U) << d.Rules();
  EXPECT_NE(found[0]->message.find("\"urn:oasis:names:tc:SAML:2.0:status:Responder\""),
            std::string::npos)
      << found[0]->message;
  EXPECT_EQ(found[0]->offset, d.doc.facts.status_code.offset);
}

TEST(CheckDocument, ASecondUseOfAnIdIsADuplicateAtTheSecond) {
  SamlBuilder b;
  b.assertion_id = "_r1";  // the Response's own ID
  Diagnosed d(b.Build());
  auto found = d.Of("duplicate-id");
  ASSERT_EQ(found.size(), 1U) << d.Rules();
  EXPECT_EQ(found[0]->offset, d.doc.facts.ids[1].second);
}

TEST(CheckDocument, TwoAssertionsAreReportedAtTheSecond) {
  SamlBuilder b;
  b.assertion_count = 2;
  Diagnosed d(b.Build());
  auto found = d.Of("multiple-assertions");
  ASSERT_EQ(found.size(), 1U) << d.Rules();
  EXPECT_EQ(found[0]->offset, d.doc.facts.assertions[1].offset);
  EXPECT_NE(found[0]->message.find("carries 2 assertions"), std::string::npos);
}

TEST(CheckDocument, AnInvalidDateTimeIsMalformed) {
  SamlBuilder b;
  b.not_before = "yesterday";
  EXPECT_NE(OnlyMessage(b, "xml-malformed").find("Conditions/@NotBefore"), std::string::npos);
}

TEST(CheckDocument, ACommentInAValueIsReported) {
  SamlBuilder b;
  b.name_id = "alice<!-- x -->@example.com";
  Diagnosed d(b.Build());
  EXPECT_EQ(d.Of("xml-comment-in-value").size(), 1U) << d.Rules();
}

TEST(CheckAssertionForCloud, NoRoleIsMissingAtTheAssertion) {
  SamlBuilder b;
  b.include_role = false;
  Diagnosed d(b.Build());
  auto found = d.Of("role-attribute-missing");
  ASSERT_EQ(found.size(), 1U) << d.Rules();
  EXPECT_EQ(found[0]->offset, d.doc.facts.assertions[0].offset);
}

TEST(CheckAssertionForCloud, UnknownValuesAreNotCalledMissingOrWrong) {
  SamlBuilder b = testing::GenericSpBuilder();
  UnknownValues unknown;
  unknown.roles = unknown.role_session_name = unknown.audience = unknown.recipient = true;
  Diagnosed d(b.Build(), Cloud::kAws, {}, unknown);
  EXPECT_TRUE(d.out.empty()) << d.Rules();
  Diagnosed known(b.Build());
  EXPECT_EQ(known.Rules(),
            "role-attribute-missing role-session-name-missing audience-mismatch "
            "recipient-mismatch destination-mismatch ");
}

TEST(CheckAssertionForCloud, AMalformedRoleSaysWhy) {
  SamlBuilder b;
  b.roles = {"arn:aws:iam::123456789012:role/ops"};  // no provider
  Diagnosed d(b.Build());
  EXPECT_EQ(d.Of("role-attribute-malformed").size(), 1U) << d.Rules();
  EXPECT_TRUE(d.Of("role-attribute-missing").empty());
}

// The severities of the role-session-name-invalid findings for a response of
// `cloud` whose one RoleSessionName is `name`.
std::vector<Severity> SessionNameFindings(Cloud cloud, const std::string& name) {
  SamlBuilder b;
  b.cloud = cloud == Cloud::kAws ? SamlBuilder::Cloud::kAws : SamlBuilder::Cloud::kAliyun;
  b.role_session_names = {name};
  Diagnosed d(b.Build(), cloud);
  std::vector<Severity> out;
  for (const Diagnostic* found : d.Of("role-session-name-invalid")) out.push_back(found->severity);
  return out;
}

const std::vector<Severity> kNone;
const std::vector<Severity> kOneError = {Severity::kError};
const std::vector<Severity> kOneWarning = {Severity::kWarning};

TEST(CheckAssertionForCloud, AwsRoleSessionNameLengthBounds) {
  EXPECT_EQ(SessionNameFindings(Cloud::kAws, "a"), kOneError);
  EXPECT_EQ(SessionNameFindings(Cloud::kAws, "ab"), kNone);
  EXPECT_EQ(SessionNameFindings(Cloud::kAws, std::string(64, 'a')), kNone);
  EXPECT_EQ(SessionNameFindings(Cloud::kAws, std::string(65, 'a')), kOneError);
}

TEST(CheckAssertionForCloud, AwsRoleSessionNameCharactersAreRedactedUnlessShown) {
  SamlBuilder b;
  b.role_session_names = {"alice smith"};
  Diagnosed hidden(b.Build());
  ASSERT_EQ(hidden.Of("role-session-name-invalid").size(), 1U) << hidden.Rules();
  EXPECT_NE(hidden.Of("role-session-name-invalid")[0]->message.find("(redacted)"),
            std::string::npos);
  CheckOptions show;
  show.show_identities = true;
  Diagnosed shown(b.Build(), Cloud::kAws, show);
  ASSERT_EQ(shown.Of("role-session-name-invalid").size(), 1U);
  EXPECT_NE(shown.Of("role-session-name-invalid")[0]->message.find("\" \""), std::string::npos)
      << shown.Of("role-session-name-invalid")[0]->message;
}

TEST(CheckAssertionForCloud, TwoRoleSessionNamesAreInvalidAtTheSecond) {
  SamlBuilder b;
  b.role_session_names = {"alice", "bob"};
  EXPECT_NE(OnlyMessage(b, "role-session-name-invalid").find("given 2 times"), std::string::npos);
}

TEST(CheckAssertionForCloud, AliyunLegacyCharactersOnlyWarn) {
  EXPECT_EQ(SessionNameFindings(Cloud::kAliyun, "alice+ops"), kOneWarning);
}

TEST(CheckAssertionForCloud, AliyunLongNamesWithinSixtyFourAreFine) {
  EXPECT_EQ(SessionNameFindings(Cloud::kAliyun, std::string(40, 'a')), kNone);
  EXPECT_EQ(SessionNameFindings(Cloud::kAliyun, std::string(65, 'a')), kOneError);
}

TEST(CheckAssertionForCloud, AliyunOtherCharactersAreAnError) {
  EXPECT_EQ(SessionNameFindings(Cloud::kAliyun, "alice/ops"), kOneError);
}

TEST(CheckAssertionForCloud, ASourceIdentityStartingWithAwsIsReserved) {
  SamlBuilder b;
  b.source_identities = {"AWS:alice"};
  EXPECT_NE(OnlyMessage(b, "source-identity-invalid").find("reserved"), std::string::npos);
}

TEST(CheckAssertionForCloud, AnotherCloudsAudienceIsAMismatch) {
  SamlBuilder b;  // AWS audience
  b.cloud = SamlBuilder::Cloud::kAws;
  Diagnosed d(b.Build(), Cloud::kAliyun);
  EXPECT_EQ(d.Of("audience-mismatch").size(), 1U) << d.Rules();
}

TEST(CheckAssertionForCloud, AwsWantsOneConfirmationWithRecipientAndNotOnOrAfter) {
  SamlBuilder b;
  b.subject_not_on_or_after.reset();
  EXPECT_NE(OnlyMessage(b, "recipient-mismatch").find("this assertion has 0"), std::string::npos);
  b.cloud = SamlBuilder::Cloud::kAliyun;
  EXPECT_TRUE(Diagnosed(b.Build(), Cloud::kAliyun).Of("recipient-mismatch").empty());
}

TEST(CheckAssertionForCloud, SessionDurationOutsideTheRangeIsStillUsed) {
  SamlBuilder b;
  b.session_durations = {"899"};
  Diagnosed low(b.Build());
  ASSERT_EQ(low.Of("session-duration-out-of-range").size(), 1U) << low.Rules();
  b.session_durations = {"900"};
  EXPECT_TRUE(Diagnosed(b.Build()).Of("session-duration-out-of-range").empty());
  b.session_durations = {"43200"};
  EXPECT_TRUE(Diagnosed(b.Build()).Of("session-duration-out-of-range").empty());
  b.session_durations = {"43201"};
  EXPECT_EQ(Diagnosed(b.Build()).Of("session-duration-out-of-range").size(), 1U);
}

TEST(CheckAssertionForCloud, SessionDurationThatIsNoIntegerIsTreatedAsAbsent) {
  SamlBuilder b;
  b.session_durations = {"1h"};
  EXPECT_NE(OnlyMessage(b, "session-duration-out-of-range").find("not an integer"),
            std::string::npos);
}

TEST(CheckAssertionForCloud, SessionDurationGivenTwiceIsReportedAtTheSecond) {
  SamlBuilder b;
  b.session_durations = {"3600", "7200"};
  Diagnosed d(b.Build());
  auto found = d.Of("session-duration-out-of-range");
  ASSERT_EQ(found.size(), 1U) << d.Rules();
  EXPECT_EQ(found[0]->offset, d.values.aws.session_duration.attribute.values[1]->offset);
}

TEST(CheckAssertionForCloud, WithoutTimeOfUseNoTimeIsChecked) {
  SamlBuilder b;
  b.issue_instant = "";
  b.not_on_or_after = "2000-01-01T00:00:00Z";
  Diagnosed d(b.Build());
  EXPECT_TRUE(d.Of("assertion-expired").empty()) << d.Rules();
}

TEST(CheckAssertionForCloud, ExpiryAllowsTheClockSkew) {
  // NotOnOrAfter 10:05:00 with the default skew of 180 s: refused from 10:08:00.
  EXPECT_TRUE(Diagnosed(SamlBuilder{}.Build(), Cloud::kAws, At("2026-11-23T10:07:59Z"))
                  .Of("assertion-expired")
                  .empty());
  Diagnosed late(SamlBuilder{}.Build(), Cloud::kAws, At("2026-11-23T10:08:00Z"));
  EXPECT_EQ(late.Of("assertion-expired").size(), 2U) << late.Rules();  // Conditions, Subject
}

TEST(CheckAssertionForCloud, NotBeforeAllowsTheClockSkew) {
  // NotBefore 09:55:00: refused before 09:52:00.
  EXPECT_TRUE(Diagnosed(SamlBuilder{}.Build(), Cloud::kAws, At("2026-11-23T09:52:00Z"))
                  .Of("assertion-not-yet-valid")
                  .empty());
  EXPECT_EQ(Diagnosed(SamlBuilder{}.Build(), Cloud::kAws, At("2026-11-23T09:51:59Z"))
                .Of("assertion-not-yet-valid")
                .size(),
            1U);
}

TEST(CheckAssertionForCloud, AwsRedemptionWindowIsFiveMinutesPlusSkew) {
  // Issued 10:00:00: 5 min + 180 s skew ends at 10:08:00.
  CheckOptions options = At("2026-11-23T10:08:00Z");
  options.clock_skew = 180;
  EXPECT_TRUE(Diagnosed(SamlBuilder{}.Build(), Cloud::kAws, options)
                  .Of("redemption-window-exceeded")
                  .empty());
  Diagnosed late(SamlBuilder{}.Build(), Cloud::kAws, At("2026-11-23T10:08:01Z"));
  EXPECT_EQ(late.Of("redemption-window-exceeded").size(), 1U) << late.Rules();
  SamlBuilder aliyun;
  aliyun.cloud = SamlBuilder::Cloud::kAliyun;
  EXPECT_TRUE(Diagnosed(aliyun.Build(), Cloud::kAliyun, At("2026-11-23T10:08:01Z"))
                  .Of("redemption-window-exceeded")
                  .empty());
}

}  // namespace
}  // namespace samlint
