// Output that scales, through the binary: findings name their role in every
// format, several inputs get one summary line each, rule selection, exit-zero,
// statistics and quiet (README § Command line, issue #13 item 5).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "e2e/e2e_util.h"

namespace samlint::e2e {
namespace {

namespace fs = std::filesystem;
using samlint::testing::TestData;
using samlint::testing::With;

constexpr const char* kThreeRoles = "testdata/responses/aws-three-roles.xml";
constexpr const char* kExample1 = "testdata/examples/aliyun-console-clamped.xml";
const std::vector<std::string> kExample1Options = {"--scenario",         "aliyun:saml-console",
                                                   "--login-session",    "6h",
                                                   "--role-max-session", "1h",
                                                   "--target",           "8h"};
const std::vector<std::string> kRoles = {"arn:aws:iam::123456789012:role/ReadOnly",
                                         "arn:aws:iam::123456789012:role/Admin",
                                         "arn:aws:iam::210987654321:role/Deploy"};

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The rule ids of every diagnostic of a JSON report, in order.
std::vector<std::string> RuleIds(const Checked& c) {
  std::vector<std::string> ids;
  for (const json& r : c.Results()) {
    for (const json& d : Get(r, "diagnostics")) ids.push_back(Get(d, "rule").get<std::string>());
  }
  return ids;
}

// A directory of its own under the system's temporary directory.
fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("samlint-output-e2e-" +
                  std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// ---------------------------------------------------------------------------
// Findings name their role

TEST(E2eOutput, TextFindingsOfSeveralRolesNameTheirRole) {
  CliRun run = RunCli({"check", kThreeRoles, "--scenario", "aws:saml-console", "--target", "12h"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  for (const std::string& role : kRoles) {
    // The tag repeats the evaluation's header, "SCENARIO  ROLE", in brackets.
    EXPECT_EQ(Count(run.out, "  aws:saml-console  " + role + "\n"), 1u) << run.out;
    EXPECT_EQ(Count(run.out, "error   lifetime-below-target [aws:saml-console " + role + "]\n"), 1u)
        << run.out;
  }
}

TEST(E2eOutput, SarifAndGithubMessagesOfSeveralRolesDiffer) {
  const std::vector<std::string> args = {"check", kThreeRoles, "--scenario", "aws:saml-console",
                                         "--target", "12h", "--format"};
  CliRun sarif = RunCli(With(args, {"sarif"}));
  EXPECT_EQ(sarif.exit_code, 1) << sarif.err;
  json log = sarif.Json();
  std::set<std::string> texts;
  std::size_t below = 0;
  for (const json& r : Get(At(Get(log, "runs"), 0), "results")) {
    if (Get(r, "ruleId") != "lifetime-below-target") continue;
    ++below;
    std::string text = Get(Get(r, "message"), "text").get<std::string>();
    std::string role = Get(Get(r, "properties"), "role").get<std::string>();
    EXPECT_EQ(text.rfind("[aws:saml-console " + role + "] The session lasts", 0), 0u) << text;
    texts.insert(text);
  }
  EXPECT_EQ(below, 3u) << sarif.out;
  EXPECT_EQ(texts.size(), 3u) << sarif.out;

  CliRun github = RunCli(With(args, {"github"}));
  EXPECT_EQ(github.exit_code, 1) << github.err;
  for (const std::string& role : kRoles) {
    EXPECT_EQ(Count(github.out, "title=lifetime-below-target::[aws:saml-console " + role + "] "), 1u)
        << github.out;
  }
}

// ---------------------------------------------------------------------------
// Several inputs: one summary line each

TEST(E2eOutput, SeveralInputsGetOneSummaryLineEachAndTheirFindings) {
  const std::vector<std::string> args = {"check", "testdata/batch", kThreeRoles, "--target", "12h"};
  CliRun run = RunCli(args);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  Checked json_run = Check({"testdata/batch", kThreeRoles, "--target", "12h"});
  ASSERT_EQ(json_run.ResultCount(), 4u) << json_run.Dump();
  // Each input's name starts exactly one line; no factor table, no time-of-use line.
  for (const json& r : json_run.Results()) {
    std::string input = Get(r, "input").get<std::string>();
    std::size_t starts = 0;
    for (const std::string& line : Lines(run.out)) starts += line.rfind(input + "  ", 0) == 0;
    EXPECT_EQ(starts, 1u) << input << "\n" << run.out;
  }
  EXPECT_EQ(run.out.find("time of use"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("    > "), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("session 8h 00m, target"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\ntestdata/responses/aws-three-roles.xml  (aws)  aws:saml-console "
                         "role/ReadOnly: 8h 00m, below target 12h 00m (session_duration_attribute "
                         "binds); aws:saml-console role/Admin: 8h 00m"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("\ntestdata/batch/broken-truncated.xml  (unreadable)\n   34:157  error   "
                         "xml-malformed\n"),
            std::string::npos)
      << run.out;
  // Every finding is still there, one header line each.
  std::size_t findings = 0;
  for (const json& r : json_run.Results()) findings += Get(r, "diagnostics").size();
  std::size_t headers = 0;
  for (const std::string& line : Lines(run.out)) {
    headers += line.find("  error   ") != std::string::npos ||
               line.find("  warning ") != std::string::npos ||
               line.find("  note    ") != std::string::npos;
  }
  EXPECT_EQ(headers, findings) << run.out;
  EXPECT_EQ(Lines(run.out).back().rfind("4 inputs checked, ", 0), 0u) << run.out;
}

TEST(E2eOutput, ExplainOrASingleInputKeepsTheFactorTables) {
  CliRun explained = RunCli({"check", "testdata/batch", "--target", "12h", "--explain"});
  EXPECT_EQ(explained.exit_code, 1) << explained.err;
  EXPECT_NE(explained.out.find("\n  aws:saml-console  arn:aws:iam::123456789012:role/ops\n    "
                               "session 4h 00m, target 12h 00m (below target)\n    > "
                               "session_duration_attribute"),
            std::string::npos)
      << explained.out;
  EXPECT_EQ(Count(explained.out, "time of use"), 2u) << explained.out;
  CliRun single = RunCli({"check", "testdata/batch/aws-console.xml", "--target", "12h"});
  EXPECT_NE(single.out.find("    > session_duration_attribute"), std::string::npos) << single.out;
}

// ---------------------------------------------------------------------------
// --select, --extend-select, --ignore

TEST(E2eOutput, SelectIgnoreAndExtendSelectChooseTheReportedRules) {
  const std::vector<std::string> base = {"testdata/batch", kThreeRoles, "--target", "12h"};
  Checked all = Check(base);
  std::vector<std::string> every = RuleIds(all);
  ASSERT_FALSE(every.empty()) << all.Dump();

  Checked signature = Check(With(base, {"--select", "signature-"}));
  for (const std::string& id : RuleIds(signature)) {
    EXPECT_TRUE(id.starts_with("signature-") || id == "xml-malformed") << id;
  }
  EXPECT_EQ(Count(signature.run.out, "\"signature-missing\""),
            Count(all.run.out, "\"signature-missing\""));
  // An input that could not be read stays reported, and still fails the run.
  EXPECT_EQ(Count(signature.run.out, "\"xml-malformed\""), 1u) << signature.Dump();
  EXPECT_EQ(signature.run.exit_code, 1);

  Checked ignored = Check(With(base, {"--ignore", "assumed-default,signature-missing"}));
  std::vector<std::string> expected;
  for (const std::string& id : every) {
    if (id != "assumed-default" && id != "signature-missing") expected.push_back(id);
  }
  EXPECT_EQ(RuleIds(ignored), expected);
  // Left-out findings are not suppressed ones.
  EXPECT_EQ(Get(Get(ignored.report, "summary"), "suppressed"), 0) << ignored.Dump();

  Checked extended = Check(With(base, {"--select", "lifetime-below-target", "--extend-select",
                                       "assumed-"}));
  for (const std::string& id : RuleIds(extended)) {
    EXPECT_TRUE(id == "lifetime-below-target" || id == "assumed-default" || id == "xml-malformed")
        << id;
  }
  EXPECT_NE(Count(extended.run.out, "\"assumed-default\""), 0u);

  // --fail-on counts only what is reported.
  CliRun notes_only = RunCli({"check", kExample1, "--scenario", "aliyun:saml-console", "--target",
                              "8h", "--ignore", "lifetime-"});
  EXPECT_EQ(notes_only.exit_code, 0) << notes_only.out;
}

TEST(E2eOutput, ASelectorThatNamesNoRuleIsAUsageErrorWithASuggestion) {
  CliRun run = RunCli({"check", kExample1, "--select", "signatur-"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err,
            "samlint: --select: 'signatur-' matches no rule (did you mean 'signature-'?); run "
            "'samlint rules' for the list\n");
  CliRun ignore = RunCli({"check", kExample1, "--ignore", "asumed-default", "--exit-zero"});
  EXPECT_EQ(ignore.exit_code, 2);
  EXPECT_NE(ignore.err.find("--ignore: 'asumed-default' matches no rule (did you mean "
                            "'assumed-default'?)"),
            std::string::npos)
      << ignore.err;
}

TEST(E2eOutput, TheConfigSelectsAndTheCommandLineLayersOverIt) {
  fs::path dir = TempDir("config-select");
  fs::copy_file(TestData("batch/aws-console.xml"), dir / "aws-console.xml");
  std::ofstream(dir / "samlint.toml") << "target = \"12h\"\nignore = [\"assumed-default\"]\n"
                                         "[rules]\n\"signature-missing\" = \"off\"\n";
  const std::string input = (dir / "aws-console.xml").string();
  Checked config = Check({input});
  std::vector<std::string> ids = RuleIds(config);
  EXPECT_EQ(ids, (std::vector<std::string>{"lifetime-below-target", "lifetime-below-target"}))
      << config.Dump();
  Checked back = Check({input, "--extend-select", "assumed-default,signature-missing"});
  EXPECT_NE(Count(back.run.out, "\"assumed-default\""), 0u) << back.Dump();
  EXPECT_EQ(Count(back.run.out, "\"signature-missing\""), 1u) << back.Dump();
  std::ofstream(dir / "samlint.toml") << "ignore = [\"asumed-default\"]\n";
  CliRun broken = RunCli({"check", input});
  EXPECT_EQ(broken.exit_code, 2);
  EXPECT_NE(broken.err.find("'ignore': 'asumed-default' matches no rule (did you mean "
                            "'assumed-default'?)"),
            std::string::npos)
      << broken.err;
  fs::remove_all(dir);
}

// ---------------------------------------------------------------------------
// --exit-zero

TEST(E2eOutput, ExitZeroKeepsTheReportAndExitsZero) {
  CliRun failing = RunCli(With({"check", kExample1}, kExample1Options));
  ASSERT_EQ(failing.exit_code, 1) << failing.err;
  CliRun zero = RunCli(With(With({"check", kExample1}, kExample1Options), {"--exit-zero"}));
  EXPECT_EQ(zero.exit_code, 0) << zero.err;
  EXPECT_EQ(zero.out, failing.out);
  CliRun warning = RunCli({"check", kExample1, "--fail-on", "note", "--exit-zero"});
  EXPECT_EQ(warning.exit_code, 0) << warning.err;
  CliRun usage = RunCli({"check", kExample1, "--target", "abc", "--exit-zero"});
  EXPECT_EQ(usage.exit_code, 2) << usage.out;
}

// ---------------------------------------------------------------------------
// --statistics

TEST(E2eOutput, StatisticsCountTheReportedFindingsPerRuleAndSeverity) {
  const std::vector<std::string> base = {"testdata/batch", kThreeRoles, "--target", "12h"};
  Checked reference = Check(base);
  std::map<std::pair<std::string, std::string>, int> counts;
  for (const json& r : reference.Results()) {
    for (const json& d : Get(r, "diagnostics")) {
      ++counts[{Get(d, "rule").get<std::string>(), Get(d, "severity").get<std::string>()}];
    }
  }
  CliRun text = RunCli(With(With({"check"}, base), {"--statistics"}));
  EXPECT_EQ(text.exit_code, 1) << text.err;
  std::vector<std::string> lines = Lines(text.out);
  ASSERT_GE(lines.size(), counts.size() + 2);
  // After the closing counts and a blank line: one row per rule and severity,
  // most frequent first.
  std::size_t first = lines.size() - counts.size();
  EXPECT_EQ(lines[first - 1], "");
  EXPECT_EQ(lines[first - 2].find("4 inputs checked"), 0u) << lines[first - 2];
  int previous = 1 << 30;
  for (std::size_t i = first; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    int count = 0;
    std::string severity, rule;
    row >> count >> severity >> rule;
    EXPECT_EQ(count, (counts[{rule, severity}])) << lines[i];
    EXPECT_LE(count, previous) << text.out;
    previous = count;
  }

  // A machine format stays one document on stdout; the table goes to stderr.
  CliRun json_run = RunCli(With(With({"check"}, base), {"--statistics", "--format", "json"}));
  EXPECT_FALSE(json_run.Json().is_null()) << json_run.out;
  std::vector<std::string> text_rows(lines.begin() + static_cast<std::ptrdiff_t>(first), lines.end());
  EXPECT_EQ(Lines(json_run.err), text_rows) << json_run.err;
}

// ---------------------------------------------------------------------------
// --quiet

TEST(E2eOutput, QuietPrintsTheFindingsOnlyAndKeepsTheExitStatus) {
  CliRun full = RunCli({"check", "testdata/batch", "--target", "12h", "--explain"});
  CliRun quiet = RunCli({"check", "testdata/batch", "--target", "12h", "-q"});
  EXPECT_EQ(quiet.exit_code, 1) << quiet.err;
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out.find("checked"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("time of use"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("aws:saml-console role/ops:"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find("    > "), std::string::npos) << quiet.out;
  // Every finding line of the full report, in the same order.
  std::vector<std::string> finding_lines;
  for (const std::string& line : Lines(full.out)) {
    bool finding = line.find("  error   ") != std::string::npos ||
                   line.find("  note    ") != std::string::npos ||
                   line.find("  warning ") != std::string::npos;
    if ((line.starts_with("   ") && finding) || line.starts_with("           ")) {
      finding_lines.push_back(line);
    }
  }
  std::vector<std::string> quiet_findings;
  for (const std::string& line : Lines(quiet.out)) {
    if (line.starts_with("   ")) quiet_findings.push_back(line);
  }
  EXPECT_EQ(quiet_findings, finding_lines) << quiet.out;
  EXPECT_EQ(Lines(quiet.out).front(), "testdata/batch/aws-console.xml  (aws)");

  CliRun clean = RunCli({"check", "testdata/batch/aws-console.xml", "--ignore", "ALL", "-q"});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.out, "");
  CliRun both = RunCli({"check", "testdata/batch", "--quiet", "--explain"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(both.err, "samlint: --explain and --quiet exclude each other\n");
}

}  // namespace
}  // namespace samlint::e2e
