// Google Cloud Workforce Identity Federation through the binary (issue #14
// item 2; more-clouds.md § Google Cloud Workforce Identity Federation, worked
// example 1): detection, the three scenarios, --workforce-pool-session and
// gcloud / Terraform declarations, in the JSON report.
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

constexpr const char* kExample1 = "testdata/responses/gcp-workforce-8h.xml";
constexpr const char* kPool = "testdata/declarations/gcloud-workforce-pool.json";
constexpr const char* kRestricted = "testdata/declarations/gcloud-workforce-pool-restricted.json";
constexpr const char* kDisabled = "testdata/declarations/gcloud-workforce-pool-disabled.json";
constexpr const char* kTerraform = "testdata/declarations/terraform-workforce-pool.json";

std::set<std::string> Rules(const json& result) {
  std::set<std::string> out;
  for (const json& d : Get(result, "diagnostics")) out.insert(Get(d, "rule").get<std::string>());
  return out;
}

// 1. Google console, pool sessionDuration undeclared, SessionNotOnOrAfter =
//    t_use + 8 h, target 8 h -> effective 3600, binding
//    workforce_pool_session_duration (assumed).
TEST(E2eGcpWorkforce, WorkedExample1) {
  Checked c = Check({kExample1, "--scenario", "gcp:workforce-console", "--target", "8h"});
  ASSERT_EQ(c.ResultCount(), 1u) << c.Dump();
  EXPECT_EQ(c.run.exit_code, 1) << "lifetime-below-target is an error\n" << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "gcp");
  EXPECT_EQ(Get(r, "roles"), json::array());
  ASSERT_EQ(Get(r, "evaluations").size(), 1u) << c.Dump();
  const json& e = FindEval(r, "gcp:workforce-console");
  EXPECT_TRUE(IsNullField(e, "role"));
  ExpectIssued(e, 3600, {"workforce_pool_session_duration"});
  ExpectFactors(e, {{"workforce_pool_session_duration", 3600, true},
                    {"session_not_on_or_after", 28800, false}});
  ExpectSignedNull(e, "workforce_pool_session_duration");
  EXPECT_EQ(Get(Get(Factor(e, "session_not_on_or_after"), "source"), "line"),
            LineIn(kExample1, "SessionNotOnOrAfter=\""));
  EXPECT_EQ(Strings(Get(e, "clamps")),
            std::vector<std::string>{"workforce_pool_session_duration"});
  std::vector<json> below = Diags(r, "lifetime-below-target");
  ASSERT_EQ(below.size(), 1u) << c.Dump();
  EXPECT_NE(Wording(below[0]).find("`gcloud iam workforce-pools update corp-staff "
                                   "--location=global --session-duration=28800s`"),
            std::string::npos)
      << c.Dump();
  EXPECT_EQ(Rules(r), (std::set<std::string>{"assumed-default", "lifetime-below-target",
                                             "signature-missing"}))
      << c.Dump();
}

TEST(E2eGcpWorkforce, DetectedWithoutCloudAndEvaluatedForConsoleAndToken) {
  Checked c = Check({kExample1});
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "cloud"), "gcp");
  ASSERT_EQ(Get(r, "evaluations").size(), 2u) << c.Dump();
  ExpectIssued(FindEval(r, "gcp:workforce-console"), 3600, {"workforce_pool_session_duration"});
  ExpectIssued(FindEval(r, "gcp:workforce-token"), 3600, {"workforce_pool_session_duration"});
  for (const char* rule : {"role-attribute-missing", "role-session-name-missing",
                           "cloud-undetected", "audience-mismatch", "recipient-mismatch"}) {
    EXPECT_EQ(Rules(r).count(rule), 0u) << rule << "\n" << c.Dump();
  }
}

TEST(E2eGcpWorkforce, EachScenarioWithTheDeclaredPool) {
  // gcloud describe: sessionDuration 28800s = SessionNotOnOrAfter: both bind.
  for (const char* scenario : {"gcp:workforce-console", "gcp:workforce-token",
                               "gcp:workforce-iap"}) {
    Checked c = Check({kExample1, "--scenario", scenario, "--declarations", kPool, "--target",
                       "8h"});
    EXPECT_EQ(c.run.exit_code, 0) << scenario << "\n" << c.Dump();
    const json& e = FindEval(c.Result(), scenario);
    ExpectIssued(e, 28800, {"workforce_pool_session_duration", "session_not_on_or_after"});
    ExpectFactors(e, {{"workforce_pool_session_duration", 28800, false},
                      {"session_not_on_or_after", 28800, false}});
    EXPECT_NE(Get(Factor(e, "workforce_pool_session_duration"), "declared_in")
                  .get<std::string>()
                  .find("gcloud iam workforce-pools describe"),
              std::string::npos)
        << c.Dump();
  }
  // The option: 2 h binds below SessionNotOnOrAfter.
  Checked option = Check({kExample1, "--scenario", "gcp:workforce-iap",
                          "--workforce-pool-session", "2h"});
  const json& e = FindEval(option.Result(), "gcp:workforce-iap");
  ExpectIssued(e, 7200, {"workforce_pool_session_duration"});
  EXPECT_EQ(Get(Factor(e, "workforce_pool_session_duration"), "declared_in"),
            "--workforce-pool-session");
}

TEST(E2eGcpWorkforce, RejectedByThePoolsState) {
  Checked restricted = Check({kExample1, "--declarations", kRestricted});
  EXPECT_EQ(restricted.run.exit_code, 1) << restricted.Dump();
  const json& r = restricted.Result();
  ExpectRejected(FindEval(r, "gcp:workforce-token"));
  ExpectIssued(FindEval(r, "gcp:workforce-console"), 3600, {"workforce_pool_session_duration"});
  std::vector<json> refused = Diags(r, "workforce-pool-sign-in-disabled");
  ASSERT_EQ(refused.size(), 1u) << restricted.Dump();
  EXPECT_EQ(Get(refused[0], "scenario"), "gcp:workforce-token");

  Checked disabled = Check({kExample1, "--declarations", kDisabled, "--scenario",
                            "gcp:workforce-iap"});
  EXPECT_EQ(disabled.run.exit_code, 1) << disabled.Dump();
  ExpectRejected(FindEval(disabled.Result(), "gcp:workforce-iap"));

  Checked out_of_range = Check({kExample1, "--workforce-pool-session", "13h"});
  EXPECT_EQ(out_of_range.run.exit_code, 1);
  ExpectRejected(FindEval(out_of_range.Result(), "gcp:workforce-console"));
  EXPECT_EQ(Diags(out_of_range.Result(), "workforce-pool-session-out-of-range").size(), 2u)
      << out_of_range.Dump();
}

TEST(E2eGcpWorkforce, TerraformPlanAndCloudOption) {
  Checked c = Check({kExample1, "--cloud", "gcp", "--declarations", kTerraform});
  const json& r = c.Result();
  ExpectIssued(FindEval(r, "gcp:workforce-console"), 7200, {"workforce_pool_session_duration"});
  ExpectRejected(FindEval(r, "gcp:workforce-token"));

  // A scenario of another cloud is a usage error with --cloud gcp.
  Checked wrong = Check({kExample1, "--cloud", "gcp", "--scenario", "aws:saml-console"});
  EXPECT_EQ(wrong.run.exit_code, 2);
}

TEST(E2eGcpWorkforce, OptionIgnoredElsewhere) {
  Checked c = Check({"testdata/responses/aws-api.xml", "--workforce-pool-session", "2h"});
  std::vector<json> ignored = Diags(c.Result(), "option-ignored");
  ASSERT_EQ(ignored.size(), 1u) << c.Dump();
  EXPECT_NE(Wording(ignored[0]).find("--workforce-pool-session"), std::string::npos);
}

// README § Google Cloud Workforce Identity Federation: each example's output
// is what the binary prints, byte for byte.
TEST(E2eGcpWorkforce, ReadmeExamplesAreWhatTheBinaryPrints) {
  const std::string readme = ReadSource("README.md");
  const std::string section = "## Google Cloud Workforce Identity Federation\n";
  std::size_t at = readme.find(section);
  ASSERT_NE(at, std::string::npos);
  const std::size_t end = readme.find("\n## ", at + section.size());
  int examples = 0;
  const std::string fence = "```console\n$ samlint ";
  for (at = readme.find(fence, at); at < end; at = readme.find(fence, at)) {
    at += fence.size() - std::string("samlint ").size();
    // The command: lines ending in " \\" continue on the next.
    std::string command;
    std::size_t line_end = readme.find('\n', at);
    for (;;) {
      std::string line = readme.substr(at, line_end - at);
      at = line_end + 1;
      if (line.size() >= 2 && line.compare(line.size() - 2, 2, " \\") == 0) {
        command += line.substr(0, line.size() - 1);
        line_end = readme.find('\n', at);
        continue;
      }
      command += line;
      break;
    }
    const std::size_t close = readme.find("```\n", at);
    ASSERT_NE(close, std::string::npos);
    const std::string expected = readme.substr(at, close - at);
    std::vector<std::string> args;
    std::istringstream words(command);
    for (std::string w; words >> w;) args.push_back(w);
    ASSERT_GE(args.size(), 2u);
    ASSERT_EQ(args[0], "samlint");
    args.erase(args.begin());
    CliRun run = RunCli(args);
    EXPECT_EQ(run.out, expected) << command;
    ++examples;
  }
  EXPECT_EQ(examples, 2);
}

}  // namespace
}  // namespace samlint::e2e
