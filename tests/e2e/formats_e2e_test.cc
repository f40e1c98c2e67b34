// End-to-end: every input and declarations format through the CLI's JSON report.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/run_cli.h"

namespace samlint::testing {
namespace {

using Json = nlohmann::json;

struct InputCase {
  const char* file;
  const char* kind;
  const char* part;  ///< of the first result
  const char* cloud;
  const char* scenario;  ///< of the first evaluation
  std::size_t results;
};

class E2eInputFormats : public ::testing::TestWithParam<InputCase> {};

TEST_P(E2eInputFormats, IsDetectedByContentAndEvaluated) {
  const InputCase& c = GetParam();
  CliRun run = RunCli({"check", c.file, "--format", "json"});
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.err;
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.out;
  ASSERT_EQ(report["results"].size(), c.results) << run.out;
  const Json& r = report["results"][0];
  EXPECT_EQ(r["input"], c.file);
  EXPECT_EQ(r["kind"], c.kind);
  EXPECT_EQ(r.value("part", ""), c.part);
  EXPECT_EQ(r["cloud"], c.cloud);
  ASSERT_FALSE(r["evaluations"].empty()) << run.out;
  EXPECT_EQ(r["evaluations"][0]["scenario"], c.scenario);
}

INSTANTIATE_TEST_SUITE_P(
    Artifacts, E2eInputFormats,
    ::testing::Values(
        InputCase{"testdata/artifacts/har/aws-signin.har", "saml-response", "/log/entries/3", "aws",
                  "aws:saml-console", 1},
        InputCase{"testdata/artifacts/har/aliyun-signin.har", "saml-response", "/log/entries/1",
                  "aliyun", "aliyun:saml-console", 1},
        InputCase{"testdata/artifacts/saml-tracer/aws-signin.json", "saml-response", "/requests/1",
                  "aws", "aws:saml-console", 1},
        InputCase{"testdata/artifacts/saml-tracer/aws-signin-hashed.json", "saml-response",
                  "/requests/1", "aws", "aws:saml-console", 1},
        InputCase{"testdata/artifacts/sts/aws-cli-assume-role-with-saml.json", "sts-request", "",
                  "aws", "aws:saml-api", 1},
        InputCase{"testdata/artifacts/sts/aws-query.txt", "sts-request", "", "aws", "aws:saml-api", 1},
        InputCase{"testdata/artifacts/sts/aliyun-api.json", "sts-request", "", "aliyun",
                  "aliyun:saml-api", 1},
        InputCase{"testdata/artifacts/sts/aliyun-query.txt", "sts-request", "", "aliyun",
                  "aliyun:saml-api", 1},
        InputCase{"testdata/artifacts/cloudtrail/assume-role-with-saml.json", "cloudtrail-event", "",
                  "aws", "aws:saml-api", 1},
        InputCase{"testdata/artifacts/cloudtrail/log.json", "cloudtrail-event", "/Records/2", "aws",
                  "aws:saml-api", 5},
        InputCase{"testdata/artifacts/cloudtrail/log.json.gz", "cloudtrail-event", "/Records/2",
                  "aws", "aws:saml-api", 5},
        InputCase{"testdata/artifacts/cloudtrail/events.jsonl", "cloudtrail-event", "/0", "aws",
                  "aws:saml-api", 3},
        InputCase{"testdata/artifacts/cloudtrail/lookup-events.json", "cloudtrail-event",
                  "/Events/0", "aws", "aws:saml-api", 2},
        InputCase{"testdata/artifacts/actiontrail/assume-role-with-saml.json", "actiontrail-event",
                  "", "aliyun", "aliyun:saml-api", 1},
        InputCase{"testdata/artifacts/actiontrail/events.json", "actiontrail-event", "/1", "aliyun",
                  "aliyun:saml-api", 4}));

TEST(E2eInputFormats, FailedActionTrailCallIsRejectedWithItsRule) {
  CliRun run = RunCli({"check", "testdata/artifacts/actiontrail/events.json", "--format", "json"});
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.err;
  bool found = false;
  for (const Json& r : report["results"]) {
    if (r.value("part", "") != "/3") continue;
    found = true;
    EXPECT_EQ(r["evaluations"][0]["outcome"], "rejected");
    bool rule = false;
    for (const Json& d : r["diagnostics"]) rule |= d["rule"] == "duration-out-of-range";
    EXPECT_TRUE(rule) << r.dump();
  }
  EXPECT_TRUE(found) << run.out;
  EXPECT_EQ(run.exit_code, 1);
}

struct DeclarationCase {
  const char* file;
  const char* scenario;
  const char* factor;      ///< a factor (or context entry) the declaration sets
  long long seconds;
  const char* declared_in;  ///< expected prefix of declared_in
};

class E2eDeclarationFormats : public ::testing::TestWithParam<DeclarationCase> {};

const Json* Find(const Json& evaluation, const std::string& name) {
  for (const char* list : {"factors", "context"}) {
    for (const Json& f : evaluation[list]) {
      if (f["name"] == name) return &f;
    }
  }
  return nullptr;
}

TEST_P(E2eDeclarationFormats, SetsTheFactorWithItsSource) {
  const DeclarationCase& c = GetParam();
  CliRun run = RunCli({"check", "--scenario", c.scenario, "--declarations", c.file, "--format", "json"});
  ASSERT_TRUE(run.exit_code == 0 || run.exit_code == 1) << run.err;
  Json report = run.Json();
  ASSERT_FALSE(report.is_null()) << run.out;
  const Json* evaluation = nullptr;
  for (const Json& r : report["results"]) {
    if (r["kind"] == "declarations" && !r["evaluations"].empty()) evaluation = &r["evaluations"][0];
  }
  ASSERT_NE(evaluation, nullptr) << run.out;
  const Json* f = Find(*evaluation, c.factor);
  ASSERT_NE(f, nullptr) << run.out;
  EXPECT_EQ((*f)["seconds"], c.seconds);
  EXPECT_EQ((*f)["assumed"], false);
  EXPECT_EQ((*f)["declared_in"].get<std::string>().rfind(c.declared_in, 0), 0u) << f->dump();
}

// Option-only scenarios have no role to match, so these declare the account-wide values.
INSTANTIATE_TEST_SUITE_P(
    Declarations, E2eDeclarationFormats,
    ::testing::Values(
        DeclarationCase{"testdata/declarations/aliyun-get-security-preference.json",
                        "aliyun:ram-user-logon", "login_session_duration", 43200,
                        "testdata/declarations/aliyun-get-security-preference.json:"},
        DeclarationCase{"testdata/declarations/aws-describe-permission-set.json",
                        "aws:identity-center", "permission_set_session_duration", 28800,
                        "testdata/declarations/aws-describe-permission-set.json:"}));

}  // namespace
}  // namespace samlint::testing
