// assertion-missing (error): a Response whose status is Success carries neither
// an Assertion nor an EncryptedAssertion, whatever the cloud. (SAML 2.0
// Profiles §4.1.4.2: a successful <Response> MUST contain at least one
// assertion; issue #14, item 1.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/generic_sp.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;

TEST(AssertionMissing, Fires) {
  SamlBuilder b = samlint::testing::GenericSpBuilder();
  b.assertion_count = 0;
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "assertion-missing", samlint::Severity::kError,
                      "<samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"");
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"Success", "no Assertion"});
  EXPECT_TRUE(result.evaluations.empty()) << Describe(result);
}

TEST(AssertionMissing, FiresWhateverTheCloudInsteadOfRoleAttributeMissing) {
  SamlBuilder b;
  b.assertion_count = 0;
  for (samlint::Cloud cloud :
       {samlint::Cloud::kAws, samlint::Cloud::kAliyun, samlint::Cloud::kGeneric}) {
    samlint::CheckOptions options;
    options.cloud = cloud;
    const samlint::CheckResult result = CheckXml(b.Build(), options);
    EXPECT_NE(ExpectOne(result, "assertion-missing", samlint::Severity::kError), nullptr)
        << samlint::CloudName(cloud);
    EXPECT_FALSE(HasRule(result, "role-attribute-missing")) << Describe(result);
  }
}

TEST(AssertionMissing, DoesNotFire) {
  // A response with its assertion.
  SamlBuilder b = samlint::testing::GenericSpBuilder();
  EXPECT_FALSE(HasRule(CheckXml(b.Build()), "assertion-missing"));
  // A failed sign-in carries no assertion, and that is status-not-success's to say.
  b.assertion_count = 0;
  b.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
  const samlint::CheckResult failed = CheckXml(b.Build());
  EXPECT_FALSE(HasRule(failed, "assertion-missing")) << Describe(failed);
  EXPECT_TRUE(HasRule(failed, "status-not-success")) << Describe(failed);
}
