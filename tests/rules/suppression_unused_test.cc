// suppression-unused (warning): a samlint-disable comment names a rule that
// does not fire where it applies (docs/config.md § Inline suppressions).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string WithComment(const std::string& audience, const std::string& before,
                        const std::string& comment) {
  SamlBuilder b;
  b.audiences = {audience};
  std::string xml = b.Build();
  auto at = xml.find(before);
  EXPECT_NE(at, std::string::npos) << before;
  xml.insert(at, comment + "\n");
  return xml;
}

}  // namespace

TEST(SuppressionUnused, FiresWhenTheRuleDoesNotFireInScope) {
  const std::string comment = "<!-- samlint-disable audience-mismatch: staging SP -->";
  const std::string xml =
      WithComment("urn:amazon:webservices", "<saml2:AudienceRestriction>", comment);
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d =
      ExpectOne(result, "suppression-unused", samlint::Severity::kWarning);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message,
            "This samlint-disable comment for audience-mismatch suppresses nothing: "
            "audience-mismatch does not fire in the element that follows it.");
  ExpectLocatedAt(*d, xml, comment);
}

TEST(SuppressionUnused, FiresWhenTheFindingIsOutsideTheNextElement) {
  // Before the Subject: the Audience is in a later sibling, so nothing is suppressed.
  const std::string comment = "<!-- samlint-disable audience-mismatch: staging SP -->";
  const std::string xml =
      WithComment("https://sp.example.com/metadata", "<saml2:Subject>", comment);
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_TRUE(HasRule(result, "audience-mismatch")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "suppression-unused")) << Describe(result);
}

TEST(SuppressionUnused, DoesNotFireWhenItSuppresses) {
  const std::string xml =
      WithComment("https://sp.example.com/metadata", "<saml2:AudienceRestriction>",
                  "<!-- samlint-disable audience-mismatch: staging SP -->");
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_FALSE(HasRule(result, "suppression-unused")) << Describe(result);
  EXPECT_EQ(result.suppressed, 1);
}

TEST(SuppressionUnused, BeforeTheRootCoversTheWholeFileIncludingEvaluationFindings) {
  SamlBuilder b;
  b.audiences = {"https://sp.example.com/metadata"};
  std::string xml = b.Build();
  auto root = xml.find('\n') + 1;  // after the XML declaration, before the root element
  xml.insert(root,
             "<!-- samlint-disable audience-mismatch,lifetime-below-target: test fixture -->\n");
  samlint::CheckOptions options;
  options.target = 12 * 3600;
  const samlint::CheckResult result = CheckXml(xml, options);
  EXPECT_FALSE(HasRule(result, "audience-mismatch")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "lifetime-below-target")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "suppression-unused")) << Describe(result);
  EXPECT_GE(result.suppressed, 2);
}
