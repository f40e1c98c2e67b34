// session-duration-out-of-range (error): the SessionDuration attribute outside
// 900..43200, not an integer, or given twice. One finding per result, not per
// scenario. An integer is still used as the factor; anything else is treated
// as absent (the 3600 default, assumed). (cli-contract.md § Decisions, Roles
// and diagnostics; lifetime-rules.md § AWS.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string WithSessionDuration(std::vector<std::string> values,
                                SamlBuilder::Cloud cloud = SamlBuilder::Cloud::kAws) {
  SamlBuilder b;
  b.cloud = cloud;
  b.session_durations = std::move(values);
  return b.Build();
}

}  // namespace

// Default scenarios (aws:saml-console and aws:saml-api): still one finding.
TEST(SessionDurationOutOfRange, Fires) {
  const std::string xml = WithSessionDuration({"899"});
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "session-duration-out-of-range", samlint::Severity::kError,
                      "<saml2:AttributeValue>899");
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"SessionDuration", "899"});
  EXPECT_TRUE(d->scenario.empty()) << d->scenario;

  // The integer is still the console factor, read from the document.
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  const samlint::Factor* f = FindFactor(*e, samlint::FactorName::kSessionDurationAttribute);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->seconds, 899);
  EXPECT_EQ(f->origin, samlint::FactorOrigin::kDocument);
}

TEST(SessionDurationOutOfRange, FiresAbove43200) {
  const std::string xml = WithSessionDuration({"43201"});
  const samlint::CheckResult result = CheckXml(xml);
  ExpectOneWithin(result, xml, "session-duration-out-of-range", samlint::Severity::kError,
                  "<saml2:AttributeValue>43201");
}

// Not an integer: reported, and the console falls back to the assumed default.
TEST(SessionDurationOutOfRange, FiresForNonInteger) {
  const std::string xml = WithSessionDuration({"8h"});
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "session-duration-out-of-range", samlint::Severity::kError,
                      "<saml2:AttributeValue>8h");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("8h"));

  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  const samlint::Factor* f = FindFactor(*e, samlint::FactorName::kSessionDurationAttribute);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->seconds, 3600);
  EXPECT_TRUE(f->assumed());
}

TEST(SessionDurationOutOfRange, FiresWhenGivenTwice) {
  const std::string xml = WithSessionDuration({"3600", "7200"});
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d =
      ExpectOne(result, "session-duration-out-of-range", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  ExpectLocatedBetween(*d, xml, "<saml2:AttributeValue>3600", "<saml2:AttributeValue>7200");
}

TEST(SessionDurationOutOfRange, FiresOnAlibaba) {
  const std::string xml = WithSessionDuration({"50000"}, SamlBuilder::Cloud::kAliyun);
  const samlint::CheckResult result = CheckXml(xml);
  ExpectOneWithin(result, xml, "session-duration-out-of-range", samlint::Severity::kError,
                  "<saml2:AttributeValue>50000");
}

TEST(SessionDurationOutOfRange, DoesNotFireAtTheBounds) {
  for (const char* value : {"900", "43200"}) {
    const samlint::CheckResult result = CheckXml(WithSessionDuration({value}));
    EXPECT_FALSE(HasRule(result, "session-duration-out-of-range")) << value << "\n"
                                                                   << Describe(result);
  }
}

TEST(SessionDurationOutOfRange, DoesNotFireWhenAbsent) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "session-duration-out-of-range")) << Describe(result);
}
