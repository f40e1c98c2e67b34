// namespace-prefix-rebound (error, trust): a prefix of the SAML, XML
// Signature, XML Encryption or SOAP namespaces bound a second time to another
// namespace. (Trust issue § Every attack is an error finding.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;

TEST(NamespacePrefixRebound, FiresWhenTheAssertionPrefixIsRebound) {
  SamlBuilder b;
  std::string xml = b.Build();
  const std::string status = "<samlp:Status>";
  const std::string fake =
      "<saml2:Assertion xmlns:saml2=\"urn:example:not-saml:assertion\" ID=\"_fake\">"
      "<saml2:AttributeStatement/></saml2:Assertion>\n";
  xml.insert(xml.find(status), fake);
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "namespace-prefix-rebound", samlint::Severity::kError,
                      "xmlns:saml2=\"urn:example:not-saml:assertion\"");
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"\"saml2\"", "urn:example:not-saml:assertion"});
  // It is not a SAML element, so it is neither read nor misplaced SAML content.
  EXPECT_FALSE(HasRule(result, "content-outside-assertion")) << Describe(result);
  EXPECT_FALSE(HasRule(result, "multiple-assertions")) << Describe(result);
}

TEST(NamespacePrefixRebound, DoesNotFireForTheSameBindingRepeated) {
  SamlBuilder b;
  std::string xml = b.Build();
  const std::string tag = "<saml2:AttributeStatement";
  xml.insert(xml.find(tag) + tag.size(), " xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\"");
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_FALSE(HasRule(result, "namespace-prefix-rebound")) << Describe(result);
}

// Prefixes of namespaces samlint does not match may be reused freely.
TEST(NamespacePrefixRebound, DoesNotFireForOtherNamespaces) {
  SamlBuilder b;
  std::string xml = b.Build();
  const std::string tag = "<saml2:AttributeStatement";
  xml.insert(xml.find(tag) + tag.size(), " xmlns:x=\"urn:a\"");
  const std::string tag2 = "<saml2:Subject";
  xml.insert(xml.find(tag2) + tag2.size(), " xmlns:x=\"urn:b\"");
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_FALSE(HasRule(result, "namespace-prefix-rebound")) << Describe(result);
}
