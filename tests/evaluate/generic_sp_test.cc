// saml:generic, any SAML 2.0 service provider (more-clouds.md § Generic SAML
// 2.0 service provider; issue #14 item 1): factors session_not_on_or_after and
// a declared sp_session_limit; rejected when a delivery check fails (validity
// windows, Recipient and Audience of a declared SP, an unsigned POST response
// where a signature is required).
#include "support/generic_sp.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "support/saml_builder.h"

using samlint::testing::GenericSpBuilder;
using samlint::testing::SamlBuilder;

namespace {

const samlint::Evaluation& Generic(const samlint::CheckResult& result) {
  static const samlint::Evaluation kNone;
  const samlint::Evaluation* e = FindEvaluation(result, samlint::ScenarioId::kSamlGeneric);
  EXPECT_NE(e, nullptr) << Describe(result);
  return e != nullptr ? *e : kNone;
}

bool RejectedBy(const samlint::Evaluation& e, std::string_view rule) {
  return e.outcome == samlint::Outcome::kRejected &&
         std::find(e.rejected_by.begin(), e.rejected_by.end(), rule) != e.rejected_by.end();
}

}  // namespace

TEST(GenericSp, UndetectedCloudIsEvaluatedAsGeneric) {
  const std::string xml = GenericSpBuilder().Build();
  const samlint::CheckResult result = CheckXml(xml);
  EXPECT_FALSE(result.cloud.has_value());
  EXPECT_TRUE(result.cloud_undetected);
  ASSERT_EQ(result.evaluations.size(), 1u) << Describe(result);
  const samlint::Evaluation& e = Generic(result);
  EXPECT_EQ(e.outcome, samlint::Outcome::kIssued);
  // IssueInstant 10:00, SessionNotOnOrAfter 18:00.
  EXPECT_EQ(e.effective_seconds, std::optional<std::int64_t>(8 * 3600));
  ASSERT_EQ(e.binding.size(), 1u);
  EXPECT_EQ(e.binding[0], samlint::FactorName::kSessionNotOnOrAfter);
  EXPECT_FALSE(e.role.has_value());
  EXPECT_TRUE(result.roles.empty());
  EXPECT_FALSE(HasRule(result, "role-attribute-missing")) << "a generic SP has no Role";
  EXPECT_FALSE(HasRule(result, "audience-mismatch")) << "no SP declared";
  EXPECT_FALSE(HasRule(result, "recipient-mismatch")) << "no SP declared";
}

TEST(GenericSp, DeclaredSpSessionLimitBindsWhenShorter) {
  samlint::CheckOptions options;
  options.sp_session_limit = 2 * 3600;
  options.target = 4 * 3600;
  const samlint::CheckResult result = CheckXml(GenericSpBuilder().Build(), options);
  const samlint::Evaluation& e = Generic(result);
  EXPECT_EQ(e.effective_seconds, std::optional<std::int64_t>(7200));
  ASSERT_EQ(e.binding.size(), 1u);
  EXPECT_EQ(e.binding[0], samlint::FactorName::kSpSessionLimit);
  const samlint::Factor* f = FindFactor(e, samlint::FactorName::kSpSessionLimit);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->origin, samlint::FactorOrigin::kDeclared);
  EXPECT_EQ(f->via, "--sp-session-limit");
  EXPECT_FALSE(f->is_signed.has_value());
  const samlint::Diagnostic* below =
      ExpectOne(result, "lifetime-below-target", samlint::Severity::kError);
  ASSERT_NE(below, nullptr);
  ExpectMessageHas(*below, {"sp_session_limit binds"});
  EXPECT_THAT(below->fix, ::testing::HasSubstr("--sp-session-limit"));
}

TEST(GenericSp, SpSessionLimitIsNeverAssumed) {
  const samlint::CheckResult result = CheckXml(GenericSpBuilder().Build());
  EXPECT_EQ(FindFactor(Generic(result), samlint::FactorName::kSpSessionLimit), nullptr);
  EXPECT_FALSE(HasRule(result, "assumed-default")) << Describe(result);
}

TEST(GenericSp, CloudGenericIsDeclaredNotUndetected) {
  samlint::CheckOptions options;
  options.cloud = samlint::Cloud::kGeneric;
  const samlint::CheckResult result = CheckXml(GenericSpBuilder().Build(), options);
  EXPECT_EQ(result.cloud, std::optional<samlint::Cloud>(samlint::Cloud::kGeneric));
  EXPECT_FALSE(HasRule(result, "cloud-undetected"));
  EXPECT_EQ(Generic(result).outcome, samlint::Outcome::kIssued);
}

TEST(GenericSp, ScenarioGenericOnACloudResponse) {
  samlint::CheckOptions options;
  options.scenarios = {samlint::ScenarioId::kSamlGeneric};
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);
  ASSERT_EQ(result.evaluations.size(), 1u) << Describe(result);
  EXPECT_EQ(Generic(result).effective_seconds, std::optional<std::int64_t>(8 * 3600));
  EXPECT_FALSE(HasRule(result, "cloud-undetected"));
}

TEST(GenericSp, ExpiredOrNotYetValidIsRejected) {
  const std::string xml = GenericSpBuilder().Build();
  // NotOnOrAfter 10:05 + 3m skew.
  const samlint::CheckResult late = CheckXml(xml, OptionsAt("2026-11-23T10:08:00Z"));
  EXPECT_TRUE(RejectedBy(Generic(late), "assertion-expired")) << Describe(late);
  EXPECT_FALSE(Generic(late).effective_seconds.has_value());
  const samlint::Diagnostic* d = FindDiagnostic(late, "assertion-expired");
  ASSERT_NE(d, nullptr);
  ExpectMessageHas(*d, {"the service provider refuses it"});
  EXPECT_THAT(d->message, ::testing::Not(::testing::HasSubstr("Response has expired")));
  // Within the skew: still delivered.
  const samlint::CheckResult in_skew = CheckXml(xml, OptionsAt("2026-11-23T10:07:59Z"));
  EXPECT_EQ(Generic(in_skew).outcome, samlint::Outcome::kIssued) << Describe(in_skew);
  // NotBefore 09:55 - 3m skew.
  const samlint::CheckResult early = CheckXml(xml, OptionsAt("2026-11-23T09:51:00Z"));
  EXPECT_TRUE(RejectedBy(Generic(early), "assertion-not-yet-valid")) << Describe(early);
}

TEST(GenericSp, DeclaredRecipientAndAudienceAreChecked) {
  const std::string xml = GenericSpBuilder().Build();
  samlint::CheckOptions right;
  right.sp_entity_id = "https://sp.example.com/metadata";
  right.sp_acs_url = "https://sp.example.com/acs";
  const samlint::CheckResult ok = CheckXml(xml, right);
  EXPECT_EQ(Generic(ok).outcome, samlint::Outcome::kIssued) << Describe(ok);
  EXPECT_FALSE(HasRule(ok, "recipient-mismatch"));
  EXPECT_FALSE(HasRule(ok, "audience-mismatch"));
  EXPECT_FALSE(HasRule(ok, "destination-mismatch"));

  samlint::CheckOptions wrong;
  wrong.sp_entity_id = "https://other.example.com/metadata";
  wrong.sp_acs_url = "https://other.example.com/acs";
  const samlint::CheckResult bad = CheckXml(xml, wrong);
  const samlint::Evaluation& e = Generic(bad);
  EXPECT_TRUE(RejectedBy(e, "recipient-mismatch")) << Describe(bad);
  EXPECT_TRUE(RejectedBy(e, "audience-mismatch")) << Describe(bad);
  const samlint::Diagnostic* r =
      ExpectOneWithin(bad, xml, "recipient-mismatch", samlint::Severity::kError, "Recipient=");
  ASSERT_NE(r, nullptr);
  ExpectMessageHas(*r, {"https://sp.example.com/acs", "https://other.example.com/acs"});
  const samlint::Diagnostic* a = ExpectOneWithin(
      bad, xml, "audience-mismatch", samlint::Severity::kError, "https://sp.example.com/metadata");
  ASSERT_NE(a, nullptr);
  ExpectMessageHas(*a, {"https://other.example.com/metadata"});
  EXPECT_NE(ExpectOne(bad, "destination-mismatch", samlint::Severity::kWarning), nullptr);
}

TEST(GenericSp, UnsignedPostResponseIsRejectedWhenASignatureIsRequired) {
  const std::string xml = GenericSpBuilder().Build();
  samlint::CheckOptions require;
  require.require_signature = true;
  const samlint::CheckResult result = CheckXml(xml, require);
  EXPECT_TRUE(RejectedBy(Generic(result), "signature-missing")) << Describe(result);
  // Without a trust anchor or --require-signature, signature-missing is a note
  // (cli-contract.md), and a note does not reject.
  const samlint::CheckResult lenient = CheckXml(xml);
  EXPECT_EQ(Generic(lenient).outcome, samlint::Outcome::kIssued) << Describe(lenient);
  EXPECT_TRUE(HasRule(lenient, "signature-missing"));
}

TEST(GenericSp, ArtifactBindingNeedsNoSignature) {
  // Inside a SOAP envelope (the artifact binding resolves over SOAP) the POST
  // rule does not apply (SAML Profiles §4.1.4.5 is about POST).
  std::string xml = GenericSpBuilder().Build();
  if (xml.starts_with("<?xml")) xml.erase(0, xml.find("?>") + 2);
  const std::string soap =
      "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>" + xml +
      "</soap:Body></soap:Envelope>";
  samlint::CheckOptions require;
  require.require_signature = true;
  const samlint::CheckResult result = CheckXml(soap, require);
  EXPECT_TRUE(HasRule(result, "signature-missing")) << Describe(result);
  EXPECT_EQ(Generic(result).outcome, samlint::Outcome::kIssued) << Describe(result);
}

TEST(GenericSp, SpOptionsAreIgnoredByCloudScenarios) {
  samlint::CheckOptions options;
  options.sp_session_limit = 3600;
  options.sp_entity_id.emplace("https://sp.example.com/metadata");
  const samlint::CheckResult result = CheckXml(SamlBuilder{}.Build(), options);
  const auto ignored = DiagnosticsWithRule(result, "option-ignored");
  ASSERT_EQ(ignored.size(), 2u) << Describe(result);
  ExpectMessageHas(*ignored[0], {"--sp-session-limit"});
  ExpectMessageHas(*ignored[1], {"--sp-entity-id"});
  // ... and read by saml:generic.
  const samlint::CheckResult generic = CheckXml(GenericSpBuilder().Build(), options);
  EXPECT_FALSE(HasRule(generic, "option-ignored")) << Describe(generic);
}
