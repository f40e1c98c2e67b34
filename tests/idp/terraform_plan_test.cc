// idp/terraform_plan: finding the SAML applications of a Terraform plan and
// matching mappers and realms to their clients.
#include "idp/terraform_plan.h"

#include <gtest/gtest.h>

#include <string>

#include "support/idp_doc.h"

namespace samlint::idp {
namespace {

using samlint::testing::ParsedDoc;
using samlint::testing::SignInTime;

constexpr const char* kRole = R"("https://aws.amazon.com/SAML/Attributes/Role")";

std::string HardcodedRoleMapper(const std::string& address, const std::string& name) {
  return R"({"address":")" + address + R"(","type":"keycloak_generic_protocol_mapper","name":")" +
         name +
         R"(","values":{"protocol_mapper":"saml-hardcode-attribute-mapper","config":{"attribute.name":)" +
         kRole + R"(,"attribute.value":"arn:aws:iam::1:role/)" + name +
         R"(,arn:aws:iam::1:saml-provider/k"}}})";
}

std::string Client(const std::string& address, const std::string& client_id) {
  return R"({"address":")" + address +
         R"(","type":"keycloak_saml_client","name":"c","values":{"client_id":")" + client_id +
         R"(","assertion_consumer_post_url":"https://signin.aws.amazon.com/saml"}})";
}

TEST(TerraformPlan, IsTerraformPlanNeedsAFormatVersionAndValues) {
  EXPECT_TRUE(IsTerraformPlan(ParsedDoc(R"({"format_version":"1.2","planned_values":{}})").root));
  EXPECT_TRUE(IsTerraformPlan(ParsedDoc(R"({"format_version":"1.0","values":{}})").root));
  EXPECT_TRUE(IsTerraformPlan(ParsedDoc(R"({"format_version":"1.2","resource_changes":[]})").root));
  EXPECT_FALSE(IsTerraformPlan(ParsedDoc(R"({"planned_values":{}})").root));
  EXPECT_FALSE(IsTerraformPlan(ParsedDoc(R"({"format_version":"1.2"})").root));
  EXPECT_FALSE(IsTerraformPlan(ParsedDoc(R"([1])").root));
}

TEST(TerraformPlan, UnknownAtReadsAfterUnknown) {
  const ParsedDoc doc(R"({"audience":true,"recipient":false})");
  EXPECT_TRUE(UnknownAt(doc.root, "audience"));
  EXPECT_FALSE(UnknownAt(doc.root, "recipient"));
  EXPECT_FALSE(UnknownAt(doc.root, "missing"));
  EXPECT_FALSE(UnknownAt(nullptr, "audience"));
}

TEST(TerraformPlan, PlanAppNamesTheResource) {
  TfResource r;
  r.address = "okta_app_saml.aws";
  r.pointer = "/planned_values/root_module/resources/0";
  const App app = PlanApp(r, "okta");
  EXPECT_EQ(app.part.idp, "okta");
  EXPECT_EQ(app.part.origin, "Terraform plan");
  EXPECT_EQ(app.part.name, "okta_app_saml.aws");
  EXPECT_EQ(app.part.pointer, "/planned_values/root_module/resources/0");
}

TEST(TerraformPlan, ResourcesOfChildModulesAndChangesAreReadOnce) {
  const std::string change_after =
      R"({"client_id":"urn:amazon:webservices","assertion_consumer_post_url":"https://signin.aws.amazon.com/saml"})";
  const ParsedDoc doc(
      R"({"format_version":"1.2","planned_values":{"root_module":{"child_modules":[{"resources":[)" +
      Client("module.a.keycloak_saml_client.aws", "urn:amazon:webservices") +
      R"(]}]}},"resource_changes":[
        {"address":"module.a.keycloak_saml_client.aws","type":"keycloak_saml_client","change":{"after":)" +
      change_after + R"(}},
        {"address":"keycloak_saml_client.other","type":"keycloak_saml_client","change":{"after":)" +
      change_after + R"(}}]})");
  IdpConfigSplit out;
  TerraformPlan(doc.root, SignInTime(), out);
  ASSERT_EQ(out.parts.size(), 2u);
  EXPECT_EQ(out.parts[0].name, "module.a.keycloak_saml_client.aws");
  EXPECT_EQ(out.parts[0].pointer, "/planned_values/root_module/child_modules/0/resources/0");
  EXPECT_EQ(out.parts[1].name, "keycloak_saml_client.other");
  EXPECT_EQ(out.parts[1].pointer, "/resource_changes/1");
}

TEST(TerraformPlan, ASingleClientTakesEveryMapper) {
  const ParsedDoc doc(R"({"format_version":"1.2","planned_values":{"root_module":{"resources":[)" +
                      Client("keycloak_saml_client.aws", "urn:amazon:webservices") + "," +
                      HardcodedRoleMapper("keycloak_generic_protocol_mapper.ops", "ops") +
                      R"(]}}})");
  IdpConfigSplit out;
  TerraformPlan(doc.root, SignInTime(), out);
  ASSERT_EQ(out.parts.size(), 1u);
  const IdpConfigPart& part = out.parts[0];
  EXPECT_EQ(part.idp, "keycloak");
  EXPECT_EQ(part.name, "keycloak_saml_client.aws");
  EXPECT_EQ(part.pointer, "/planned_values/root_module/resources/0");
  ASSERT_EQ(part.facts.assertions.size(), 1u);
  ASSERT_EQ(part.facts.assertions[0].attributes.size(), 1u);
  EXPECT_EQ(part.facts.assertions[0].attributes[0].values[0].value,
            "arn:aws:iam::1:role/ops,arn:aws:iam::1:saml-provider/k");
}

TEST(TerraformPlan, WithSeveralClientsMappersFollowTheirReferences) {
  const std::string resources = Client("keycloak_saml_client.a", "urn:amazon:webservices") + "," +
                                Client("keycloak_saml_client.b", "urn:amazon:webservices") + "," +
                                HardcodedRoleMapper("keycloak_generic_protocol_mapper.for_b", "b");
  const ParsedDoc doc(
      R"({"format_version":"1.2","planned_values":{"root_module":{"resources":[)" + resources +
      R"(]}},"configuration":{"root_module":{"resources":[{"address":"keycloak_generic_protocol_mapper.for_b",
      "expressions":{"client_id":{"references":["keycloak_saml_client.b.id","keycloak_saml_client.b"]}}}]}}})");
  IdpConfigSplit out;
  TerraformPlan(doc.root, SignInTime(), out);
  ASSERT_EQ(out.parts.size(), 2u);
  EXPECT_EQ(out.parts[0].name, "keycloak_saml_client.a");
  EXPECT_TRUE(out.parts[0].facts.assertions[0].attributes.empty());
  EXPECT_EQ(out.parts[1].name, "keycloak_saml_client.b");
  EXPECT_EQ(out.parts[1].facts.assertions[0].attributes.size(), 1u);
}

}  // namespace
}  // namespace samlint::idp
