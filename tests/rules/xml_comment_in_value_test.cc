// xml-comment-in-value (error): a comment inside the text of an element whose
// value is read (NameID, AttributeValue): the comment-injection trick.
// (cli-contract.md § Rule ids, Trust; Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(XmlCommentInValue, Fires) {
  SamlBuilder b;
  b.name_id = "admin@example.com<!---->.evil.example";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "xml-comment-in-value", samlint::Severity::kError,
                      "<saml2:NameID>admin@example.com<!---->");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("NameID"));
  // NameID identifies a person: not in the message.
  EXPECT_THAT(d->message, Not(HasSubstr("admin@example.com")));
}

TEST(XmlCommentInValue, FiresInAnAttributeValue) {
  SamlBuilder b;
  b.role_session_names = {"admin<!-- x -->@example.com"};
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "xml-comment-in-value", samlint::Severity::kError,
                      "<saml2:AttributeValue>admin<!-- x -->");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("AttributeValue"));
}

// A comment between elements is harmless.
TEST(XmlCommentInValue, DoesNotFireForACommentBetweenElements) {
  SamlBuilder b;
  b.extra_attributes = "        <!-- mapped by the IdP -->\n";
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "xml-comment-in-value")) << Describe(result);
}

TEST(XmlCommentInValue, DoesNotFireWithoutComment) {
  SamlBuilder b;
  b.name_id = "admin@example.com.evil.example";
  const samlint::CheckResult result = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(result, "xml-comment-in-value")) << Describe(result);
}
