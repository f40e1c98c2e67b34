// cloud-undetected (warning, added by samlint): nothing in the response names
// AWS or Alibaba Cloud (attribute names, Audience, Recipient, Destination), no
// --cloud and no --scenario, so the default scenarios cannot be chosen.
// (cli-contract.md § Declarations, --cloud; registry_test.cc.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/generic_sp.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;

namespace {

std::string Generic() { return samlint::testing::GenericSpBuilder().Build(); }

}  // namespace

TEST(CloudUndetected, Fires) {
  const samlint::CheckResult result = CheckXml(Generic());

  const samlint::Diagnostic* d = ExpectOne(result, "cloud-undetected", samlint::Severity::kWarning);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"AWS", "Alibaba"});
  EXPECT_TRUE(result.cloud_undetected);
  EXPECT_FALSE(result.cloud.has_value());
  // No cloud scenario: the response is evaluated for any SAML service provider.
  ASSERT_EQ(result.evaluations.size(), 1u) << Describe(result);
  EXPECT_EQ(result.evaluations[0].scenario, samlint::ScenarioId::kSamlGeneric);
  EXPECT_THAT(d->fix, ::testing::HasSubstr("--cloud generic"));
}

TEST(CloudUndetected, DoesNotFireWithCloudOption) {
  samlint::CheckOptions options;
  options.cloud = samlint::Cloud::kAws;
  const samlint::CheckResult result = CheckXml(Generic(), options);
  EXPECT_FALSE(HasRule(result, "cloud-undetected")) << Describe(result);
  EXPECT_FALSE(result.cloud_undetected);
  EXPECT_EQ(result.cloud, std::optional<samlint::Cloud>(samlint::Cloud::kAws));
}

TEST(CloudUndetected, DoesNotFireWithScenarioOption) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kAliyunSamlConsole};
  const samlint::CheckResult result = CheckXml(Generic(), options);
  EXPECT_FALSE(HasRule(result, "cloud-undetected")) << Describe(result);
}

TEST(CloudUndetected, DoesNotFireForAnAwsResponse) {
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build());
  EXPECT_FALSE(HasRule(result, "cloud-undetected")) << Describe(result);
  EXPECT_EQ(result.cloud, std::optional<samlint::Cloud>(samlint::Cloud::kAws));
}
