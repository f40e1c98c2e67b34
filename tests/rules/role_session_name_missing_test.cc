// role-session-name-missing (error): no RoleSessionName value; both clouds
// require one. (lifetime-rules.md, SAML attributes.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

TEST(RoleSessionNameMissing, Fires) {
  SamlBuilder b;
  b.role_session_names = {};
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOne(result, "role-session-name-missing", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("RoleSessionName"));
  ExpectLocatedBetween(*d, xml, "<saml2:Assertion ", "</saml2:Assertion>");
}

TEST(RoleSessionNameMissing, FiresOnAlibaba) {
  SamlBuilder b;
  b.cloud = SamlBuilder::Cloud::kAliyun;
  b.role_session_names = {};
  const samlint::CheckResult result = CheckXml(b.Build());
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-session-name-missing");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_THAT(d->message, HasSubstr("RoleSessionName"));
}

TEST(RoleSessionNameMissing, DoesNotFireWithAName) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "role-session-name-missing")) << Describe(result);
}
