// base/scenario: the scenario table, cloud names and their lookups.
#include "samlint/scenario.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>

namespace samlint {
namespace {

TEST(CloudName, NamesEachCloud) {
  EXPECT_EQ(CloudName(Cloud::kAws), "aws");
  EXPECT_EQ(CloudName(Cloud::kAliyun), "aliyun");
  EXPECT_EQ(CloudName(Cloud::kGcp), "gcp");
}

TEST(ParseCloud, ReadsTheNamesCloudNameWrites) {
  EXPECT_EQ(ParseCloud("aws"), Cloud::kAws);
  EXPECT_EQ(ParseCloud("aliyun"), Cloud::kAliyun);
  EXPECT_EQ(ParseCloud("gcp"), Cloud::kGcp);
}

TEST(ParseCloud, RefusesOtherSpellings) {
  EXPECT_FALSE(ParseCloud("AWS").has_value());
  EXPECT_FALSE(ParseCloud("").has_value());
  EXPECT_FALSE(ParseCloud("google").has_value());
  EXPECT_FALSE(ParseCloud("GCP").has_value());
}

TEST(AllScenarios, ListsEachIdAtItsOwnIndex) {
  // GetScenario indexes the table by id, so the table must be in id order.
  ASSERT_EQ(AllScenarios().size(), 18U);
  for (std::size_t i = 0; i < AllScenarios().size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(AllScenarios()[i].id), i) << AllScenarios()[i].name;
  }
}

TEST(AllScenarios, EachNameStartsWithItsCloud) {
  for (const ScenarioInfo& s : AllScenarios()) {
    // The generic SP's scenario is more-clouds.md's "saml:generic".
    std::string_view prefix = s.cloud == Cloud::kGeneric ? "saml" : CloudName(s.cloud);
    EXPECT_EQ(s.name.substr(0, s.name.find(':')), prefix) << s.name;
  }
  EXPECT_EQ(CloudName(Cloud::kGeneric), "generic");
  EXPECT_EQ(ParseCloud("generic"), Cloud::kGeneric);
}

TEST(GetScenario, ReturnsTheScenarioOfAnId) {
  const ScenarioInfo& s = GetScenario(ScenarioId::kAliyunSamlApi);
  EXPECT_EQ(s.name, "aliyun:saml-api");
  EXPECT_EQ(s.cloud, Cloud::kAliyun);
  EXPECT_TRUE(s.takes_saml);
  EXPECT_EQ(s.title, "Alibaba Cloud STS AssumeRoleWithSAML");
}

TEST(GetScenario, OnlyTheSamlScenariosTakeSaml) {
  std::string saml;
  for (const ScenarioInfo& s : AllScenarios()) {
    if (s.takes_saml) saml += std::string(s.name) + " ";
  }
  EXPECT_EQ(saml,
            "aws:saml-console aws:saml-api aliyun:saml-console aliyun:saml-api saml:generic "
            "gcp:workforce-console gcp:workforce-token gcp:workforce-iap ");
}

TEST(FindScenario, FindsAScenarioByName) {
  const ScenarioInfo* s = FindScenario("aws:identity-center");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->id, ScenarioId::kAwsIdentityCenter);
}

TEST(FindScenario, UnknownNamesFindNothing) {
  EXPECT_EQ(FindScenario("aws:saml"), nullptr);
  EXPECT_EQ(FindScenario(""), nullptr);
}

}  // namespace
}  // namespace samlint
