// destination-mismatch (warning): Response/@Destination is not the cloud's
// sign-in endpoint. (cli-contract.md § Decisions, Default severities.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;
using ::testing::HasSubstr;

namespace {

std::string WithDestination(const std::string& destination,
                            SamlBuilder::Cloud cloud = SamlBuilder::Cloud::kAws) {
  SamlBuilder b;
  b.cloud = cloud;
  b.destination = destination;
  return b.Build();
}

}  // namespace

TEST(DestinationMismatch, Fires) {
  const std::string xml = WithDestination("https://sp.example.com/acs");
  const samlint::CheckResult result = CheckXml(xml);

  const samlint::Diagnostic* d =
      ExpectOneWithin(result, xml, "destination-mismatch", samlint::Severity::kWarning,
                      "Destination=\"https://sp.example.com/acs\"");
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("https://sp.example.com/acs"));
  // A warning, not an error: the rest of the response is still fine.
  EXPECT_FALSE(samlint::HasErrors(result)) << Describe(result);
}

TEST(DestinationMismatch, FiresOnAlibaba) {
  const std::string xml =
      WithDestination("https://signin.aws.amazon.com/saml", SamlBuilder::Cloud::kAliyun);
  const samlint::CheckResult result = CheckXml(xml);
  const samlint::Diagnostic* d = FindDiagnostic(result, "destination-mismatch");
  ASSERT_NE(d, nullptr) << Describe(result);
  EXPECT_EQ(d->severity, samlint::Severity::kWarning);
  ExpectLocatedWithin(*d, xml, "Destination=\"https://signin.aws.amazon.com/saml\"");
}

TEST(DestinationMismatch, DoesNotFireForARegionalEndpoint) {
  const samlint::CheckResult result =
      CheckXml(WithDestination("https://eu-west-1.signin.aws.amazon.com/saml"));
  EXPECT_FALSE(HasRule(result, "destination-mismatch")) << Describe(result);
}
