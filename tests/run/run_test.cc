// The run in the library: usage errors as values, inputs recognised once,
// results in input order.
#include "samlint/run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "pipeline/prepared_input.h"
#include "samlint/check.h"
#include "samlint/rule_id.h"
#include "samlint/timestamp.h"
#include "support/run_cli.h"

namespace samlint {
namespace {

TEST(RunCheck, ReturnsAUsageErrorAndWritesNothing) {
  RunRequest request;
  request.inputs = {testing::TestData("responses/aws-api.xml")};
  request.format = "yaml";
  std::ostringstream out;
  RunOutcome outcome = RunCheck(request, out);
  ASSERT_TRUE(outcome.usage_error.has_value());
  EXPECT_EQ(*outcome.usage_error,
            "--format: unknown format 'yaml' (use text, concise, json, sarif, github, gitlab, "
            "junit or html)");
  EXPECT_EQ(out.str(), "");
}

/// A JSON run, without config discovery, of the testdata files `relative`.
RunRequest JsonRunOf(std::initializer_list<const char*> relative) {
  RunRequest request;
  for (const char* path : relative) request.inputs.push_back(testing::TestData(path));
  request.format = "json";
  request.no_config = true;
  return request;
}

TEST(RunCheck, ReportsEveryInputInOrderToTheStreamItIsGiven) {
  RunRequest request = JsonRunOf({"responses/aws-three-roles.xml", "responses/aws-api.xml"});
  request.jobs = 2;
  std::ostringstream out;
  RunOutcome outcome = RunCheck(request, out);
  ASSERT_FALSE(outcome.usage_error.has_value());
  EXPECT_EQ(outcome.summary.checked, 2);
  nlohmann::json report = nlohmann::json::parse(out.str());
  ASSERT_EQ(report["results"].size(), 2u);
  EXPECT_EQ(report["results"][0]["input"], request.inputs[0]);
  EXPECT_EQ(report["results"][1]["input"], request.inputs[1]);
}

std::string ReadTestData(const std::string& relative) {
  std::ifstream in(testing::TestData(relative), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The CloudTrail log's events and the response their AssumeRoleWithSAML call redeemed.
struct LogAndResponse {
  CheckOptions options;
  std::vector<CheckResult> events =
      CheckInput("log.json", ReadTestData("artifacts/cloudtrail/log.json"), options);
  CheckResult response =
      CheckBytes("r.xml", ReadTestData("responses/aws-three-roles.xml"), options);
};

TEST(JoinEventWithResponse, JudgesTheEventFromTheKeptRead) {
  LogAndResponse read;
  ASSERT_NE(read.response.response, nullptr);
  auto event = std::find_if(read.events.begin(), read.events.end(), [&](const CheckResult& r) {
    return AwaitsResponse(r) && r.event_assertion_id == read.response.assertion_id;
  });
  ASSERT_NE(event, read.events.end());
  ASSERT_TRUE(JoinEventWithResponse(*event, read.response, read.options));
  EXPECT_EQ(event->kind, ResultKind::kCloudTrailEvent);
  EXPECT_EQ(event->t_use_source, "eventTime (joined with r.xml)");
  ASSERT_EQ(event->evaluations.size(), 1u);
  EXPECT_EQ(event->evaluations[0].role, "arn:aws:iam::123456789012:role/ReadOnly");
}

TEST(JoinEventWithResponse, LeavesTheEventWhenTheResponseKeepsNoRead) {
  LogAndResponse read;
  read.response.response.reset();
  for (CheckResult& event : read.events) {
    std::string before = event.t_use_source;
    EXPECT_FALSE(JoinEventWithResponse(event, read.response, read.options));
    EXPECT_EQ(event.t_use_source, before);
  }
}

TEST(RunCheck, EmitsAnEventJoinedWithAResponseThatFollowsIt) {
  const RunRequest request =
      JsonRunOf({"artifacts/cloudtrail/log.json", "responses/aws-three-roles.xml"});
  std::ostringstream out;
  RunOutcome outcome = RunCheck(request, out);
  ASSERT_FALSE(outcome.usage_error.has_value());
  nlohmann::json report = nlohmann::json::parse(out.str());
  const nlohmann::json* joined = nullptr;
  for (const nlohmann::json& r : report["results"]) {
    if (r.value("part", "") == "/Records/3") joined = &r;
  }
  ASSERT_NE(joined, nullptr);
  ASSERT_EQ((*joined)["evaluations"].size(), 1u);
  EXPECT_EQ((*joined)["evaluations"][0]["role"], "arn:aws:iam::123456789012:role/ReadOnly");
  EXPECT_EQ(report["results"].back()["kind"], "saml-response");
}

/// The JSON results of a run over `inputs`, without what names the input.
nlohmann::json ResultsOf(const std::vector<std::string>& inputs) {
  RunRequest request;
  request.inputs = inputs;
  request.format = "json";
  request.no_config = true;
  request.jobs = 2;
  std::ostringstream out;
  RunOutcome outcome = RunCheck(request, out);
  EXPECT_FALSE(outcome.usage_error.has_value());
  nlohmann::json results = nlohmann::json::parse(out.str())["results"];
  for (nlohmann::json& r : results) {
    r.erase("input");
    for (nlohmann::json& d : r["diagnostics"]) d.erase("fingerprint");  // from the input's path
  }
  return results;
}

TEST(RunCheck, InputsPastWhatRecognitionHoldsAreReadAgainUnderTheSameDeclarations) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "samlint-run-held-bytes";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string response = ReadTestData("responses/aws-three-roles.xml");
  // Whitespace after the root element changes nothing in the report, but
  // three such inputs are more than a run holds from recognition to checking.
  const std::string padding(std::size_t{3} << 20, '\n');
  std::vector<std::string> small;
  std::vector<std::string> large;
  for (int i = 0; i < 3; ++i) {
    const fs::path s = dir / ("small" + std::to_string(i) + ".xml");
    const fs::path l = dir / ("large" + std::to_string(i) + ".xml");
    std::ofstream(s, std::ios::binary) << response;
    std::ofstream(l, std::ios::binary) << response << padding;
    small.push_back(s.string());
    large.push_back(l.string());
  }
  const nlohmann::json undeclared = ResultsOf(small);
  const fs::path role = dir / "role.json";
  std::ofstream(role) << R"({"Role": {"RoleName": "ReadOnly", "MaxSessionDuration": 7200,)"
                      << R"( "Arn": "arn:aws:iam::123456789012:role/ReadOnly"}})";
  // The declarations come last: every response is checked under them.
  small.push_back(role.string());
  large.push_back(role.string());
  const nlohmann::json held = ResultsOf(small);
  const nlohmann::json read_again = ResultsOf(large);
  ASSERT_EQ(held.size(), 4u);
  EXPECT_NE(held[0], undeclared[0]) << "the declarations change the responses' results";
  EXPECT_EQ(read_again, held);
  fs::remove_all(dir);
}

const Timestamp kSignIn = *ParseDateTime("2026-01-01T00:00:00Z");

TEST(PrepareInput, KeepsTheBytesOfASamlResponseOnly) {
  PreparedInput in = PrepareInput("r.xml", "<samlp:Response/>", Limits{}, kSignIn);
  EXPECT_EQ(in.kind, InputKind::kSamlResponse);
  EXPECT_EQ(in.bytes, "<samlp:Response/>");
  EXPECT_FALSE(in.declarations.has_value());
}

TEST(PrepareInput, ReadsADeclarationsFileOnceForItsFindingsAndTheRun) {
  const std::string role =
      R"({"Role": {"Arn": "arn:aws:iam::123456789012:role/Ops", "RoleName": "Ops",)"
      R"( "MaxSessionDuration": 90000}})";
  PreparedInput in = PrepareInput("role.json", role, Limits{}, kSignIn);
  EXPECT_EQ(in.kind, InputKind::kFinished);
  EXPECT_TRUE(in.bytes.empty());
  ASSERT_TRUE(in.declarations.has_value());
  ASSERT_EQ(in.declarations->roles.size(), 1u);
  EXPECT_EQ(in.declarations->roles[0].name, "Ops");
  ASSERT_EQ(in.finished.size(), 1u);
  ASSERT_EQ(in.finished[0].diagnostics.size(), 1u);
  EXPECT_EQ(in.finished[0].diagnostics[0].rule, Rule::kRoleMaxOutOfRange);
}

TEST(PrepareInput, AConfigDeclaresNothing) {
  PreparedInput in = PrepareInput("samlint.toml", "cloud = \"aws\"\n", Limits{}, kSignIn);
  EXPECT_EQ(in.kind, InputKind::kFinished);
  EXPECT_FALSE(in.declarations.has_value());
  ASSERT_EQ(in.finished.size(), 1u);
  EXPECT_EQ(in.finished[0].kind, ResultKind::kConfig);
}

}  // namespace
}  // namespace samlint
