// End-to-end: IdP configuration as code (a Keycloak realm export, a Terraform
// plan with okta_app_saml and keycloak_saml_client) through the CLI's JSON
// report: one idp-config result per SAML application, evaluated as the
// response the configuration makes the IdP send.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kRealm = "testdata/idp/keycloak-realm.json";
constexpr const char* kPlan = "testdata/idp/terraform-plan.json";

const json& ResultWithPart(const Checked& c, const std::string& part) {
  static const json kNull;
  for (const json& r : c.Results()) {
    if (Get(r, "part") == json(part)) return r;
  }
  ADD_FAILURE() << "no result for part " << part << "\n" << c.Dump();
  return kNull;
}

int LineOf(const json& located) { return Get(Get(located, "location"), "line").get<int>(); }
int SourceLine(const json& factor) { return Get(Get(factor, "source"), "line").get<int>(); }

TEST(E2eIdpConfig, KeycloakRealmExportGivesOneResultPerCloudClient) {
  Checked c = Check({kRealm, "--target", "12h"});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  // The OIDC client and the SAML client of another application are skipped.
  ASSERT_EQ(c.Results().size(), 3u) << c.Dump();
  std::vector<std::string> parts;
  for (const json& r : c.Results()) {
    parts.push_back(Get(r, "part").get<std::string>());
    EXPECT_EQ(Get(r, "kind"), "idp-config");
    EXPECT_EQ(Get(r, "idp"), "keycloak");
    EXPECT_EQ(Get(r, "input"), kRealm);
    EXPECT_FALSE(Get(r, "signature").is_null());
    EXPECT_EQ(Get(Get(r, "signature"), "status"), "not-checked");
    EXPECT_TRUE(Get(Get(r, "signature"), "covers").empty());
    EXPECT_FALSE(Get(r, "t_use").is_string()) << "no time of use without --now";
  }
  EXPECT_THAT(parts, ElementsAre("/clients/1", "/clients/2", "/clients/3"));
}

TEST(E2eIdpConfig, KeycloakSsoSessionMaxBindsTheAwsConsoleSession) {
  Checked c = Check({kRealm, "--target", "12h"});
  const json& aws = ResultWithPart(c, "/clients/1");
  EXPECT_EQ(Get(aws, "cloud"), "aws");
  EXPECT_EQ(Get(aws, "idp_client"), "urn:amazon:webservices");
  EXPECT_EQ(Get(Get(aws, "signature"), "algorithm"), "rsa-sha256");
  EXPECT_EQ(Get(Get(aws, "signature"), "digest"), "sha256");
  const json& roles = Get(aws, "roles");
  ASSERT_EQ(roles.size(), 1u);
  EXPECT_EQ(Get(roles[0], "role"), "arn:aws:iam::123456789012:role/KeycloakAdmin");
  EXPECT_EQ(Get(roles[0], "signed"), true);

  const json& console =
      FindEval(aws, "aws:saml-console", "arn:aws:iam::123456789012:role/KeycloakAdmin");
  EXPECT_EQ(Get(console, "effective_seconds"), 36000);
  EXPECT_THAT(Strings(Get(console, "binding")), ElementsAre("session_not_on_or_after"));
  EXPECT_THAT(Strings(Get(console, "clamps")), ElementsAre("session_not_on_or_after"));
  ExpectFactors(console, {{"session_duration_attribute", 43200, false},
                          {"session_not_on_or_after", 36000, false}});
  // Each factor points at the line of the JSON value that declares it.
  EXPECT_EQ(SourceLine(Factor(console, "session_duration_attribute")),
            LineIn(kRealm, "\"attribute.value\": \"43200\""));
  EXPECT_EQ(SourceLine(Factor(console, "session_not_on_or_after")),
            LineIn(kRealm, "\"ssoSessionMaxLifespan\": 36000"));
  EXPECT_EQ(Get(Factor(console, "session_not_on_or_after"), "signed"), true);
  EXPECT_THAT(
      Get(Factor(console, "session_duration_attribute"), "configured_by").get<std::string>(),
      HasSubstr("Keycloak mapper \"aws-session-duration\""));

  std::vector<json> below;
  for (const json& d : Diags(aws, "lifetime-below-target")) {
    if (Get(d, "scenario") == "aws:saml-console") below.push_back(d);
  }
  ASSERT_EQ(below.size(), 1u) << c.Dump();
  EXPECT_EQ(LineOf(below[0]), LineIn(kRealm, "\"ssoSessionMaxLifespan\": 36000"));
  EXPECT_THAT(Get(below[0], "fix").get<std::string>(),
              HasSubstr("realm \"corp\" SSO Session Max (ssoSessionMaxLifespan"));
  // RoleSessionName comes from the user name at sign-in: a note, not a missing value.
  EXPECT_TRUE(Diags(aws, "role-session-name-missing").empty());
  std::vector<json> unknown = Diags(aws, "idp-value-unknown");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_THAT(Get(unknown[0], "message").get<std::string>(), HasSubstr("aws-session-name"));
  EXPECT_EQ(Get(unknown[0], "severity"), "note");
  EXPECT_TRUE(Diags(aws, "audience-mismatch").empty());
  EXPECT_TRUE(Diags(aws, "recipient-mismatch").empty());
}

TEST(E2eIdpConfig, KeycloakClampingMapperIsNamedInTheFix) {
  Checked c = Check({kRealm, "--target", "12h", "--scenario", "aws:saml-console"});
  const json& sandbox = ResultWithPart(c, "/clients/2");
  const json& console = FindEval(sandbox, "aws:saml-console");
  EXPECT_EQ(Get(console, "effective_seconds"), 3600);
  EXPECT_THAT(Strings(Get(console, "binding")), ElementsAre("session_duration_attribute"));
  EXPECT_THAT(Strings(Get(console, "clamps")),
              ElementsAre("session_duration_attribute", "session_not_on_or_after"));
  std::vector<json> below = Diags(sandbox, "lifetime-below-target");
  ASSERT_EQ(below.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(below[0], "severity"), "error");
  EXPECT_EQ(LineOf(below[0]), LineIn(kRealm, "\"attribute.value\": \"3600\""));
  EXPECT_THAT(Get(below[0], "fix").get<std::string>(),
              HasSubstr("Keycloak mapper \"sandbox-session-duration\""));
  // Response-only signature with RSA_SHA1: both reported at the settings' lines.
  std::vector<json> not_signed = Diags(sandbox, "assertion-not-signed");
  ASSERT_EQ(not_signed.size(), 1u);
  EXPECT_EQ(Get(not_signed[0], "severity"), "warning");
  EXPECT_EQ(LineOf(not_signed[0]), LineIn(kRealm, "\"saml.assertion.signature\": \"false\""));
  std::vector<json> weak = Diags(sandbox, "signature-weak-algorithm");
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_EQ(LineOf(weak[0]), LineIn(kRealm, "\"saml.signature.algorithm\": \"RSA_SHA1\""));
}

TEST(E2eIdpConfig, KeycloakAlibabaClientWithRolesComputedAtSignIn) {
  Checked c = Check({kRealm, "--login-session", "12h", "--role-max-session", "12h"});
  const json& aliyun = ResultWithPart(c, "/clients/3");
  EXPECT_EQ(Get(aliyun, "cloud"), "aliyun");
  EXPECT_TRUE(Get(aliyun, "roles").empty());
  // No role is invented: one evaluation per scenario with "role": null.
  const json& console = FindEval(aliyun, "aliyun:saml-console");
  EXPECT_TRUE(IsNullField(console, "role"));
  EXPECT_EQ(Get(console, "effective_seconds"), 21600);
  EXPECT_THAT(Strings(Get(console, "binding")), ElementsAre("session_duration_attribute"));
  EXPECT_TRUE(Diags(aliyun, "role-attribute-missing").empty());
  bool roles_note = false;
  for (const json& d : Diags(aliyun, "idp-value-unknown")) {
    roles_note |= Get(d, "message").get<std::string>().find("aliyun-roles") != std::string::npos;
  }
  EXPECT_TRUE(roles_note) << c.Dump();
  const json& api = FindEval(aliyun, "aliyun:saml-api");
  EXPECT_THAT(Names(Get(api, "context")), ElementsAre("session_duration_attribute"));
}

TEST(E2eIdpConfig, TerraformPlanOktaAndKeycloakApplications) {
  Checked c = Check({kPlan, "--target", "8h", "--scenario", "aws:saml-console"});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  ASSERT_EQ(c.Results().size(), 2u) << c.Dump();

  const json& okta = ResultWithPart(c, "/planned_values/root_module/resources/0");
  EXPECT_EQ(Get(okta, "idp"), "okta");
  EXPECT_EQ(Get(okta, "idp_client"), "okta_app_saml.aws");
  const json& okta_console =
      FindEval(okta, "aws:saml-console", "arn:aws:iam::123456789012:role/OktaReadOnly");
  EXPECT_EQ(Get(okta_console, "effective_seconds"), 28800);
  // okta_app_saml has no SessionNotOnOrAfter setting: not a factor, and said so.
  ExpectFactors(okta_console, {{"session_duration_attribute", 28800, false}});
  EXPECT_EQ(SourceLine(Factor(okta_console, "session_duration_attribute")),
            LineIn(kPlan, "\"28800\""));
  EXPECT_TRUE(Diags(okta, "lifetime-below-target").empty()) << "8h is not below 8h";
  EXPECT_GE(Diags(okta, "idp-value-unknown").size(), 2u);  // RoleSessionName, SessionNotOnOrAfter

  const json& keycloak = ResultWithPart(c, "/planned_values/root_module/resources/2");
  EXPECT_EQ(Get(keycloak, "idp"), "keycloak");
  EXPECT_EQ(Get(keycloak, "idp_client"), "keycloak_saml_client.aws");
  const json& kc_console = FindEval(keycloak, "aws:saml-console");
  ExpectFactors(kc_console, {{"session_duration_attribute", 7200, false},
                             {"session_not_on_or_after", 36000, false}});
  EXPECT_EQ(SourceLine(Factor(kc_console, "session_not_on_or_after")),
            LineIn(kPlan, "\"sso_session_max_lifespan\": \"10h0m0s\""));
  std::vector<json> below = Diags(keycloak, "lifetime-below-target");
  ASSERT_EQ(below.size(), 1u);
  EXPECT_EQ(LineOf(below[0]), LineIn(kPlan, "\"attribute.value\": \"7200\""));
  EXPECT_THAT(Get(below[0], "fix").get<std::string>(),
              HasSubstr("keycloak_generic_protocol_mapper.aws_session_duration"));
}

TEST(E2eIdpConfig, SamePlanStillDeclaresRolesWithDeclarations) {
  Checked c = Check(
      {kPlan, "--declarations", kPlan, "--scenario", "aws:saml-api", "--duration-seconds", "12h"});
  const json& keycloak = ResultWithPart(c, "/planned_values/root_module/resources/2");
  const json& api = FindEval(keycloak, "aws:saml-api");
  // aws_iam_role.keycloak_admin declares 43200, so 12 h is not refused.
  EXPECT_EQ(Get(api, "outcome"), "issued") << c.Dump();
  const json& max = FindNamed(api, "context", "role_max_session_duration");
  EXPECT_EQ(Get(max, "seconds"), 43200);
  EXPECT_THAT(Get(max, "declared_in").get<std::string>(), HasSubstr(kPlan));
}

TEST(E2eIdpConfig, PlanWithoutIdpResourcesIsNotAnIdpConfig) {
  Checked c = Check({"testdata/declarations/terraform-plan.json"});
  ASSERT_EQ(c.Results().size(), 1u);
  EXPECT_NE(Get(c.Result(0), "kind"), "idp-config");
}

}  // namespace
}  // namespace samlint::e2e
