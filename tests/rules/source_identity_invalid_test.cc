// source-identity-invalid (error, AWS): a SourceIdentity outside
// [a-zA-Z_0-9+=,.@-]{2,64} or starting with "aws:". (lifetime-rules.md § AWS.)
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

std::string WithSourceIdentity(const std::string& value) {
  SamlBuilder b;
  b.source_identities = {value};
  return b.Build();
}

}  // namespace

TEST(SourceIdentityInvalid, Fires) {
  const std::string xml = WithSourceIdentity("aws:zed");
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "source-identity-invalid", samlint::Severity::kError,
                      "<saml2:AttributeValue>aws:zed");
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"SourceIdentity", "aws:"});
}

TEST(SourceIdentityInvalid, FiresForBadCharacters) {
  const std::string xml = WithSourceIdentity("zed/quux");
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d = FindDiagnostic(result, "source-identity-invalid");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
  ExpectLocatedWithin(*d, xml, "<saml2:AttributeValue>zed/quux");
}

// SourceIdentity identifies a person: redacted unless show_identities.
TEST(SourceIdentityInvalid, MessageRedactsTheValue) {
  const samlint::CheckResult hidden = CheckXml(WithSourceIdentity("zed/quux"));
  const samlint::Diagnostic* d = FindDiagnostic(hidden, "source-identity-invalid");
  ASSERT_NE(d, nullptr) << Describe(hidden);
  EXPECT_THAT(d->message, Not(HasSubstr("zed")));

  samlint::CheckOptions options;
  options.show_identities = true;
  const samlint::CheckResult shown = CheckXml(WithSourceIdentity("zed/quux"), options);
  d = FindDiagnostic(shown, "source-identity-invalid");
  ASSERT_NE(d, nullptr) << Describe(shown);
  EXPECT_THAT(d->message, HasSubstr("zed/quux"));
}

TEST(SourceIdentityInvalid, DoesNotFireForAValidValue) {
  const samlint::CheckResult result = CheckXml(WithSourceIdentity("zed.quux@example.com"));
  EXPECT_FALSE(HasRule(result, "source-identity-invalid")) << Describe(result);
}

// "aws" without the colon is an ordinary prefix.
TEST(SourceIdentityInvalid, DoesNotFireForAwsWithoutColon) {
  const samlint::CheckResult result = CheckXml(WithSourceIdentity("awszed"));
  EXPECT_FALSE(HasRule(result, "source-identity-invalid")) << Describe(result);
}
