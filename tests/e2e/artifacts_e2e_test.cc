// End-to-end: captures, STS requests, audit events and declarations files
// through the CLI's JSON report.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "support/run_cli.h"

namespace samlint::testing {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

const Json* EvaluationFor(const Json& result, const std::string& role_fragment) {
  for (const Json& e : result["evaluations"]) {
    if (e["role"].is_string() && e["role"].get<std::string>().find(role_fragment) != std::string::npos) {
      return &e;
    }
  }
  return nullptr;
}

const Json* FactorNamed(const Json& list, const std::string& name) {
  for (const Json& f : list) {
    if (f["name"] == name) return &f;
  }
  return nullptr;
}

bool HasRule(const Json& result, const std::string& rule) {
  for (const Json& d : result["diagnostics"]) {
    if (d["rule"] == rule) return true;
  }
  return false;
}

// The acceptance case: a HAR capture holding a three-role response,
// joined with a Terraform plan and a CloudFormation template.
TEST(E2eArtifacts, HarJoinedWithTerraformAndCloudFormationGivesPerRoleEvaluations) {
  CliRun run = RunCli({"check", "testdata/artifacts/har/aws-signin.har", "--declarations",
                       "testdata/join/terraform-plan.json", "--declarations",
                       "testdata/join/cloudformation.yaml", "--scenario", "aws:saml-api",
                       "--duration-seconds", "8h", "--target", "8h", "--format", "json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  Json report = run.Json();
  ASSERT_EQ(report["results"].size(), 1u) << run.out;
  const Json& r = report["results"][0];
  EXPECT_EQ(r["input"], "testdata/artifacts/har/aws-signin.har");
  EXPECT_EQ(r["part"], "/log/entries/3");
  EXPECT_EQ(r["kind"], "saml-response");
  EXPECT_EQ(r["capture"]["url"], "https://signin.aws.amazon.com/saml");
  ASSERT_EQ(r["evaluations"].size(), 3u);

  const Json* readonly = EvaluationFor(r, "role/ReadOnly");
  ASSERT_NE(readonly, nullptr);
  EXPECT_EQ((*readonly)["outcome"], "issued");
  EXPECT_EQ((*readonly)["effective_seconds"], 28800);
  const Json* readonly_max = FactorNamed((*readonly)["context"], "role_max_session_duration");
  ASSERT_NE(readonly_max, nullptr);
  EXPECT_EQ((*readonly_max)["seconds"], 28800);
  EXPECT_EQ((*readonly_max)["assumed"], false);
  EXPECT_THAT((*readonly_max)["declared_in"].get<std::string>(),
              HasSubstr("testdata/join/terraform-plan.json:"));

  const Json* admin = EvaluationFor(r, "role/Admin");
  ASSERT_NE(admin, nullptr);
  const Json* admin_max = FactorNamed((*admin)["context"], "role_max_session_duration");
  ASSERT_NE(admin_max, nullptr);
  EXPECT_EQ((*admin_max)["seconds"], 43200);  // matched by name: the ARN is known only after apply
  EXPECT_THAT((*admin_max)["declared_in"].get<std::string>(), HasSubstr("matched by role name"));

  const Json* deploy = EvaluationFor(r, "role/Deploy");
  ASSERT_NE(deploy, nullptr);
  EXPECT_EQ((*deploy)["outcome"], "rejected");
  EXPECT_EQ((*deploy)["effective_seconds"], nullptr);
  const Json* deploy_max = FactorNamed((*deploy)["context"], "role_max_session_duration");
  ASSERT_NE(deploy_max, nullptr);
  EXPECT_EQ((*deploy_max)["seconds"], 3600);
  EXPECT_THAT((*deploy_max)["declared_in"].get<std::string>(),
              HasSubstr("testdata/join/cloudformation.yaml:9"));
  bool rejected_for_deploy = false;
  for (const Json& d : r["diagnostics"]) {
    if (d["rule"] == "duration-exceeds-role-max" && d["role"] == (*deploy)["role"]) {
      rejected_for_deploy = true;
    }
  }
  EXPECT_TRUE(rejected_for_deploy) << run.out;
}

TEST(E2eArtifacts, ConflictingDeclarationsAreAFindingNotASilentChoice) {
  CliRun run = RunCli({"check", "testdata/artifacts/har/aws-signin.har", "--declarations",
                       "testdata/join/terraform-plan.json", "--declarations",
                       "testdata/join/conflicting-get-role.json", "--scenario", "aws:saml-api",
                       "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  const Json& r = report["results"][0];
  EXPECT_TRUE(HasRule(r, "declaration-conflict")) << run.out;
  const Json* readonly = EvaluationFor(r, "role/ReadOnly");
  ASSERT_NE(readonly, nullptr);
  const Json* max = FactorNamed((*readonly)["context"], "role_max_session_duration");
  ASSERT_NE(max, nullptr);
  EXPECT_EQ((*max)["seconds"], 3600);  // the lowest: the cloud grants no more than the tightest
  EXPECT_EQ(run.exit_code, 1);
}

TEST(E2eArtifacts, CloudTrailLogExplainsClampedAndRejectedCalls) {
  CliRun run = RunCli({"check", "testdata/artifacts/cloudtrail/log.json", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  const Json* clamped = nullptr;
  const Json* chained = nullptr;
  const Json* too_long = nullptr;
  for (const Json& r : report["results"]) {
    EXPECT_EQ(r["kind"], "cloudtrail-event");
    if (r.value("part", "") == "/Records/2") clamped = &r;
    if (r.value("part", "") == "/Records/4") chained = &r;
    if (r.value("part", "") == "/Records/5") too_long = &r;
  }
  ASSERT_NE(clamped, nullptr);
  const Json& e = (*clamped)["evaluations"][0];
  EXPECT_EQ(e["outcome"], "issued");
  EXPECT_EQ(e["observed_seconds"], 3600);
  EXPECT_EQ(e["effective_seconds"], 3600);
  EXPECT_EQ(e["binding"], Json::array({"session_not_on_or_after"}));
  const Json* inferred = FactorNamed(e["factors"], "session_not_on_or_after");
  ASSERT_NE(inferred, nullptr);
  EXPECT_EQ((*inferred)["inferred"], true);
  EXPECT_EQ(FactorNamed(e["factors"], "duration_seconds")->at("seconds"), 43200);
  EXPECT_TRUE(HasRule(*clamped, "observed-lifetime-short"));

  ASSERT_NE(chained, nullptr);
  EXPECT_EQ((*chained)["evaluations"][0]["outcome"], "rejected");
  EXPECT_TRUE(HasRule(*chained, "role-chaining-limit"));
  EXPECT_FALSE(HasRule(*chained, "duration-exceeds-role-max"));

  ASSERT_NE(too_long, nullptr);
  EXPECT_EQ((*too_long)["evaluations"][0]["outcome"], "rejected");
  EXPECT_TRUE(HasRule(*too_long, "duration-exceeds-role-max"));
  EXPECT_EQ(run.exit_code, 1);
}

TEST(E2eArtifacts, GzipLogGivesTheSameResultsAsThePlainLog) {
  CliRun plain = RunCli({"check", "testdata/artifacts/cloudtrail/log.json", "--format", "json"});
  CliRun gz = RunCli({"check", "testdata/artifacts/cloudtrail/log.json.gz", "--format", "json"});
  Json a = plain.Json(), b = gz.Json();
  ASSERT_EQ(a["results"].size(), b["results"].size());
  for (std::size_t i = 0; i < a["results"].size(); ++i) {
    EXPECT_EQ(a["results"][i]["evaluations"], b["results"][i]["evaluations"]);
  }
}

TEST(E2eArtifacts, StsRequestUsesItsOwnDurationSecondsAndRole) {
  // The request asks for 43200 s; --duration-seconds applies only to inputs that carry none.
  CliRun run = RunCli({"check", "testdata/artifacts/sts/aws-cli-assume-role-with-saml.json",
                       "--duration-seconds", "1h", "--role-max-session", "12h", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  const Json& r = report["results"][0];
  EXPECT_EQ(r["kind"], "sts-request");
  ASSERT_EQ(r["evaluations"].size(), 1u);
  const Json& e = r["evaluations"][0];
  EXPECT_EQ(e["scenario"], "aws:saml-api");
  EXPECT_EQ(FactorNamed(e["factors"], "duration_seconds")->at("seconds"), 43200);
}

TEST(E2eArtifacts, QueryFormRequestIsRead) {
  CliRun run = RunCli({"check", "testdata/artifacts/sts/aws-query.txt", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  EXPECT_EQ(report["results"][0]["kind"], "sts-request");
  EXPECT_EQ(report["results"][0]["evaluations"].size(), 1u);
}

// A proxy's HAR of a CLI federating: each STS call is checked as the request
// it is (its own DurationSeconds), with where and when it was captured.
TEST(E2eArtifacts, StsCallsInAHarAreCheckedAsRequests) {
  CliRun run = RunCli({"check", "testdata/artifacts/har/sts-calls.har", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  ASSERT_EQ(report["results"].size(), 2u);
  const Json& aws = report["results"][0];
  EXPECT_EQ(aws["part"], "/log/entries/0");
  EXPECT_EQ(aws["kind"], "sts-request");
  EXPECT_EQ(aws["capture"]["url"], "https://sts.amazonaws.com/");
  ASSERT_EQ(aws["evaluations"].size(), 1u);
  EXPECT_EQ(aws["evaluations"][0]["scenario"], "aws:saml-api");
  EXPECT_EQ(FactorNamed(aws["evaluations"][0]["factors"], "duration_seconds")->at("seconds"), 43200);
  EXPECT_TRUE(HasRule(aws, "duration-exceeds-role-max"));
  const Json& aliyun = report["results"][1];
  EXPECT_EQ(aliyun["part"], "/log/entries/1");
  EXPECT_EQ(aliyun["kind"], "sts-request");
  ASSERT_EQ(aliyun["evaluations"].size(), 1u);
  EXPECT_EQ(aliyun["evaluations"][0]["scenario"], "aliyun:saml-api");
  EXPECT_EQ(aliyun["evaluations"][0]["effective_seconds"], 3600);
  EXPECT_EQ(run.exit_code, 1);
}

TEST(E2eArtifacts, HarWithoutSamlResponseIsUnreadable) {
  CliRun run = RunCli({"check", "testdata/artifacts/har/no-saml.har", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  EXPECT_EQ(report["results"][0]["kind"], "unreadable");
  EXPECT_TRUE(HasRule(report["results"][0], "input-unreadable"));
  EXPECT_EQ(run.exit_code, 1);
}

TEST(E2eArtifacts, SamlTracerExportIsRead) {
  CliRun run = RunCli({"check", "testdata/artifacts/saml-tracer/aws-signin.json", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  EXPECT_EQ(report["results"][0]["part"], "/requests/1");
  EXPECT_EQ(report["results"][0]["kind"], "saml-response");
}

TEST(E2eArtifacts, UnresolvedDeclarationIsReportedWithItsSource) {
  CliRun run = RunCli({"check", "--scenario", "aws:assume-role", "--declarations",
                       "testdata/declarations/cloudformation-roles.yaml", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  bool found = false;
  for (const Json& r : report["results"]) {
    for (const Json& d : r["diagnostics"]) {
      if (d["rule"] == "declaration-unresolved") {
        found = true;
        EXPECT_THAT(d["message"].get<std::string>(), HasSubstr("cloudformation-roles.yaml:"));
      }
    }
  }
  EXPECT_TRUE(found) << run.out;
}

TEST(E2eArtifacts, UnknownDeclarationsFileIsAUsageError) {
  CliRun run = RunCli({"check", "--scenario", "aws:assume-role", "--declarations",
                       "testdata/responses/aws-api.xml"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("--declarations"));
}

}  // namespace
}  // namespace samlint::testing

namespace samlint::testing {
namespace {

// cli-contract.md: when the SAML response with the event's sAMLAssertionID is
// among the inputs, the factors come from it and are not inferred.
TEST(E2eArtifacts, CloudTrailEventJoinsTheResponseItNames) {
  CliRun run = RunCli({"check", "testdata/artifacts/cloudtrail/log.json",
                       "testdata/responses/aws-three-roles.xml", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  const Json* joined = nullptr;
  for (const Json& r : report["results"]) {
    if (r.value("part", "") == "/Records/3") joined = &r;
  }
  ASSERT_NE(joined, nullptr) << run.out;
  EXPECT_EQ((*joined)["kind"], "cloudtrail-event");
  ASSERT_EQ((*joined)["evaluations"].size(), 1u);
  const Json& e = (*joined)["evaluations"][0];
  EXPECT_EQ(e["role"], "arn:aws:iam::123456789012:role/ReadOnly");
  EXPECT_EQ(e["outcome"], "issued");
  EXPECT_EQ(e["observed_seconds"], 28800);
  const Json* snooa = FactorNamed(e["factors"], "session_not_on_or_after");
  ASSERT_NE(snooa, nullptr);
  EXPECT_FALSE(snooa->contains("inferred"));
  EXPECT_TRUE(snooa->contains("source"));  // read from the response's document
  ASSERT_NE(FactorNamed(e["factors"], "session_duration_attribute"), nullptr);
}

}  // namespace
}  // namespace samlint::testing
