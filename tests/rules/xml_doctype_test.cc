// xml-doctype (error): a DOCTYPE is refused before parsing: an `unreadable`
// result with no signature object and no evaluations. (cli-contract.md §
// Decisions, Signatures; JSON report.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

// The builder's document with `doctype` on its own line after the XML declaration.
std::string WithDoctype(const std::string& doctype) {
  std::string xml = SamlBuilder{}.Build();
  xml.insert(xml.find('\n') + 1, doctype + "\n");
  return xml;
}

}  // namespace

TEST(XmlDoctype, Fires) {
  const std::string xml = WithDoctype("<!DOCTYPE samlp:Response>");
  const samlint::CheckResult result = CheckXml(xml);

  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  EXPECT_FALSE(result.signature.has_value());
  EXPECT_TRUE(result.evaluations.empty());
  const samlint::Diagnostic* d = ExpectOne(result, "xml-doctype", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("DOCTYPE"));
  ExpectLocatedAt(*d, xml, "<!DOCTYPE");
}

// Entity definitions (billion laughs, XXE) are refused the same way.
TEST(XmlDoctype, FiresWithEntityDeclarations) {
  const std::string xml = WithDoctype(
      "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>");
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_EQ(result.kind, samlint::ResultKind::kUnreadable);
  EXPECT_FALSE(result.signature.has_value());
  const samlint::Diagnostic* d = FindDiagnostic(result, "xml-doctype");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  ExpectLocatedAt(*d, xml, "<!DOCTYPE");
}

TEST(XmlDoctype, DoesNotFireWithoutDoctype) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_EQ(result.kind, samlint::ResultKind::kSamlResponse);
  EXPECT_FALSE(HasRule(result, "xml-doctype")) << Describe(result);
}
