// status-not-success (error): the Response's StatusCode is not Success (or
// there is no Status at all). (cli-contract.md § Rule ids, Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

TEST(StatusNotSuccess, Fires) {
  SamlBuilder b;
  b.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
  const std::string xml = b.Build();
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "status-not-success", samlint::Severity::kError,
                      "<samlp:Status><samlp:StatusCode "
                      "Value=\"urn:oasis:names:tc:SAML:2.0:status:Responder\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("urn:oasis:names:tc:SAML:2.0:status:Responder"));
}

TEST(StatusNotSuccess, FiresWithoutStatus) {
  SamlBuilder b;
  b.include_status = false;
  const samlint::CheckResult result = CheckXml(b.Build());
  const samlint::Diagnostic* d = FindDiagnostic(result, "status-not-success");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kError);
}

TEST(StatusNotSuccess, DoesNotFireOnSuccess) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "status-not-success")) << Describe(result);
}
