// parse/assertion_values: one assertion's values, read once for every later stage.
#include "parse/assertion_values.h"

#include <gtest/gtest.h>

#include <string>

#include "parse/extract.h"
#include "support/saml_builder.h"

namespace samlint {
namespace {

using testing::SamlBuilder;

// Facts must outlive the values, which point into them.
struct Read {
  ResponseFacts facts;
  AssertionValues values;
};

Read ReadValues(const std::string& xml, std::optional<Timestamp> now = std::nullopt) {
  Read r;
  ExtractOutcome extracted = ExtractFacts(xml);
  EXPECT_EQ(extracted.status, ExtractStatus::kOk) << extracted.error;
  r.facts = std::move(extracted.facts);
  const AssertionFact* first = r.facts.assertions.empty() ? nullptr : &r.facts.assertions.front();
  r.values = ReadAssertionValues(r.facts, first, now);
  return r;
}

Read ReadValues(const SamlBuilder& builder, std::optional<Timestamp> now = std::nullopt) {
  return ReadValues(builder.Build(), now);
}

TEST(AssertionValues, TimeOfUseIsNowThenAssertionThenResponseIssueInstant) {
  SamlBuilder b;
  b.response_issue_instant = "2026-11-23T09:00:00Z";
  Read assertion = ReadValues(b);
  EXPECT_EQ(assertion.values.t_use_source, "Assertion/@IssueInstant");
  EXPECT_EQ(FormatDateTime(*assertion.values.t_use), "2026-11-23T10:00:00Z");

  Read now = ReadValues(b, ParseDateTime("2026-11-24T00:00:00Z"));
  EXPECT_EQ(now.values.t_use_source, "--now");
  EXPECT_EQ(FormatDateTime(*now.values.t_use), "2026-11-24T00:00:00Z");

  Read none = ReadValues(b);
  AssertionValues response_only = ReadAssertionValues(none.facts, nullptr, std::nullopt);
  EXPECT_EQ(response_only.t_use_source, "Response/@IssueInstant");
  EXPECT_EQ(FormatDateTime(*response_only.t_use), "2026-11-23T09:00:00Z");
  EXPECT_TRUE(response_only.aws.roles.empty());
}

TEST(AssertionValues, NoTimeOfUseWithoutAValidIssueInstant) {
  SamlBuilder b;
  b.issue_instant = "yesterday";
  Read r = ReadValues(b);
  EXPECT_FALSE(r.values.t_use);
  EXPECT_EQ(r.values.t_use_source, "");
}

TEST(AssertionValues, RolesAreParsedOncePerCloudKeepingWhyAValueIsNotAPair) {
  SamlBuilder b;
  b.roles = {testing::AwsRole("ops"), "not a pair", testing::AwsRole("admin")};
  Read r = ReadValues(b);
  const CloudValues& aws = r.values.For(Cloud::kAws);
  ASSERT_TRUE(aws.role_attribute.present);
  ASSERT_EQ(aws.roles.size(), 3U);
  EXPECT_TRUE(aws.roles[0].parsed);
  EXPECT_FALSE(aws.roles[1].parsed);
  EXPECT_NE(aws.roles[1].why, "");
  EXPECT_EQ(aws.roles[1].text->value, "not a pair");
  ASSERT_EQ(aws.ParsedRoles().size(), 2U);
  EXPECT_EQ(aws.ParsedRoles()[1].role_name, "admin");
  // The other cloud's attribute is absent.
  EXPECT_FALSE(r.values.For(Cloud::kAliyun).role_attribute.present);
  EXPECT_TRUE(r.values.For(Cloud::kAliyun).roles.empty());
}

TEST(AssertionValues, SessionDurationIsTheFirstValueWhenItIsAnInteger) {
  SamlBuilder b;
  b.session_durations = {" 43200 ", "900"};
  Read r = ReadValues(b);
  const SessionDurationValue& sd = r.values.aws.session_duration;
  ASSERT_TRUE(sd.seconds);
  EXPECT_EQ(*sd.seconds, 43200);
  EXPECT_EQ(sd.attribute.values.size(), 2U);
  EXPECT_EQ(sd.offset, sd.attribute.values.front()->offset);
}

TEST(AssertionValues, SessionDurationThatIsNotAnIntegerHasNoSeconds) {
  for (const char* text : {"12h", "-900", "", "1234567890123"}) {
    SamlBuilder b;
    b.session_durations = {text};
    Read r = ReadValues(b);
    EXPECT_TRUE(r.values.aws.session_duration.attribute.present) << text;
    EXPECT_FALSE(r.values.aws.session_duration.seconds) << text;
  }
  Read absent = ReadValues(SamlBuilder{});
  EXPECT_FALSE(absent.values.aws.session_duration.attribute.present);
}

TEST(AssertionValues, EarliestSessionNotOnOrAfterIsTheOneThatEndsTheSessionFirst) {
  SamlBuilder b;
  std::string xml = b.Build();
  const std::string statement = "<saml2:AuthnStatement ";
  std::size_t at = xml.find(statement);
  ASSERT_NE(at, std::string::npos);
  xml.insert(at, statement +
                     "AuthnInstant=\"2026-11-23T10:00:00Z\" "
                     "SessionNotOnOrAfter=\"2026-11-23T12:00:00Z\"/>\n");
  Read r = ReadValues(xml);
  ASSERT_EQ(r.facts.assertions.front().authn_statements.size(), 2U);
  ASSERT_NE(r.values.earliest_session_end, nullptr);
  EXPECT_EQ(FormatDateTime(*r.values.earliest_session_end->value), "2026-11-23T12:00:00Z");

  b.session_not_on_or_after = std::nullopt;
  EXPECT_EQ(ReadValues(b).values.earliest_session_end, nullptr);
}

}  // namespace
}  // namespace samlint
