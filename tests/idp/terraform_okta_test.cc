// idp/terraform_okta: okta_app_saml resources of a Terraform plan.
#include "idp/terraform_okta.h"

#include <gtest/gtest.h>

#include <string>

#include "support/idp_doc.h"

namespace samlint::idp {
namespace {

using samlint::testing::ParsedDoc;
using samlint::testing::SignInTime;

/// OktaApp on the resource whose values are `values` (and after_unknown `unknown`).
IdpConfigSplit Read(const std::string& values, const std::string& unknown = "{}") {
  const ParsedDoc doc(R"({"values":)" + values + R"(,"unknown":)" + unknown + "}");
  TfResource r;
  r.address = "okta_app_saml.aws";
  r.type = "okta_app_saml";
  r.resource = doc.root;
  r.values = doc_tree::Get(doc.root, "values");
  r.unknown = doc_tree::Get(doc.root, "unknown");
  IdpConfigSplit out;
  OktaApp(r, SignInTime(), out);
  return out;
}

constexpr const char* kRoleStatement =
    R"({"name":"https://aws.amazon.com/SAML/Attributes/Role","values":)";

TEST(TerraformOkta, LiteralAttributeValuesAreKnown) {
  const IdpConfigSplit out =
      Read(R"({"audience":"urn:amazon:webservices","sso_url":"https://signin.aws.amazon.com/saml",
               "attribute_statements":[)" +
           std::string(kRoleStatement) +
           R"(["\"arn:aws:iam::1:role/ops,arn:aws:iam::1:saml-provider/okta\""]}]})");
  ASSERT_EQ(out.parts.size(), 1u);
  const IdpConfigPart& part = out.parts[0];
  EXPECT_EQ(part.idp, "okta");
  EXPECT_FALSE(part.roles_unknown);
  const AssertionFact& a = part.facts.assertions[0];
  ASSERT_EQ(a.attributes.size(), 1u);
  EXPECT_EQ(a.attributes[0].values[0].value,
            "arn:aws:iam::1:role/ops,arn:aws:iam::1:saml-provider/okta");
  EXPECT_EQ(a.subject_confirmations[0].recipient.value, "https://signin.aws.amazon.com/saml");
  EXPECT_EQ(part.facts.destination.value, "https://signin.aws.amazon.com/saml");
  EXPECT_EQ(a.not_on_or_after.text, "2026-11-23T10:05:00Z") << "Okta's fixed five minutes";
  EXPECT_FALSE(a.authn_statements[0].session_not_on_or_after.present);
}

TEST(TerraformOkta, ExpressionsAndGroupFiltersAreComputed) {
  for (const std::string& statement : {std::string(kRoleStatement) + R"(["user.awsRole"]})",
                                       std::string(kRoleStatement) + R"(["x"],"type":"GROUP"})"}) {
    const IdpConfigSplit out = Read(R"({"attribute_statements":[)" + statement + "]}");
    ASSERT_EQ(out.parts.size(), 1u) << statement;
    EXPECT_TRUE(out.parts[0].roles_unknown) << statement;
    EXPECT_TRUE(out.parts[0].facts.assertions[0].attributes.empty()) << statement;
  }
}

TEST(TerraformOkta, ValuesKnownOnlyAfterApplyAreComputed) {
  const IdpConfigSplit out =
      Read(R"({"attribute_statements":[)" + std::string(kRoleStatement) + R"(["\"a\""]}]})",
           R"({"attribute_statements":[{"values":true}],"audience":true})");
  ASSERT_EQ(out.parts.size(), 1u);
  EXPECT_TRUE(out.parts[0].roles_unknown);
  EXPECT_TRUE(out.parts[0].audience_unknown);
  EXPECT_TRUE(out.parts[0].recipient_unknown);
}

TEST(TerraformOkta, AnAppWithoutCloudAttributesIsNotReported) {
  EXPECT_TRUE(Read(R"({"audience":"https://sp.example","attribute_statements":[
                      {"name":"email","values":["\"a@b\""]}]})")
                  .parts.empty());
}

TEST(TerraformOkta, AwsFederationAppTakesSessionDurationFromItsSettings) {
  const IdpConfigSplit out = Read(
      R"({"preconfigured_app":"amazon_aws","app_settings_json":"{\"sessionDuration\":3600}"})");
  ASSERT_EQ(out.parts.size(), 1u);
  const IdpConfigPart& part = out.parts[0];
  EXPECT_TRUE(part.roles_unknown);
  EXPECT_TRUE(part.role_session_name_unknown);
  const AssertionFact& a = part.facts.assertions[0];
  ASSERT_EQ(a.audiences.size(), 1u);
  EXPECT_EQ(a.audiences[0].value, "urn:amazon:webservices");
  ASSERT_EQ(a.attributes.size(), 1u);
  EXPECT_EQ(a.attributes[0].name, "https://aws.amazon.com/SAML/Attributes/SessionDuration");
  EXPECT_EQ(a.attributes[0].values[0].value, "3600");
}

TEST(TerraformOkta, SigningDefaultsToBothAndTheDigestCanBeSetApart) {
  const std::string role =
      R"("attribute_statements":[)" + std::string(kRoleStatement) + R"(["\"a\""]}])";
  const IdpConfigSplit defaults = Read("{" + role + "}");
  ASSERT_EQ(defaults.parts.size(), 1u);
  EXPECT_TRUE(defaults.parts[0].signing.response_signed);
  EXPECT_TRUE(defaults.parts[0].signing.assertion_signed);
  EXPECT_EQ(defaults.parts[0].signing.algorithm, "rsa-sha256");
  const IdpConfigSplit set = Read("{" + role +
                                  R"(,"assertion_signed":false,"signature_algorithm":"RSA_SHA1",
                                  "digest_algorithm":"SHA256"})");
  ASSERT_EQ(set.parts.size(), 1u);
  EXPECT_TRUE(set.parts[0].signing.response_signed);
  EXPECT_FALSE(set.parts[0].signing.assertion_signed);
  EXPECT_EQ(set.parts[0].signing.algorithm, "rsa-sha1");
  EXPECT_EQ(set.parts[0].signing.digest, "sha256");
}

}  // namespace
}  // namespace samlint::idp
