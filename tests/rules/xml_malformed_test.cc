// xml-malformed (error): broken XML is an `unreadable` result with no
// signature object; an invalid xs:dateTime or an undeclared namespace prefix
// is a finding in a `saml-response` result; a response with no IssueInstant
// at all (and no --now) is still evaluated, without the SessionNotOnOrAfter
// factor. (cli-contract.md § JSON report, § Decisions, Factors and Signatures.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// The builder's document without any IssueInstant attribute.
std::string WithoutIssueInstant() {
  SamlBuilder b;
  b.issue_instant = "";  // the Assertion then has none; the Response has IssueInstant=""
  std::string xml = b.Build();
  const std::string empty = " IssueInstant=\"\"";
  for (auto pos = xml.find(empty); pos != std::string::npos; pos = xml.find(empty)) {
    xml.erase(pos, empty.size());
  }
  return xml;
}

/// A SAML result with exactly one xml-malformed error whose message mentions
/// `mentioned`; returns it (nullptr after a failure).
const samlint::Diagnostic* OneErrorInASamlResult(const samlint::CheckResult& result,
                                                 const std::string& mentioned) {
  EXPECT_EQ(result.kind, samlint::ResultKind::kSamlResponse);
  const auto found = DiagnosticsWithRule(result, "xml-malformed");
  EXPECT_EQ(found.size(), 1u) << Describe(result);
  if (found.size() != 1u) return nullptr;
  EXPECT_EQ(found[0]->severity, samlint::Severity::kError);
  EXPECT_THAT(found[0]->message, HasSubstr(mentioned));
  return found[0];
}

}  // namespace

// The closing </samlp:Response> is cut off.
TEST(XmlMalformed, Fires) {
  std::string xml = SamlBuilder{}.Build();
  xml.erase(xml.rfind("</samlp:Response>"));
  const samlint::CheckResult result = CheckXml(xml);

  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  EXPECT_FALSE(result.signature.has_value());
  EXPECT_TRUE(result.evaluations.empty());
  ExpectOne(result, "xml-malformed", samlint::Severity::kError);
  EXPECT_TRUE(samlint::HasErrors(result));
}

TEST(XmlMalformed, FiresForMismatchedTags) {
  std::string xml = SamlBuilder{}.Build();
  const std::string close = "</saml2:Conditions>";
  xml.replace(xml.find(close), close.size(), "</saml2:Condition>");
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  const samlint::Diagnostic* d = FindDiagnostic(result, "xml-malformed");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  ASSERT_TRUE(d->location.has_value());
  EXPECT_EQ(d->location->line, samlint::testing::LineOf(xml, "</saml2:Condition>"));
}

TEST(XmlMalformed, FiresForAnInvalidDateTimeInASamlResult) {
  SamlBuilder b;
  b.not_on_or_after = "2026-11-23 10:05";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d = OneErrorInASamlResult(result, "2026-11-23 10:05");
  ASSERT_NE(d, nullptr);
  ExpectLocatedWithin(*d, xml,
                      "<saml2:Conditions NotBefore=\"2026-11-23T09:55:00Z\" "
                      "NotOnOrAfter=\"2026-11-23 10:05\"");
}

TEST(XmlMalformed, FiresForAnUndeclaredPrefixInASamlResult) {
  SamlBuilder b;
  b.extra_attributes =
      "        <foo:Attribute Name=\"https://aws.amazon.com/SAML/Attributes/PrincipalTag:team\">\n"
      "        </foo:Attribute>\n";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d = OneErrorInASamlResult(result, "foo");
  ASSERT_NE(d, nullptr);
  ExpectLocatedWithin(*d, xml, "<foo:Attribute ");
}

// No IssueInstant and no --now: still evaluated, SessionNotOnOrAfter left out.
TEST(XmlMalformed, FiresForMissingIssueInstant) {
  const std::string xml = WithoutIssueInstant();
  ASSERT_EQ(xml.find("IssueInstant"), std::string::npos);
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d = OneErrorInASamlResult(result, "IssueInstant");
  ASSERT_NE(d, nullptr);

  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr) << Describe(result);
  EXPECT_EQ(FindFactor(*e, samlint::FactorName::kSessionNotOnOrAfter), nullptr);
  EXPECT_NE(FindFactor(*e, samlint::FactorName::kSessionDurationAttribute), nullptr);
}

TEST(XmlMalformed, DoesNotFireForMissingIssueInstantWithNow) {
  const samlint::CheckOptions options = OptionsAt("2026-11-23T10:00:00Z");
  const samlint::CheckResult result = CheckXml(WithoutIssueInstant(), options);
  EXPECT_FALSE(HasRule(result, "xml-malformed")) << Describe(result);
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kAwsSamlConsole);
  ASSERT_NE(e, nullptr);
  const samlint::Factor* f = FindFactor(*e, samlint::FactorName::kSessionNotOnOrAfter);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->seconds, 8 * 3600);
}

TEST(XmlMalformed, DoesNotFireForAWellFormedResponse) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_EQ(result.kind, samlint::ResultKind::kSamlResponse);
  EXPECT_FALSE(HasRule(result, "xml-malformed")) << Describe(result);
}
