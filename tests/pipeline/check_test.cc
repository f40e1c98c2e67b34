// pipeline/check: CheckBytes, ReadResponse and JudgeResponse on one input, and
// the option-only entry points (CheckDeclarations, DeclarationsResult,
// ValidateOptions, UnreadableInput).
#include "samlint/check.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <variant>

#include "pipeline/response_read.h"
#include "rules/rule_test_util.h"
#include "support/generic_sp.h"
#include "support/saml_builder.h"
#include "support/trust_fixture.h"

namespace samlint {
namespace {

using testing::GenericSpBuilder;
using testing::ReadTrustFixture;
using testing::SamlBuilder;
using testing::WithCert;

std::shared_ptr<const ResponseRead> Read(const std::string& xml, const CheckOptions& options) {
  auto read = ReadResponse("x.xml", xml, options);
  auto* kept = std::get_if<std::shared_ptr<const ResponseRead>>(&read);
  EXPECT_NE(kept, nullptr) << Describe(std::get<CheckResult>(read));
  return kept != nullptr ? *kept : nullptr;
}

TEST(CheckBytes, ReadsACleanAwsResponse) {
  CheckResult r = CheckXml(SamlBuilder{}.Build());
  EXPECT_EQ(r.kind, ResultKind::kSamlResponse) << Describe(r);
  EXPECT_EQ(r.input, "test.xml");
  EXPECT_EQ(r.encoding, "xml");
  EXPECT_EQ(r.cloud, Cloud::kAws);
  EXPECT_EQ(r.assertion_id, "_a1");
  EXPECT_EQ(r.issuer, "https://idp.example.com");
  ASSERT_EQ(r.roles.size(), 1U);
  EXPECT_EQ(r.roles[0].role, kAwsOpsRole);
  EXPECT_NE(FindEvaluation(r, ScenarioId::kAwsSamlConsole), nullptr);
  EXPECT_NE(FindEvaluation(r, ScenarioId::kAwsSamlApi), nullptr);
  EXPECT_EQ(r.evaluations.size(), 2U);
  EXPECT_NE(r.response, nullptr);  // kept for joining audit events
  EXPECT_GT(r.work.xml_nodes, 0U);
}

TEST(CheckBytes, TimeOfUseIsTheAssertionsIssueInstant) {
  CheckResult r = CheckXml(SamlBuilder{}.Build());
  EXPECT_EQ(r.t_use_source, "Assertion/@IssueInstant");
  EXPECT_EQ(r.t_use, Utc("2026-11-23T10:00:00Z"));
}

TEST(CheckBytes, NowOverridesTheDocumentsTimeOfUse) {
  CheckOptions options;
  options.now = Utc("2026-11-23T12:00:00Z");
  CheckResult r = CheckXml(SamlBuilder{}.Build(), options);
  EXPECT_EQ(r.t_use_source, "--now");
  EXPECT_EQ(r.t_use, options.now);
}

TEST(CheckBytes, TimeOfUseFallsBackToTheResponsesIssueInstant) {
  SamlBuilder b;
  b.issue_instant = "";  // the Assertion has none
  b.response_issue_instant = "2026-11-23T10:01:00Z";
  CheckResult r = CheckXml(b.Build());
  EXPECT_EQ(r.t_use_source, "Response/@IssueInstant");
  EXPECT_EQ(r.t_use, Utc("2026-11-23T10:01:00Z"));
  EXPECT_FALSE(HasRule(r, "xml-malformed")) << Describe(r);
}

TEST(CheckBytes, NoTimeOfUseIsAnXmlMalformedFinding) {
  SamlBuilder b;
  b.issue_instant = "";
  CheckResult r = CheckXml(b.Build());
  EXPECT_FALSE(r.t_use.has_value());
  EXPECT_TRUE(r.t_use_source.empty());
  bool said = false;  // besides the empty Response/@IssueInstant's own finding
  for (const Diagnostic* d : DiagnosticsWithRule(r, "xml-malformed")) {
    said |= d->message.find("the time of use is unknown") != std::string::npos;
  }
  EXPECT_TRUE(said) << Describe(r);
}

TEST(CheckBytes, ADoctypeIsUnreadableAtItsLine) {
  const std::string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r>\n" + SamlBuilder{}.Build();
  CheckResult r = CheckXml(xml);
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  ASSERT_EQ(r.diagnostics.size(), 1U) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "xml-doctype");
  ASSERT_TRUE(r.diagnostics[0].location.has_value());
  EXPECT_EQ(r.diagnostics[0].location->line, 2);
  EXPECT_EQ(r.encoding, "xml");
}

TEST(CheckBytes, BrokenXmlIsUnreadableAsMalformed) {
  const std::string xml = SamlBuilder{}.Build();
  CheckResult r = CheckXml(xml.substr(0, xml.size() / 2));
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  ASSERT_EQ(r.diagnostics.size(), 1U) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "xml-malformed");
}

TEST(CheckBytes, XmlThatIsNotSamlIsInputUnreadable) {
  CheckResult r = CheckXml("<html/>");
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  ASSERT_EQ(r.diagnostics.size(), 1U) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "input-unreadable");
}

TEST(CheckBytes, BytesThatAreNoEncodingOfXmlAreInputUnreadable) {
  CheckResult r = CheckXml("plain words, not a response");
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  ASSERT_EQ(r.diagnostics.size(), 1U) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "input-unreadable");
  EXPECT_FALSE(r.diagnostics[0].location.has_value());
}

TEST(CheckBytes, MoreNodesThanTheLimitIsLimitExceeded) {
  CheckOptions options;
  options.limits.xml_nodes = 5;
  CheckResult r = CheckXml(SamlBuilder{}.Build(), options);
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  ASSERT_EQ(r.diagnostics.size(), 1U) << Describe(r);
  EXPECT_EQ(r.diagnostics[0].rule, "limit-exceeded");
  EXPECT_NE(r.diagnostics[0].message.find("xml-nodes"), std::string::npos);
}

TEST(CheckBytes, MoreBytesThanTheLimitIsLimitExceeded) {
  CheckOptions options;
  options.limits.input_bytes = 100;
  CheckResult r = CheckXml(SamlBuilder{}.Build(), options);
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  EXPECT_TRUE(HasRule(r, "limit-exceeded")) << Describe(r);
}

TEST(CheckBytes, AnEncryptedAssertionWithoutAKeyReportsNoLifetime) {
  CheckResult r = CheckXml(ReadTrustFixture("valid/aws-encrypted-assertion.xml"));
  EXPECT_EQ(r.kind, ResultKind::kSamlResponse);
  EXPECT_TRUE(HasRule(r, "encrypted-assertion-no-key")) << Describe(r);
  EXPECT_FALSE(HasRule(r, "role-attribute-missing")) << Describe(r);
  EXPECT_TRUE(r.evaluations.empty());
  EXPECT_TRUE(r.assertion_id.empty());
  EXPECT_EQ(r.response, nullptr);
}

TEST(CheckBytes, AFailedResponseWithoutAssertionHasNoRoleAttribute) {
  SamlBuilder b;
  b.assertion_count = 0;
  b.status = "urn:oasis:names:tc:SAML:2.0:status:Responder";
  CheckResult r = CheckXml(b.Build());
  EXPECT_EQ(r.cloud, Cloud::kAws);
  EXPECT_TRUE(HasRule(r, "role-attribute-missing")) << Describe(r);
  EXPECT_FALSE(HasRule(r, "assertion-missing")) << Describe(r);
  EXPECT_TRUE(r.evaluations.empty());
}

TEST(CheckBytes, ASuccessResponseWithoutAssertionIsAssertionMissing) {
  SamlBuilder b;
  b.assertion_count = 0;
  CheckResult r = CheckXml(b.Build());
  EXPECT_EQ(r.cloud, Cloud::kAws);
  EXPECT_TRUE(HasRule(r, "assertion-missing")) << Describe(r);
  EXPECT_FALSE(HasRule(r, "role-attribute-missing")) << "one finding for one cause";
  EXPECT_TRUE(r.evaluations.empty());
}

TEST(CheckBytes, AResponseNamingNoCloudIsCloudUndetected) {
  CheckResult r = CheckXml(GenericSpBuilder().Build());
  EXPECT_FALSE(r.cloud.has_value());
  EXPECT_TRUE(r.cloud_undetected);
  EXPECT_TRUE(HasRule(r, "cloud-undetected")) << Describe(r);
  // ... and evaluated for any SAML service provider (issue #14).
  ASSERT_EQ(r.evaluations.size(), 1U) << Describe(r);
  EXPECT_EQ(r.evaluations[0].scenario, ScenarioId::kSamlGeneric);
}

TEST(CheckBytes, TheCloudOptionReplacesDetection) {
  CheckOptions options;
  options.cloud = Cloud::kAliyun;
  CheckResult r = CheckXml(GenericSpBuilder().Build(), options);
  EXPECT_EQ(r.cloud, Cloud::kAliyun);
  EXPECT_FALSE(r.cloud_undetected);
  EXPECT_FALSE(HasRule(r, "cloud-undetected")) << Describe(r);
  EXPECT_NE(FindEvaluation(r, ScenarioId::kAliyunSamlConsole), nullptr);
}

TEST(CheckBytes, ScenariosOfOneCloudNameTheCloud) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAliyunSamlApi};
  CheckResult r = CheckXml(GenericSpBuilder().Build(), options);
  EXPECT_EQ(r.cloud, Cloud::kAliyun);
  ASSERT_EQ(r.evaluations.size(), 1U) << Describe(r);
  EXPECT_EQ(r.evaluations[0].scenario, ScenarioId::kAliyunSamlApi);
}

TEST(CheckBytes, OnlyTheSamlScenariosAskedForAreEvaluated) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsSamlApi, ScenarioId::kAwsAssumeRole};
  CheckResult r = CheckXml(SamlBuilder{}.Build(), options);
  ASSERT_EQ(r.evaluations.size(), 1U) << Describe(r);
  EXPECT_EQ(r.evaluations[0].scenario, ScenarioId::kAwsSamlApi);
}

TEST(CheckBytes, AnOptionNoScenarioReadsIsNotedAsIgnored) {
  CheckOptions options;
  options.login_session = 3600;  // Alibaba Cloud only
  CheckResult r = CheckXml(SamlBuilder{}.Build(), options);
  const Diagnostic* d = FindDiagnostic(r, "option-ignored");
  ASSERT_NE(d, nullptr) << Describe(r);
  EXPECT_EQ(d->message,
            "--login-session does not apply to aws:saml-console, aws:saml-api and was ignored.");
}

TEST(CheckBytes, AnOptionAScenarioReadsIsNotIgnored) {
  CheckOptions options;
  options.role_max_session = 7200;
  EXPECT_FALSE(HasRule(CheckXml(SamlBuilder{}.Build(), options), "option-ignored"));
}

TEST(JudgeResponse, EvaluatesOnlyTheScopedRole) {
  SamlBuilder b;
  b.roles = {testing::AwsRole("ops"), testing::AwsRole("dev")};
  std::shared_ptr<const ResponseRead> read = Read(b.Build(), CheckOptions{});
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(JudgeResponse("x.xml", *read, CheckOptions{}).evaluations.size(), 4U);
  AssertionScope scope;
  scope.role = "arn:aws:iam::123456789012:role/dev";
  CheckResult r = JudgeResponse("x.xml", *read, CheckOptions{}, scope);
  ASSERT_EQ(r.evaluations.size(), 2U) << Describe(r);
  for (const Evaluation& e : r.evaluations) EXPECT_EQ(e.role, scope.role);
}

TEST(JudgeResponse, ReusesTheVerificationOfTheSameAnchors) {
  CheckOptions options = WithCert();
  std::shared_ptr<const ResponseRead> read =
      Read(ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml"), options);
  ASSERT_NE(read, nullptr);
  ASSERT_TRUE(read->verified.has_value());
  CheckResult r = JudgeResponse("x.xml", *read, options);
  ASSERT_TRUE(r.signature.has_value());
  EXPECT_EQ(r.signature->status, "verified");
}

TEST(JudgeResponse, VerifiesAgainUnderOtherAnchors) {
  std::shared_ptr<const ResponseRead> read =
      Read(ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml"), WithCert());
  ASSERT_NE(read, nullptr);
  CheckResult r = JudgeResponse("x.xml", *read, WithCert("keys/attacker-rsa2048.cert.pem"));
  ASSERT_TRUE(r.signature.has_value());
  EXPECT_EQ(r.signature->status, "invalid");
  EXPECT_TRUE(HasRule(r, "signature-key-untrusted")) << Describe(r);
}

TEST(ReadResponse, VerifiesNothingWithoutAnchors) {
  std::shared_ptr<const ResponseRead> read =
      Read(ReadTrustFixture("valid/aws-assertion-signed-sha256-exc.xml"), CheckOptions{});
  ASSERT_NE(read, nullptr);
  EXPECT_FALSE(read->verified.has_value());
  EXPECT_EQ(read->verified_with, nullptr);
}

TEST(UnreadableInput, IsOneInputUnreadableFindingWithTheReason) {
  CheckResult r = UnreadableInput("gone.xml", "No such file or directory");
  EXPECT_EQ(r.kind, ResultKind::kUnreadable);
  EXPECT_EQ(r.input, "gone.xml");
  ASSERT_EQ(r.diagnostics.size(), 1U);
  EXPECT_EQ(r.diagnostics[0].rule, "input-unreadable");
  EXPECT_EQ(r.diagnostics[0].message, "No such file or directory");
}

TEST(CheckDeclarations, NothingWithoutAnOptionOnlyScenario) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsSamlApi};
  EXPECT_FALSE(CheckDeclarations(options).has_value());
  EXPECT_FALSE(CheckDeclarations(CheckOptions{}).has_value());
}

TEST(CheckDeclarations, EvaluatesTheOptionOnlyScenarios) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsSamlApi, ScenarioId::kAwsAssumeRole};
  options.now = Utc("2026-11-23T10:00:00Z");
  CheckResult r = CheckOptionsOnly(options);
  EXPECT_EQ(r.kind, ResultKind::kDeclarations);
  EXPECT_EQ(r.cloud, Cloud::kAws);
  EXPECT_EQ(r.t_use, options.now);
  ASSERT_EQ(r.evaluations.size(), 1U);
  EXPECT_EQ(r.evaluations[0].scenario, ScenarioId::kAwsAssumeRole);
}

TEST(CheckDeclarations, TakesTheCloudOfTheFirstScenario) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAliyunAssumeRole};
  EXPECT_EQ(CheckOptionsOnly(options).cloud, Cloud::kAliyun);
}

TEST(DeclarationsResult, NothingWhenTheFilesHaveNoFindings) {
  EXPECT_FALSE(DeclarationsResult(Declarations{}, {"a.json"}).has_value());
}

TEST(DeclarationsResult, NamesEveryFileAndCarriesTheFindings) {
  Declarations d;
  d.unresolved = {{"MaxSessionDuration of role ops", "b.yaml:3", "it is a !Ref"}};
  std::optional<CheckResult> r = DeclarationsResult(d, {"a.json", "b.yaml"});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->kind, ResultKind::kDeclarations);
  EXPECT_EQ(r->input, "a.json, b.yaml");
  ASSERT_EQ(r->diagnostics.size(), 1U);
  EXPECT_EQ(r->diagnostics[0].rule, "declaration-unresolved");
}

TEST(ValidateOptions, AcceptsInputsWithoutScenarios) {
  EXPECT_TRUE(ValidateOptions(CheckOptions{}, true).ok());
}

TEST(ValidateOptions, RefusesAScenarioOfAnotherCloud) {
  CheckOptions options;
  options.cloud = Cloud::kAws;
  options.scenarios = {ScenarioId::kAliyunSamlApi};
  EXPECT_EQ(ValidateOptions(options, true).message(),
            "--scenario aliyun:saml-api is not a scenario of --cloud aws");
}

TEST(ValidateOptions, RefusesNoInputForASamlScenario) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsSamlApi, ScenarioId::kAwsAssumeRole};
  const Status error = ValidateOptions(options, false);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.message().rfind("--scenario needs a SAML response INPUT", 0), 0U)
      << error.message();
}

TEST(ValidateOptions, RefusesNoInputAndNoScenario) {
  const Status error = ValidateOptions(CheckOptions{}, false);
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.message().rfind("no INPUT given", 0), 0U) << error.message();
}

TEST(ValidateOptions, AcceptsNoInputForOptionOnlyScenarios) {
  CheckOptions options;
  options.scenarios = {ScenarioId::kAwsAssumeRole};
  EXPECT_TRUE(ValidateOptions(options, false).ok());
}

}  // namespace
}  // namespace samlint
