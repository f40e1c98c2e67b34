// idp-value-unknown (note): an IdP configuration leaves a value the cloud
// reads to sign-in time (a mapper reading the user's roles or attributes) or
// to apply time; samlint says so instead of inventing it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/rule_test_util.h"
#include "samlint/check.h"


namespace {

std::string RealmWithRoleMapper(const std::string& type, const std::string& value) {
  return "{\n\"realm\": \"r\", \"ssoSessionMaxLifespan\": 36000,\n\"clients\": [{\"clientId\": "
         "\"urn:amazon:webservices\", "
         "\"protocol\": \"saml\",\n\"attributes\": {\"saml.assertion.signature\": \"true\", "
         "\"saml_assertion_consumer_url_post\": \"https://signin.aws.amazon.com/saml\"},\n"
         "\"protocolMappers\": [\n{\"name\": \"roles\", \"protocolMapper\": \"" +
         type +
         "\", \"config\": {\"attribute.name\": \"https://aws.amazon.com/SAML/Attributes/Role\"" +
         value +
         "}},\n{\"name\": \"who\", \"protocolMapper\": \"saml-hardcode-attribute-mapper\", "
         "\"config\": {\"attribute.name\": "
         "\"https://aws.amazon.com/SAML/Attributes/RoleSessionName\", \"attribute.value\": "
         "\"ops\"}}]}]}\n";
}

}  // namespace

TEST(IdpValueUnknown, Fires) {
  const auto results = samlint::CheckInput(
      "realm.json", RealmWithRoleMapper("saml-role-list-mapper", ""), samlint::CheckOptions{});
  ASSERT_EQ(results.size(), 1u);
  const samlint::Diagnostic* d =
      ExpectOne(results[0], "idp-value-unknown", samlint::Severity::kNote);
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d,
                   {"Keycloak mapper \"roles\" (saml-role-list-mapper)", "known only at sign-in"});
  ASSERT_TRUE(d->location.has_value());
  EXPECT_EQ(d->location->line, 6);
  EXPECT_FALSE(HasRule(results[0], "role-attribute-missing"));
}

TEST(IdpValueUnknown, DoesNotFireForHardcodedValues) {
  const auto results = samlint::CheckInput(
      "realm.json",
      RealmWithRoleMapper(
          "saml-hardcode-attribute-mapper",
          ", \"attribute.value\": "
          "\"arn:aws:iam::123456789012:role/r,arn:aws:iam::123456789012:saml-provider/p\""),
      samlint::CheckOptions{});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(HasRule(results[0], "idp-value-unknown")) << Describe(results[0]);
  ASSERT_EQ(results[0].roles.size(), 1u);
  EXPECT_EQ(results[0].roles[0].role, "arn:aws:iam::123456789012:role/r");
}
