// pipeline/idp: an IdP configuration's applications judged as the responses
// they make the IdP send (CheckIdpConfig), on testdata/idp/keycloak-realm.json.
#include "pipeline/idp.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/prepared_input.h"
#include "rules/rule_test_util.h"
#include "support/testdata.h"

namespace samlint {
namespace {

using testing::ReadTestdata;

constexpr std::size_t kAwsSignedBoth = 0;     // urn:amazon:webservices
constexpr std::size_t kAwsResponseSha1 = 1;   // https://signin.aws.amazon.com/saml
constexpr std::size_t kAliyunSignedBoth = 2;  // urn:alibaba:cloudcomputing:international

// The realm export's SAML clients, read as of the sign-in instant of `options`.
struct Realm {
  explicit Realm(const CheckOptions& options = {})
      : bytes(ReadTestdata("idp/keycloak-realm.json")),
        split(ReadIdpConfig(bytes, SignInInstant(options))) {
    EXPECT_TRUE(split.recognised);
    EXPECT_GE(split.parts.size(), 3U) << split.error;
  }
  // The result of the one part `index`, possibly edited first.
  CheckResult Judge(std::size_t index, const CheckOptions& options = {}) const {
    IdpConfigSplit one = split;
    one.parts = {split.parts.at(index)};
    std::vector<CheckResult> results = CheckIdpConfig("realm.json", bytes, one, options);
    EXPECT_EQ(results.size(), 1U);
    return results.empty() ? CheckResult{} : results.front();
  }

  std::string bytes;
  IdpConfigSplit split;
};

TEST(CheckIdpConfig, GivesOneResultPerApplication) {
  Realm realm;
  std::vector<CheckResult> results = CheckIdpConfig("realm.json", realm.bytes, realm.split, {});
  ASSERT_EQ(results.size(), realm.split.parts.size());
  for (std::size_t i = 0; i < results.size(); ++i) {
    EXPECT_EQ(results[i].kind, ResultKind::kIdpConfig);
    EXPECT_EQ(results[i].input, "realm.json");
    EXPECT_EQ(results[i].idp, "keycloak");
    EXPECT_EQ(results[i].idp_client, realm.split.parts[i].name);
    EXPECT_EQ(results[i].part, realm.split.parts[i].pointer);
  }
}

TEST(CheckIdpConfig, ASignedConfigurationIsNotCheckedButItsValuesCountAsSigned) {
  CheckResult r = Realm().Judge(kAwsSignedBoth);
  EXPECT_EQ(r.cloud, Cloud::kAws);
  ASSERT_TRUE(r.signature.has_value());
  EXPECT_EQ(r.signature->status, "not-checked");
  EXPECT_EQ(r.signature->algorithm, "rsa-sha256");
  EXPECT_TRUE(HasRule(r, "signature-not-checked")) << Describe(r);
  EXPECT_FALSE(HasRule(r, "assertion-not-signed")) << Describe(r);
  EXPECT_FALSE(HasRule(r, "signature-missing")) << Describe(r);
}

TEST(CheckIdpConfig, SigningOnlyTheResponseWithSha1IsReported) {
  CheckResult r = Realm().Judge(kAwsResponseSha1);
  const Diagnostic* not_signed = FindDiagnostic(r, "assertion-not-signed");
  ASSERT_NE(not_signed, nullptr) << Describe(r);
  EXPECT_NE(not_signed->severity, Severity::kError);  // AWS accepts a signed Response
  EXPECT_TRUE(HasRule(r, "signature-weak-algorithm")) << Describe(r);
}

TEST(CheckIdpConfig, AnUnsignedAssertionIsAnErrorForAlibabaCloud) {
  Realm realm;
  realm.split.parts[kAliyunSignedBoth].signing.assertion_signed = false;
  CheckResult r = realm.Judge(kAliyunSignedBoth);
  EXPECT_EQ(r.cloud, Cloud::kAliyun);
  const Diagnostic* not_signed = FindDiagnostic(r, "assertion-not-signed");
  ASSERT_NE(not_signed, nullptr) << Describe(r);
  EXPECT_EQ(not_signed->severity, Severity::kError);
}

TEST(CheckIdpConfig, SigningNothingIsASignatureMissingError) {
  Realm realm;
  realm.split.parts[kAwsSignedBoth].signing.response_signed = false;
  realm.split.parts[kAwsSignedBoth].signing.assertion_signed = false;
  CheckResult r = realm.Judge(kAwsSignedBoth);
  const Diagnostic* missing = FindDiagnostic(r, "signature-missing");
  ASSERT_NE(missing, nullptr) << Describe(r);
  EXPECT_EQ(missing->severity, Severity::kError);
  EXPECT_FALSE(HasRule(r, "signature-not-checked")) << Describe(r);
  ASSERT_TRUE(r.signature.has_value());
  EXPECT_FALSE(r.signature->algorithm.has_value());
  for (const RolePair& role : r.roles) EXPECT_EQ(role.is_signed, false) << role.role;
}

TEST(CheckIdpConfig, TheCloudOptionOverridesDetection) {
  CheckOptions options;
  options.cloud = Cloud::kAliyun;
  EXPECT_EQ(Realm().Judge(kAwsSignedBoth, options).cloud, Cloud::kAliyun);
}

TEST(CheckIdpConfig, NoTimeOfUseIsReportedWithoutNow) {
  CheckResult r = Realm().Judge(kAwsSignedBoth);
  EXPECT_FALSE(r.t_use.has_value());
  EXPECT_TRUE(r.t_use_source.empty());
  EXPECT_TRUE(r.assertion_id.empty());
  EXPECT_TRUE(r.subject.empty());
}

TEST(CheckIdpConfig, NowIsTheSignInTime) {
  CheckOptions options;
  options.now = Utc("2026-11-23T10:00:00Z");
  CheckResult r = Realm(options).Judge(kAwsSignedBoth, options);
  EXPECT_EQ(r.t_use, options.now);
  EXPECT_EQ(r.t_use_source, "--now (as the sign-in time)");
}

TEST(CheckIdpConfig, ValuesLeftToSignInAreUnknownNotMissing) {
  Realm realm;
  IdpConfigPart& part = realm.split.parts[kAwsSignedBoth];
  part.facts.assertions.front().attributes.clear();  // no Role, no RoleSessionName
  part.roles_unknown = part.role_session_name_unknown = true;
  part.unknowns = {{"The Role values come from the user's group mappers.", 0}};
  CheckResult r = realm.Judge(kAwsSignedBoth);
  EXPECT_FALSE(HasRule(r, "role-attribute-missing")) << Describe(r);
  EXPECT_FALSE(HasRule(r, "role-session-name-missing")) << Describe(r);
  const Diagnostic* unknown = FindDiagnostic(r, "idp-value-unknown");
  ASSERT_NE(unknown, nullptr) << Describe(r);
  EXPECT_EQ(unknown->message, "The Role values come from the user's group mappers.");
}

TEST(CheckIdpConfig, DocumentFactorsNameTheSettingThatDeclaresThem) {
  Realm realm;
  realm.split.parts[kAwsSignedBoth].session_not_on_or_after_where = "the realm's SSO Session Max";
  CheckResult r = realm.Judge(kAwsSignedBoth);
  int named = 0;
  for (const Evaluation& e : r.evaluations) {
    for (const auto* list : {&e.factors, &e.context}) {
      for (const Factor& f : *list) {
        if (f.name != FactorName::kSessionNotOnOrAfter) continue;
        EXPECT_EQ(f.configured_by, "the realm's SSO Session Max");
        ++named;
      }
    }
  }
  EXPECT_GT(named, 0) << Describe(r);
}

TEST(CheckIdpConfig, AConfigurationThatReachedALimitIsLimitExceeded) {
  IdpConfigSplit split;
  split.recognised = true;
  split.limit = "json-nodes";
  split.error = "too big";
  std::vector<CheckResult> results = CheckIdpConfig("realm.json", "{}", split, {});
  ASSERT_EQ(results.size(), 1U);
  EXPECT_TRUE(HasRule(results[0], "limit-exceeded")) << Describe(results[0]);
}

TEST(CheckIdpConfig, AConfigurationWithoutApplicationsIsUnreadable) {
  IdpConfigSplit split;
  split.recognised = true;
  split.error = "no SAML client";
  std::vector<CheckResult> results = CheckIdpConfig("realm.json", "{}", split, {});
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].kind, ResultKind::kUnreadable);
  EXPECT_TRUE(HasRule(results[0], "input-unreadable")) << Describe(results[0]);
}

}  // namespace
}  // namespace samlint
