// Baselines and [rules] settings on finished results (docs/config.md).
#include "samlint/suppress.h"

#include <gtest/gtest.h>

#include <string>

#include "identity/finding_identity.h"

namespace samlint {
namespace {

CheckResult TwoFindings() {
  CheckResult r;
  r.input = "r.xml";
  r.kind = ResultKind::kSamlResponse;
  Diagnostic a;
  a.rule = "assumed-default";
  a.severity = Severity::kNote;
  a.message = "The role maximum 3600 s is assumed.";
  Diagnostic b;
  b.rule = "lifetime-below-target";
  b.severity = Severity::kError;
  b.message = "The session lasts 3600 s.";
  b.scenario = "aws:saml-api";
  r.diagnostics = {a, b};
  return r;
}

TEST(Suppress, FingerprintIgnoresNumbersAndCountsOccurrences) {
  EXPECT_EQ(FindingFingerprint("r", "a.xml", "", "", "", "lasts 3600 s", 0),
            FindingFingerprint("r", "a.xml", "", "", "", "lasts 7 s", 0));
  EXPECT_NE(FindingFingerprint("r", "a.xml", "", "", "", "lasts 1 s", 0),
            FindingFingerprint("r", "a.xml", "", "", "", "lasts 1 s", 1));
  EXPECT_NE(FindingFingerprint("r", "a.xml", "", "", "", "x", 0),
            FindingFingerprint("r", "b.xml", "", "", "", "x", 0));
  EXPECT_EQ(FindingFingerprint("r", "a.xml", "", "", "", "x", 0).size(), 16u);
}

TEST(Suppress, JsonBaselineDropsMatchingFindingsOnce) {
  Baseline b;
  ASSERT_TRUE(b.Parse(R"({"results": [{"input": "r.xml", "diagnostics": [
      {"rule": "lifetime-below-target", "message": "The session lasts 900 s.", "scenario": "aws:saml-api"}]}]})")
                  .ok());
  EXPECT_EQ(b.size(), 1u);
  CheckResult r = TwoFindings();
  b.Apply(r);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "assumed-default");
  EXPECT_EQ(r.suppressed, 1);
  CheckResult again = TwoFindings();
  b.Apply(again);  // the entry was used up
  EXPECT_EQ(again.diagnostics.size(), 2u);
}

TEST(Suppress, InvalidBaselinesAreErrors) {
  Baseline b;
  EXPECT_FALSE(b.Parse("not json").ok());
  EXPECT_FALSE(b.Parse("[]").ok());
  EXPECT_FALSE(b.Parse("{}").ok());
  EXPECT_FALSE(b.Parse(std::string(100000, '[')).ok());
  EXPECT_FALSE(b.Parse("{\"a\":" + std::string(100000, '{')).ok());
  EXPECT_TRUE(b.Parse(R"({"results": [1, {"diagnostics": [2, {}]}]})").ok());
}

TEST(Suppress, BaselineFailuresSayWhatTheTextIs) {
  Baseline b;
  const Status not_json = b.Parse("not json");
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.message(),
            "is not JSON: give a samlint report made with --format json (or sarif)");
  const Status neither = b.Parse("{}");
  ASSERT_FALSE(neither.ok());
  EXPECT_EQ(neither.message(),
            "is neither a samlint JSON report (no \"results\") nor SARIF (no \"runs\")");
  const Status deep = b.Parse(std::string(100, '['));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.message(), "is nested more than 64 levels deep: not a samlint report");
  const Status report = b.Parse(R"({"results": []})");
  EXPECT_TRUE(report.ok()) << report.message();
  EXPECT_EQ(report.message(), "");
}

TEST(Suppress, SarifBaselineUsesItsFingerprints) {
  CheckResult r = TwoFindings();
  r.input = "-";
  std::vector<std::string> fps = ResultFingerprints(r, "-");
  Baseline b;
  ASSERT_TRUE(b.Parse(R"({"runs": [{"results": [{"partialFingerprints": {"samlint/v1": ")" +
                      fps[1] + R"("}}]}]})")
                  .ok());
  b.Apply(r);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "assumed-default");
}

TEST(Suppress, RuleSettingsOverrideAndDisable) {
  CheckResult r = TwoFindings();
  ApplyRuleSettings(
      r, {{"assumed-default", std::nullopt}, {"lifetime-below-target", Severity::kWarning}});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "lifetime-below-target");
  EXPECT_EQ(r.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(r.suppressed, 0);  // "off" is not a suppression
}

}  // namespace
}  // namespace samlint
