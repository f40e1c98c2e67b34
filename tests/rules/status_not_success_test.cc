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

  const auto found = DiagnosticsWithRule(result, "status-not-success");
  ASSERT_EQ(found.size(), 1u) << Describe(result);
  const samlint::Diagnostic& d = *found[0];
  EXPECT_EQ(d.severity, samlint::Severity::kError);
  EXPECT_THAT(d.message, HasSubstr("urn:oasis:names:tc:SAML:2.0:status:Responder"));
  ExpectLocatedWithin(d, xml,
                      "<samlp:Status><samlp:StatusCode "
                      "Value=\"urn:oasis:names:tc:SAML:2.0:status:Responder\"");
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
