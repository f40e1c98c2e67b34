// role-not-in-assertion (error in an STS request): the request asks for a role
// that is not among the assertion's Role values, so STS refuses the call.
// (cli-contract.md § Rule ids, Inputs and declarations.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "rules/rule_test_util.h"
#include "samlint/check.h"

using ::testing::HasSubstr;

namespace {

// testdata/artifacts/sts/aws-cli-assume-role-with-saml.json (the AWS CLI's
// --cli-input-json for role ops, whose assertion offers role ops), asking
// for `role_arn` instead.
std::vector<samlint::CheckResult> CheckRequestFor(const std::string& role_arn) {
  const std::string path =
      std::string(SAMLINT_TESTDATA) + "/artifacts/sts/aws-cli-assume-role-with-saml.json";
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::string request{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const std::string field = "\"RoleArn\": \"" + kAwsOpsRole + "\"";
  const std::size_t at = request.find(field);
  EXPECT_NE(at, std::string::npos) << path;
  if (at != std::string::npos) {
    request.replace(at, field.size(), "\"RoleArn\": \"" + role_arn + "\"");
  }
  return samlint::CheckInput("request.json", request, samlint::CheckOptions{});
}

}  // namespace

TEST(RoleNotInAssertion, Fires) {
  const auto results = CheckRequestFor("arn:aws:iam::123456789012:role/admin");
  ASSERT_EQ(results.size(), 1u);
  const samlint::Diagnostic* d =
      ExpectOne(results[0], "role-not-in-assertion", samlint::Severity::kError);
  ASSERT_NE(d, nullptr);
  EXPECT_THAT(d->message, HasSubstr("role/admin"));
  EXPECT_THAT(d->message, HasSubstr(kAwsOpsRole));  // the assertion's offer
  EXPECT_TRUE(results[0].evaluations.empty());
}

TEST(RoleNotInAssertion, DoesNotFireForAnOfferedRole) {
  const auto results = CheckRequestFor(kAwsOpsRole);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_FALSE(HasRule(results[0], "role-not-in-assertion")) << Describe(results[0]);
  EXPECT_FALSE(results[0].evaluations.empty()) << Describe(results[0]);
}
