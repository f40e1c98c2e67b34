// IdP configuration inputs through CheckInput: detection by content, values
// computed at sign-in or after apply, and hostile input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "samlint/check.h"

namespace samlint {
namespace {

using ::testing::HasSubstr;

constexpr const char* kAwsDuration = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
constexpr const char* kAwsRole = "https://aws.amazon.com/SAML/Attributes/Role";

std::string Mapper(const std::string& name, const std::string& type, const std::string& attribute,
                   const std::string& value) {
  std::string config = "\"attribute.name\": \"" + attribute + "\"";
  if (!value.empty()) config += ", \"attribute.value\": \"" + value + "\"";
  return "{\"name\": \"" + name + "\", \"protocol\": \"saml\", \"protocolMapper\": \"" + type +
         "\", \"config\": {" + config + "}}";
}

std::string Realm(const std::string& mappers, const std::string& attributes = "") {
  return "{\n \"realm\": \"r\",\n \"ssoSessionMaxLifespan\": 28800,\n \"clients\": [\n"
         "  {\"clientId\": \"urn:amazon:webservices\", \"protocol\": \"saml\",\n"
         "   \"attributes\": {\"saml.assertion.signature\": \"true\", "
         "\"saml_assertion_consumer_url_post\": \"https://signin.aws.amazon.com/saml\"" +
         attributes + "},\n   \"protocolMappers\": [" + mappers + "]}]}\n";
}

std::string HardcodedRole() {
  return Mapper("role", "saml-hardcode-attribute-mapper", kAwsRole,
                "arn:aws:iam::123456789012:role/r,arn:aws:iam::123456789012:saml-provider/p");
}

const Diagnostic* Find(const CheckResult& r, const std::string& rule) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule == rule) return &d;
  }
  return nullptr;
}

TEST(IdpConfig, KeycloakRealmIsDetectedByContent) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsSamlConsole};
  std::string text = Realm(HardcodedRole() + ", " +
                           Mapper("sd", "saml-hardcode-attribute-mapper", kAwsDuration, "7200"));
  auto results = CheckInput("anything.txt", text, options);
  ASSERT_EQ(results.size(), 1u);
  const CheckResult& r = results[0];
  EXPECT_EQ(r.kind, ResultKind::kIdpConfig);
  EXPECT_EQ(r.part, "/clients/0");
  ASSERT_EQ(r.evaluations.size(), 1u);
  EXPECT_EQ(r.evaluations[0].effective_seconds, 7200);
  ASSERT_TRUE(r.signature.has_value());
  EXPECT_EQ(r.signature->status, "not-checked");
  // Response not signed, assertion signed: no finding about the assertion.
  EXPECT_EQ(Find(r, "assertion-not-signed"), nullptr);
}

TEST(IdpConfig, SessionDurationComputedAtSignInIsNotAFactor) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsSamlConsole};
  std::string text =
      Realm(HardcodedRole() + ", " + Mapper("sd", "saml-user-attribute-mapper", kAwsDuration, ""));
  auto results = CheckInput("realm.json", text, options);
  ASSERT_EQ(results.size(), 1u);
  const Diagnostic* note = Find(results[0], "idp-value-unknown");
  ASSERT_NE(note, nullptr);
  EXPECT_THAT(note->message, HasSubstr("known only at sign-in"));
  ASSERT_EQ(results[0].evaluations.size(), 1u);
  for (const Factor& f : results[0].evaluations[0].factors) {
    if (f.name == FactorName::kSessionDurationAttribute) {
      EXPECT_TRUE(f.assumed());
    }
  }
}

TEST(IdpConfig, UnsignedConfigurationIsAnError) {
  CheckOptions options;
  std::string text =
      "{\"realm\": \"r\", \"clients\": [{\"clientId\": \"urn:amazon:webservices\", "
      "\"protocol\": \"saml\", \"attributes\": {}, \"protocolMappers\": [" +
      HardcodedRole() + "]}]}";
  auto results = CheckInput("realm.json", text, options);
  ASSERT_EQ(results.size(), 1u);
  const Diagnostic* missing = Find(results[0], "signature-missing");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->severity, Severity::kError);
  // No ACS URL: Recipient is left to the SP's request, not reported as wrong.
  EXPECT_EQ(Find(results[0], "recipient-mismatch"), nullptr);
}

TEST(IdpConfig, RealmWithoutCloudClientIsUnreadable) {
  std::string text =
      "{\"realm\": \"r\", \"clients\": [{\"clientId\": \"wiki\", \"protocol\": "
      "\"saml\", \"protocolMappers\": []}]}";
  auto results = CheckInput("realm.json", text, CheckOptions{});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].kind, ResultKind::kUnreadable);
  ASSERT_FALSE(results[0].diagnostics.empty());
  EXPECT_THAT(results[0].diagnostics[0].message, HasSubstr("no SAML client"));
}

TEST(IdpConfig, TerraformValuesKnownAfterApplyAreNotFactors) {
  std::string text = R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
    {"address": "keycloak_saml_client.a", "type": "keycloak_saml_client", "name": "a",
     "values": {"client_id": "urn:amazon:webservices", "sign_assertions": true}},
    {"address": "keycloak_generic_protocol_mapper.sd", "type": "keycloak_generic_protocol_mapper",
     "name": "sd", "values": {"protocol": "saml", "protocol_mapper": "saml-hardcode-attribute-mapper",
     "config": null}}]}},
    "resource_changes": [{"address": "keycloak_generic_protocol_mapper.sd",
     "change": {"after_unknown": {"config": true}}}]})";
  auto results = CheckInput("plan.json", text, CheckOptions{});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].kind, ResultKind::kIdpConfig);
  const Diagnostic* realm_note = Find(results[0], "idp-value-unknown");
  ASSERT_NE(realm_note, nullptr);
  for (const Evaluation& e : results[0].evaluations) {
    for (const Factor& f : e.factors) EXPECT_NE(f.name, FactorName::kSessionNotOnOrAfter);
  }
}

TEST(IdpConfig, OktaAwsFederationAppReadsSessionDurationFromAppSettings) {
  std::string text = R"({"format_version": "1.2", "resource_changes": [
    {"address": "okta_app_saml.aws", "type": "okta_app_saml", "name": "aws",
     "change": {"actions": ["create"], "after": {"label": "AWS", "preconfigured_app": "amazon_aws",
       "app_settings_json": "{\"sessionDuration\": 14400, \"awsEnvironmentType\": \"aws.amazon\"}"},
      "after_unknown": {"id": true}}}]})";
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsSamlConsole};
  auto results = CheckInput("plan.json", text, options);
  ASSERT_EQ(results.size(), 1u);
  const CheckResult& r = results[0];
  EXPECT_EQ(r.kind, ResultKind::kIdpConfig);
  EXPECT_EQ(r.part, "/resource_changes/0");
  EXPECT_EQ(r.idp, "okta");
  ASSERT_EQ(r.evaluations.size(), 1u);
  EXPECT_EQ(r.evaluations[0].effective_seconds, 14400);
  EXPECT_FALSE(r.evaluations[0].role.has_value());
  EXPECT_EQ(Find(r, "role-attribute-missing"), nullptr);
  EXPECT_EQ(Find(r, "role-session-name-missing"), nullptr);
  EXPECT_EQ(Find(r, "audience-mismatch"), nullptr);
}

TEST(IdpConfig, ArrayOfRealmsGivesPointersPerRealm) {
  std::string realm = Realm(HardcodedRole());
  std::string text = "[" + realm + ", " + realm + "]";
  auto results = CheckInput("realms.json", text, CheckOptions{});
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].part, "/0/clients/0");
  EXPECT_EQ(results[1].part, "/1/clients/0");
  ASSERT_TRUE(results[1].evaluations.size() >= 1u);
  // SSO Session Max of 8 h from the realm, measured from sign-in.
  bool found = false;
  for (const Factor& f : results[1].evaluations[0].factors) {
    if (f.name == FactorName::kSessionNotOnOrAfter) {
      found = true;
      EXPECT_EQ(f.seconds, 28800);
      ASSERT_TRUE(f.source.has_value());
      EXPECT_GT(f.source->line, 5);  // in the second realm
    }
  }
  EXPECT_TRUE(found);
}

TEST(IdpConfig, HostileInputNeverCrashesOrHangs) {
  const std::string deep = std::string(100000, '[') + "\"realm\" \"clients\" \"saml\"";
  for (const std::string& text :
       {deep, std::string("{\"realm\": \"r\", \"clients\": {\"protocol\": \"saml\"}}"),
        std::string("{\"realm\": [], \"clients\": [1, null, \"saml\", {\"protocol\": \"saml\", "
                    "\"protocolMappers\": {\"a\": 1}, \"attributes\": [\"saml\"]}]}"),
        Realm(Mapper("sd", "saml-hardcode-attribute-mapper", kAwsDuration,
                     "99999999999999999999999")),
        Realm(HardcodedRole(), ", \"saml.assertion.lifespan\": \"-5\""),
        std::string(
            "{\"format_version\": \"1\", \"okta_app_saml\": 1, \"planned_values\": "
            "{\"root_module\": {\"resources\": [{\"type\": \"okta_app_saml\", "
            "\"values\": {\"attribute_statements\": [{\"name\": 7}, {\"name\": "
            "\"https://aws.amazon.com/SAML/Attributes/Role\", \"values\": [[], {}]}]}}]}}}"),
        std::string("{\"format_version\": \"1\", \"keycloak_saml_client\": [\"realm\"]")}) {
    auto results = CheckInput("x.json", text, CheckOptions{});
    EXPECT_FALSE(results.empty());
  }
}

}  // namespace
}  // namespace samlint
