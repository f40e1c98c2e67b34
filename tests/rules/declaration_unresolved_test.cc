// declaration-unresolved (warning): a declarations file gives a value samlint
// cannot resolve to a number (a CloudFormation !Ref); the documented default
// is used instead. (cli-contract.md § Rule ids, Inputs and declarations.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/declarations.h"

using ::testing::HasSubstr;

namespace {

// A CloudFormation template declaring role ops with `max_session` as its MaxSessionDuration.
std::optional<samlint::CheckResult> CheckTemplate(const std::string& max_session) {
  const std::string text =
      "AWSTemplateFormatVersion: \"2010-09-09\"\n"
      "Parameters:\n"
      "  SessionSeconds:\n"
      "    Type: Number\n"
      "Resources:\n"
      "  OpsRole:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties:\n"
      "      RoleName: ops\n"
      "      MaxSessionDuration: " +
      max_session + "\n";
  samlint::Declarations declarations;
  const samlint::Status parsed = samlint::ParseDeclarations(text, "roles.yaml", declarations);
  EXPECT_TRUE(parsed.ok()) << parsed.message();
  return samlint::DeclarationsResult(declarations, {"roles.yaml"});
}

}  // namespace

TEST(DeclarationUnresolved, Fires) {
  const std::optional<samlint::CheckResult> result = CheckTemplate("!Ref SessionSeconds");
  ASSERT_TRUE(result.has_value());
  const auto found = DiagnosticsWithRule(*result, "declaration-unresolved");
  ASSERT_EQ(found.size(), 1u) << Describe(*result);
  const samlint::Diagnostic& d = *found[0];
  EXPECT_EQ(d.severity, samlint::Severity::kWarning);
  EXPECT_THAT(d.message, HasSubstr("roles.yaml:10"));
  EXPECT_THAT(d.message, HasSubstr("SessionSeconds"));
}

TEST(DeclarationUnresolved, DoesNotFireForALiteralValue) {
  const std::optional<samlint::CheckResult> result = CheckTemplate("7200");
  if (result.has_value()) {
    EXPECT_FALSE(HasRule(*result, "declaration-unresolved")) << Describe(*result);
  }
}
