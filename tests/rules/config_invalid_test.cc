// config-invalid (error): a samlint.toml given as INPUT with an unknown key, a
// bad value or a TOML syntax error (docs/config.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/config.h"

using ::testing::HasSubstr;

TEST(ConfigInvalid, FiresForAnUnknownKeyWithSuggestionAndPosition) {
  const std::string toml = "cloud = \"aws\"\n  tagret = \"8h\"\n";
  const samlint::CheckResult result = samlint::CheckConfigInput("proj/samlint.toml", toml);
  EXPECT_EQ(samlint::ResultKindName(result.kind), "config");
  const samlint::Diagnostic* d = ExpectOne(result, "config-invalid", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->message,
            "The samlint config proj/samlint.toml: unknown key 'tagret' (did you mean 'target'?).");
  ASSERT_TRUE(d->location.has_value());
  EXPECT_EQ(d->location->line, 2);
  EXPECT_EQ(d->location->column, 3);
}

TEST(ConfigInvalid, FiresThroughCheckInputForABrokenFile) {
  const std::vector<samlint::CheckResult> results =
      samlint::CheckInput("samlint.toml", "target = [\n", samlint::CheckOptions{});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].kind, samlint::ResultKind::kConfig);
  const samlint::Diagnostic* d = FindDiagnostic(results[0], "config-invalid");
  ASSERT_NE(d, nullptr) << Describe(results[0]);
  EXPECT_THAT(d->message, HasSubstr("is not valid TOML"));
  ASSERT_TRUE(d->location.has_value());
}

TEST(ConfigInvalid, DoesNotFireForAValidConfig) {
  const samlint::CheckResult result = samlint::CheckConfigInput(
      "samlint.toml", "target = \"8h\"\n[rules]\n\"assumed-default\" = \"off\"\n");
  EXPECT_EQ(result.kind, samlint::ResultKind::kConfig);
  EXPECT_TRUE(result.diagnostics.empty()) << Describe(result);
}
