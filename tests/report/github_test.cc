// GitHub Actions annotations (--format github): one workflow command per
// diagnostic, escaped so that input text can never start another command.
//
// testdata/report/mixed-inputs.github pins the CLI's output; regenerate it with
//   SAMLINT_UPDATE_GOLDEN=1 samlint_tests --gtest_filter='ReportGithub.Golden*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "samlint/report.h"
#include "support/report_builders.h"
#include "support/run_cli.h"

namespace samlint {
namespace {

using samlint::testing::AssumeRoleDeclarationsResult;
using samlint::testing::Base64SignatureMissingResult;
using samlint::testing::CliRun;
using samlint::testing::Diag;
using samlint::testing::EmitReport;
using samlint::testing::RunCli;
using samlint::testing::XmlResult;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string Emit(const std::vector<CheckResult>& results, const RunSummary& summary = {}) {
  ReportOptions options;
  options.base_directory = "/work/base";
  return EmitReport(ReportFormat::kGithub, results, options, summary);
}

TEST(ReportGithub, GoldenMixedInputs) {
  CliRun run = RunCli(
      {"check", "testdata/encoded/aws-api.b64", "testdata/report/hostile-values.xml", "--scenario",
       "aws:saml-api", "--scenario", "aws:assume-role", "--role-max-session", "1h",
       "--duration-seconds", "2h", "--role-chaining", "--jobs", "1", "--format", "github"});
  ASSERT_EQ(run.exit_code, 1) << run.err;
  std::string path = std::string(SAMLINT_TESTDATA) + "/report/mixed-inputs.github";
  if (std::getenv("SAMLINT_UPDATE_GOLDEN") != nullptr)
    std::ofstream(path, std::ios::binary) << run.out;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "cannot read " << path;
  std::string expected{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  EXPECT_EQ(run.out, expected) << path << " differs; regenerate it with SAMLINT_UPDATE_GOLDEN=1";
}

TEST(ReportGithub, OneCommandPerDiagnosticWithSeverityFileLineAndTitle) {
  CliRun run = RunCli({"check", "testdata/examples/aliyun-console-clamped.xml", "--scenario",
                       "aliyun:saml-console", "--login-session", "6h", "--role-max-session", "1h",
                       "--target", "8h", "--format", "github"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 3u) << run.out;
  EXPECT_EQ(
      lines[0].rfind("::notice file=testdata/examples/aliyun-console-clamped.xml,line=33,col=3,"
                     "title=signature-missing::The response is not signed",
                     0),
      0u)
      << lines[0];
  EXPECT_EQ(lines[1].rfind("::error file=testdata/examples/aliyun-console-clamped.xml,"
                           "title=lifetime-below-target::[aliyun:saml-console "
                           "acs:ram::1234567890123456:role/ops] The session lasts 3600 s",
                           0),
            0u)
      << lines[1];
  EXPECT_NE(lines[1].find("%0AFix: Raise the role maximum"), std::string::npos) << lines[1];
  EXPECT_EQ(lines[2], "samlint: 1 input checked, 0 skipped: 1 error, 0 warnings, 1 note");
}

TEST(ReportGithub, WarningsUseTheWarningCommand) {
  CliRun run =
      RunCli({"check", "testdata/report/aws-destination-warning.xml", "--scenario", "aws:saml-api",
              "--duration-seconds", "2h", "--role-max-session", "12h", "--format", "github"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("::warning file=testdata/report/aws-destination-warning.xml,line="),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find(",title=destination-mismatch::"), std::string::npos) << run.out;
}

TEST(ReportGithub, EscapesMessagesAndProperties) {
  CheckResult r = XmlResult("/work/base/dir/a,b:c%.xml",
                            {Diag("xml-malformed", Severity::kError,
                                  "50% done\r\n::error file=x::injected", Location{2, 5})});
  r.diagnostics[0].fix = "a\nb";
  std::string out = Emit({r});
  std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 2u) << out;
  EXPECT_EQ(lines[0],
            "::error file=dir/a%2Cb%3Ac%25.xml,line=2,col=5,title=xml-malformed::50%25 "
            "done%0D%0A::error file=x::injected%0AFix: a%0Ab");
}

TEST(ReportGithub, NoPositionNoLineAndNoInputNoFile) {
  CheckResult no_position =
      XmlResult("/work/base/a.xml", {Diag("assumed-default", Severity::kNote, "n")});
  CheckResult from_stdin =
      XmlResult("-", {Diag("xml-malformed", Severity::kError, "m", Location{1, 1})});
  CheckResult declarations = AssumeRoleDeclarationsResult("role-chaining-limit");
  CheckResult encoded = Base64SignatureMissingResult();
  CheckResult outside =
      XmlResult("/elsewhere/x.xml", {Diag("xml-malformed", Severity::kWarning, "w")});
  std::vector<std::string> lines =
      Lines(Emit({no_position, from_stdin, declarations, encoded, outside}));
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[0], "::notice file=a.xml,title=assumed-default::n");
  EXPECT_EQ(lines[1], "::error title=xml-malformed::m");
  EXPECT_EQ(lines[2], "::error title=role-chaining-limit::[aws:assume-role] d");
  EXPECT_EQ(lines[3],
            "::notice file=r.b64,title=signature-missing::s (line 28, column 3 of the decoded "
            "base64 document)");
  EXPECT_EQ(lines[4], "::warning file=/elsewhere/x.xml,title=xml-malformed::w");
}

TEST(ReportGithub, TheClosingSummaryIsNotAnAnnotation) {
  RunSummary summary;
  summary.checked = 2;
  summary.skipped = 1;
  summary.errors = 1;
  summary.warnings = 2;
  summary.notes = 0;
  std::string out = Emit({}, summary);
  EXPECT_EQ(out, "samlint: 2 inputs checked, 1 skipped: 1 error, 2 warnings, 0 notes\n");
}

TEST(ReportGithub, HostileInputCannotStartAnotherCommand) {
  CliRun run = RunCli(
      {"check", "testdata/report/hostile-values.xml", "--show-identities", "--format", "github"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  std::vector<std::string> lines = Lines(run.out);
  ASSERT_GE(lines.size(), 2u);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& line = lines[i];
    EXPECT_TRUE(line.rfind("::error ", 0) == 0 || line.rfind("::warning ", 0) == 0 ||
                line.rfind("::notice ", 0) == 0)
        << line;
  }
  EXPECT_EQ(lines.back().rfind("samlint: ", 0), 0u);
  EXPECT_NE(run.out.find("<script>alert(1)</script>"), std::string::npos)
      << "the message quotes the value (annotations are plain text)";
}

}  // namespace
}  // namespace samlint
