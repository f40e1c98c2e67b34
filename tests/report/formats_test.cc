// Format names, the emitter factory, and the CLI's --format and --fail-on.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "samlint/report.h"
#include "support/run_cli.h"

namespace samlint {
namespace {

using samlint::testing::CliRun;
using samlint::testing::RunCli;

TEST(ReportFormats, ParsesTheFiveNames) {
  EXPECT_EQ(ParseReportFormat("text"), ReportFormat::kText);
  EXPECT_EQ(ParseReportFormat("json"), ReportFormat::kJson);
  EXPECT_EQ(ParseReportFormat("sarif"), ReportFormat::kSarif);
  EXPECT_EQ(ParseReportFormat("github"), ReportFormat::kGithub);
  EXPECT_EQ(ParseReportFormat("html"), ReportFormat::kHtml);
  EXPECT_EQ(ParseReportFormat("SARIF"), std::nullopt);
  EXPECT_EQ(ParseReportFormat(""), std::nullopt);
  EXPECT_EQ(ParseReportFormat("xml"), std::nullopt);
}

TEST(ReportFormats, EveryFormatHasAnEmitter) {
  for (ReportFormat f : {ReportFormat::kText, ReportFormat::kJson, ReportFormat::kSarif,
                         ReportFormat::kGithub, ReportFormat::kHtml}) {
    std::ostringstream out;
    auto emitter = MakeEmitter(f, out, ReportOptions{});
    ASSERT_NE(emitter, nullptr);
    emitter->Begin();
    emitter->End(RunSummary{});
  }
  std::ostringstream sarif, html;
  auto s = MakeEmitter(ReportFormat::kSarif, sarif, ReportOptions{});
  s->Begin();
  s->End(RunSummary{});
  EXPECT_EQ(sarif.str().rfind("{\n  \"$schema\"", 0), 0u);
  auto h = MakeEmitter(ReportFormat::kHtml, html, ReportOptions{});
  h->Begin();
  h->End(RunSummary{});
  EXPECT_EQ(html.str().rfind("<!DOCTYPE html>", 0), 0u);
}

using samlint::testing::kAliyunClampedArgs;
using samlint::testing::With;

/// check of `file` for aws:saml-api, --duration-seconds 2h, --role-max-session 12h.
std::vector<std::string> AwsApiArgs(const std::string& file) {
  return {
      "check", file, "--scenario", "aws:saml-api", "--duration-seconds", "2h", "--role-max-session",
      "12h"};
}

TEST(ReportCli, FormatAcceptsAllFive) {
  for (const std::string format : {"text", "json", "sarif", "github", "html"}) {
    CliRun run = RunCli(With(kAliyunClampedArgs, {"--format", format}));
    EXPECT_EQ(run.exit_code, 1) << format << ": " << run.err;
    EXPECT_TRUE(run.err.empty()) << format << ": " << run.err;
    EXPECT_FALSE(run.out.empty()) << format;
  }
  EXPECT_FALSE(RunCli(With(kAliyunClampedArgs, {"--format", "sarif"})).Json().is_null());
}

TEST(ReportCli, UnknownFormatIsAUsageError) {
  CliRun run = RunCli(With(kAliyunClampedArgs, {"--format", "pdf"}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  EXPECT_EQ(run.err,
            "samlint: --format: unknown format 'pdf' (use text, concise, json, sarif, github, "
            "gitlab, junit or html)\n");
}

TEST(ReportCli, FailOnSetsTheSeverityThatExitsOne) {
  // Worst finding: a warning (destination-mismatch), plus a note.
  const std::vector<std::string> warning =
      AwsApiArgs("testdata/report/aws-destination-warning.xml");
  EXPECT_EQ(RunCli(warning).exit_code, 0);
  EXPECT_EQ(RunCli(With(warning, {"--fail-on", "error"})).exit_code, 0);
  EXPECT_EQ(RunCli(With(warning, {"--fail-on", "warning"})).exit_code, 1);
  EXPECT_EQ(RunCli(With(warning, {"--fail-on", "note"})).exit_code, 1);

  // Worst finding: a note (signature-missing).
  const std::vector<std::string> note = AwsApiArgs("testdata/responses/aws-api.xml");
  EXPECT_EQ(RunCli(With(note, {"--fail-on", "warning"})).exit_code, 0);
  EXPECT_EQ(RunCli(With(note, {"--fail-on", "note", "--format", "sarif"})).exit_code, 1);

  // Errors fail at every threshold.
  for (const std::string level : {"error", "warning", "note"}) {
    EXPECT_EQ(
        RunCli(With(kAliyunClampedArgs, {"--fail-on", level, "--format", "github"})).exit_code, 1)
        << level;
  }
}

TEST(ReportCli, UnknownFailOnIsAUsageError) {
  CliRun run = RunCli(With(kAliyunClampedArgs, {"--fail-on", "info"}));
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  EXPECT_EQ(run.err, "samlint: --fail-on: unknown severity 'info' (use error, warning or note)\n");
}

}  // namespace
}  // namespace samlint
