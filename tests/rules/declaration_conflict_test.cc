// declaration-conflict (error): two --declarations files give the same role
// different MaxSessionDuration values; samlint uses the lowest and says so.
// (cli-contract.md § Rule ids, Inputs and declarations.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "rules/rule_test_util.h"
#include "samlint/check.h"
#include "samlint/declarations.h"
#include "support/saml_builder.h"

using samlint::testing::SamlBuilder;

namespace {

constexpr char kOps[] = "arn:aws:iam::123456789012:role/ops";

samlint::DeclaredRole Ops(std::int64_t max_session, const std::string& source) {
  samlint::DeclaredRole role;
  role.arn = kOps;
  role.name = "ops";
  role.account = "123456789012";
  role.max_session = max_session;
  role.source = source;
  role.origin = "aws iam get-role";
  return role;
}

// The default AWS response, checked with two files that declare role ops.
samlint::CheckResult CheckWithTwoDeclarations(std::int64_t first, std::int64_t second) {
  auto declarations = std::make_shared<samlint::Declarations>();
  declarations->roles = {Ops(first, "a.json:7"), Ops(second, "b.json:7")};
  samlint::CheckOptions options;
  options.declarations = declarations;
  return CheckXml(SamlBuilder{}.Build(), options);
}

}  // namespace

TEST(DeclarationConflict, Fires) {
  const samlint::CheckResult result = CheckWithTwoDeclarations(3600, 7200);
  const samlint::Diagnostic* d =
      ExpectOne(result, "declaration-conflict", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->role, kOps);
  ExpectMessageHas(*d, {"a.json:7", "b.json:7", "uses the lowest"});
}

TEST(DeclarationConflict, DoesNotFireWhenTheFilesAgree) {
  const samlint::CheckResult result = CheckWithTwoDeclarations(7200, 7200);
  EXPECT_FALSE(HasRule(result, "declaration-conflict")) << Describe(result);
}
