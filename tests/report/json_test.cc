// report/json: the fields of one result in the JSON report (ResultToJson) and
// the streamed document around them (the JSON emitter).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "report/emitters.h"
#include "samlint/report.h"
#include "samlint/version.h"
#include "support/json_report.h"
#include "support/report_builders.h"

namespace samlint {
namespace {

using nlohmann::json;
using testing::Diag;
using testing::Get;
using testing::Has;
using testing::IsNullField;
using testing::XmlResult;

json ToJson(const CheckResult& r) { return json::parse(ResultToJson(r, 2)); }

// The keys of an object, sorted.
std::string Keys(const json& j) {
  std::string out;
  for (const auto& [key, value] : j.items()) out += key + " ";
  return out;
}

RolePair Role(std::string role, std::optional<bool> is_signed) {
  RolePair p;
  p.role = std::move(role);
  p.provider = "arn:aws:iam::1:saml-provider/idp";
  p.is_signed = is_signed;
  return p;
}

CheckResult SignedAwsResult() {
  CheckResult r =
      XmlResult("r.xml", {Diag("lifetime-below-target", Severity::kWarning, "m", Location{3, 5})});
  r.cloud = Cloud::kAws;
  r.signature = SignatureSummary{"verified", {"assertion"}, "rsa-sha256", "sha256", "sha256:ab"};
  r.roles = {Role("arn:aws:iam::1:role/ops", true)};
  r.t_use = ParseDateTime("2026-11-23T10:00:00Z");
  return r;
}

TEST(ResultToJson, WritesTheResultsFieldsInContractOrder) {
  json j = ToJson(SignedAwsResult());
  // nlohmann::json sorts keys: read the order from the text.
  const std::string text = ResultToJson(SignedAwsResult(), 0);
  EXPECT_LT(text.find("\"input\""), text.find("\"kind\""));
  EXPECT_LT(text.find("\"kind\""), text.find("\"cloud\""));
  EXPECT_LT(text.find("\"cloud\""), text.find("\"signature\""));
  EXPECT_LT(text.find("\"signature\""), text.find("\"roles\""));
  EXPECT_LT(text.find("\"roles\""), text.find("\"t_use\""));
  EXPECT_LT(text.find("\"t_use\""), text.find("\"evaluations\""));
  EXPECT_LT(text.find("\"evaluations\""), text.find("\"diagnostics\""));
  EXPECT_EQ(Get(j, "input"), "r.xml");
  EXPECT_EQ(Get(j, "kind"), "saml-response");
  EXPECT_EQ(Get(j, "cloud"), "aws");
  EXPECT_EQ(Get(j, "t_use"), "2026-11-23T10:00:00Z");
}

TEST(ResultToJson, WritesTheSignatureSummary) {
  json sig = Get(ToJson(SignedAwsResult()), "signature");
  EXPECT_EQ(Get(sig, "status"), "verified");
  EXPECT_EQ(Get(sig, "covers"), json::array({"assertion"}));
  EXPECT_EQ(Get(sig, "algorithm"), "rsa-sha256");
  EXPECT_EQ(Get(sig, "digest"), "sha256");
  EXPECT_EQ(Get(sig, "key"), "sha256:ab");
}

TEST(ResultToJson, AbsentSignatureFieldsAreNull) {
  CheckResult r = SignedAwsResult();
  r.signature = SignatureSummary{"missing", {}, std::nullopt, std::nullopt, std::nullopt};
  json sig = Get(ToJson(r), "signature");
  EXPECT_TRUE(IsNullField(sig, "algorithm"));
  EXPECT_TRUE(IsNullField(sig, "digest"));
  EXPECT_TRUE(IsNullField(sig, "key"));
  EXPECT_EQ(Get(sig, "covers"), json::array());
}

TEST(ResultToJson, RolesCarryTheirSignedFlagOrNull) {
  CheckResult r = SignedAwsResult();
  r.roles.push_back(Role("arn:aws:iam::1:role/dev", std::nullopt));
  json roles = Get(ToJson(r), "roles");
  ASSERT_EQ(roles.size(), 2U);
  EXPECT_EQ(Get(roles[0], "role"), "arn:aws:iam::1:role/ops");
  EXPECT_EQ(Get(roles[0], "provider"), "arn:aws:iam::1:saml-provider/idp");
  EXPECT_EQ(Get(roles[0], "signed"), true);
  EXPECT_TRUE(IsNullField(roles[1], "signed"));
}

TEST(ResultToJson, OnlyResultsWithRolesHaveARolesField) {
  CheckResult r = SignedAwsResult();
  r.kind = ResultKind::kDeclarations;
  EXPECT_FALSE(Has(ToJson(r), "roles"));
  r.kind = ResultKind::kStsRequest;
  EXPECT_TRUE(Has(ToJson(r), "roles"));
}

TEST(ResultToJson, ADeclarationsResultHasNullInputAndCloud) {
  CheckResult r;
  r.kind = ResultKind::kDeclarations;
  json j = ToJson(r);
  EXPECT_TRUE(IsNullField(j, "input"));
  EXPECT_TRUE(IsNullField(j, "cloud"));
  EXPECT_FALSE(Has(j, "signature"));
  EXPECT_FALSE(Has(j, "t_use"));
  EXPECT_FALSE(Has(j, "part"));
  EXPECT_FALSE(Has(j, "capture"));
  EXPECT_FALSE(Has(j, "suppressed"));
  EXPECT_EQ(Get(j, "evaluations"), json::array());
  EXPECT_EQ(Get(j, "diagnostics"), json::array());
}

TEST(ResultToJson, OptionalResultFieldsAppearWhenSet) {
  CheckResult r = SignedAwsResult();
  r.part = "/log/entries/0";
  r.capture_url = "https://signin.aws.amazon.com/saml";
  r.capture_time = "2026-11-23T10:00:01Z";
  r.suppressed = 2;
  json j = ToJson(r);
  EXPECT_EQ(Get(j, "part"), "/log/entries/0");
  EXPECT_EQ(Get(Get(j, "capture"), "url"), "https://signin.aws.amazon.com/saml");
  EXPECT_EQ(Get(Get(j, "capture"), "time"), "2026-11-23T10:00:01Z");
  EXPECT_EQ(Get(j, "suppressed"), 2);
}

TEST(ResultToJson, AnIdpConfigResultNamesItsIdpAndClient) {
  CheckResult r;
  r.kind = ResultKind::kIdpConfig;
  r.idp = "keycloak";
  r.idp_client = "urn:amazon:webservices";
  json j = ToJson(r);
  EXPECT_EQ(Get(j, "idp"), "keycloak");
  EXPECT_EQ(Get(j, "idp_client"), "urn:amazon:webservices");
  EXPECT_FALSE(Has(ToJson(SignedAwsResult()), "idp"));
}

TEST(ResultToJson, WritesADiagnosticsFields) {
  CheckResult r = SignedAwsResult();
  r.diagnostics[0].scenario = "aws:saml-api";
  r.diagnostics[0].role = "arn:aws:iam::1:role/ops";
  r.diagnostics[0].fix = "do this";
  json d = Get(ToJson(r), "diagnostics")[0];
  EXPECT_EQ(Keys(d), "fingerprint fix location message role rule scenario severity ");
  EXPECT_EQ(Get(d, "rule"), "lifetime-below-target");
  EXPECT_EQ(Get(d, "severity"), "warning");
  EXPECT_EQ(Get(d, "message"), "m");
  EXPECT_EQ(Get(d, "scenario"), "aws:saml-api");
  EXPECT_EQ(Get(d, "role"), "arn:aws:iam::1:role/ops");
  EXPECT_EQ(Get(d, "location"), json({{"line", 3}, {"column", 5}}));
  EXPECT_EQ(Get(d, "fix"), "do this");
  EXPECT_TRUE(Get(d, "fingerprint").is_string());
  EXPECT_FALSE(Get(d, "fingerprint").get<std::string>().empty());
}

TEST(ResultToJson, ADiagnosticWithoutPlaceFixScenarioOrRole) {
  CheckResult r = XmlResult("r.xml", {Diag("xml-malformed", Severity::kError, "m")});
  json d = Get(ToJson(r), "diagnostics")[0];
  EXPECT_TRUE(IsNullField(d, "location"));
  EXPECT_TRUE(IsNullField(d, "fix"));
  EXPECT_FALSE(Has(d, "scenario"));
  EXPECT_FALSE(Has(d, "role"));
}

Evaluation ApiEvaluation() {
  Evaluation e;
  e.scenario = ScenarioId::kAwsSamlApi;
  e.role = "arn:aws:iam::1:role/ops";
  e.outcome = Outcome::kIssued;
  e.effective_seconds = 3600;
  e.target_seconds = 28800;
  e.binding = {FactorName::kRoleMaxSessionDuration};
  e.clamps = {FactorName::kRoleMaxSessionDuration};
  Factor declared;
  declared.name = FactorName::kRoleMaxSessionDuration;
  declared.seconds = 3600;
  declared.origin = FactorOrigin::kDefault;
  Factor document;
  document.name = FactorName::kSessionDurationAttribute;
  document.seconds = 7200;
  document.origin = FactorOrigin::kDocument;
  document.is_signed = false;
  document.source = Location{12, 9};
  e.factors = {declared, document};
  return e;
}

TEST(ResultToJson, WritesAnEvaluation) {
  CheckResult r = SignedAwsResult();
  r.evaluations = {ApiEvaluation()};
  json e = Get(ToJson(r), "evaluations")[0];
  EXPECT_EQ(Get(e, "scenario"), "aws:saml-api");
  EXPECT_EQ(Get(e, "role"), "arn:aws:iam::1:role/ops");
  EXPECT_TRUE(IsNullField(e, "provider"));
  EXPECT_EQ(Get(e, "outcome"), "issued");
  EXPECT_EQ(Get(e, "effective_seconds"), 3600);
  EXPECT_EQ(Get(e, "target_seconds"), 28800);
  EXPECT_EQ(Get(e, "binding"), json::array({"role_max_session_duration"}));
  EXPECT_EQ(Get(e, "clamps"), json::array({"role_max_session_duration"}));
  EXPECT_EQ(Get(e, "context"), json::array());
  EXPECT_FALSE(Has(e, "observed_seconds"));
}

TEST(ResultToJson, ARejectedEvaluationHasNullSeconds) {
  CheckResult r = SignedAwsResult();
  Evaluation e = ApiEvaluation();
  e.outcome = Outcome::kRejected;
  e.effective_seconds.reset();
  e.target_seconds.reset();
  e.observed_seconds = 900;
  r.evaluations = {e};
  json j = Get(ToJson(r), "evaluations")[0];
  EXPECT_EQ(Get(j, "outcome"), "rejected");
  EXPECT_TRUE(IsNullField(j, "effective_seconds"));
  EXPECT_TRUE(IsNullField(j, "target_seconds"));
  EXPECT_EQ(Get(j, "observed_seconds"), 900);
}

TEST(ResultToJson, WritesFactorsWithTheirOrigin) {
  CheckResult r = SignedAwsResult();
  r.evaluations = {ApiEvaluation()};
  json factors = Get(Get(ToJson(r), "evaluations")[0], "factors");
  ASSERT_EQ(factors.size(), 2U);
  EXPECT_EQ(Get(factors[0], "name"), "role_max_session_duration");
  EXPECT_EQ(Get(factors[0], "seconds"), 3600);
  EXPECT_EQ(Get(factors[0], "assumed"), true);
  EXPECT_TRUE(IsNullField(factors[0], "signed"));
  EXPECT_FALSE(Has(factors[0], "source"));
  EXPECT_EQ(Get(factors[1], "assumed"), false);
  EXPECT_EQ(Get(factors[1], "signed"), false);
  EXPECT_EQ(Get(factors[1], "source"), json({{"line", 12}, {"column", 9}}));
  EXPECT_FALSE(Has(factors[1], "declared_in"));
  EXPECT_FALSE(Has(factors[1], "inferred"));
  EXPECT_FALSE(Has(factors[1], "configured_by"));
}

TEST(ResultToJson, ADeclaredFactorSaysWhereItWasDeclared) {
  CheckResult r = SignedAwsResult();
  Evaluation e = ApiEvaluation();
  e.factors[0].origin = FactorOrigin::kDeclared;
  e.factors[0].via = "roles.json:4";
  e.factors[1].via = "Attribute SessionDuration";  // a document factor's via is not written
  e.factors[1].inferred = true;
  e.factors[1].configured_by = "mapper session-duration";
  r.evaluations = {e};
  json factors = Get(Get(ToJson(r), "evaluations")[0], "factors");
  EXPECT_EQ(Get(factors[0], "declared_in"), "roles.json:4");
  EXPECT_FALSE(Has(factors[1], "declared_in"));
  EXPECT_EQ(Get(factors[1], "inferred"), true);
  EXPECT_EQ(Get(factors[1], "configured_by"), "mapper session-duration");
}

TEST(ResultToJson, InvalidUtf8IsReplacedNotThrown) {
  CheckResult r = XmlResult("r\xff.xml", {});
  json j = ToJson(r);
  EXPECT_EQ(Get(j, "input"), "r\xef\xbf\xbd.xml");
}

TEST(JsonEmitter, AnEmptyRunIsAToolAnEmptyListAndASummary) {
  RunSummary summary;
  summary.checked = 3;
  summary.errors = 1;
  json j = json::parse(testing::EmitReport(ReportFormat::kJson, {}, {}, summary));
  EXPECT_EQ(Get(Get(j, "tool"), "name"), "samlint");
  EXPECT_EQ(Get(Get(j, "tool"), "version"), std::string(Version()));
  EXPECT_EQ(Get(j, "results"), json::array());
  EXPECT_EQ(Get(j, "summary"), json({{"checked", 3},
                                     {"skipped", 0},
                                     {"errors", 1},
                                     {"warnings", 0},
                                     {"notes", 0},
                                     {"suppressed", 0}}));
}

TEST(JsonEmitter, StreamsEachResultIntoTheList) {
  const std::string text =
      testing::EmitReport(ReportFormat::kJson, {XmlResult("a.xml", {}), XmlResult("b.xml", {})});
  json j = json::parse(text);
  ASSERT_EQ(Get(j, "results").size(), 2U);
  EXPECT_EQ(Get(Get(j, "results")[0], "input"), "a.xml");
  EXPECT_EQ(Get(Get(j, "results")[1], "input"), "b.xml");
  EXPECT_EQ(text.rfind("{\n  \"tool\": ", 0), 0U);
  EXPECT_NE(text.find("\n    {\n      \"input\": \"a.xml\""), std::string::npos) << text;
}

}  // namespace
}  // namespace samlint
