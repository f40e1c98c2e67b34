// content-outside-assertion (error, trust): an Assertion, statement or
// attribute outside the Assertion the cloud reads (Extensions, ds:Object,
// Advice, StatusDetail, a Response-level statement): the shape of signature
// wrapping. (Trust issue § Every attack is an error finding.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// `xml` with `insert` placed right before the first `before`.
std::string InsertBefore(std::string xml, const std::string& before, const std::string& insert) {
  std::size_t at = xml.find(before);
  EXPECT_NE(at, std::string::npos) << before;
  if (at != std::string::npos) xml.insert(at, insert);
  return xml;
}

const char* kEvilAttribute =
    "<saml2:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/SessionDuration\">"
    "<saml2:AttributeValue>43200</saml2:AttributeValue></saml2:Attribute>";

}  // namespace

TEST(ContentOutsideAssertion, FiresForAnAssertionInExtensions) {
  SamlBuilder b;
  const std::string xml =
      InsertBefore(b.Build(), "<samlp:Status>",
                   "<samlp:Extensions><saml2:Assertion ID=\"_evil\" Version=\"2.0\" "
                   "IssueInstant=\"2026-11-23T10:00:00Z\"><saml2:AttributeStatement>" +
                       std::string(kEvilAttribute) +
                       "</saml2:AttributeStatement></saml2:Assertion></samlp:Extensions>\n");
  const samlint::CheckResult result = CheckXml(xml);
  // The misplaced Assertion is reported once, not again for what it holds.
  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "content-outside-assertion", samlint::Severity::kError,
                      "<saml2:Assertion ID=\"_evil\"");
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"saml2:Assertion", "samlp:Extensions"});
  // No value comes from it.
  const samlint::Evaluation* console = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(console, nullptr);
  const samlint::Factor* sd = FindFactor(*console, samlint::FactorName::kSessionDurationAttribute);
  ASSERT_NE(sd, nullptr);
  EXPECT_NE(sd->seconds, 43200) << Describe(result);
}

TEST(ContentOutsideAssertion, FiresForAResponseLevelStatement) {
  SamlBuilder b;
  b.session_durations = {"3600"};
  std::string xml = b.Build();
  const std::string closing = "</samlp:Response>";
  xml.insert(xml.rfind(closing), "<saml2:AttributeStatement>" + std::string(kEvilAttribute) +
                                     "</saml2:AttributeStatement>\n");
  const samlint::CheckResult result = CheckXml(xml);
  const auto found = DiagnosticsWithRule(result, "content-outside-assertion");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  EXPECT_THAT(found[0]->message, HasSubstr("samlp:Response"));
  const samlint::Evaluation* console = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(console, nullptr);
  const samlint::Factor* sd = FindFactor(*console, samlint::FactorName::kSessionDurationAttribute);
  ASSERT_NE(sd, nullptr);
  EXPECT_EQ(sd->seconds, 3600);
}

TEST(ContentOutsideAssertion, FiresForAnAttributeInStatusDetail) {
  SamlBuilder b;
  const std::string xml =
      InsertBefore(b.Build(), "</samlp:Status>",
                   "<samlp:StatusDetail>" + std::string(kEvilAttribute) + "</samlp:StatusDetail>");
  const samlint::CheckResult result = CheckXml(xml);
  const auto found = DiagnosticsWithRule(result, "content-outside-assertion");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  EXPECT_THAT(found[0]->message, HasSubstr("samlp:StatusDetail"));
}

TEST(ContentOutsideAssertion, DoesNotFireForAPlainResponse) {
  SamlBuilder b;
  b.session_durations = {"3600"};
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "content-outside-assertion")) << Describe(result);
}

// Two Assertions side by side are multiple-assertions, not this rule.
TEST(ContentOutsideAssertion, DoesNotFireForASecondAssertionChild) {
  SamlBuilder b;
  b.assertion_count = 2;
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "content-outside-assertion")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "multiple-assertions")) << Describe(result);
}
