// GitLab Code Quality (--format gitlab): the array GitLab reads, one object
// per finding with the shape and values GitLab requires.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "identity/finding_identity.h"
#include "samlint/report.h"
#include "support/report_builders.h"

namespace samlint {
namespace {

using nlohmann::json;
using samlint::testing::AssumeRoleDeclarationsResult;
using samlint::testing::Base64SignatureMissingResult;
using samlint::testing::Diag;
using samlint::testing::EmitReport;
using samlint::testing::XmlResult;

std::string Emit(const std::vector<CheckResult>& results) {
  ReportOptions options;
  options.base_directory = "/work/base";
  return EmitReport(ReportFormat::kGitlab, results, options);
}

// GitLab's required fields and value sets (docs: Code Quality report format).
void ExpectCodeQualityShape(const json& issue) {
  ASSERT_TRUE(issue.is_object()) << issue;
  EXPECT_TRUE(issue["description"].is_string()) << issue;
  EXPECT_TRUE(issue["check_name"].is_string()) << issue;
  EXPECT_TRUE(issue["fingerprint"].is_string()) << issue;
  ASSERT_TRUE(issue["severity"].is_string()) << issue;
  static const std::set<std::string> kSeverities = {"info", "minor", "major", "critical",
                                                    "blocker"};
  EXPECT_TRUE(kSeverities.count(issue["severity"].get<std::string>())) << issue;
  ASSERT_TRUE(issue["location"].is_object()) << issue;
  EXPECT_TRUE(issue["location"]["path"].is_string()) << issue;
  ASSERT_TRUE(issue["location"]["lines"].is_object()) << issue;
  ASSERT_TRUE(issue["location"]["lines"]["begin"].is_number_integer()) << issue;
  EXPECT_GE(issue["location"]["lines"]["begin"].get<int>(), 1) << issue;
}

TEST(ReportGitlab, OneIssuePerFindingWithGitlabsShape) {
  CheckResult a =
      XmlResult("/work/base/idp/a.xml",
                {Diag("xml-doctype", Severity::kError, "A DOCTYPE 12.", Location{3, 5}),
                 Diag("lifetime-below-target", Severity::kError, "Short.", Location{7, 1}),
                 Diag("certificate-expired", Severity::kWarning, "Old."),
                 Diag("assumed-default", Severity::kNote, "Assumed.")});
  a.diagnostics[1].scenario = "aws:saml-console";
  a.diagnostics[1].role = "arn:aws:iam::123456789012:role/ops";
  a.diagnostics[1].fix = "Raise it: `aws iam update-role`.";
  json report = json::parse(Emit(
      {a, Base64SignatureMissingResult(), AssumeRoleDeclarationsResult("duration-out-of-range")}));
  ASSERT_TRUE(report.is_array());
  ASSERT_EQ(report.size(), 6u);
  for (const json& issue : report) ExpectCodeQualityShape(issue);

  EXPECT_EQ(report[0]["check_name"], "xml-doctype");
  EXPECT_EQ(report[0]["severity"], "critical");  // a trust rule at error severity
  EXPECT_EQ(report[0]["location"]["path"], "idp/a.xml");
  EXPECT_EQ(report[0]["location"]["lines"]["begin"], 3);
  EXPECT_EQ(report[0]["fingerprint"],
            FindingFingerprint("xml-doctype", "idp/a.xml", "", "", "", "A DOCTYPE 12.", 0));
  EXPECT_EQ(report[1]["severity"], "major");
  EXPECT_EQ(
      report[1]["description"],
      "(aws:saml-console, 123456789012:role/ops) Short. Fix: Raise it: `aws iam update-role`.");
  EXPECT_EQ(report[2]["severity"], "minor");
  EXPECT_EQ(report[2]["location"]["lines"]["begin"], 1);  // no line: GitLab requires one
  EXPECT_EQ(report[3]["severity"], "info");
  // A decoded position is not a line of the file.
  EXPECT_EQ(report[4]["location"]["path"], "r.b64");
  EXPECT_EQ(report[4]["location"]["lines"]["begin"], 1);
  EXPECT_EQ(report[4]["description"], "s (line 28, column 3 of the decoded base64 document)");
  EXPECT_EQ(report[5]["location"]["path"], "(declarations)");
}

TEST(ReportGitlab, FingerprintsAreUniqueForRepeatedFindings) {
  CheckResult a = XmlResult("/work/base/a.xml", {Diag("duplicate-id", Severity::kError, "Dup."),
                                                 Diag("duplicate-id", Severity::kError, "Dup.")});
  json report = json::parse(Emit({a}));
  ASSERT_EQ(report.size(), 2u);
  EXPECT_NE(report[0]["fingerprint"], report[1]["fingerprint"]);
}

TEST(ReportGitlab, NoFindingsIsAnEmptyArray) {
  json report = json::parse(Emit({XmlResult("/work/base/a.xml", {})}));
  EXPECT_EQ(report, json::array());
}

}  // namespace
}  // namespace samlint
