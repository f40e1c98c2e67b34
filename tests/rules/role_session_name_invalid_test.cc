// role-session-name-invalid: a RoleSessionName the cloud refuses.
// AWS: [a-zA-Z_0-9+=,.@-]{2,64} (error). Alibaba Cloud: 2..64 letters, digits
// and . @ - _ (error otherwise), except '=' ',' '+', which older role-SSO
// documentation allowed: a warning, not an error. The message must not show
// the raw name unless show_identities. (lifetime-rules.md, SAML attributes;
// cli-contract.md § JSON report, redaction.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

std::string WithName(const std::string& name, SamlBuilder::Cloud cloud = SamlBuilder::Cloud::kAws) {
  SamlBuilder b;
  b.cloud = cloud;
  b.role_session_names = {name};
  b.name_id = "someone@example.com";  // never the session name itself
  return b.Build();
}

}  // namespace

// A space is outside the AWS character set.
TEST(RoleSessionNameInvalid, Fires) {
  const std::string xml = WithName("Zed Quux");
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "role-session-name-invalid", samlint::Severity::kError,
                      "<saml2:AttributeValue>Zed Quux");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("RoleSessionName"));
}

TEST(RoleSessionNameInvalid, FiresForOneCharacter) {
  const samlint::CheckResult result = CheckXml(WithName("z"));
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-session-name-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
}

TEST(RoleSessionNameInvalid, FiresFor65Characters) {
  const samlint::CheckResult result = CheckXml(WithName(std::string(65, 'a')));
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-session-name-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
}

// Privacy: the raw name stays out of the message by default...
TEST(RoleSessionNameInvalid, MessageRedactsTheName) {
  const samlint::CheckResult result = CheckXml(WithName("Zed Quux"));
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-session-name-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_THAT(d->message, Not(HasSubstr("Zed Quux")));
  EXPECT_THAT(d->message, Not(HasSubstr("Zed")));
  EXPECT_THAT(d->message, Not(HasSubstr("Quux")));
  EXPECT_THAT(d->fix, Not(HasSubstr("Zed")));
}

// ... and appears with show_identities.
TEST(RoleSessionNameInvalid, MessageShowsTheNameWithShowIdentities) {
  samlint::CheckOptions options;
  options.show_identities = true;
  const samlint::CheckResult result = CheckXml(WithName("Zed Quux"), options);
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-session-name-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_THAT(d->message, HasSubstr("Zed Quux"));
}

// Alibaba Cloud: '=' ',' '+' only warn.
TEST(RoleSessionNameInvalid, WarnsOnAlibabaForLegacyCharacters) {
  const std::string xml = WithName("zed=ops", SamlBuilder::Cloud::kAliyun);
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "role-session-name-invalid", samlint::Severity::kWarning,
                      "<saml2:AttributeValue>zed=ops");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, Not(HasSubstr("zed=ops")));
}

TEST(RoleSessionNameInvalid, FiresOnAlibabaForOtherCharacters) {
  const samlint::CheckResult result = CheckXml(WithName("zed#ops", SamlBuilder::Cloud::kAliyun));
  const samlint::Diagnostic* d = FindDiagnostic(result, "role-session-name-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  EXPECT_THAT(d->message, Not(HasSubstr("zed#ops")));
}

TEST(RoleSessionNameInvalid, DoesNotFireForAValidAwsName) {
  // Every character AWS allows, 2..64 long.
  const samlint::CheckResult result = CheckXml(WithName("Zed_Quux+ops=1,a.b@example-2"));
  EXPECT_FALSE(HasRule(result, "role-session-name-invalid")) << Describe(result);
}

TEST(RoleSessionNameInvalid, DoesNotFireForAValidAlibabaName) {
  const samlint::CheckResult result =
      CheckXml(WithName("zed.quux_1@example-2.com", SamlBuilder::Cloud::kAliyun));
  EXPECT_FALSE(HasRule(result, "role-session-name-invalid")) << Describe(result);
}

TEST(RoleSessionNameInvalid, DoesNotFireForTwoCharacters) {
  const samlint::CheckResult result = CheckXml(WithName("zq"));
  EXPECT_FALSE(HasRule(result, "role-session-name-invalid")) << Describe(result);
}
