// role-attribute-malformed (error): a Role value that is not a role ARN and a
// saml-provider ARN separated by one comma (either order, no spaces).
// (lifetime-rules.md § AWS and § Alibaba, SAML attributes.)
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

const std::string kRole = "arn:aws:iam::123456789012:role/ops";
const std::string kProvider = "arn:aws:iam::123456789012:saml-provider/idp";

std::string WithRoles(std::vector<std::string> roles) {
  SamlBuilder b;
  b.roles = std::move(roles);
  return b.Build();
}

}  // namespace

// A space after the comma.
TEST(RoleAttributeMalformed, Fires) {
  const std::string xml = WithRoles({kRole + ", " + kProvider});
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "role-attribute-malformed", samlint::Severity::kError,
                      "<saml2:AttributeValue>" + kRole + ", ");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr(kRole));
}

TEST(RoleAttributeMalformed, FiresForOnlyOneArn) {
  const std::string xml = WithRoles({kRole});
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-attribute-malformed");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  ExpectLocatedWithin(*d, xml, "<saml2:AttributeValue>" + kRole + "<");
}

// Only the bad one of two values is reported, at its own line.
TEST(RoleAttributeMalformed, FiresForTheBadValueOnly) {
  const std::string bad = "arn:aws:iam::123456789012:role/dev";
  const std::string xml = WithRoles({kRole + "," + kProvider, bad});
  const samlint::CheckResult result = CheckXml(xml);
  const auto found = DiagnosticsWithRule(result, "role-attribute-malformed");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  ExpectLocatedWithin(*found[0], xml, "<saml2:AttributeValue>" + bad);
}

// A huge value is shown shortened, with its length: the report stays small.
TEST(RoleAttributeMalformed, LongValueIsShortenedInTheMessage) {
  const std::string huge = kRole + ", " + std::string(std::size_t{1} << 20, 'x');
  const std::string xml = WithRoles({huge});
  const samlint::CheckResult result = CheckXml(xml);
  const auto found = DiagnosticsWithRule(result, "role-attribute-malformed");
  ASSERT_EQ(found.size(), 1u) << Describe(result).substr(0, 2000);
  const samlint::Diagnostic& d = *found[0];
  EXPECT_LT(d.message.size(), 1024u) << d.message.substr(0, 2000);
  EXPECT_THAT(d.message, HasSubstr("Role value \"" + kRole + ", xxx"));
  EXPECT_THAT(d.message, HasSubstr("(" + std::to_string(huge.size()) + " bytes)"));
  EXPECT_THAT(d.message, HasSubstr("is malformed"));
  ExpectLocatedWithin(d, xml, "<saml2:AttributeValue>" + kRole + ", ");
  for (const samlint::Diagnostic& any : result.diagnostics) {
    EXPECT_LT(any.message.size(), 1024u) << any.rule << ": " << any.message.substr(0, 2000);
  }
}

// Either order is allowed.
TEST(RoleAttributeMalformed, DoesNotFireForProviderFirst) {
  const samlint::CheckResult result = CheckXml(WithRoles({kProvider + "," + kRole}));
  EXPECT_FALSE(HasRule(result, "role-attribute-malformed")) << Describe(result);
  ASSERT_EQ(result.roles.size(), 1u);
  EXPECT_EQ(result.roles[0].role, kRole);
  EXPECT_EQ(result.roles[0].provider, kProvider);
}

TEST(RoleAttributeMalformed, DoesNotFireWithoutSpace) {
  const samlint::CheckResult result = CheckXml(WithRoles({kRole + "," + kProvider}));
  EXPECT_FALSE(HasRule(result, "role-attribute-malformed")) << Describe(result);
}
