// role-attribute-missing (error): the assertion has no value of the cloud's
// Role attribute. (cli-contract.md § Rule ids; lifetime-rules.md, SAML attributes.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

TEST(RoleAttributeMissing, Fires) {
  SamlBuilder b;
  b.include_role = false;
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOne(result, "role-attribute-missing", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("https://aws.amazon.com/SAML/Attributes/Role"));
  ExpectLocatedBetween(*d, xml, "<saml2:Assertion ", "</saml2:Assertion>");
}

// The attribute is there but carries no value.
TEST(RoleAttributeMissing, FiresForAnEmptyAttribute) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  b.include_role = false;
  b.extra_attributes =
      "        <saml2:Attribute Name=\"https://www.aliyun.com/SAML-Role/Attributes/Role\">\n"
      "        </saml2:Attribute>\n";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d = FindDiagnostic(result, "role-attribute-missing");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_THAT(d->message, HasSubstr("https://www.aliyun.com/SAML-Role/Attributes/Role"));
  ExpectLocatedBetween(*d, xml, "<saml2:Assertion ", "</saml2:Assertion>");
}

TEST(RoleAttributeMissing, DoesNotFireWithARole) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "role-attribute-missing")) << Describe(result);
}
