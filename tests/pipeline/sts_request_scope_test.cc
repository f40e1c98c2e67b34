// pipeline: an STS request is judged for the role it asks for; the assertion's
// other roles are the IdP's offer and are neither evaluated nor reported.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "samlint/check.h"
#include "support/encoders.h"
#include "support/saml_builder.h"

namespace samlint {
namespace {

using test::EncodeBase64;
using testing::AwsRole;
using testing::SamlBuilder;

const std::string kOps = "arn:aws:iam::123456789012:role/ops";
const std::string kAdmin = "arn:aws:iam::123456789012:role/admin";

// An AWS CLI --cli-input-json request for `role_arn`, with an assertion that
// offers ops and admin and a SessionDuration above admin's assumed maximum.
std::vector<CheckResult> CheckRequestFor(const std::string& role_arn) {
  SamlBuilder b;
  b.roles = {AwsRole("ops"), AwsRole("admin")};
  b.session_durations = {"7200"};
  const std::string request = "{\n  \"RoleArn\": \"" + role_arn +
                              "\",\n  \"PrincipalArn\": "
                              "\"arn:aws:iam::123456789012:saml-provider/idp\",\n"
                              "  \"SAMLAssertion\": \"" +
                              EncodeBase64(b.Build()) + "\",\n  \"DurationSeconds\": 3600\n}\n";
  return CheckInput("request.json", request, CheckOptions{});
}

TEST(StsRequestScope, OnlyTheRequestedRoleIsEvaluatedAndReported) {
  for (const std::string& asked : {kOps, kAdmin}) {
    const std::vector<CheckResult> results = CheckRequestFor(asked);
    ASSERT_EQ(results.size(), 1U);
    const CheckResult& r = results[0];
    ASSERT_EQ(r.kind, ResultKind::kStsRequest) << asked;
    ASSERT_FALSE(r.evaluations.empty()) << asked;
    for (const Evaluation& e : r.evaluations) EXPECT_EQ(e.role.value_or(""), asked);
    bool evaluation_finding = false;
    for (const Diagnostic& d : r.diagnostics) {
      if (d.role.empty()) continue;
      evaluation_finding = true;
      EXPECT_EQ(d.role, asked) << d.message;
    }
    EXPECT_TRUE(evaluation_finding) << asked;
    // The offer stays whole: both roles are listed.
    EXPECT_EQ(r.roles.size(), 2U) << asked;
  }
}

}  // namespace
}  // namespace samlint
