// The text report: findings name their scenario and role; several inputs get
// one summary line each; --quiet keeps the findings only; --statistics adds
// the counts per rule.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "samlint/report.h"
#include "support/report_builders.h"

namespace samlint {
namespace {

using samlint::testing::Diag;
using samlint::testing::EmitReport;
using samlint::testing::XmlResult;

Evaluation Issued(ScenarioId scenario, std::string role, std::int64_t seconds,
                  std::optional<std::int64_t> target, std::vector<FactorName> binding) {
  Evaluation e;
  e.scenario = scenario;
  e.role = std::move(role);
  e.effective_seconds = seconds;
  e.target_seconds = target;
  e.binding = std::move(binding);
  return e;
}

Diagnostic Scoped(std::string rule, std::string scenario, std::string role) {
  Diagnostic d = Diag(std::move(rule), Severity::kError, "m");
  d.scenario = std::move(scenario);
  d.role = std::move(role);
  return d;
}

std::string Text(const std::vector<CheckResult>& results, ReportOptions options = {},
                 const RunSummary& summary = {}) {
  return EmitReport(ReportFormat::kText, results, options, summary);
}

TEST(ReportText, ARoleScopedFindingNamesItsScenarioAndRole) {
  CheckResult r = XmlResult("r.xml", {Scoped("lifetime-below-target", "aws:saml-console",
                                             "arn:aws:iam::1:role/ReadOnly"),
                                      Scoped("lifetime-below-target", "aws:saml-console",
                                             "arn:aws:iam::1:role/Admin"),
                                      Scoped("assumed-default", "aws:assume-role", ""),
                                      Diag("signature-missing", Severity::kNote, "s")});
  std::string text = Text({r});
  EXPECT_NE(text.find("error   lifetime-below-target [aws:saml-console "
                      "arn:aws:iam::1:role/ReadOnly]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("error   lifetime-below-target [aws:saml-console "
                      "arn:aws:iam::1:role/Admin]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("error   assumed-default [aws:assume-role]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("note    signature-missing\n"), std::string::npos) << text;
}

TEST(ReportText, SummaryLinesGiveEachEvaluationOnTheInputsLine) {
  CheckResult r = XmlResult("a.xml", {Scoped("lifetime-below-target", "aws:saml-console",
                                             "arn:aws:iam::1:role/ops")});
  r.cloud = Cloud::kAws;
  r.evaluations.push_back(Issued(ScenarioId::kAwsSamlConsole, "arn:aws:iam::1:role/ops", 3600,
                                 28800, {FactorName::kRoleMaxSessionDuration}));
  Evaluation rejected;
  rejected.scenario = ScenarioId::kAwsSamlApi;
  rejected.role = "arn:aws:iam::1:role/ops";
  rejected.outcome = Outcome::kRejected;
  rejected.rejected_by = {"duration-exceeds-role-max"};
  r.evaluations.push_back(rejected);
  r.evaluations.push_back(Issued(ScenarioId::kAwsAssumeRole, "", 43200, 28800,
                                 {FactorName::kDurationSeconds, FactorName::kRoleMaxSessionDuration}));
  r.evaluations.back().role.reset();
  CheckResult clean = XmlResult("b.xml", {});
  clean.evaluations.push_back(Issued(ScenarioId::kAwsSamlConsole, "arn:aws:iam::1:role/ops", 28800,
                                     std::nullopt, {FactorName::kSessionDurationAttribute}));
  ReportOptions options;
  options.summary_lines = true;
  RunSummary summary;
  summary.checked = 2;
  summary.errors = 1;
  EXPECT_EQ(Text({clean, r, clean}, options, summary),
            "b.xml  aws:saml-console role/ops: 8h 00m (session_duration_attribute binds)\n"
            "a.xml  (aws)  aws:saml-console role/ops: 1h 00m, below target 8h 00m "
            "(role_max_session_duration binds); aws:saml-api role/ops: rejected "
            "(duration-exceeds-role-max); aws:assume-role: 12h 00m, meets target 8h 00m "
            "(duration_seconds and role_max_session_duration bind)\n"
            "        -  error   lifetime-below-target [aws:saml-console arn:aws:iam::1:role/ops]\n"
            "           m\n"
            "\n"
            "b.xml  aws:saml-console role/ops: 8h 00m (session_duration_attribute binds)\n"
            "\n"
            "2 inputs checked, 0 skipped: 1 error, 0 warnings, 0 notes\n");
}

TEST(ReportText, SummaryLinesNameTheWholeArnWhereTwoRolesShareAName) {
  CheckResult r = XmlResult("a.xml", {});
  r.evaluations.push_back(Issued(ScenarioId::kAwsSamlConsole, "arn:aws:iam::1:role/ops", 3600,
                                 std::nullopt, {}));
  r.evaluations.push_back(Issued(ScenarioId::kAwsSamlConsole, "arn:aws:iam::2:role/ops", 3600,
                                 std::nullopt, {}));
  r.evaluations.push_back(Issued(ScenarioId::kAwsSamlConsole, "arn:aws:iam::2:role/dev", 3600,
                                 std::nullopt, {}));
  ReportOptions options;
  options.summary_lines = true;
  std::string text = Text({r}, options);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "a.xml  aws:saml-console arn:aws:iam::1:role/ops: 1h 00m; aws:saml-console "
            "arn:aws:iam::2:role/ops: 1h 00m; aws:saml-console role/dev: 1h 00m");
}

TEST(ReportText, TheFullReportKeepsTheFactorTable) {
  CheckResult r = XmlResult("a.xml", {});
  Evaluation e = Issued(ScenarioId::kAwsSamlConsole, "arn:aws:iam::1:role/ops", 3600, 28800,
                        {FactorName::kRoleMaxSessionDuration});
  Factor f;
  f.name = FactorName::kRoleMaxSessionDuration;
  f.seconds = 3600;
  f.via = "--role-max-session";
  e.factors.push_back(f);
  r.evaluations.push_back(e);
  std::string full = Text({r});
  EXPECT_NE(full.find("  aws:saml-console  arn:aws:iam::1:role/ops\n"
                      "    session 1h 00m, target 8h 00m (below target)\n"
                      "    > role_max_session_duration"),
            std::string::npos)
      << full;
  ReportOptions options;
  options.summary_lines = true;
  std::string summary = Text({r}, options);
  EXPECT_EQ(summary.find("role_max_session_duration   "), std::string::npos) << summary;
  EXPECT_EQ(summary.find("session 1h 00m"), std::string::npos) << summary;
}

TEST(ReportText, QuietPrintsOnlyInputsWithFindingsAndNoCounts) {
  CheckResult clean = XmlResult("clean.xml", {});
  clean.evaluations.push_back(Issued(ScenarioId::kAwsSamlConsole, "arn:aws:iam::1:role/ops", 3600,
                                     std::nullopt, {}));
  CheckResult dirty = XmlResult("dirty.xml", {Diag("audience-mismatch", Severity::kError, "a",
                                                   Location{3, 5})});
  dirty.evaluations = clean.evaluations;
  dirty.t_use = Timestamp{0};
  ReportOptions options;
  options.quiet = true;
  RunSummary summary;
  summary.checked = 2;
  summary.errors = 1;
  EXPECT_EQ(Text({clean, dirty}, options, summary),
            "dirty.xml\n"
            "      3:5  error   audience-mismatch\n"
            "           a\n"
            "\n");
  EXPECT_EQ(Text({clean}, options, summary), "");
}

TEST(ReportText, StatisticsFollowTheCountsAndStayWithQuiet) {
  RunSummary summary;
  summary.checked = 1;
  summary.errors = 12;
  summary.notes = 1;
  summary.by_rule = {{"lifetime-below-target", Severity::kError, 12},
                     {"signature-missing", Severity::kNote, 1}};
  ReportOptions options;
  options.statistics = true;
  EXPECT_EQ(Text({}, options, summary),
            "1 input checked, 0 skipped: 12 errors, 0 warnings, 1 note\n"
            "\n"
            "12  error    lifetime-below-target\n"
            " 1  note     signature-missing\n");
  options.quiet = true;
  EXPECT_EQ(Text({}, options, summary),
            "12  error    lifetime-below-target\n"
            " 1  note     signature-missing\n");
  options.statistics = false;
  EXPECT_EQ(Text({}, options, summary), "");
}

TEST(StatisticsTable, IsEmptyWithoutFindings) {
  EXPECT_EQ(StatisticsTable(RunSummary{}), "");
}

}  // namespace
}  // namespace samlint
