// idp/idp_app: what the IdP configuration readers share — number and
// algorithm spellings, the attributes an application sends, and the facts of
// the response it would sign.
#include "idp/idp_app.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "samlint/timestamp.h"

namespace samlint::idp {
namespace {

const std::string kAwsRole = std::string(kAwsAttributePrefix) + "Role";
const std::string kAwsDuration = std::string(kAwsAttributePrefix) + "SessionDuration";

Timestamp Issued() { return ParseDateTime("2026-11-23T10:00:00Z").value_or(Timestamp{}); }

TEST(IdpApp, WholeSecondsTakesUpToTwelveDigitsBetweenSpaces) {
  EXPECT_EQ(WholeSeconds(" 3600 "), std::optional<std::int64_t>(3600));
  EXPECT_EQ(WholeSeconds("999999999999"), std::optional<std::int64_t>(999'999'999'999));
  EXPECT_EQ(WholeSeconds("1000000000000"), std::nullopt);
  EXPECT_EQ(WholeSeconds(""), std::nullopt);
  EXPECT_EQ(WholeSeconds("-1"), std::nullopt);
  EXPECT_EQ(WholeSeconds("10h"), std::nullopt);
}

TEST(IdpApp, AlgorithmNamesGivesTheReportSpellingAndDigest) {
  EXPECT_EQ(AlgorithmNames("RSA_SHA256"),
            std::make_pair(std::string("rsa-sha256"), std::string("sha256")));
  EXPECT_EQ(AlgorithmNames("RSA_SHA1"),
            std::make_pair(std::string("rsa-sha1"), std::string("sha1")));
  EXPECT_EQ(AlgorithmNames("RSA_SHA512_MGF1"),
            std::make_pair(std::string("rsa-sha512"), std::string("sha512")));
  EXPECT_EQ(AlgorithmNames("ECDSA_SHA256"),
            std::make_pair(std::string("ecdsa-sha256"), std::string("sha256")));
  EXPECT_EQ(AlgorithmNames("HMAC_SHA256"),
            std::make_pair(std::string("hmac_sha256"), std::string()));
  EXPECT_EQ(DigestName("SHA256"), "sha256");
}

TEST(IdpApp, QuoteShortensLongValues) {
  EXPECT_EQ(Quote("aws"), "\"aws\"");
  EXPECT_LT(Quote(std::string(500, 'x')).size(), 100u);
}

TEST(IdpApp, SendAttributeKeepsOnlyTheCloudAttributes) {
  App app;
  const std::vector<std::pair<std::string, std::size_t>> values{{"arn:aws:iam::1:role/a", 7}};
  SendAttribute(app, "email", 1, &values, "mapper");
  EXPECT_TRUE(app.attributes.empty());
  EXPECT_FALSE(app.sends_cloud_attribute);
  SendAttribute(app, kAwsRole, 3, &values, "mapper");
  ASSERT_EQ(app.attributes.size(), 1u);
  EXPECT_TRUE(app.sends_cloud_attribute);
  EXPECT_EQ(app.attributes[0].name, kAwsRole);
  EXPECT_EQ(app.attributes[0].offset, 3u);
  ASSERT_EQ(app.attributes[0].values.size(), 1u);
  EXPECT_EQ(app.attributes[0].values[0].value, "arn:aws:iam::1:role/a");
  EXPECT_EQ(app.attributes[0].values[0].offset, 7u);
  EXPECT_TRUE(app.part.unknowns.empty());
}

TEST(IdpApp, SendAttributeNotesAComputedValueAsUnknown) {
  App app;
  SendAttribute(app, kAwsRole, 5, nullptr, "Keycloak mapper \"role\"");
  EXPECT_TRUE(app.attributes.empty());
  EXPECT_TRUE(app.sends_cloud_attribute);
  EXPECT_TRUE(app.part.roles_unknown);
  EXPECT_FALSE(app.part.role_session_name_unknown);
  ASSERT_EQ(app.part.unknowns.size(), 1u);
  EXPECT_EQ(app.part.unknowns[0].offset, 5u);
  EXPECT_NE(app.part.unknowns[0].message.find("Keycloak mapper \"role\" computes " + kAwsRole),
            std::string::npos)
      << app.part.unknowns[0].message;
}

TEST(IdpApp, SendAttributeRemembersWhereTheFirstSessionDurationIsSet) {
  App app;
  const std::vector<std::pair<std::string, std::size_t>> values{{"3600", 1}};
  SendAttribute(app, kAwsDuration, 1, &values, "first");
  SendAttribute(app, kAwsDuration, 2, &values, "second");
  EXPECT_EQ(app.part.session_duration_where, "first");
  EXPECT_EQ(app.attributes.size(), 2u);
}

TEST(IdpApp, SignatureAlgorithmDefaultsToRsaSha256AtTheFallback) {
  App app;
  SetSignatureAlgorithm(app, nullptr, nullptr);
  EXPECT_EQ(app.part.signing.algorithm, "rsa-sha256");
  EXPECT_EQ(app.part.signing.digest, "sha256");
  EXPECT_EQ(app.part.signing.algorithm_offset, 0u);
}

TEST(IdpApp, OnlyApplicationsForACloudAreReported) {
  App app;
  EXPECT_FALSE(SendsToACloud(app));
  app.audience = "https://sp.example";
  EXPECT_FALSE(SendsToACloud(app));
  app.audience = "urn:alibaba:cloudcomputing";
  EXPECT_TRUE(SendsToACloud(app));
  App sender;
  sender.sends_cloud_attribute = true;
  EXPECT_TRUE(SendsToACloud(sender));
}

TEST(IdpApp, FinishMeasuresEveryWindowFromTheIssueInstant) {
  App app;
  app.offset = 10;
  app.audience = "urn:amazon:webservices";
  app.recipient = app.destination = "https://signin.aws.amazon.com/saml";
  app.conditions_lifespan = 60;
  app.subject_lifespan = 300;
  app.session_max = 36000;
  app.part.signing.assertion_signed = true;
  const IdpConfigPart part = Finish(std::move(app), Issued());
  const ResponseFacts& f = part.facts;
  EXPECT_TRUE(f.is_response);
  EXPECT_TRUE(f.has_any_signature);
  EXPECT_EQ(f.status_code.value, "urn:oasis:names:tc:SAML:2.0:status:Success");
  EXPECT_EQ(f.destination.value, "https://signin.aws.amazon.com/saml");
  ASSERT_EQ(f.assertions.size(), 1u);
  const AssertionFact& a = f.assertions[0];
  EXPECT_EQ(a.issue_instant.text, "2026-11-23T10:00:00Z");
  EXPECT_EQ(a.not_on_or_after.text, "2026-11-23T10:01:00Z");
  ASSERT_EQ(a.audiences.size(), 1u);
  EXPECT_EQ(a.audiences[0].value, "urn:amazon:webservices");
  ASSERT_EQ(a.subject_confirmations.size(), 1u);
  EXPECT_EQ(a.subject_confirmations[0].not_on_or_after.text, "2026-11-23T10:05:00Z");
  EXPECT_EQ(a.subject_confirmations[0].recipient.value, "https://signin.aws.amazon.com/saml");
  ASSERT_EQ(a.authn_statements.size(), 1u);
  EXPECT_EQ(a.authn_statements[0].session_not_on_or_after.text, "2026-11-23T20:00:00Z");
}

TEST(IdpApp, FinishWithoutAuthnStatementOrSessionMax) {
  App without_statement;
  without_statement.authn_statement = false;
  EXPECT_TRUE(
      Finish(std::move(without_statement), Issued()).facts.assertions[0].authn_statements.empty());
  App without_max;
  const IdpConfigPart part = Finish(std::move(without_max), Issued());
  ASSERT_EQ(part.facts.assertions[0].authn_statements.size(), 1u);
  EXPECT_FALSE(part.facts.assertions[0].authn_statements[0].session_not_on_or_after.present);
  EXPECT_FALSE(part.facts.has_any_signature);
  EXPECT_FALSE(part.facts.destination.present);
}

}  // namespace
}  // namespace samlint::idp
