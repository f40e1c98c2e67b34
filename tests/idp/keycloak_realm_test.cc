// idp/keycloak_realm: the SAML clients of a Keycloak realm export.
#include "idp/keycloak_realm.h"

#include <gtest/gtest.h>

#include <string>

#include "support/idp_doc.h"

namespace samlint::idp {
namespace {

using samlint::testing::ParsedDoc;
using samlint::testing::SignInTime;

constexpr const char* kRoleMapper =
    R"({"name":"role","protocolMapper":"saml-hardcode-attribute-mapper","config":{
        "attribute.name":"https://aws.amazon.com/SAML/Attributes/Role",
        "attribute.value":"arn:aws:iam::1:role/ops,arn:aws:iam::1:saml-provider/kc"}})";

/// A realm whose one SAML client has `attributes` and `mappers`; `realm` adds realm settings.
std::string Realm(const std::string& attributes, const std::string& mappers,
                  const std::string& realm = "") {
  return R"({"realm":"corp",)" + realm + R"("clients":[{"clientId":"urn:amazon:webservices",
      "protocol":"saml","attributes":{"saml_assertion_consumer_url_post":
      "https://signin.aws.amazon.com/saml")" +
         attributes + R"(},"protocolMappers":[)" + mappers + "]}]}";
}

IdpConfigSplit Read(const std::string& text) {
  const ParsedDoc doc(text);
  IdpConfigSplit out;
  KeycloakRealm(doc.root, "", SignInTime(), out);
  return out;
}

TEST(KeycloakRealm, IsKeycloakRealmNeedsARealmNameAndClients) {
  EXPECT_TRUE(IsKeycloakRealm(ParsedDoc(R"({"realm":"corp","clients":[]})").root));
  EXPECT_FALSE(IsKeycloakRealm(ParsedDoc(R"({"realm":"corp"})").root));
  EXPECT_FALSE(IsKeycloakRealm(ParsedDoc(R"({"realm":{},"clients":[]})").root));
  EXPECT_FALSE(IsKeycloakRealm(ParsedDoc(R"({"realm":"corp","clients":{}})").root));
}

TEST(KeycloakRealm, WindowsFollowTheRealmWhenTheClientSetsNoLifespan) {
  const IdpConfigSplit out =
      Read(Realm("", kRoleMapper, R"("ssoSessionMaxLifespan":36000,"accessTokenLifespan":600,)"));
  ASSERT_EQ(out.parts.size(), 1u);
  const IdpConfigPart& part = out.parts[0];
  EXPECT_EQ(part.pointer, "/clients/0");
  EXPECT_EQ(part.name, "urn:amazon:webservices");
  const AssertionFact& a = part.facts.assertions[0];
  EXPECT_EQ(a.not_on_or_after.text, "2026-11-23T10:01:00Z") << "accessCodeLifespan's default 60";
  EXPECT_EQ(a.subject_confirmations[0].not_on_or_after.text, "2026-11-23T10:10:00Z");
  EXPECT_EQ(a.authn_statements[0].session_not_on_or_after.text, "2026-11-23T20:00:00Z");
  ASSERT_EQ(a.attributes.size(), 1u);
  EXPECT_EQ(a.attributes[0].values[0].value,
            "arn:aws:iam::1:role/ops,arn:aws:iam::1:saml-provider/kc");
  EXPECT_EQ(part.signing.algorithm, "rsa-sha256");
  EXPECT_FALSE(part.signing.assertion_signed);
}

TEST(KeycloakRealm, TheClientsAssertionLifespanSetsBothWindows) {
  const IdpConfigSplit out = Read(Realm(R"(,"saml.assertion.lifespan":"120",
      "saml.assertion.signature":"true","saml.signature.algorithm":"RSA_SHA512")",
                                        kRoleMapper));
  ASSERT_EQ(out.parts.size(), 1u);
  const AssertionFact& a = out.parts[0].facts.assertions[0];
  EXPECT_EQ(a.not_on_or_after.text, "2026-11-23T10:02:00Z");
  EXPECT_EQ(a.subject_confirmations[0].not_on_or_after.text, "2026-11-23T10:02:00Z");
  EXPECT_TRUE(out.parts[0].signing.assertion_signed);
  EXPECT_EQ(out.parts[0].signing.algorithm, "rsa-sha512");
}

TEST(KeycloakRealm, MappersOtherThanHardcodedAreComputedAtSignIn) {
  const IdpConfigSplit out =
      Read(Realm("", R"({"name":"roles","protocolMapper":"saml-role-list-mapper","config":{
                             "attribute.name":"https://aws.amazon.com/SAML/Attributes/Role"}})"));
  ASSERT_EQ(out.parts.size(), 1u);
  EXPECT_TRUE(out.parts[0].roles_unknown);
  EXPECT_TRUE(out.parts[0].facts.assertions[0].attributes.empty());
}

TEST(KeycloakRealm, WithoutAuthnStatementOrSsoMaxThereIsNoSessionLimit) {
  const IdpConfigSplit without = Read(
      Realm(R"(,"saml.authnstatement":"false")", kRoleMapper, R"("ssoSessionMaxLifespan":36000,)"));
  ASSERT_EQ(without.parts.size(), 1u);
  EXPECT_TRUE(without.parts[0].facts.assertions[0].authn_statements.empty());
  const IdpConfigSplit unset = Read(Realm("", kRoleMapper));
  ASSERT_EQ(unset.parts.size(), 1u);
  EXPECT_FALSE(
      unset.parts[0].facts.assertions[0].authn_statements[0].session_not_on_or_after.present);
  ASSERT_FALSE(unset.parts[0].unknowns.empty());
  EXPECT_NE(unset.parts[0].unknowns.back().message.find("no ssoSessionMaxLifespan"),
            std::string::npos);
}

TEST(KeycloakRealm, OnlySamlClientsForACloudAreRead) {
  const std::string clients = R"({"realm":"corp","clients":[
      {"clientId":"oidc","protocol":"openid-connect"},
      {"clientId":"https://sp.example","protocol":"saml"},
      {"clientId":"urn:amazon:webservices","protocol":"saml"}]})";
  const IdpConfigSplit out = Read(clients);
  ASSERT_EQ(out.parts.size(), 1u);
  EXPECT_EQ(out.parts[0].pointer, "/clients/2");
  EXPECT_TRUE(out.parts[0].recipient_unknown) << "no ACS URL";
}

}  // namespace
}  // namespace samlint::idp
