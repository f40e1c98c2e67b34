// suppression-invalid (warning): a samlint-disable comment without a reason,
// without a rule, or naming an unknown rule (docs/config.md § Inline suppressions).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// An AWS response whose Audience is wrong (audience-mismatch fires), with
// `comment` right before its AudienceRestriction.
std::string WithCommentBeforeAudience(const std::string& comment) {
  SamlBuilder b;
  b.audiences = {"https://sp.example.com/metadata"};
  std::string xml = b.Build();
  auto at = xml.find("<saml2:AudienceRestriction>");
  EXPECT_NE(at, std::string::npos);
  xml.insert(at, comment + "\n      ");
  return xml;
}

}  // namespace

TEST(SuppressionInvalid, FiresWithoutAReasonAndDoesNotSuppress) {
  const std::string comment = "<!-- samlint-disable audience-mismatch -->";
  const std::string xml = WithCommentBeforeAudience(comment);
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d =
      ExpectOne(result, "suppression-invalid", samlint::Severity::kWarning);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("gives no reason, so it is not applied"));
  ExpectLocatedAt(*d, xml, comment);
  EXPECT_TRUE(HasRule(result, "audience-mismatch")) << Describe(result);
  EXPECT_EQ(result.suppressed, 0);
}

TEST(SuppressionInvalid, FiresForAnUnknownRuleWithASuggestion) {
  const std::string comment = "<!-- samlint-disable audience-mismatc: staging SP -->";
  const std::string xml = WithCommentBeforeAudience(comment);
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d = FindDiagnostic(result, "suppression-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_THAT(d->message,
              HasSubstr("unknown rule 'audience-mismatc' (did you mean 'audience-mismatch'?)"));
  ExpectLocatedAt(*d, xml, comment);
}

TEST(SuppressionInvalid, FiresForATrustRuleWhichStaysReported) {
  // Comments are outside the signed form: the document cannot silence what
  // samlint says about its own signature.
  const std::string comment = "<!-- samlint-disable signature-missing: unsigned on purpose -->";
  SamlBuilder b;
  std::string xml = b.Build();
  auto root = xml.find("<samlp:Response");
  ASSERT_NE(root, std::string::npos);
  xml.insert(root, comment + "\n");
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d = FindDiagnostic(result, "suppression-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_THAT(d->message, HasSubstr("names the trust rule 'signature-missing'"));
  ExpectLocatedAt(*d, xml, comment);
  EXPECT_TRUE(HasRule(result, "signature-missing")) << Describe(result);
  EXPECT_EQ(result.suppressed, 0);
}

TEST(SuppressionInvalid, DoesNotFireForAValidSuppression) {
  const std::string xml =
      WithCommentBeforeAudience("<!-- samlint-disable audience-mismatch: staging SP -->");
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_FALSE(HasRule(result, "suppression-invalid")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "audience-mismatch")) << Describe(result);
  EXPECT_EQ(result.suppressed, 1);
}

TEST(SuppressionInvalid, OrdinaryCommentsAreNotDirectives) {
  const std::string xml = WithCommentBeforeAudience("<!-- samlint-disabled by nobody -->");
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_FALSE(HasRule(result, "suppression-invalid")) << Describe(result);
  EXPECT_TRUE(HasRule(result, "audience-mismatch"));
}
