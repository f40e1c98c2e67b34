// encrypted-assertion-no-key (error): the Response carries an
// EncryptedAssertion instead of an Assertion and no key decrypts it.
// (cli-contract.md § Declarations, --sp-key; Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// The builder's response with its Assertion replaced by an EncryptedAssertion.
std::string Encrypted() {
  std::string xml = SamlBuilder{}.Build();
  const auto begin = xml.find("  <saml2:Assertion ");
  const std::string end_tag = "</saml2:Assertion>\n";
  const auto end = xml.find(end_tag) + end_tag.size();
  xml.replace(begin, end - begin,
              "  <saml2:EncryptedAssertion>\n"
              "    <xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\" "
              "Type=\"http://www.w3.org/2001/04/xmlenc#Element\">\n"
              "      <xenc:EncryptionMethod "
              "Algorithm=\"http://www.w3.org/2009/xmlenc11#aes256-gcm\"/>\n"
              "      <xenc:CipherData><xenc:CipherValue>AAAA</xenc:CipherValue></xenc:CipherData>\n"
              "    </xenc:EncryptedData>\n"
              "  </saml2:EncryptedAssertion>\n");
  return xml;
}

}  // namespace

TEST(EncryptedAssertionNoKey, Fires) {
  const std::string xml = Encrypted();
  const samlint::CheckResult result = CheckXml(xml);

  EXPECT_EQ(result.kind, samlint::ResultKind::kSamlResponse);
  const samlint::Diagnostic* d =
      ExpectOne(result, "encrypted-assertion-no-key", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("EncryptedAssertion"));
  ExpectLocatedAt(*d, xml, "<saml2:EncryptedAssertion>");
}

TEST(EncryptedAssertionNoKey, DoesNotFireForAPlainAssertion) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "encrypted-assertion-no-key")) << Describe(result);
}
