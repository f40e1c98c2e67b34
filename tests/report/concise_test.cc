// The one-line format (--format concise): `path:line:col: severity [rule] (scope) message`.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "report/finding_scope.h"
#include "samlint/report.h"
#include "support/report_builders.h"

namespace samlint {
namespace {

using samlint::testing::AssumeRoleDeclarationsResult;
using samlint::testing::Base64SignatureMissingResult;
using samlint::testing::Diag;
using samlint::testing::EmitReport;
using samlint::testing::XmlResult;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST(ReportConcise, OneLinePerFindingWithPositionSeverityRuleAndMessage) {
  CheckResult r =
      XmlResult("idp/a.xml", {Diag("xml-doctype", Severity::kError, "A DOCTYPE.", Location{3, 5}),
                              Diag("signature-missing", Severity::kNote, "Unsigned.")});
  RunSummary summary;
  summary.checked = 1;
  summary.errors = 1;
  summary.notes = 1;
  std::vector<std::string> lines = Lines(EmitReport(ReportFormat::kConcise, {r}, {}, summary));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "idp/a.xml:3:5: error [xml-doctype] A DOCTYPE.");
  // No invented 1:1 for a finding about the whole input.
  EXPECT_EQ(lines[1], "idp/a.xml: note [signature-missing] Unsigned.");
  EXPECT_EQ(lines[2], "1 input checked, 0 skipped: 1 error, 0 warnings, 1 note");
}

TEST(ReportConcise, QuietLeavesOutTheSummaryLine) {
  ReportOptions options;
  options.quiet = true;
  std::string out =
      EmitReport(ReportFormat::kConcise,
                 {XmlResult("a.xml", {Diag("xml-doctype", Severity::kError, "m")})}, options);
  EXPECT_EQ(out, "a.xml: error [xml-doctype] m\n");
}

TEST(ReportConcise, ScopeNamesPartScenarioAndCompactRole) {
  CheckResult r = XmlResult(
      "cap.har", {Diag("lifetime-below-target", Severity::kError, "Short.", Location{9, 2})});
  r.part = "/log/entries/3";
  r.encoding = "base64";
  r.diagnostics[0].scenario = "aws:saml-console";
  r.diagnostics[0].role = "arn:aws:iam::123456789012:role/ops";
  std::vector<std::string> lines = Lines(EmitReport(ReportFormat::kConcise, {r}));
  ASSERT_FALSE(lines.empty());
  // The position is in the decoded response, not the capture: it goes after the message.
  EXPECT_EQ(lines[0],
            "cap.har: error [lifetime-below-target] (/log/entries/3, aws:saml-console, "
            "123456789012:role/ops) Short. (line 9, column 2 of the decoded base64 document)");
}

TEST(ReportConcise, DecodedPositionsAndDeclarationsAndStdin) {
  CheckResult stdin_result =
      XmlResult("-", {Diag("xml-doctype", Severity::kError, "d", Location{1, 1})});
  std::vector<std::string> lines =
      Lines(EmitReport(ReportFormat::kConcise,
                       {Base64SignatureMissingResult(),
                        AssumeRoleDeclarationsResult("duration-out-of-range"), stdin_result}));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0],
            "/work/base/r.b64: note [signature-missing] s (line 28, column 3 of the decoded base64 "
            "document)");
  EXPECT_EQ(lines[1], "(declarations): error [duration-out-of-range] (aws:assume-role) d");
  EXPECT_EQ(lines[2], "-:1:1: error [xml-doctype] d");
}

TEST(ReportConcise, ControlCharactersCannotBreakTheLineOrDriveATerminal) {
  CheckResult r = XmlResult("a.xml", {Diag("xml-comment-in-value", Severity::kError,
                                           "NameID \"x\x1b[2Jy\"\nnext line\r")});
  std::vector<std::string> lines = Lines(EmitReport(ReportFormat::kConcise, {r}));
  ASSERT_EQ(lines.size(), 2u);  // the finding, the summary
  EXPECT_EQ(lines[0], "a.xml: error [xml-comment-in-value] NameID \"x\xEF\xBF\xBD[2Jy\" next line");
}

TEST(FindingScope, CompactRoleKeepsAccountAndResource) {
  EXPECT_EQ(CompactRole("arn:aws:iam::123456789012:role/ops"), "123456789012:role/ops");
  EXPECT_EQ(CompactRole("arn:aws-cn:iam::123456789012:role/a/b"), "123456789012:role/a/b");
  EXPECT_EQ(CompactRole("acs:ram::1234567890123456:role/ops"), "1234567890123456:role/ops");
  EXPECT_EQ(CompactRole("ops"), "ops");
  EXPECT_EQ(CompactRole("arn:aws:iam::"), "arn:aws:iam::");
}

}  // namespace
}  // namespace samlint
