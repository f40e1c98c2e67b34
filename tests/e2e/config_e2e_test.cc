// The project config, declarations files as INPUT, inline suppressions and
// baselines through the CLI (docs/config.md), with fixtures in testdata/config/.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

namespace fs = std::filesystem;

const json& ResultFor(const Checked& c, const std::string& input) {
  static const json kNull;
  for (const json& r : c.Results()) {
    if (Get(r, "input") == input) return r;
  }
  return kNull;
}

std::string TempFile(const std::string& name, const std::string& text) {
  fs::path p = fs::temp_directory_path() /
               ("samlint-e2e-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                "-" + name);
  std::ofstream(p) << text;
  return p.string();
}

TEST(E2eConfig, PerRoleTargetsAreChosenPerRole) {
  Checked c = Check({"testdata/config/per-role/aws-three-roles.xml"});
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(FindEval(r, "aws:saml-console", "arn:aws:iam::123456789012:role/Admin"),
                "target_seconds"),
            1800)
      << c.Dump();
  EXPECT_EQ(Get(FindEval(r, "aws:saml-console", "arn:aws:iam::210987654321:role/Deploy"),
                "target_seconds"),
            43200);
  EXPECT_EQ(Get(FindEval(r, "aws:saml-console", "arn:aws:iam::123456789012:role/ReadOnly"),
                "target_seconds"),
            28800);
  // Only the scenarios the config names.
  EXPECT_EQ(Get(r, "evaluations").size(), 3u);
}

TEST(E2eConfig, DiscoveryWalksUpFromTheInputsDirectory) {
  Checked c = Check({"testdata/config/walk-up/deep/dir/response.xml"});
  ASSERT_EQ(Get(c.Result(), "evaluations").size(), 1u) << c.Dump();
  const json& e = At(Get(c.Result(), "evaluations"), 0);
  EXPECT_EQ(Get(e, "scenario"), "aws:saml-api");
  EXPECT_EQ(Get(e, "target_seconds"), 32400);
}

TEST(E2eConfig, CommandLineWinsOverTheConfig) {
  Checked c = Check({"testdata/config/per-role/aws-three-roles.xml", "--target", "1h", "--scenario",
                     "aws:saml-api"});
  const json& r = c.Result();
  for (const json& e : Get(r, "evaluations")) {
    EXPECT_EQ(Get(e, "scenario"), "aws:saml-api");
    EXPECT_EQ(Get(e, "target_seconds"), 3600) << c.Dump();
  }
}

TEST(E2eConfig, NoConfigIgnoresIt) {
  Checked c = Check({"testdata/config/per-role/aws-three-roles.xml", "--no-config"});
  EXPECT_EQ(Get(c.Result(), "evaluations").size(), 6u) << c.Dump();
  EXPECT_TRUE(IsNullField(At(Get(c.Result(), "evaluations"), 0), "target_seconds"));
}

TEST(E2eConfig, ExplicitConfigOverridesDiscovery) {
  Checked c = Check({"testdata/config/per-role/aws-three-roles.xml", "--config",
                     "testdata/config/rules/samlint.toml"});
  // The rules config names no scenario: both AWS defaults, and no target.
  EXPECT_EQ(Get(c.Result(), "evaluations").size(), 6u) << c.Dump();
  EXPECT_TRUE(Diags(c.Result(), "assumed-default").empty()) << c.Dump();
}

TEST(E2eConfig, RuleSettingsChangeSeverityAndExitCode) {
  Checked plain = Check({"testdata/config/rules/aws-api.xml", "--no-config", "--cloud", "aws"});
  ASSERT_FALSE(Diags(plain.Result(), "assumed-default").empty()) << plain.Dump();
  std::vector<json> missing = Diags(plain.Result(), "signature-missing");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(Get(missing[0], "severity"), "note");

  Checked c = Check({"testdata/config/rules/aws-api.xml"});
  EXPECT_TRUE(Diags(c.Result(), "assumed-default").empty()) << c.Dump();
  missing = Diags(c.Result(), "signature-missing");
  ASSERT_EQ(missing.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(missing[0], "severity"), "error");
  EXPECT_EQ(c.run.exit_code, 1);

  // The same in SARIF.
  CliRun sarif = RunCli({"check", "testdata/config/rules/aws-api.xml", "--format", "sarif"});
  EXPECT_NE(sarif.out.find("\"ruleId\": \"signature-missing\",\n          \"ruleIndex\""),
            std::string::npos);
  json s = sarif.Json();
  bool found = false;
  for (const json& res : s["runs"][0]["results"]) {
    EXPECT_NE(res["ruleId"], "assumed-default");
    if (res["ruleId"] == "signature-missing") {
      EXPECT_EQ(res["level"], "error");
      found = true;
    }
  }
  EXPECT_TRUE(found) << sarif.out;
}

TEST(E2eConfig, ConfigDeclarationsAreRelativeToTheConfig) {
  Checked c = Check({"testdata/config/rules/aws-api.xml"});
  const json& e = FindEval(c.Result(), "aws:saml-api");
  // On AWS API scenarios the declared role maximum is context (it only refuses).
  const json& role_max = FindNamed(e, "context", "role_max_session_duration");
  EXPECT_EQ(Get(role_max, "seconds"), 43200) << c.Dump();
  EXPECT_EQ(Get(role_max, "declared_in"),
            "testdata/declarations/aws-get-role.json:26 (aws iam get-role)");
}

TEST(E2eConfig, BrokenConfigIsAOneLineUsageError) {
  CliRun run = RunCli({"check", "testdata/config/broken/aws-api.xml"});
  EXPECT_EQ(run.exit_code, 2) << run.out;
  EXPECT_EQ(run.err,
            "samlint: config: testdata/config/broken/samlint.toml:2:1: unknown key 'tagret' (did "
            "you mean 'target'?)\n");
}

TEST(E2eConfig, ConfigAsInputGivesConfigInvalidFindings) {
  Checked c = Check({"testdata/config/input-config/samlint.toml"});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  ASSERT_EQ(c.Results().size(), 1u) << c.Dump();
  const json& r = c.Result();
  EXPECT_EQ(Get(r, "kind"), "config");
  std::vector<json> found = Diags(r, "config-invalid");
  ASSERT_EQ(found.size(), 2u) << c.Dump();
  EXPECT_EQ(Get(Get(found[0], "location"), "line"), 3);
  EXPECT_NE(Get(found[0], "message").get<std::string>().find("did you mean 'target'?"),
            std::string::npos);
  EXPECT_EQ(Get(Get(found[1], "location"), "line"), 6);
  EXPECT_NE(Get(found[1], "message").get<std::string>().find("did you mean 'audience-mismatch'?"),
            std::string::npos);
}

TEST(E2eConfig, ValidConfigAsInputIsClean) {
  Checked c = Check({"testdata/config/per-role/samlint.toml"});
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "kind"), "config");
  EXPECT_TRUE(Get(c.Result(), "diagnostics").empty());
}

TEST(E2eConfig, ExcludesApplyInDirectoriesAndToNamedFilesWithForceExclude) {
  Checked dir = Check({"testdata/config/exclude"});
  std::vector<std::string> inputs;
  for (const json& r : dir.Results()) inputs.push_back(Get(r, "input"));
  EXPECT_EQ(inputs, (std::vector<std::string>{"testdata/config/exclude/keep.xml",
                                              "testdata/config/exclude/samlint.toml"}))
      << dir.Dump();
  EXPECT_EQ(Get(Get(dir.report, "summary"), "skipped"), 2);

  // An INPUT named on the command line is always checked (cli-contract.md,
  // Directories), unless --force-exclude, as pre-commit's hook gives it.
  Checked named =
      Check({"testdata/config/exclude/sub/skip-me.xml", "testdata/config/exclude/keep.xml"});
  EXPECT_EQ(named.Results().size(), 2u) << named.Dump();
  Checked forced = Check({"testdata/config/exclude/sub/skip-me.xml",
                          "testdata/config/exclude/keep.xml", "--force-exclude"});
  ASSERT_EQ(forced.Results().size(), 1u) << forced.Dump();
  EXPECT_EQ(Get(forced.Result(), "input"), "testdata/config/exclude/keep.xml");
  EXPECT_EQ(Get(Get(forced.report, "summary"), "skipped"), 1);
}

TEST(E2eDeclarationsInput, AGetRoleFileIsADeclarationsResultAndJoinsTheRun) {
  Checked c = Check({"testdata/declarations/aws-get-role.json", "testdata/responses/aws-api.xml",
                     "--scenario", "aws:saml-api"});
  ASSERT_EQ(c.Results().size(), 2u) << c.Dump();
  const json& decl = ResultFor(c, "testdata/declarations/aws-get-role.json");
  EXPECT_EQ(Get(decl, "kind"), "declarations") << c.Dump();
  EXPECT_TRUE(Get(decl, "diagnostics").empty());
  const json& saml = ResultFor(c, "testdata/responses/aws-api.xml");
  const json& role_max =
      FindNamed(FindEval(saml, "aws:saml-api"), "context", "role_max_session_duration");
  EXPECT_EQ(Get(role_max, "seconds"), 43200) << c.Dump();
  EXPECT_NE(Get(role_max, "declared_in").get<std::string>().find("aws-get-role.json"),
            std::string::npos);
}

TEST(E2eDeclarationsInput, AloneItIsNotUnreadable) {
  Checked c = Check({"testdata/declarations/aws-get-role.json"});
  EXPECT_EQ(c.run.exit_code, 0) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "kind"), "declarations");
  EXPECT_EQ(Get(c.Result(), "input"), "testdata/declarations/aws-get-role.json");
}

TEST(E2eDeclarationsInput, OutOfRangeValuesAreReportedAtTheirLine) {
  std::string path =
      TempFile("get-role.json",
               "{\"Role\": {\"RoleName\": \"ops\", \"Arn\": "
               "\"arn:aws:iam::123456789012:role/ops\",\n\"MaxSessionDuration\": 90000}}\n");
  Checked c = Check({path});
  EXPECT_EQ(c.run.exit_code, 1) << c.Dump();
  std::vector<json> found = Diags(c.Result(), "role-max-out-of-range");
  ASSERT_EQ(found.size(), 1u) << c.Dump();
  EXPECT_EQ(Get(Get(found[0], "location"), "line"), 2);
  fs::remove(path);
}

TEST(E2eDeclarationsInput, DedupedWithDeclarationsOption) {
  Checked c = Check({"testdata/declarations/aws-get-role.json", "testdata/responses/aws-api.xml",
                     "--declarations", "testdata/declarations/aws-get-role.json", "--scenario",
                     "aws:saml-api"});
  EXPECT_TRUE(
      Diags(ResultFor(c, "testdata/responses/aws-api.xml"), "declaration-conflict").empty());
  EXPECT_EQ(c.Results().size(), 2u) << c.Dump();
}

TEST(E2eSuppressions, InlineCommentSuppressesAndIsCounted) {
  Checked c = Check({"testdata/config/inline/response.xml", "--cloud", "aws"});
  EXPECT_TRUE(Diags(c.Result(), "audience-mismatch").empty()) << c.Dump();
  EXPECT_EQ(Get(c.Result(), "suppressed"), 1);
  EXPECT_EQ(Get(Get(c.report, "summary"), "suppressed"), 1);
  CliRun text = RunCli({"check", "testdata/config/inline/response.xml", "--cloud", "aws"});
  EXPECT_NE(text.out.find("(1 suppressed)"), std::string::npos) << text.out;
}

TEST(E2eSuppressions, BaselineDropsKnownFindingsOnly) {
  Checked first = Check({"testdata/responses/aws-api.xml", "--cloud", "aws", "--target", "8h"});
  ASSERT_EQ(first.run.exit_code, 1) << first.Dump();
  for (const json& d : Get(first.Result(), "diagnostics")) {
    EXPECT_EQ(Get(d, "fingerprint").get<std::string>().size(), 16u) << d.dump();
  }
  std::string baseline = TempFile("baseline.json", first.run.out);
  Checked again = Check({"testdata/responses/aws-api.xml", "--cloud", "aws", "--target", "8h",
                         "--baseline", baseline});
  EXPECT_EQ(again.run.exit_code, 0) << again.Dump();
  EXPECT_TRUE(Get(again.Result(), "diagnostics").empty()) << again.Dump();
  EXPECT_EQ(Get(again.Result(), "suppressed"), Get(first.Result(), "diagnostics").size());
  // A new finding (another target changes no message digits, another scenario does) is reported.
  Checked more =
      Check({"testdata/responses/aws-api.xml", "testdata/responses/aws-console-no-duration.xml",
             "--cloud", "aws", "--target", "8h", "--baseline", baseline});
  EXPECT_TRUE(Get(ResultFor(more, "testdata/responses/aws-api.xml"), "diagnostics").empty());
  EXPECT_FALSE(Get(ResultFor(more, "testdata/responses/aws-console-no-duration.xml"), "diagnostics")
                   .empty());
  EXPECT_EQ(more.run.exit_code, 1);

  // A SARIF report works as a baseline too.
  CliRun sarif = RunCli({"check", "testdata/responses/aws-api.xml", "--cloud", "aws", "--target",
                         "8h", "--format", "sarif"});
  std::string sarif_baseline = TempFile("baseline.sarif", sarif.out);
  Checked from_sarif = Check({"testdata/responses/aws-api.xml", "--cloud", "aws", "--target", "8h",
                              "--baseline", sarif_baseline});
  EXPECT_TRUE(Get(from_sarif.Result(), "diagnostics").empty()) << from_sarif.Dump();
  fs::remove(baseline);
  fs::remove(sarif_baseline);
}

TEST(E2eSuppressions, MissingOrInvalidBaselineIsAUsageError) {
  CliRun missing = RunCli({"check", "testdata/responses/aws-api.xml", "--baseline", "nope.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err.rfind("samlint: --baseline: nope.json: cannot be read", 0), 0u)
      << missing.err;
  std::string bad = TempFile("bad-baseline.json", "[[[[");
  CliRun invalid = RunCli({"check", "testdata/responses/aws-api.xml", "--baseline", bad});
  EXPECT_EQ(invalid.exit_code, 2);
  EXPECT_NE(invalid.err.find("--baseline: "), std::string::npos) << invalid.err;
  EXPECT_EQ(std::count(invalid.err.begin(), invalid.err.end(), '\n'), 1);
  fs::remove(bad);
}

}  // namespace
}  // namespace samlint::e2e
